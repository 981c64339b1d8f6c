package dev.parity.harness.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** A Word document's body as Markdown-like text: headings, list items, paragraphs and tables. */
final class DocxText {
  private static final Pattern HEADING = Pattern.compile("heading\\s*(\\d)");

  private DocxText() {}

  static String extract(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in)) {
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
}
