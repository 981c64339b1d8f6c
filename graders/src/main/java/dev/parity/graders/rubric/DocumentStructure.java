package dev.parity.graders.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Pages, headings and cells of documents, read with POI and PDFBox. */
final class DocumentStructure {
  /** Words on a typical page of a business document, to estimate pages where none are stored. */
  static final int WORDS_PER_PAGE = 500;

  int pages(DeliverableContent.File file, String text) throws IOException {
    switch (file.format()) {
      case PDF:
        try (PDDocument pdf = Loader.loadPDF(file.path().toFile())) {
          return pdf.getNumberOfPages();
        }
      case PPTX:
        try (InputStream in = Files.newInputStream(file.path()); XMLSlideShow deck = new XMLSlideShow(in)) {
          return deck.getSlides().size();
        }
      case DOCX:
        try (InputStream in = Files.newInputStream(file.path()); XWPFDocument document = new XWPFDocument(in)) {
          int stored = document.getProperties().getExtendedProperties().getPages();
          return stored > 0 ? stored : estimatedPages(text);
        }
      default:
        return estimatedPages(text);
    }
  }

  private static int estimatedPages(String text) {
    String stripped = text.strip();
    int words = stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    return Math.max(words == 0 ? 0 : 1, (words + WORDS_PER_PAGE - 1) / WORDS_PER_PAGE);
  }

  List<String> headings(DeliverableContent.File file, String text) throws IOException {
    List<String> headings = new ArrayList<>();
    switch (file.format()) {
      case DOCX:
        try (InputStream in = Files.newInputStream(file.path()); XWPFDocument document = new XWPFDocument(in)) {
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
        }
        break;
      case PPTX:
        try (InputStream in = Files.newInputStream(file.path()); XMLSlideShow deck = new XMLSlideShow(in)) {
          for (XSLFSlide slide : deck.getSlides()) {
            if (slide.getTitle() != null) {
              headings.add(slide.getTitle().strip());
            }
          }
        }
        break;
      case XLSX:
        try (InputStream in = Files.newInputStream(file.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
          workbook.forEach(sheet -> headings.add(sheet.getSheetName()));
        }
        break;
      default:
        text.lines().map(String::strip).filter(l -> l.matches("#{1,6}\\s+.+"))
            .map(l -> l.replaceFirst("#{1,6}\\s+", "").replaceAll("\\s*#+$", ""))
            .forEach(headings::add);
    }
    return headings;
  }

  DeliverableContent.CellValue cell(DeliverableContent.File file, String reference) throws IOException {
    try (InputStream in = Files.newInputStream(file.path()); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      CellReference ref = new CellReference(reference);
      Sheet sheet = ref.getSheetName() == null ? workbook.getSheetAt(0) : workbook.getSheet(ref.getSheetName());
      if (sheet == null) {
        return new DeliverableContent.CellValue(null, "no sheet named \"" + ref.getSheetName() + "\" in " + file.name());
      }
      var row = sheet.getRow(ref.getRow());
      Cell cell = row == null ? null : row.getCell(ref.getCol());
      if (cell == null || cell.getCellType() == CellType.BLANK) {
        return new DeliverableContent.CellValue(null, "empty in " + file.name());
      }
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      CellValue value = evaluator.evaluate(cell);
      if (value.getCellType() == CellType.NUMERIC) {
        return new DeliverableContent.CellValue(value.getNumberValue(), "number");
      }
      if (value.getCellType() == CellType.STRING) {
        try {
          return new DeliverableContent.CellValue(DocumentChecks.NumberNear.parse(value.getStringValue().strip()), "text");
        } catch (NumberFormatException e) {
          return new DeliverableContent.CellValue(null, "holds text \"" + value.getStringValue() + "\", not a number");
        }
      }
      return new DeliverableContent.CellValue(null, "holds " + value.getCellType().name().toLowerCase(Locale.ROOT)
          + " " + value.formatAsString() + ", not a number");
    }
  }
}
