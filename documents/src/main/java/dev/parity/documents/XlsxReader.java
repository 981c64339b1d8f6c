package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The reader of workbooks: the sheets as CSV, one line per row from row 1 and one field per column
 * from column A, so that line and field positions match the cell addresses the formulas use; the
 * sheet names, text cells and cell comments as pieces with their cell addresses; one cell's value;
 * and ({@link OoxmlReader}) the hidden places and the metadata. Stateless and thread-safe.
 */
final class XlsxReader extends OoxmlReader {
  @Override
  public String text(byte[] bytes) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter formatter = new DataFormatter(Locale.US);
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      StringBuilder text = new StringBuilder();
      for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
        Sheet sheet = workbook.getSheetAt(index);
        text.append("--- sheet ").append(index + 1).append(": ").append(sheet.getSheetName())
            .append(workbook.isSheetHidden(index) ? " (hidden)" : "").append(" ---\n");
        appendSheet(sheet, formatter, evaluator, text);
        text.append("\n");
      }
      return text.toString().strip();
    }
  }

  private static void appendSheet(Sheet sheet, DataFormatter formatter, FormulaEvaluator evaluator, StringBuilder text) {
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
            text.append(csvField(value(cell, formatter, evaluator)));
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

  /**
   * The value as Excel displays it; a formula cell shows the value it had when last saved, or
   * without one the value computed now, or its formula with a note (see {@link FormulaCells}).
   */
  static String value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
    if (cell.getCellType() != CellType.FORMULA) {
      return formatter.formatCellValue(cell);
    }
    Optional<String> uncomputed = FormulaCells.settle(cell, evaluator);
    if (uncomputed.isPresent()) {
      return uncomputed.get();
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

  @Override
  public List<TextPiece> pieces(byte[] bytes) throws IOException {
    List<TextPiece> out = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      for (Sheet sheet : workbook) {
        TextPiece.add(out, "sheet name", sheet.getSheetName());
        for (Row row : sheet) {
          for (Cell cell : row) {
            String where = sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false);
            FormulaCells.settle(cell, evaluator);
            if (cell.getCellType() == CellType.STRING
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.STRING)) {
              TextPiece.add(out, where, cell.getStringCellValue());
            }
            XSSFComment comment = (XSSFComment) cell.getCellComment();
            if (comment != null && comment.getString() != null) {
              TextPiece.add(out, "comment at " + where, comment.getString().getString());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Non-empty cells (the length: cells whose value, as {@link #value} shows it, is not blank),
   * sheets with a non-empty cell (the tables) and pictures; a workbook has no headings or pages.
   */
  @Override
  public DocumentFeatures features(byte[] bytes) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter formatter = new DataFormatter(Locale.US);
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      int cells = 0;
      int tables = 0;
      for (Sheet sheet : workbook) {
        int before = cells;
        for (Row row : sheet) {
          for (Cell cell : row) {
            cells += value(cell, formatter, evaluator).isBlank() ? 0 : 1;
          }
        }
        tables += cells > before ? 1 : 0;
      }
      return new DocumentFeatures(cells, DocumentFeatures.LengthUnit.CELLS, tables, 0, 0,
          workbook.getAllPictures().size());
    }
  }

  /** The sheets' names, a workbook's headings. */
  @Override
  public Optional<List<String>> headings(byte[] bytes) throws IOException {
    List<String> names = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      workbook.forEach(sheet -> names.add(sheet.getSheetName()));
    }
    return Optional.of(names);
  }

  /**
   * The cell {@code Sheet!A1}, or {@code A1} on the first sheet, with its formula evaluated; where
   * POI cannot evaluate it, the result it was saved with, or without one {@link
   * SheetCell.Kind#UNCOMPUTED}.
   */
  static SheetCell cell(byte[] bytes, String reference) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      CellReference ref = new CellReference(reference);
      Sheet sheet = ref.getSheetName() == null ? workbook.getSheetAt(0) : workbook.getSheet(ref.getSheetName());
      if (sheet == null) {
        return new SheetCell(SheetCell.Kind.NO_SUCH_SHEET, 0, ref.getSheetName());
      }
      Row row = sheet.getRow(ref.getRow());
      Cell cell = row == null ? null : row.getCell(ref.getCol());
      if (cell == null || cell.getCellType() == CellType.BLANK) {
        return new SheetCell(SheetCell.Kind.BLANK, 0, "");
      }
      CellValue value;
      try {
        value = workbook.getCreationHelper().createFormulaEvaluator().evaluate(cell);
      } catch (RuntimeException e) {
        if (FormulaCells.lacksSavedResult(cell)) {
          return new SheetCell(SheetCell.Kind.UNCOMPUTED, 0, FormulaCells.uncomputed(cell, e));
        }
        value = savedResult(cell);
      }
      return switch (value.getCellType()) {
        case NUMERIC -> new SheetCell(SheetCell.Kind.NUMBER, value.getNumberValue(), value.formatAsString());
        case STRING -> new SheetCell(SheetCell.Kind.TEXT, 0, value.getStringValue());
        case BOOLEAN -> new SheetCell(SheetCell.Kind.BOOLEAN, 0, value.formatAsString());
        case ERROR -> new SheetCell(SheetCell.Kind.ERROR, 0, value.formatAsString());
        default -> new SheetCell(SheetCell.Kind.BLANK, 0, "");
      };
    }
  }

  /** The result a formula cell was saved with, for when POI cannot compute it again. */
  private static CellValue savedResult(Cell cell) {
    return switch (cell.getCachedFormulaResultType()) {
      case NUMERIC -> new CellValue(cell.getNumericCellValue());
      case STRING -> new CellValue(cell.getStringCellValue());
      case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
      case ERROR -> CellValue.getError(cell.getErrorCellValue());
      default -> new CellValue("");
    };
  }
}
