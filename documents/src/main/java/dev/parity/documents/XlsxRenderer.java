package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * values as the text shows them ({@link XlsxReader#value}: never a 0 the file does not hold). A
 * formula cell is marked ({@code class="formula"}, its formula as the cell's title) and each
 * sheet is followed by the list of its formulas, cell by cell, so that a grader can check a "keep
 * the formulas live" request. Large sheets are cut at {@link #MAX_ROWS} rows and {@link
 * #MAX_COLUMNS} columns, with a note.
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
    List<String[]> formulas = new ArrayList<>();
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
          if (cell.getCellType() == CellType.FORMULA) {
            String formula = "=" + cell.getCellFormula();
            td.addClass("formula").attr("title", formula);
            formulas.add(new String[] {new CellReference(r, c).formatAsString(), formula, td.text()});
          }
        }
      }
    }
    formulas(sheet.getSheetName(), formulas, section);
  }

  /**
   * The sheet's formulas as a list that opens on click (no script: {@code details}), right after
   * the sheet's section, so that the section holds the sheet's cells only.
   */
  private static void formulas(String sheetName, List<String[]> formulas, Element section) {
    if (formulas.isEmpty()) {
      return;
    }
    Element details = new Element("details").addClass("formulas");
    section.after(details);
    details.appendElement("summary").text("Formulas on sheet " + sheetName + " (" + formulas.size() + ")");
    Element table = details.appendElement("table");
    Element header = table.appendElement("tr");
    header.appendElement("th").text("Cell");
    header.appendElement("th").text("Formula");
    header.appendElement("th").text("Value");
    for (String[] row : formulas) {
      Element tr = table.appendElement("tr");
      tr.appendElement("td").text(row[0]);
      tr.appendElement("td").appendElement("code").text(row[1]);
      tr.appendElement("td").text(row[2]);
    }
  }

  private static String value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
    return XlsxReader.value(cell, formatter, evaluator);
  }

  private static boolean isNumeric(Cell cell) {
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return type == CellType.NUMERIC;
  }
}
