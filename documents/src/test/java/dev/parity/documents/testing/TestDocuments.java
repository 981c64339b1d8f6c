package dev.parity.documents.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Small real Office and PDF documents, written with the same libraries users' files come from. */
public final class TestDocuments {
  private TestDocuments() {}

  /** A memo: a heading, a paragraph, a table of two rows. */
  public static Path docx(Path folder) throws IOException {
    Path file = folder.resolve("memo.docx");
    try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      XWPFParagraph heading = document.createParagraph();
      heading.setStyle("Heading1");
      heading.createRun().setText("Q3 budget memo");
      document.createParagraph().createRun().setText("Travel spend rose 12% against plan.");
      XWPFTable table = document.createTable(2, 2);
      table.getRow(0).getCell(0).setText("Item");
      table.getRow(0).getCell(1).setText("Amount");
      table.getRow(1).getCell(0).setText("Travel");
      table.getRow(1).getCell(1).setText("4,200");
      document.write(out);
    }
    return file;
  }

  /** Two sheets: "Actuals" with numbers, a text with a comma, a date and a SUM formula; a hidden "Notes". */
  public static Path xlsx(Path folder) throws IOException {
    Path file = folder.resolve("actuals.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      XSSFSheet sheet = workbook.createSheet("Actuals");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("Item");
      header.createCell(1).setCellValue("Amount");
      Row travel = sheet.createRow(1);
      travel.createCell(0).setCellValue("Travel, domestic");
      travel.createCell(1).setCellValue(4200);
      Row meals = sheet.createRow(2);
      meals.createCell(0).setCellValue("Meals");
      meals.createCell(1).setCellValue(800.5);
      Row total = sheet.createRow(3);
      total.createCell(0).setCellValue("Total");
      total.createCell(1).setCellFormula("SUM(B2:B3)");
      Row date = sheet.createRow(5);
      date.createCell(0).setCellValue("Closed");
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      date.createCell(1).setCellValue(LocalDate.of(2025, 9, 30));
      date.getCell(1).setCellStyle(dateStyle);
      workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("internal only");
      workbook.setSheetHidden(1, true);
      // Excel stores each formula's last value; computing it here makes the file like one Excel saved.
      XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
      workbook.write(out);
    }
    return file;
  }

  /** Two slides: a title slide with speaker notes, and a slide with a table. */
  public static Path pptx(Path folder) throws IOException {
    Path file = folder.resolve("deck.pptx");
    try (XMLSlideShow deck = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
      XSLFSlide title = deck.createSlide(deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE));
      title.getPlaceholder(0).setText("Q3 review");
      title.getPlaceholder(1).setText("Finance team");
      XSLFNotes notes = deck.getNotesSlide(title);
      for (XSLFTextShape shape : notes.getPlaceholders()) {
        if (shape.getTextType() == org.apache.poi.sl.usermodel.Placeholder.BODY) {
          shape.setText("Open with the travel overrun.");
        }
      }
      XSLFSlide second = deck.createSlide();
      XSLFTable table = second.createTable();
      XSLFTableRow row = table.addRow();
      row.addCell().setText("Region");
      row.addCell().setText("Spend");
      XSLFTableRow values = table.addRow();
      values.addCell().setText("EMEA");
      values.addCell().setText("1.2m");
      deck.write(out);
    }
    return file;
  }

  /** Two pages, "Page one text" and "Page two text". */
  public static Path pdf(Path folder) throws IOException {
    Path file = folder.resolve("report.pdf");
    try (PDDocument document = new PDDocument()) {
      for (String text : new String[] {"Page one text", "Page two text"}) {
        TestBytes.textPage(document, text);
      }
      document.save(file.toFile());
    }
    return file;
  }
}
