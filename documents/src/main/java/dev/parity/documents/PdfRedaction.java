package dev.parity.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Redacts a PDF with PDFBox. PDFBox cannot remove text from a content stream safely (a glyph may
 * be drawn by any operator, in any font encoding), so a page with a value on it is rendered to a
 * picture with the values' boxes painted black, and the picture replaces the page: its text layer
 * is lost, which the change list says. Form fields holding a value are removed with their widgets;
 * annotations holding one are removed; bookmarks are retitled with the placeholder; then
 * {@link PdfMetadata#strip} removes the document information, XMP and active content. Stateless.
 */
final class PdfRedaction {
  private static final float DPI = 150;

  private PdfRedaction() {}

  static RedactedFile redact(byte[] bytes, Replacements replacements) throws IOException {
    List<RedactionChange> changes = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      fields(pdf, replacements, changes);
      int number = 0;
      for (PDPage page : pdf.getPages()) {
        number++;
        annotations(page, number, replacements, changes);
      }
      outline(pdf.getDocumentCatalog().getDocumentOutline(), replacements, changes);
      PDFRenderer renderer = new PDFRenderer(pdf);
      for (int i = 0; i < pdf.getNumberOfPages(); i++) {
        List<Rectangle2D> boxes = new ArrayList<>();
        List<Replacements.Hit> hits = hitsOnPage(pdf, i, replacements, boxes);
        if (!hits.isEmpty()) {
          String place = "page " + (i + 1);
          hits.forEach(hit -> changes.add(new RedactionChange(place, hit.entry().kind(), "", "painted over")));
          rasterise(pdf, renderer, i, boxes);
          changes.add(RedactionChange.noted(place, "rasterised with the values painted over: its text layer is lost"));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      pdf.save(out);
      changes.add(RedactionChange.noted("metadata", "document information, XMP and active content removed"));
      return new RedactedFile(PdfMetadata.strip(out.toByteArray()), changes);
    }
  }

  /** The values on a page, with their boxes in PDF user space (origin top left, in points). */
  private static List<Replacements.Hit> hitsOnPage(PDDocument pdf, int index, Replacements replacements,
      List<Rectangle2D> boxes) throws IOException {
    StringBuilder text = new StringBuilder();
    List<TextPosition> at = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String string, List<TextPosition> positions) {
        for (TextPosition position : positions) {
          String unicode = position.getUnicode();
          for (int k = 0; k < unicode.length(); k++) {
            text.append(unicode.charAt(k));
            at.add(position);
          }
        }
        text.append('\n');
        at.add(null);
      }
    };
    stripper.setStartPage(index + 1);
    stripper.setEndPage(index + 1);
    stripper.getText(pdf);
    List<Replacements.Hit> hits = replacements.find(text.toString());
    for (Replacements.Hit hit : hits) {
      for (int k = hit.start(); k < hit.end(); k++) {
        TextPosition p = at.get(k);
        if (p != null) {
          boxes.add(new Rectangle2D.Float(p.getXDirAdj(), p.getYDirAdj() - p.getHeightDir(), p.getWidthDirAdj(),
              p.getHeightDir() * 1.4f));
        }
      }
    }
    return hits;
  }

  private static void rasterise(PDDocument pdf, PDFRenderer renderer, int index, List<Rectangle2D> boxes)
      throws IOException {
    PDPage page = pdf.getPage(index);
    BufferedImage image = renderer.renderImageWithDPI(index, DPI, ImageType.RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.BLACK);
    double scale = DPI / 72.0;
    for (Rectangle2D box : boxes) {
      graphics.fill(new Rectangle2D.Double(box.getX() * scale - 2, box.getY() * scale - 2,
          box.getWidth() * scale + 4, box.getHeight() * scale + 4));
    }
    graphics.dispose();
    PDRectangle media = page.getCropBox();
    PDImageXObject picture = JPEGFactory.createFromImage(pdf, image, 0.85f);
    page.setResources(new PDResources());
    page.setRotation(0); // the picture is drawn upright, as rendered
    try (PDPageContentStream content = new PDPageContentStream(pdf, page,
        PDPageContentStream.AppendMode.OVERWRITE, true)) {
      content.drawImage(picture, media.getLowerLeftX(), media.getLowerLeftY(),
          image.getWidth() / (float) scale, image.getHeight() / (float) scale);
    }
  }

  private static void annotations(PDPage page, int number, Replacements replacements,
      List<RedactionChange> changes) throws IOException {
    List<PDAnnotation> kept = new ArrayList<>();
    boolean removed = false;
    for (PDAnnotation annotation : page.getAnnotations()) {
      List<Replacements.Hit> hits = new ArrayList<>();
      if (!(annotation instanceof PDAnnotationWidget)) {
        for (String text : annotationTexts(annotation)) {
          hits.addAll(replacements.find(text));
        }
      }
      if (hits.isEmpty()) {
        kept.add(annotation);
      } else {
        removed = true;
        String place = "annotation on page " + number;
        hits.forEach(hit -> changes.add(new RedactionChange(place, hit.entry().kind(), "", "annotation removed")));
      }
    }
    if (removed) {
      page.setAnnotations(kept);
    }
  }

  private static List<String> annotationTexts(PDAnnotation annotation) {
    List<String> texts = new ArrayList<>();
    add(texts, annotation.getContents());
    if (annotation instanceof PDAnnotationMarkup markup) {
      add(texts, markup.getTitlePopup());
      add(texts, markup.getSubject());
    }
    if (annotation instanceof PDAnnotationLink link) {
      PDAction action = link.getAction();
      if (action instanceof PDActionURI uri) {
        add(texts, uri.getURI());
      }
    }
    return texts;
  }

  private static void add(List<String> texts, String text) {
    if (text != null) {
      texts.add(text);
    }
  }

  /** Removes every terminal field whose value, default value or name holds a value, with its widgets. */
  private static void fields(PDDocument pdf, Replacements replacements, List<RedactionChange> changes)
      throws IOException {
    PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
    if (form == null) {
      return;
    }
    List<PDField> kept = new ArrayList<>();
    for (PDField field : form.getFields()) {
      if (keepField(pdf, field, replacements, changes)) {
        kept.add(field);
      }
    }
    form.setFields(kept);
  }

  private static boolean keepField(PDDocument pdf, PDField field, Replacements replacements,
      List<RedactionChange> changes) throws IOException {
    if (field instanceof PDNonTerminalField parent) {
      List<PDField> children = new ArrayList<>();
      for (PDField child : parent.getChildren()) {
        if (keepField(pdf, child, replacements, changes)) {
          children.add(child);
        }
      }
      parent.setChildren(children);
      return !children.isEmpty();
    }
    String texts = field.getValueAsString() + "\n" + field.getFullyQualifiedName() + "\n"
        + java.util.Objects.toString(field.getAlternateFieldName(), "");
    List<Replacements.Hit> hits = replacements.find(texts);
    if (hits.isEmpty()) {
      return true;
    }
    String place = "form field " + field.getFullyQualifiedName();
    hits.forEach(hit -> changes.add(new RedactionChange(place, hit.entry().kind(), "", "field removed")));
    for (PDAnnotationWidget widget : field.getWidgets()) {
      PDPage page = widget.getPage();
      for (PDPage candidate : page != null ? List.of(page) : pdf.getPages()) {
        List<PDAnnotation> annotations = new ArrayList<>(candidate.getAnnotations());
        if (annotations.removeIf(a -> a.getCOSObject() == widget.getCOSObject())) {
          candidate.setAnnotations(annotations);
        }
      }
    }
    return false;
  }

  private static void outline(PDOutlineNode node, Replacements replacements, List<RedactionChange> changes) {
    if (node == null) {
      return;
    }
    for (PDOutlineItem item : node.children()) {
      String title = item.getTitle();
      if (title != null) {
        String replaced = replacements.apply(title, hit -> changes.add(RedactionChange.replaced("bookmark", hit)));
        if (!replaced.equals(title)) {
          item.setTitle(replaced);
        }
      }
      outline(item, replacements, changes);
    }
  }
}
