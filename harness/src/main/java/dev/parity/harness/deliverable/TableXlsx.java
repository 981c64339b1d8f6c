package dev.parity.harness.deliverable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTStylesheet;

/**
 * Tables to XLSX with Apache POI: one sheet per table, numbers stored as numbers with the
 * format they were written in, ISO dates as dates, {@code =…} as formulas (evaluated once so
 * every viewer shows their values), a bold frozen header row, the default style named "Normal" as
 * office applications expect. One instance builds one workbook.
 */
final class TableXlsx {
  private static final int MAX_COLUMN_CHARS = 60;
  private static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  /** One sheet to write: its wanted name (or null for {@code SheetN}) and its rows of cell text. */
  record SheetRows(String name, List<List<String>> rows) {}

  /** The workbook and the formulas that did not parse, which were kept as text. */
  record Result(byte[] bytes, List<Finding> findings) {}

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Map<String, CellStyle> styles = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final String fileName;

  private TableXlsx(String fileName) {
    this.fileName = fileName;
  }

  static Result build(String fileName, List<SheetRows> sheets) {
    TableXlsx builder = new TableXlsx(fileName);
    Set<String> used = new HashSet<>();
    for (SheetRows sheet : sheets) {
      builder.sheet(uniqueName(sheet.name(), used), sheet.rows());
    }
    builder.evaluateFormulas();
    return new Result(builder.bytes(), List.copyOf(builder.findings));
  }

  private static String uniqueName(String wanted, Set<String> used) {
    String base = wanted == null || wanted.isBlank() ? "Sheet" + (used.size() + 1) : WorkbookUtil.createSafeSheetName(wanted.strip());
    String name = base;
    for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
      String suffix = " (" + i + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    used.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  private void sheet(String name, List<List<String>> rows) {
    Sheet sheet = workbook.createSheet(name);
    int[] widths = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      List<String> cells = rows.get(r);
      boolean header = r == 0 && rows.size() > 1 && cells.stream().allMatch(c -> CellValues.of(c) instanceof CellValues.Text);
      for (int c = 0; c < cells.size(); c++) {
        Cell cell = row.createCell(c);
        write(cell, cells.get(c), header);
        widths[c] = Math.max(widths[c], Math.min(cells.get(c).strip().length(), MAX_COLUMN_CHARS));
      }
      if (header) {
        sheet.createFreezePane(0, 1);
      }
    }
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, (Math.max(widths[c], 6) + 2) * 256);
    }
  }

  private void write(Cell cell, String raw, boolean header) {
    CellValues.Value value = CellValues.of(raw);
    if (header) {
      cell.setCellValue(raw.strip());
      cell.setCellStyle(style("@bold"));
    } else if (value instanceof CellValues.Text t) {
      cell.setCellValue(t.text());
    } else if (value instanceof CellValues.Number n) {
      cell.setCellValue(n.value());
      if (!n.format().equals("General")) {
        cell.setCellStyle(style(n.format()));
      }
    } else if (value instanceof CellValues.Date d) {
      cell.setCellValue(d.value());
      cell.setCellStyle(style(d.hasTime() ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd"));
    } else if (value instanceof CellValues.Bool b) {
      cell.setCellValue(b.value());
    } else if (value instanceof CellValues.Formula f) {
      try {
        cell.setCellFormula(f.formula());
      } catch (FormulaParseException | IllegalStateException e) {
        cell.setCellValue(raw.strip());
        String where = where(cell);
        findings.add(new Finding(Finding.Kind.BROKEN_FORMULA, fileName, where,
            "xlsx with broken formula in " + where + ": =" + f.formula() + " does not parse, kept as text"));
      }
    }
  }

  private CellStyle style(String format) {
    return styles.computeIfAbsent(format, f -> {
      CellStyle style = workbook.createCellStyle();
      if (f.equals("@bold")) {
        XSSFFont bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
      } else {
        style.setDataFormat(workbook.createDataFormat().getFormat(f));
      }
      return style;
    });
  }

  /** Caches every formula's value in the file; failures are left to validation to report. */
  private void evaluateFormulas() {
    FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    for (Sheet sheet : workbook) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
            try {
              evaluator.evaluateFormulaCell(cell);
            } catch (RuntimeException e) {
              // Validation evaluates again and reports the cell with its cause.
            }
          }
        }
      }
    }
    workbook.setForceFormulaRecalculation(true);
  }

  static String where(Cell cell) {
    return cell.getSheet().getSheetName() + "!" + new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
  }

  /**
   * Names the workbook's default cell format "Normal", as Excel and LibreOffice write it: POI
   * writes the default font, fills, border and formats but no {@code cellStyles}, and readers then
   * substitute their own default (openpyxl warns "Workbook contains no default style").
   */
  private void defaultStyle() {
    // poi-ooxml-lite has no CTCellStyles, so the element is written with a cursor; XmlBeans puts
    // the elements POI sets on writing (fonts, cellXfs, …) before it, in the schema's order.
    CTStylesheet sheet = workbook.getStylesSource().getCTStylesheet();
    try (XmlCursor cursor = sheet.newCursor()) {
      cursor.toEndToken();
      cursor.beginElement(new QName(SPREADSHEETML, "cellStyles"));
      cursor.insertAttributeWithValue("count", "1");
      cursor.beginElement(new QName(SPREADSHEETML, "cellStyle"));
      cursor.insertAttributeWithValue("name", "Normal");
      cursor.insertAttributeWithValue("xfId", "0");
      cursor.insertAttributeWithValue("builtinId", "0");
    }
  }

  private byte[] bytes() {
    try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      defaultStyle();
      OfficeProperties.neutral(workbook, null);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
