package dev.parity.documents.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Files with active and outward-pointing content, as a hostile deliverable could carry: a PDF that
 * runs JavaScript when opened and links out, a DOCX that fetches pictures from a server, and a
 * check, independent of the code under test, that lists what of it is left in a file.
 */
public final class HostileFiles {
  /** Text every hostile file shows, which must survive making it inert. */
  public static final String TEXT = "Quarterly variance was favourable";
  /** The result an INCLUDEPICTURE field in the DOCX shows. */
  public static final String FIELD_RESULT = "Chart of the quarter";
  /** The text of links in both files. */
  public static final String LINK_TEXT = "See the appendix";
  /** The host every outward reference names. */
  public static final String HOST = "evil.example";

  private HostileFiles() {}

  /**
   * A one-page PDF showing {@link #TEXT}, with an open action running JavaScript, a document
   * JavaScript, an embedded file, a page action, an XFA form, a URI link, a Launch link and a
   * jump to its own first page (which is harmless and stays).
   */
  public static byte[] pdf() throws IOException {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = TestBytes.textPage(pdf, TEXT, LINK_TEXT);
      PDDocumentCatalog catalog = pdf.getDocumentCatalog();
      catalog.setOpenAction(new PDActionJavaScript("app.launchURL('https://" + HOST + "/opened')"));
      PDActionURI uri = new PDActionURI();
      uri.setURI("https://" + HOST + "/clicked");
      PDActionLaunch launch = new PDActionLaunch();
      launch.setFile(new PDComplexFileSpecification());
      launch.getFile().setFile("calc.exe");
      PDActionGoTo jump = new PDActionGoTo();
      PDPageFitDestination first = new PDPageFitDestination();
      first.setPage(page);
      jump.setDestination(first);
      page.getAnnotations().add(link(680, uri));
      page.getAnnotations().add(link(650, launch));
      page.getAnnotations().add(link(620, jump));
      COSDictionary pageActions = new COSDictionary();
      pageActions.setItem(COSName.O, new PDActionJavaScript("app.alert('page')"));
      page.getCOSObject().setItem(COSName.AA, pageActions);

      PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
      PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
      scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('init')")));
      names.setJavascript(scripts);
      PDComplexFileSpecification attached = new PDComplexFileSpecification();
      attached.setFile("payload.exe");
      attached.setEmbeddedFile(new PDEmbeddedFile(pdf, new ByteArrayInputStream("MZ payload".getBytes(StandardCharsets.US_ASCII))));
      PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
      files.setNames(Map.of("payload.exe", attached));
      names.setEmbeddedFiles(files);
      catalog.setNames(names);

      PDAcroForm form = new PDAcroForm(pdf);
      form.getCOSObject().setItem(COSName.getPDFName("XFA"), new COSString("<xdp:xdp/>"));
      catalog.setAcroForm(form);
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static PDAnnotationLink link(float y, PDAction action) {
    PDAnnotationLink link = new PDAnnotationLink();
    link.setRectangle(new PDRectangle(72, y, 200, 20));
    link.setAction(action);
    return link;
  }

  /**
   * A DOCX showing {@link #TEXT}, with an external picture relationship, an {@code INCLUDEPICTURE}
   * field fetching from {@link #HOST} (showing {@link #FIELD_RESULT}), a {@code javascript:}
   * hyperlink and a {@code HYPERLINK} field to the web (both showing {@link #LINK_TEXT}), and a
   * macro project.
   */
  public static byte[] docx() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(TEXT);
      doc.getPackagePart().addExternalRelationship("https://" + HOST + "/pixel.png", XWPFRelation.IMAGES.getRelation());

      XWPFParagraph field = doc.createParagraph();
      field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
      field.createRun().getCTR().addNewInstrText().setStringValue(" INCLUDEPICTURE \"http://" + HOST + "/tracker.png\" \\d ");
      field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
      field.createRun().setText(FIELD_RESULT);
      field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);

      doc.createParagraph().createHyperlinkRun("javascript:fetch('https://" + HOST + "/clicked')").setText(LINK_TEXT);
      CTSimpleField simple = doc.createParagraph().getCTP().addNewFldSimple();
      simple.setInstr("HYPERLINK \"https://" + HOST + "/\"");
      simple.addNewR().addNewT().setStringValue(LINK_TEXT);

      PackagePart macros;
      try {
        macros = doc.getPackage().createPart(
            PackagingURIHelper.createPartName("/word/vbaProject.bin"), "application/vnd.ms-office.vbaProject");
      } catch (InvalidFormatException e) {
        throw new IOException(e);
      }
      try (OutputStream vba = macros.getOutputStream()) {
        vba.write("Attribute VB_Name = \"AutoOpen\"".getBytes(StandardCharsets.US_ASCII));
      }
      doc.getPackagePart().addRelationship(macros.getPartName(), TargetMode.INTERNAL,
          "http://schemas.microsoft.com/office/2006/relationships/vbaProject");
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * What is left of the hostile content in a PDF ({@code %PDF} bytes) or an office package:
   * empty once the file is inert. Read with PDFBox's document model for PDF; for a package, any
   * part named for macros and any part whose text names {@link #HOST}, {@code javascript:} or an
   * {@code INCLUDEPICTURE} field.
   */
  public static List<String> activeParts(byte[] bytes) throws IOException {
    boolean pdf = bytes.length > 4 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("%PDF");
    return pdf ? pdfActiveParts(bytes) : packageActiveParts(bytes);
  }

  private static List<String> pdfActiveParts(byte[] bytes) throws IOException {
    List<String> left = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDDocumentCatalog catalog = pdf.getDocumentCatalog();
      if (catalog.getOpenAction() != null) {
        left.add("open action");
      }
      PDDocumentNameDictionary names = catalog.getNames();
      if (names != null && names.getJavaScript() != null) {
        left.add("document JavaScript");
      }
      if (names != null && names.getEmbeddedFiles() != null) {
        left.add("embedded files");
      }
      if (catalog.getAcroForm() != null && catalog.getAcroForm().hasXFA()) {
        left.add("XFA");
      }
      for (PDPage page : pdf.getPages()) {
        if (page.getCOSObject().containsKey(COSName.AA)) {
          left.add("page actions");
        }
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link && link.getAction() != null
              && !(link.getAction() instanceof PDActionGoTo)) {
            left.add("link action " + link.getAction().getSubType());
          }
        }
      }
    }
    return left;
  }

  private static List<String> packageActiveParts(byte[] bytes) throws IOException {
    List<String> left = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (entry.getName().toLowerCase(Locale.ROOT).contains("vbaproject")) {
          left.add(entry.getName() + ": macros");
        }
        for (String sign : List.of(HOST, "javascript:", "INCLUDEPICTURE", "vbaProject")) {
          if (text.contains(sign)) {
            left.add(entry.getName() + ": " + sign);
          }
        }
      }
    }
    return left;
  }

  /** Whether the PDF still has a link that jumps to one of its own pages. */
  public static boolean pdfKeepsItsInternalJump(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      for (PDAnnotation annotation : pdf.getPage(0).getAnnotations()) {
        if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo) {
          return true;
        }
      }
    }
    return false;
  }
}
