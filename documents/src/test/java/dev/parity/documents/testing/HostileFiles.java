package dev.parity.documents.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.sl.usermodel.ObjectMetaData;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFObjectShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

  /** The program a DDE link in the workbook would start, and its arguments. */
  public static final String DDE_SERVICE = "cmd";
  public static final String DDE_TOPIC = "/c calc";
  /** Bytes of the objects embedded in the hostile files: a stand-in for a packaged program. */
  private static final byte[] PAYLOAD = "MZ payload".getBytes(StandardCharsets.US_ASCII);
  private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  /**
   * A DOCX showing {@link #TEXT}, with an embedded OLE object ({@code word/embeddings/}, a
   * packaged program shown as an icon) and an ActiveX control ({@code word/activeX/}, a command
   * button), each in a {@code w:object} as Word writes them.
   */
  public static byte[] docxWithObjects() throws IOException {
    byte[] plain;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(TEXT);
      doc.write(out);
      plain = out.toByteArray();
    }
    String objects = "<w:p><w:r><w:object xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:r=\"" + RELS + "\">"
        + "<v:shape id=\"_x0000_i1025\" style=\"width:72pt;height:72pt\" o:ole=\"\"/>"
        + "<o:OLEObject Type=\"Embed\" ProgID=\"Package\" ShapeID=\"_x0000_i1025\" DrawAspect=\"Icon\" "
        + "ObjectID=\"_1\" r:id=\"rIdParityOle\"/></w:object></w:r>"
        + "<w:r><w:object xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:r=\"" + RELS + "\">"
        + "<v:shape id=\"_x0000_i1026\" style=\"width:72pt;height:24pt\"/>"
        + "<w:control r:id=\"rIdParityControl\" w:name=\"CommandButton1\" w:shapeid=\"_x0000_i1026\"/>"
        + "</w:object></w:r></w:p>";
    byte[] docx = TestBytes.rewriteEntry(plain, "word/document.xml", xml -> insertAfter(xml, "</w:p>", objects));
    docx = TestBytes.rewriteEntry(docx, "word/_rels/document.xml.rels", rels -> insertAfter(rels, "<Relationships[^>]*>",
        relationship("rIdParityOle", RELS + "/oleObject", "embeddings/oleObject1.bin", false)
            + relationship("rIdParityControl", RELS + "/control", "activeX/activeX1.xml", false)));
    docx = TestBytes.rewriteEntry(docx, "[Content_Types].xml", types -> insertAfter(types, "<Types[^>]*>",
        override("/word/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject")
            + override("/word/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")
            + override("/word/activeX/activeX1.bin", "application/vnd.ms-office.activeX")));
    docx = TestBytes.withEntry(docx, "word/embeddings/oleObject1.bin", new String(PAYLOAD, StandardCharsets.US_ASCII));
    docx = TestBytes.withEntry(docx, "word/activeX/activeX1.xml", "<ax:ocx xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\" "
        + "xmlns:r=\"" + RELS + "\" ax:classid=\"{D7053240-CE69-11CD-A777-00DD01143C57}\" "
        + "ax:persistence=\"persistStorage\" r:id=\"rId1\"/>");
    docx = TestBytes.withEntry(docx, "word/activeX/_rels/activeX1.xml.rels", relationships(
        relationship("rId1", "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary", "activeX1.bin", false)));
    return TestBytes.withEntry(docx, "word/activeX/activeX1.bin", "ActiveX payload");
  }

  /**
   * A workbook showing {@link #TEXT} in {@code Data!A1}, with an embedded OLE package (a program,
   * shown as a picture), a data connection to {@link #HOST} filling a query table, a DDE link
   * that would start {@link #DDE_SERVICE} {@link #DDE_TOPIC}, and an OLE link to a program.
   */
  public static byte[] xlsxWithObjects() throws IOException {
    byte[] plain;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Data");
      sheet.createRow(0).createCell(0).setCellValue(TEXT);
      int storage = workbook.addOlePackage(PAYLOAD, "payload.exe", "payload.exe", "payload.exe");
      int picture = workbook.addPicture(TestBytes.image("png"), Workbook.PICTURE_TYPE_PNG);
      sheet.createDrawingPatriarch().createObjectData(new XSSFClientAnchor(0, 0, 0, 0, 3, 1, 5, 4), storage, picture);
      for (int r = 2; r <= 4; r++) {
        sheet.createRow(r).createCell(0).setCellValue(r == 2 ? "Rate" : "1." + r);
      }
      XSSFTable table = sheet.createTable(new AreaReference("A3:A5", SpreadsheetVersion.EXCEL2007));
      table.setName("Rates");
      workbook.write(out);
      plain = out.toByteArray();
    }
    byte[] xlsx = TestBytes.rewriteEntry(plain, "xl/tables/table1.xml", xml -> xml
        .replaceFirst("<table ", "<table tableType=\"queryTable\" connectionId=\"1\" ")
        .replaceFirst("<tableColumn ", "<tableColumn queryTableFieldId=\"1\" "));
    xlsx = TestBytes.withEntry(xlsx, "xl/tables/_rels/table1.xml.rels",
        relationships(relationship("rId1", RELS + "/queryTable", "../queryTables/queryTable1.xml", false)));
    xlsx = TestBytes.withEntry(xlsx, "xl/queryTables/queryTable1.xml", "<queryTable xmlns=\"" + S + "\" name=\"Rates\" "
        + "connectionId=\"1\" autoFormatId=\"16\" applyNumberFormats=\"0\" applyBorderFormats=\"0\" "
        + "applyFontFormats=\"0\" applyPatternFormats=\"0\" applyAlignmentFormats=\"0\" applyWidthHeightFormats=\"0\"/>");
    xlsx = TestBytes.withEntry(xlsx, "xl/connections.xml", "<connections xmlns=\"" + S + "\"><connection id=\"1\" "
        + "name=\"Rates\" type=\"4\" refreshedVersion=\"6\" refreshOnLoad=\"1\"><webPr url=\"https://" + HOST
        + "/rates\"/></connection></connections>");
    xlsx = TestBytes.withEntry(xlsx, "xl/externalLinks/externalLink1.xml", "<externalLink xmlns=\"" + S + "\">"
        + "<ddeLink ddeService=\"" + DDE_SERVICE + "\" ddeTopic=\"" + DDE_TOPIC + "\"><ddeItems><ddeItem name=\"A0\" "
        + "advise=\"1\"/></ddeItems></ddeLink></externalLink>");
    xlsx = TestBytes.withEntry(xlsx, "xl/externalLinks/externalLink2.xml", "<externalLink xmlns=\"" + S + "\" "
        + "xmlns:r=\"" + RELS + "\"><oleLink r:id=\"rId1\" progId=\"Package\"/></externalLink>");
    xlsx = TestBytes.withEntry(xlsx, "xl/externalLinks/_rels/externalLink2.xml.rels",
        relationships(relationship("rId1", RELS + "/oleObject", "file:///C:/payload.exe", true)));
    xlsx = TestBytes.rewriteEntry(xlsx, "xl/workbook.xml", xml -> insertAfter(xml, "</sheets>",
        "<externalReferences><externalReference r:id=\"rIdParityDde\"/><externalReference r:id=\"rIdParityOle\"/>"
            + "</externalReferences>"));
    xlsx = TestBytes.rewriteEntry(xlsx, "xl/_rels/workbook.xml.rels", rels -> insertAfter(rels, "<Relationships[^>]*>",
        relationship("rIdParityConnections", RELS + "/connections", "connections.xml", false)
            + relationship("rIdParityDde", RELS + "/externalLink", "externalLinks/externalLink1.xml", false)
            + relationship("rIdParityOle", RELS + "/externalLink", "externalLinks/externalLink2.xml", false)));
    String link = "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml";
    return TestBytes.rewriteEntry(xlsx, "[Content_Types].xml", types -> insertAfter(types, "<Types[^>]*>",
        override("/xl/connections.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml")
            + override("/xl/queryTables/queryTable1.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml")
            + override("/xl/externalLinks/externalLink1.xml", link)
            + override("/xl/externalLinks/externalLink2.xml", link)));
  }

  /** A deck whose slide shows {@link #TEXT} and an embedded workbook as an OLE object with a preview picture. */
  public static byte[] pptxWithObjects() throws IOException {
    byte[] embedded;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Hidden").createRow(0).createCell(0).setCellValue("embedded");
      workbook.write(out);
      embedded = out.toByteArray();
    }
    try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSLFSlide slide = deck.createSlide();
      slide.createTextBox().setText(TEXT);
      XSLFObjectShape object = slide.createOleShape(deck.addPicture(TestBytes.image("png"), PictureData.PictureType.PNG));
      try (OutputStream data = object.updateObjectData(ObjectMetaData.Application.EXCEL_V12, null)) {
        data.write(embedded);
      }
      deck.write(out);
      return out.toByteArray();
    }
  }

  private static String insertAfter(String xml, String regex, String inserted) {
    java.util.regex.Matcher at = java.util.regex.Pattern.compile(regex).matcher(xml);
    if (!at.find()) {
      throw new AssertionError("no " + regex + " in " + xml);
    }
    return xml.substring(0, at.end()) + inserted + xml.substring(at.end());
  }

  private static String relationship(String id, String type, String target, boolean external) {
    return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\""
        + (external ? " TargetMode=\"External\"" : "") + "/>";
  }

  private static String relationships(String inside) {
    return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + inside
        + "</Relationships>";
  }

  private static String override(String part, String type) {
    return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
  }

  /**
   * What is left of the hostile content in a PDF ({@code %PDF} bytes) or an office package:
   * empty once the file is inert. Read with PDFBox's document model for PDF; for a package, any
   * part named for macros, embedded objects, ActiveX controls, data connections or query tables,
   * and any part whose text names {@link #HOST}, {@code javascript:}, an {@code INCLUDEPICTURE}
   * field, an OLE object or control, a query table, the DDE topic, an OLE link's program or the
   * embedded payload.
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
        String name = entry.getName().toLowerCase(Locale.ROOT);
        for (String part : List.of("vbaproject", "embeddings/", "activex", "connections.xml", "querytables/")) {
          if (name.contains(part)) {
            left.add(entry.getName() + ": a part in " + part);
          }
        }
        for (String sign : List.of(HOST, "javascript:", "INCLUDEPICTURE", "vbaProject", "OLEObject", "<p:oleObj",
            "<oleObjects", "w:control", "queryTable", DDE_TOPIC, "progId=\"Package\"", "MZ payload")) {
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
