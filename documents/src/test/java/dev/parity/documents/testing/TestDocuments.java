package dev.parity.documents.testing;

import java.io.ByteArrayOutputStream;
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

  /**
   * A workbook as openpyxl or pandas write one: formulas with no saved result. Sheet "Budget":
   * Travel 4200 and Meals 800.5 in B2:B3; B4 {@code =SUM(B2:B3)} with an empty {@code <v></v>}
   * (openpyxl's form); B5 {@code =B4*2} and B6 {@code =A2&" total"} with no {@code <v>} at all;
   * B7 {@code =KURT(B2:B3)}, a function POI cannot compute, with no result; B8 the same formula
   * with the result 1.5 saved, as Excel would have saved it.
   */
  public static byte[] xlsxWithoutSavedResults() throws IOException {
    byte[] written;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Budget");
      String[] labels = {"Item", "Travel", "Meals", "Total", "Double", "Label", "Kurtosis", "Saved"};
      for (int r = 0; r < labels.length; r++) {
        sheet.createRow(r).createCell(0).setCellValue(labels[r]);
      }
      sheet.getRow(0).createCell(1).setCellValue("Amount");
      sheet.getRow(1).createCell(1).setCellValue(4200);
      sheet.getRow(2).createCell(1).setCellValue(800.5);
      sheet.getRow(3).createCell(1).setCellFormula("SUM(B2:B3)");
      sheet.getRow(4).createCell(1).setCellFormula("B4*2");
      sheet.getRow(5).createCell(1).setCellFormula("A2&\" total\"");
      sheet.getRow(6).createCell(1).setCellFormula("KURT(B2:B3)");
      sheet.getRow(7).createCell(1).setCellFormula("KURT(B2:B3)");
      // POI, like openpyxl, writes a formula it has not computed without a result.
      workbook.write(out);
      written = out.toByteArray();
    }
    return TestBytes.rewriteEntry(written, "xl/worksheets/sheet1.xml", xml -> {
      String openpyxl = xml.replace("<f>SUM(B2:B3)</f>", "<f>SUM(B2:B3)</f><v></v>");
      int saved = openpyxl.lastIndexOf("<f>KURT(B2:B3)</f>") + "<f>KURT(B2:B3)</f>".length();
      String result = openpyxl.substring(0, saved) + "<v>1.5</v>" + openpyxl.substring(saved);
      if (result.contains("<f>B4*2</f><v>") || !result.contains("<f>SUM(B2:B3)</f><v></v>")) {
        throw new AssertionError("POI wrote the sheet differently than this fixture expects: " + xml);
      }
      return result;
    });
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
