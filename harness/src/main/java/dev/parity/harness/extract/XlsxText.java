package dev.parity.harness.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook's sheets as CSV, one line per row from row 1 and one field per column from column A,
 * so that line and field positions match the cell addresses the formulas use.
 */
final class XlsxText {
  private XlsxText() {}

  static String extract(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      DataFormatter formatter = new DataFormatter(Locale.US);
      StringBuilder text = new StringBuilder();
      for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
        Sheet sheet = workbook.getSheetAt(index);
        text.append("--- sheet ").append(index + 1).append(": ").append(sheet.getSheetName())
            .append(workbook.isSheetHidden(index) ? " (hidden)" : "").append(" ---\n");
        appendSheet(sheet, formatter, text);
        text.append("\n");
      }
      return text.toString().strip();
    }
  }

  private static void appendSheet(Sheet sheet, DataFormatter formatter, StringBuilder text) {
    List<String> formulas = new ArrayList<>();
    int lastRow = sheet.getLastRowNum();
    for (int r = 0; r <= lastRow && sheet.getPhysicalNumberOfRows() > 0; r++) {
      Row row = sheet.getRow(r);
      if (row != null) {
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          if (c > 0) {
            text.append(',');
          }
          if (cell != null) {
            text.append(csvField(value(cell, formatter)));
            if (cell.getCellType() == CellType.FORMULA) {
              formulas.add(cell.getAddress().formatAsString() + ": =" + cell.getCellFormula());
            }
          }
        }
      }
      text.append('\n');
    }
    if (!formulas.isEmpty()) {
      text.append("formulas:\n");
      formulas.forEach(formula -> text.append(formula).append('\n'));
    }
  }

  /** The value as Excel displays it; a formula cell shows the value it had when last saved. */
  private static String value(Cell cell, DataFormatter formatter) {
    if (cell.getCellType() != CellType.FORMULA) {
      return formatter.formatCellValue(cell);
    }
    CellStyle style = cell.getCellStyle();
    return switch (cell.getCachedFormulaResultType()) {
      case NUMERIC -> formatter.formatRawCellContents(
          cell.getNumericCellValue(), style.getDataFormat(), style.getDataFormatString());
      case STRING -> cell.getRichStringCellValue().getString();
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> "";
    };
  }

  private static String csvField(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
