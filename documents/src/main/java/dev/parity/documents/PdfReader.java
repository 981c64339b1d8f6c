package dev.parity.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The reader of PDFs, page by page: one text with a {@code --- page N ---} line before each page
 * (in reading order), one piece per page, the pages and bookmarks; for vetting the annotations,
 * form fields, bookmarks, Info dictionary and XMP too; the metadata ({@link PdfMetadata}).
 * Stateless and thread-safe.
 */
final class PdfReader implements FormatReader {
  @Override
  public String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        text.append("--- page ").append(page).append(" ---\n")
            .append(page(stripper, document, page).strip()).append("\n\n");
      }
      return text.toString().strip();
    }
  }

  @Override
  public List<TextPiece> pieces(byte[] bytes) throws IOException {
    List<TextPiece> out = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        TextPiece.add(out, "page " + page, page(stripper, pdf, page));
      }
    }
    return out;
  }

  /**
   * Every piece of text in a PDF, for vetting: each page's text, its annotations (their text,
   * author and subject), form fields' values, bookmarks, the Info dictionary (labelled with its
   * keys) and the XMP metadata of the document and its pages; a key block running on to the
   * next page is one surface ({@link KeyBlocks}).
   */
  @Override
  public List<Surface> surfaces(byte[] bytes) throws IOException {
    List<Surface> out = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        Surface.add(out, "page " + page, page(stripper, pdf, page));
        PDPage p = pdf.getPage(page - 1);
        for (PDAnnotation annotation : p.getAnnotations()) {
          String where = "annotation on page " + page;
          Surface.add(out, where, annotation.getContents());
          if (annotation instanceof PDAnnotationMarkup markup) {
            Surface.add(out, where + " author", markup.getTitlePopup(), "annotation author");
            Surface.add(out, where + " subject", markup.getSubject());
          }
        }
        metadata(p.getMetadata(), "XMP of page " + page, out);
      }
      PDAcroForm form = pdf.getDocumentCatalog().getAcroForm();
      if (form != null) {
        for (PDField field : form.getFieldTree()) {
          Surface.add(out, "form field " + field.getFullyQualifiedName(), field.getValueAsString());
        }
      }
      PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
      if (outline != null) {
        bookmarkTitles(outline, out, 0);
      }
      COSDictionary info = pdf.getDocumentInformation().getCOSObject();
      for (COSName key : info.keySet()) {
        if (info.getDictionaryObject(key) instanceof COSString value) {
          // Creator names the application that made the file, not a person: it is read as text only.
          String name = key.getName();
          Surface.add(out, "Info dictionary /" + name, value.getString(), name.equals("Creator") ? "creator tool" : name);
        }
      }
      metadata(pdf.getDocumentCatalog().getMetadata(), "XMP of the document", out);
    }
    return KeyBlocks.join(out);
  }

  private static void bookmarkTitles(PDOutlineNode node, List<Surface> out, int depth) {
    if (depth > 64) {
      return; // outlines may loop; no real one is this deep
    }
    for (PDOutlineItem item : node.children()) {
      Surface.add(out, "bookmark", item.getTitle());
      bookmarkTitles(item, out, depth + 1);
    }
  }

  private static void metadata(PDMetadata metadata, String where, List<Surface> out) throws IOException {
    if (metadata != null) {
      try (InputStream in = metadata.exportXMPMetadata()) {
        Xmp.surfaces(new String(in.readAllBytes(), StandardCharsets.UTF_8), where, out);
      }
    }
  }

  /**
   * Words of the pages' text, the bookmarks (its headings, as the outline names them), the pages
   * and the pictures drawn on them (image XObjects in each page's resources, counted per page).
   */
  @Override
  public DocumentFeatures features(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      int words = 0;
      int images = 0;
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        words += DocumentFeatures.words(page(stripper, pdf, page));
        PDResources resources = pdf.getPage(page - 1).getResources();
        if (resources != null) {
          for (COSName name : resources.getXObjectNames()) {
            images += resources.isImageXObject(name) ? 1 : 0;
          }
        }
      }
      PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
      return new DocumentFeatures(words, DocumentFeatures.LengthUnit.WORDS, 0, outline == null ? 0 : bookmarks(outline),
          pdf.getNumberOfPages(), images);
    }
  }

  private static int bookmarks(PDOutlineNode node) {
    int count = 0;
    for (PDOutlineItem item : node.children()) {
      count += 1 + bookmarks(item);
    }
    return count;
  }

  @Override
  public OptionalInt pages(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return OptionalInt.of(pdf.getNumberOfPages());
    }
  }

  @Override
  public Found metadata(byte[] bytes) throws IOException {
    return PdfMetadata.inspect(bytes);
  }

  /** The text of one page (numbered from 1), as {@code stripper} reads it. */
  static String page(PDFTextStripper stripper, PDDocument document, int page) throws IOException {
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document);
  }
}
