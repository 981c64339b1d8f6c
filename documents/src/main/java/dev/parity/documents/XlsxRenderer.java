package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Element;

/**
 * XLSX to HTML with Apache POI: every sheet, hidden ones too, as a table with column letters
 * and row numbers, values formatted as the workbook formats them and formulas shown by their
 * values as the text shows them ({@link XlsxText#value}: never a 0 the file does not hold). Large
 * sheets are cut at {@link #MAX_ROWS} rows and {@link #MAX_COLUMNS} columns, with a note.
 */
final class XlsxRenderer {
  static final int MAX_ROWS = 1000;
  static final int MAX_COLUMNS = 60;

  private XlsxRenderer() {}

  static void render(byte[] bytes, Draft draft) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      DataFormatter formatter = new DataFormatter(Locale.US);
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        Sheet sheet = workbook.getSheetAt(s);
        Element section = draft.root.appendElement("section").addClass("part");
        section.appendElement("h2").addClass("part-label")
            .text("Sheet: " + sheet.getSheetName() + (workbook.isSheetHidden(s) ? " (hidden)" : ""));
        sheet(sheet, section, formatter, evaluator, draft);
      }
    }
  }

  private static void sheet(Sheet sheet, Element section, DataFormatter formatter, FormulaEvaluator evaluator, Draft draft) {
    int lastRow = sheet.getLastRowNum();
    int lastColumn = -1;
    for (Row row : sheet) {
      lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
    }
    if (lastRow < 0 || lastColumn < 0) {
      section.appendChild(Html.omitted("(empty sheet)"));
      return;
    }
    int rows = Math.min(lastRow, MAX_ROWS - 1);
    int columns = Math.min(lastColumn, MAX_COLUMNS - 1);
    if (rows < lastRow || columns < lastColumn) {
      draft.note("sheet " + sheet.getSheetName() + " is cut to its first " + (rows + 1) + " rows and "
          + (columns + 1) + " columns");
    }
    Element table = section.appendElement("table");
    Element axis = table.appendElement("tr");
    axis.appendElement("th").addClass("axis");
    for (int c = 0; c <= columns; c++) {
      axis.appendElement("th").addClass("axis").text(CellReference.convertNumToColString(c));
    }
    for (int r = 0; r <= rows; r++) {
      Row row = sheet.getRow(r);
      Element tr = table.appendElement("tr");
      tr.appendElement("th").addClass("axis").text(Integer.toString(r + 1));
      for (int c = 0; c <= columns; c++) {
        Cell cell = row == null ? null : row.getCell(c);
        Element td = tr.appendElement("td");
        if (cell != null) {
          td.text(value(cell, formatter, evaluator));
          if (isNumeric(cell)) {
            td.addClass("number");
          }
        }
      }
    }
  }

  private static String value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
    return XlsxText.value(cell, formatter, evaluator);
  }

  private static boolean isNumeric(Cell cell) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return type == CellType.NUMERIC;
  }
}
