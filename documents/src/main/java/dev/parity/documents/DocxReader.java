package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The reader of Word documents: the body as Markdown-like text (headings, list items, paragraphs
 * and tables), every visible piece of text with its place (body, headers, footers, comments),
 * the headings, the stored page count, and ({@link OoxmlReader}) the hidden places and the metadata. Stateless and thread-safe.
 */
final class DocxReader extends OoxmlReader {
  private static final Pattern HEADING = Pattern.compile("heading\\s*(\\d)");

  @Override
  public String text(byte[] bytes) throws IOException {
    try (XWPFDocument document = open(bytes)) {
      return text(document);
    }
  }

  private static String text(XWPFDocument document) {
    StringBuilder text = new StringBuilder();
    for (IBodyElement element : document.getBodyElements()) {
      if (element instanceof XWPFParagraph paragraph) {
        appendParagraph(document, paragraph, text);
      } else if (element instanceof XWPFTable table) {
        appendTable(table, text);
      }
    }
    return text.toString().strip();
  }

  /** Words of the body's text (tables included), tables, headings, the stored page count and pictures. */
  @Override
  public DocumentFeatures features(byte[] bytes) throws IOException {
    try (XWPFDocument document = open(bytes)) {
      int tables = (int) document.getBodyElements().stream().filter(XWPFTable.class::isInstance).count();
      return new DocumentFeatures(DocumentFeatures.words(text(document)), DocumentFeatures.LengthUnit.WORDS,
          tables, headings(document).size(), Math.max(0, document.getProperties().getExtendedProperties().getPages()),
          document.getAllPictures().size());
    }
  }

  @Override
  public List<TextPiece> pieces(byte[] bytes) throws IOException {
    List<TextPiece> out = new ArrayList<>();
    try (XWPFDocument doc = open(bytes)) {
      int[] counters = new int[2];
      body(doc.getBodyElements(), counters, out);
      for (XWPFHeader header : doc.getHeaderList()) {
        TextPiece.add(out, "header", header.getText());
      }
      for (XWPFFooter footer : doc.getFooterList()) {
        TextPiece.add(out, "footer", footer.getText());
      }
      if (doc.getDocComments() != null) {
        for (XWPFComment comment : doc.getDocComments().getComments()) {
          TextPiece.add(out, "comment " + comment.getId(), comment.getText());
        }
      }
    }
    return out;
  }

  /** The page count Word stored when it last saved the file; empty when there is none. */
  @Override
  public OptionalInt pages(byte[] bytes) throws IOException {
    try (XWPFDocument document = open(bytes)) {
      int stored = document.getProperties().getExtendedProperties().getPages();
      return stored > 0 ? OptionalInt.of(stored) : OptionalInt.empty();
    }
  }

  /** The text of each paragraph whose style (by id or by name) is a heading or the title. */
  @Override
  public Optional<List<String>> headings(byte[] bytes) throws IOException {
    try (XWPFDocument document = open(bytes)) {
      return Optional.of(headings(document));
    }
  }

  private static List<String> headings(XWPFDocument document) {
    List<String> headings = new ArrayList<>();
    for (XWPFParagraph paragraph : document.getParagraphs()) {
      String style = paragraph.getStyle() == null ? "" : paragraph.getStyle().toLowerCase(Locale.ROOT);
      String styleName = paragraph.getStyleID() == null || document.getStyles() == null
          || document.getStyles().getStyle(paragraph.getStyleID()) == null
          ? "" : document.getStyles().getStyle(paragraph.getStyleID()).getName().toLowerCase(Locale.ROOT);
      if (style.startsWith("heading") || style.equals("title")
          || styleName.startsWith("heading") || styleName.equals("title")) {
        headings.add(paragraph.getText().strip());
      }
    }
    return headings;
  }

  private static XWPFDocument open(byte[] bytes) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  private static void appendParagraph(XWPFDocument document, XWPFParagraph paragraph, StringBuilder text) {
    String content = paragraph.getText().strip();
    if (content.isEmpty()) {
      return;
    }
    int level = headingLevel(document, paragraph);
    if (level > 0) {
      text.append("\n").append("#".repeat(level)).append(' ');
    } else if (paragraph.getNumID() != null) {
      text.append("- ");
    }
    text.append(content).append("\n");
    if (level > 0) {
      text.append("\n");
    }
  }

  /** 1–9 for a heading (by style name, which Word keeps in English whatever the UI language), else 0. */
  private static int headingLevel(XWPFDocument document, XWPFParagraph paragraph) {
    String styleId = paragraph.getStyle();
    if (styleId == null) {
      return 0;
    }
    XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
    String name = (style == null || style.getName() == null ? styleId : style.getName()).toLowerCase(Locale.ROOT);
    if (name.equals("title")) {
      return 1;
    }
    Matcher heading = HEADING.matcher(name);
    return heading.find() ? Integer.parseInt(heading.group(1)) : 0;
  }

  private static void appendTable(XWPFTable table, StringBuilder text) {
    text.append("\n");
    for (XWPFTableRow row : table.getRows()) {
      text.append(row.getTableCells().stream()
              .map(cell -> cell.getText().strip().replaceAll("\\s*\\R\\s*", " "))
              .collect(Collectors.joining(" | ", "| ", " |")))
          .append("\n");
    }
    text.append("\n");
  }

  /** counters[0] counts paragraphs, counters[1] tables, across the whole body. */
  private static void body(List<IBodyElement> elements, int[] counters, List<TextPiece> out) {
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph p && !p.getText().isBlank()) {
        TextPiece.add(out, "paragraph " + ++counters[0], p.getText());
      } else if (element instanceof XWPFTable table) {
        int number = ++counters[1];
        int r = 0;
        for (XWPFTableRow row : table.getRows()) {
          r++;
          int c = 0;
          for (XWPFTableCell cell : row.getTableCells()) {
            c++;
            TextPiece.add(out, "table " + number + " row " + r + " cell " + c, cell.getText());
          }
        }
      }
    }
  }
}
