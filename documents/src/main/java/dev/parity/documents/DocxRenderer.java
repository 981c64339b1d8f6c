package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.nodes.Element;

/**
 * DOCX to HTML with Apache POI: headings from the paragraph styles, lists nested by level,
 * bold and italic runs, tables, embedded pictures as data: URIs. Hyperlinks become their text
 * and address; pictures linked from outside the file are never loaded. One instance per file.
 */
final class DocxRenderer {
  private static final Pattern HEADING = Pattern.compile("(?:heading\\s*([1-6])|(title))");

  private final XWPFDocument doc;
  private final Draft draft;
  /** Relationship ids of images that live outside the file, as they appear quoted in run XML. */
  private final List<String> externalImages;

  private DocxRenderer(XWPFDocument doc, Draft draft) throws IOException {
    this.doc = doc;
    this.draft = draft;
    try {
      this.externalImages = StreamSupport.stream(doc.getPackagePart().getRelationships().spliterator(), false)
          .filter(r -> r.getTargetMode() == TargetMode.EXTERNAL && r.getRelationshipType().endsWith("/image"))
          .map(r -> "\"" + r.getId() + "\"").toList();
    } catch (InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  static void render(byte[] bytes, Draft draft) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      new DocxRenderer(doc, draft).body(doc.getBodyElements(), draft.root);
    }
  }

  private void body(List<IBodyElement> elements, Element into) {
    Html.ListNester lists = new Html.ListNester(into);
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph p && p.getNumID() != null && !p.getText().isBlank()) {
        int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
        runs(p, lists.item(level, !"bullet".equals(p.getNumFmt())));
        continue;
      }
      lists.end();
      if (element instanceof XWPFParagraph p) {
        paragraph(p, into);
      } else if (element instanceof XWPFTable t) {
        table(t, into);
      } else if (element instanceof XWPFSDT sdt) {
        into.appendElement("p").text(sdt.getContent().getText());
      }
    }
  }

  private void paragraph(XWPFParagraph p, Element into) {
    if (p.getText().isBlank() && p.getRuns().stream().allMatch(r -> r.getEmbeddedPictures().isEmpty())) {
      return;
    }
    String tag = headingTag(p);
    runs(p, into.appendElement(tag));
  }

  private String headingTag(XWPFParagraph p) {
    String id = p.getStyle();
    if (id == null) {
      return "p";
    }
    XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    String name = (style != null && style.getName() != null ? style.getName() : id).toLowerCase(Locale.ROOT);
    Matcher m = HEADING.matcher(name);
    if (!m.matches()) {
      return "p";
    }
    return m.group(2) != null ? "h1" : "h" + m.group(1);
  }

  private void runs(XWPFParagraph p, Element into) {
    for (IRunElement element : p.getIRuns()) {
      if (element instanceof XWPFRun run) {
        run(run, into);
      } else if (element instanceof XWPFSDT sdt) {
        into.appendText(sdt.getContent().getText());
      }
    }
  }

  private void run(XWPFRun run, Element into) {
    for (XWPFPicture picture : run.getEmbeddedPictures()) {
      XWPFPictureData data = picture.getPictureData();
      if (data == null || !Html.appendImage(into, data.getData(), "picture")) {
        into.appendChild(Html.omitted("[picture not shown]"));
        draft.note(data == null ? "a picture linked from outside the file was not loaded"
            : "a picture in a format browsers do not show inline was left out");
      }
    }
    if (!externalImages.isEmpty() && externalImages.stream().anyMatch(run.getCTR().xmlText()::contains)) {
      into.appendChild(Html.omitted("[picture not loaded]"));
      draft.note("a picture linked from outside the file was not loaded");
    }
    String text = run.text();
    if (text.isEmpty()) {
      return;
    }
    Element target = into;
    if (run.isBold()) {
      target = target.appendElement("strong");
    }
    if (run.isItalic()) {
      target = target.appendElement("em");
    }
    if (run instanceof XWPFHyperlinkRun link) {
      XWPFHyperlink hyperlink = link.getHyperlink(doc);
      Html.appendLink(target, text, hyperlink == null ? null : hyperlink.getURL());
      return;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        target.appendElement("br");
      }
      target.appendText(lines[i]);
    }
  }

  private void table(XWPFTable table, Element into) {
    Element t = into.appendElement("table");
    for (XWPFTableRow row : table.getRows()) {
      Element tr = t.appendElement("tr");
      for (XWPFTableCell cell : row.getTableCells()) {
        Element td = tr.appendElement(row.isRepeatHeader() ? "th" : "td");
        List<IBodyElement> content = cell.getBodyElements();
        if (content.size() == 1 && content.get(0) instanceof XWPFParagraph only && only.getNumID() == null) {
          runs(only, td);
        } else {
          body(content, td);
        }
      }
    }
  }
}
