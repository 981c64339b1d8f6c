package dev.parity.graders.blinding;

import dev.parity.documents.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of a file in pieces with their places (line, paragraph, cell, slide, page), for
 * finding words that give the maker away. Stateless and thread-safe.
 */
final class DocumentText {
  /** A piece of text and where it is. */
  record Located(String where, String text) {}

  private DocumentText() {}

  static List<Located> of(FileFormat format, byte[] bytes) throws IOException {
    return switch (format) {
      case MD, TXT, CSV, JSON -> lines(new String(bytes, StandardCharsets.UTF_8));
      case DOCX -> docx(bytes);
      case XLSX -> xlsx(bytes);
      case PPTX -> pptx(bytes);
      case PDF -> pdf(bytes);
      case PNG, JPG -> List.of();
    };
  }

  private static List<Located> lines(String text) {
    List<Located> lines = new ArrayList<>();
    String[] split = text.split("\\R", -1);
    for (int i = 0; i < split.length; i++) {
      if (!split[i].isBlank()) {
        lines.add(new Located("line " + (i + 1), split[i]));
      }
    }
    return lines;
  }

  private static List<Located> docx(byte[] bytes) throws IOException {
    List<Located> out = new ArrayList<>();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      int[] counters = new int[2];
      body(doc.getBodyElements(), "", counters, out);
      for (XWPFHeader header : doc.getHeaderList()) {
        add(out, "header", header.getText());
      }
      for (XWPFFooter footer : doc.getFooterList()) {
        add(out, "footer", footer.getText());
      }
      if (doc.getDocComments() != null) {
        for (XWPFComment comment : doc.getDocComments().getComments()) {
          add(out, "comment " + comment.getId(), comment.getText());
        }
      }
    }
    return out;
  }

  /** counters[0] counts paragraphs, counters[1] tables, across the whole body. */
  private static void body(List<IBodyElement> elements, String prefix, int[] counters, List<Located> out) {
    for (IBodyElement element : elements) {
      if (element instanceof XWPFParagraph p && !p.getText().isBlank()) {
        add(out, prefix + "paragraph " + ++counters[0], p.getText());
      } else if (element instanceof XWPFTable table) {
        int number = ++counters[1];
        int r = 0;
        for (XWPFTableRow row : table.getRows()) {
          r++;
          int c = 0;
          for (XWPFTableCell cell : row.getTableCells()) {
            c++;
            add(out, "table " + number + " row " + r + " cell " + c, cell.getText());
          }
        }
      }
    }
  }

  private static List<Located> xlsx(byte[] bytes) throws IOException {
    List<Located> out = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (Sheet sheet : workbook) {
        add(out, "sheet name", sheet.getSheetName());
        for (Row row : sheet) {
          for (Cell cell : row) {
            String where = sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false);
            if (cell.getCellType() == CellType.STRING
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.STRING)) {
              add(out, where, cell.getStringCellValue());
            }
            XSSFComment comment = (XSSFComment) cell.getCellComment();
            if (comment != null && comment.getString() != null) {
              add(out, "comment at " + where, comment.getString().getString());
            }
          }
        }
      }
    }
    return out;
  }

  private static List<Located> pptx(byte[] bytes) throws IOException {
    List<Located> out = new ArrayList<>();
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      int number = 0;
      for (XSLFSlide slide : deck.getSlides()) {
        number++;
        shapes(slide.getShapes(), "slide " + number, out);
        XSLFNotes notes = slide.getNotes();
        if (notes != null) {
          shapes(notes.getShapes(), "slide " + number + " notes", out);
        }
      }
    }
    return out;
  }

  private static void shapes(List<XSLFShape> shapes, String where, List<Located> out) {
    for (XSLFShape shape : shapes) {
      if (shape instanceof XSLFTextShape text) {
        add(out, where, text.getText());
      }
    }
  }

  private static List<Located> pdf(byte[] bytes) throws IOException {
    List<Located> out = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        add(out, "page " + page, stripper.getText(pdf));
      }
    }
    return out;
  }

  private static void add(List<Located> out, String where, String text) {
    if (text != null && !text.isBlank()) {
      out.add(new Located(where, text));
    }
  }
}
