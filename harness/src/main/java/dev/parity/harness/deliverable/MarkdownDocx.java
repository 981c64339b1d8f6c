package dev.parity.harness.deliverable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * Markdown to DOCX with Apache POI: headings as Word heading styles, paragraphs, bold, italic,
 * code, bulleted and numbered lists (nested), tables, links as real hyperlinks, quotes and code
 * blocks. Images are written as their alternative text: a built file loads nothing from outside.
 * One instance builds one document; not thread-safe.
 */
final class MarkdownDocx {
  private static final BigInteger BULLETS = BigInteger.ZERO;
  private static final BigInteger NUMBERS = BigInteger.ONE;
  /** An A4 page less two 2.5 cm margins, in twentieths of a point: the width a table's grid shares out. */
  private static final int TEXT_WIDTH_TWIPS = 9_072;

  private final XWPFDocument doc = new XWPFDocument();
  private final XWPFNumbering numbering;
  private final BigInteger bulletNum;

  private MarkdownDocx() {
    try (InputStream styles = resource("docx-styles.xml"); InputStream lists = resource("docx-numbering.xml")) {
      doc.createStyles().setStyles(StylesDocument.Factory.parse(styles).getStyles());
      numbering = doc.createNumbering();
      numbering.setNumbering(NumberingDocument.Factory.parse(lists).getNumbering());
    } catch (IOException | XmlException e) {
      throw new IllegalStateException("the DOCX style resources are broken", e);
    }
    bulletNum = numbering.addNum(BULLETS);
  }

  static byte[] build(String markdown) {
    MarkdownDocx builder = new MarkdownDocx();
    for (Node n = Markdown.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
      builder.block(n, 0);
    }
    return builder.bytes();
  }

  private void block(Node node, int depth) {
    if (node instanceof Heading h) {
      inlines(paragraph("Heading" + Math.min(h.getLevel(), 6)), node);
    } else if (node instanceof Paragraph) {
      inlines(paragraph(null), node);
    } else if (node instanceof ListBlock list) {
      list(list, depth);
    } else if (node instanceof BlockQuote) {
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Paragraph) {
          inlines(paragraph("Quote"), child);
        } else {
          block(child, depth);
        }
      }
    } else if (node instanceof FencedCodeBlock code) {
      code(code.getLiteral());
    } else if (node instanceof IndentedCodeBlock code) {
      code(code.getLiteral());
    } else if (node instanceof HtmlBlock html) {
      code(html.getLiteral());
    } else if (node instanceof TableBlock) {
      table(node);
    } else if (node instanceof ThematicBreak) {
      paragraph(null);
    }
  }

  private void list(ListBlock list, int depth) {
    BigInteger numId = list instanceof OrderedList ordered ? newNumbering(ordered) : bulletNum;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      boolean first = true;
      for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
        if (child instanceof Paragraph && first) {
          XWPFParagraph p = paragraph("ListParagraph");
          p.setNumID(numId);
          p.setNumILvl(BigInteger.valueOf(Math.min(depth, 8)));
          inlines(p, child);
          first = false;
        } else {
          block(child, depth + 1);
        }
      }
    }
  }

  /** A numbered list restarts at its own start number, so it needs its own w:num. */
  private BigInteger newNumbering(OrderedList ordered) {
    CTNum num = CTNum.Factory.newInstance();
    num.addNewAbstractNumId().setVal(NUMBERS);
    BigInteger id = BigInteger.valueOf(numbering.getNums().size() + 1L);
    num.setNumId(id);
    for (int level = 0; level < 9; level++) {
      CTNumLvl override = num.addNewLvlOverride();
      override.setIlvl(BigInteger.valueOf(level));
      Integer start = ordered.getMarkerStartNumber();
      override.addNewStartOverride().setVal(BigInteger.valueOf(level == 0 && start != null ? start : 1));
    }
    return numbering.addNum(new XWPFNum(num, numbering));
  }

  private void code(String literal) {
    String[] lines = literal.replaceFirst("\n$", "").split("\n", -1);
    for (String line : lines) {
      paragraph("SourceCode").createRun().setText(line);
    }
  }

  private void table(Node table) {
    List<List<Node>> rows = Tables.rows(table);
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    if (columns == 0) {
      return;
    }
    XWPFTable t = doc.createTable(rows.size(), columns);
    t.setStyleID("TableGrid");
    t.setWidth("100%");
    grid(t, columns);
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = t.getRow(r);
      if (r == 0) {
        row.setRepeatHeader(true);
      }
      for (int c = 0; c < rows.get(r).size(); c++) {
        XWPFTableCell cell = row.getCell(c);
        XWPFParagraph p = cell.getParagraphs().get(0);
        inlines(p, rows.get(r).get(c));
        if (((TableCell) rows.get(r).get(c)).isHeader()) {
          p.getRuns().forEach(run -> run.setBold(true));
        }
      }
    }
    paragraph(null);
  }

  /**
   * The table's {@code w:tblGrid}, which the schema requires and POI leaves out: without it
   * python-docx refuses the table and other readers guess the column widths. Equal columns
   * across the text width; {@code w:tblW} of 100% still lets Word and LibreOffice fit the page.
   */
  private static void grid(XWPFTable table, int columns) {
    CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
    BigInteger width = BigInteger.valueOf(TEXT_WIDTH_TWIPS / columns);
    while (grid.sizeOfGridColArray() < columns) {
      grid.addNewGridCol().setW(width);
    }
  }

  private XWPFParagraph paragraph(String style) {
    XWPFParagraph p = doc.createParagraph();
    if (style != null) {
      p.setStyle(style);
    }
    return p;
  }

  private static void inlines(XWPFParagraph p, Node block) {
    for (Markdown.Span span : Markdown.spans(block)) {
      if (span.lineBreak()) {
        p.createRun().addBreak();
        continue;
      }
      XWPFRun run;
      if (span.link() != null && isWebLink(span.link())) {
        run = p.createHyperlinkRun(span.link());
        run.setStyle("Hyperlink");
      } else {
        run = p.createRun();
      }
      run.setText(span.text());
      run.setBold(span.bold());
      run.setItalic(span.italic());
      if (span.code()) {
        run.setFontFamily("Consolas");
      }
    }
  }

  /** Only web and mail links become hyperlinks; {@code javascript:} and the like stay text. */
  static boolean isWebLink(String target) {
    return target.matches("(?i)(https?://|mailto:)\\S+");
  }

  private byte[] bytes() {
    try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      OfficeProperties.neutral(doc, null);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    return MarkdownDocx.class.getResourceAsStream(name);
  }
}
