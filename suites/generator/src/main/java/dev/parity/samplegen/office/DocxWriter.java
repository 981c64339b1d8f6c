package dev.parity.samplegen.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Renders a {@link Doc} as a Word document (.docx) on US Letter paper, with real heading styles
 * (so that outlines and converters see the structure), real list numbering and tables whose
 * header row repeats on each page. The output is byte-for-byte reproducible.
 */
public final class DocxWriter {
  private static final String FONT = "Calibri";
  private static final String ACCENT = "1F3864";
  private static final int TEXT_WIDTH_TWIPS = 12240 - 2 * 1080;

  private final XWPFDocument document = new XWPFDocument();
  private final XWPFNumbering numbering = document.createNumbering();
  private int abstractNumIds;

  private DocxWriter() {}

  /** The document as .docx bytes. */
  public static byte[] write(Doc doc) {
    return new DocxWriter().render(doc);
  }

  private byte[] render(Doc doc) {
    try (XWPFDocument d = document) {
      defineStyles();
      pageSetup();
      properties(doc);
      styled("Title", doc.title());
      for (Doc.Block block : doc.blocks()) {
        block(block);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      d.write(bytes);
      return DeterministicZip.normalize(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Word document " + doc.title(), e);
    }
  }

  private void block(Doc.Block block) {
    if (block instanceof Doc.Heading h) {
      styled("Heading" + h.level(), h.text());
    } else if (block instanceof Doc.Paragraph p) {
      XWPFParagraph paragraph = paragraph();
      runs(paragraph, p.text(), false, p.small() ? 9 : 11, p.small() ? "595959" : null);
    } else if (block instanceof Doc.ListBlock l) {
      list(l);
    } else if (block instanceof Doc.Table t) {
      table(t);
      paragraph().setSpacingAfter(0);
    } else {
      paragraph().createRun().addBreak(BreakType.PAGE);
    }
  }

  private XWPFParagraph paragraph() {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setSpacingAfter(120);
    return paragraph;
  }

  private void styled(String style, String text) {
    XWPFParagraph paragraph = document.createParagraph();
    paragraph.setStyle(style);
    paragraph.createRun().setText(Inline.plain(text));
  }

  private static void runs(XWPFParagraph paragraph, String text, boolean allBold, int size, String color) {
    for (Inline inline : Inline.parse(text)) {
      XWPFRun run = paragraph.createRun();
      run.setText(inline.text());
      run.setBold(allBold || inline.bold());
      run.setFontFamily(FONT);
      run.setFontSize(size);
      if (color != null) {
        run.setColor(color);
      }
    }
  }

  private void list(Doc.ListBlock list) {
    BigInteger numId = numbering.addNum(listDefinition(list.numbered()));
    for (String item : list.items()) {
      XWPFParagraph paragraph = paragraph();
      paragraph.setSpacingAfter(60);
      paragraph.setNumID(numId);
      paragraph.setNumILvl(BigInteger.ZERO);
      runs(paragraph, item, false, 11, null);
    }
  }

  /** A fresh list definition, so that every numbered list starts at 1. */
  private BigInteger listDefinition(boolean numbered) {
    CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
    definition.setAbstractNumId(BigInteger.valueOf(abstractNumIds++));
    CTLvl level = definition.addNewLvl();
    level.setIlvl(BigInteger.ZERO);
    level.addNewStart().setVal(BigInteger.ONE);
    level.addNewNumFmt().setVal(numbered ? STNumberFormat.DECIMAL : STNumberFormat.BULLET);
    level.addNewLvlText().setVal(numbered ? "%1." : "\u2022");
    CTInd indent = level.addNewPPr().addNewInd();
    indent.setLeft(BigInteger.valueOf(540));
    indent.setHanging(BigInteger.valueOf(270));
    return numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering));
  }

  private void table(Doc.Table table) {
    int columns = table.header().size();
    XWPFTable t = document.createTable(table.rows().size() + 1, columns);
    t.setWidthType(TableWidthType.DXA);
    t.setWidth(Integer.toString(TEXT_WIDTH_TWIPS));
    t.setCellMargins(40, 80, 40, 80);
    XWPFTable.XWPFBorderType line = XWPFTable.XWPFBorderType.SINGLE;
    t.setTopBorder(line, 4, 0, "808080");
    t.setBottomBorder(line, 4, 0, "808080");
    t.setLeftBorder(line, 4, 0, "808080");
    t.setRightBorder(line, 4, 0, "808080");
    t.setInsideHBorder(line, 4, 0, "BFBFBF");
    t.setInsideVBorder(line, 4, 0, "BFBFBF");
    int[] widths = twips(ColumnWidths.of(table, TEXT_WIDTH_TWIPS / 20.0 / 5.0));
    CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int width : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(width));
    }
    XWPFTableRow header = t.getRow(0);
    header.setRepeatHeader(true);
    for (int c = 0; c < columns; c++) {
      cell(header.getCell(c), table.header().get(c), true, widths[c], table.isNumeric(c)).setColor("D9E2F3");
    }
    for (int r = 0; r < table.rows().size(); r++) {
      XWPFTableRow row = t.getRow(r + 1);
      row.setCantSplitRow(true);
      boolean total = table.totalRow() && r == table.rows().size() - 1;
      for (int c = 0; c < columns; c++) {
        XWPFTableCell cell = cell(row.getCell(c), table.rows().get(r).get(c), total, widths[c], table.isNumeric(c));
        if (total) {
          cell.setColor("F2F2F2");
        }
      }
    }
  }

  private static XWPFTableCell cell(XWPFTableCell cell, String text, boolean bold, int width, boolean numeric) {
    cell.setWidthType(TableWidthType.DXA);
    cell.setWidth(Integer.toString(width));
    XWPFParagraph paragraph = cell.getParagraphs().get(0);
    paragraph.setSpacingAfter(0);
    if (numeric) {
      paragraph.setAlignment(ParagraphAlignment.RIGHT);
    }
    runs(paragraph, text, bold, 10, null);
    return cell;
  }

  private static int[] twips(double[] shares) {
    int[] widths = new int[shares.length];
    for (int i = 0; i < shares.length; i++) {
      widths[i] = (int) Math.round(shares[i] * TEXT_WIDTH_TWIPS);
    }
    return widths;
  }

  private void pageSetup() {
    CTSectPr section = document.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(12240));
    size.setH(BigInteger.valueOf(15840));
    CTPageMar margins = section.addNewPgMar();
    BigInteger threeQuartersOfAnInch = BigInteger.valueOf(1080);
    margins.setTop(threeQuartersOfAnInch);
    margins.setBottom(threeQuartersOfAnInch);
    margins.setLeft(threeQuartersOfAnInch);
    margins.setRight(threeQuartersOfAnInch);
    margins.setHeader(BigInteger.valueOf(720));
    margins.setFooter(BigInteger.valueOf(720));
  }

  private void properties(Doc doc) {
    POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
    core.setTitle(doc.title());
    core.setCreator(doc.author());
    Date date = Date.from(doc.date().atStartOfDay().toInstant(ZoneOffset.UTC));
    core.setCreated(Optional.of(date));
    core.setModified(Optional.of(date));
  }

  private void defineStyles() {
    XWPFStyles styles = document.createStyles();
    style(styles, "Title", "Title", -1, 26, 0, 200);
    style(styles, "Heading1", "heading 1", 0, 16, 320, 120);
    style(styles, "Heading2", "heading 2", 1, 13, 240, 80);
    style(styles, "Heading3", "heading 3", 2, 11, 200, 60);
  }

  /** A paragraph style in the accent colour; {@code outline} -1 means not in the outline. */
  private static void style(XWPFStyles styles, String id, String name, int outline, int points, int before, int after) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    style.addNewQFormat();
    CTPPrGeneral paragraph = style.addNewPPr();
    paragraph.addNewKeepNext();
    CTSpacing spacing = paragraph.addNewSpacing();
    spacing.setBefore(BigInteger.valueOf(before));
    spacing.setAfter(BigInteger.valueOf(after));
    if (outline >= 0) {
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    }
    CTRPr run = style.addNewRPr();
    CTFonts fonts = run.addNewRFonts();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    run.addNewB();
    run.addNewColor().setVal(ACCENT);
    run.addNewSz().setVal(BigInteger.valueOf(points * 2L));
    styles.addStyle(new XWPFStyle(style, styles));
  }
}
