package dev.parity.samplegen.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an Excel workbook row by row: numbers stay numbers with a display format, formulas stay
 * formulas (evaluated before saving, so every reader sees their values), dates are real dates.
 * The output is byte-for-byte reproducible. Not thread-safe; use one instance per workbook.
 *
 * <pre>{@code
 * Xlsx book = Xlsx.create("Q3 variance", "A. Analyst", date);
 * Xlsx.Sheet s = book.sheet("Summary").widths(30, 14).header("Line", "Amount");
 * s.row("Travel", Xlsx.money(1200)).total("Total", Xlsx.formula("SUM(B2:B2)", Xlsx.Format.MONEY));
 * byte[] bytes = book.toBytes();
 * }</pre>
 */
public final class Xlsx {

  /** How a number or date is displayed. */
  public enum Format {
    TEXT("@"),
    INTEGER("#,##0"),
    DECIMAL("#,##0.00"),
    MONEY("$#,##0;[Red]-$#,##0"),
    MONEY_CENTS("$#,##0.00;[Red]-$#,##0.00"),
    PERCENT("0.0%;[Red]-0.0%"),
    DATE("yyyy-mm-dd");

    private final String pattern;

    Format(String pattern) {
      this.pattern = pattern;
    }
  }

  /** A cell's value with its display format; make one with the static factories. */
  public record Value(Object value, Format format) {}

  /** A formula, without the leading {@code =}. */
  public record Formula(String expression) {}

  private enum Look { PLAIN, BOLD, HEADER, TOTAL, TITLE }

  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Map<Look, Map<Format, CellStyle>> styles = new EnumMap<>(Look.class);
  private final Map<Look, Font> fonts = new HashMap<>();
  private final String title;
  private final String author;
  private final LocalDate date;

  private Xlsx(String title, String author, LocalDate date) {
    this.title = title;
    this.author = author;
    this.date = date;
  }

  public static Xlsx create(String title, String author, LocalDate date) {
    return new Xlsx(title, author, date);
  }

  public static Value money(double amount) {
    return new Value(amount, Format.MONEY);
  }

  public static Value cents(double amount) {
    return new Value(amount, Format.MONEY_CENTS);
  }

  public static Value integer(long amount) {
    return new Value(amount, Format.INTEGER);
  }

  public static Value decimal(double amount) {
    return new Value(amount, Format.DECIMAL);
  }

  public static Value percent(double fraction) {
    return new Value(fraction, Format.PERCENT);
  }

  public static Value date(LocalDate date) {
    return new Value(date, Format.DATE);
  }

  public static Value formula(String expression, Format format) {
    return new Value(new Formula(expression), format);
  }

  /** Adds a sheet, after the existing ones. */
  public Sheet sheet(String name) {
    return new Sheet(workbook.createSheet(name));
  }

  /**
   * Evaluates every formula, stores the values with them, and returns the workbook's bytes.
   *
   * @throws IllegalStateException if a formula does not evaluate (a typo, a bad reference)
   */
  public byte[] toBytes() {
    try (XSSFWorkbook w = workbook) {
      XSSFFormulaEvaluator.evaluateAllFormulaCells(w);
      requireNoErrors(w);
      POIXMLProperties.CoreProperties core = w.getProperties().getCoreProperties();
      core.setTitle(title);
      core.setCreator(author);
      Date created = Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC));
      core.setCreated(Optional.of(created));
      core.setModified(Optional.of(created));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      w.write(bytes);
      return DeterministicZip.normalize(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the workbook " + title, e);
    }
  }

  private void requireNoErrors(XSSFWorkbook w) {
    for (org.apache.poi.ss.usermodel.Sheet sheet : w) {
      for (org.apache.poi.ss.usermodel.Row row : sheet) {
        for (org.apache.poi.ss.usermodel.Cell cell : row) {
          if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.ERROR) {
            throw new IllegalStateException(sheet.getSheetName() + "!" + cell.getAddress() + " = "
                + cell.getCellFormula() + " evaluates to an error");
          }
        }
      }
    }
  }

  private CellStyle style(Look look, Format format) {
    return styles.computeIfAbsent(look, l -> new EnumMap<>(Format.class)).computeIfAbsent(format, f -> {
      CellStyle style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat(f.pattern));
      if (look != Look.PLAIN) {
        style.setFont(font(look));
      }
      if (look == Look.HEADER) {
        style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setWrapText(true);
      }
      if (look == Look.TOTAL) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.DOUBLE);
      }
      return style;
    });
  }

  private Font font(Look look) {
    return fonts.computeIfAbsent(look, l -> {
      Font font = workbook.createFont();
      font.setBold(true);
      if (l == Look.TITLE) {
        font.setFontHeightInPoints((short) 14);
      }
      return font;
    });
  }

  /** One sheet, filled top to bottom. */
  public final class Sheet {
    private final XSSFSheet sheet;
    private int next;
    private int headerRow = -1;
    private int columns;

    private Sheet(XSSFSheet sheet) {
      this.sheet = sheet;
    }

    /** Column widths in characters, from column A. */
    public Sheet widths(int... characters) {
      for (int c = 0; c < characters.length; c++) {
        sheet.setColumnWidth(c, characters[c] * 256 + 200);
      }
      return this;
    }

    /** A title line in large bold text. */
    public Sheet title(String text) {
      put(next++, new Object[] {text}, Look.TITLE);
      return this;
    }

    /** A line of text, e.g. a note or a source. */
    public Sheet note(String text) {
      put(next++, new Object[] {text}, Look.PLAIN);
      return this;
    }

    /** The table's header; {@link #freezeHeader} and {@link #filter} refer to it. */
    public Sheet header(Object... titles) {
      headerRow = next;
      columns = titles.length;
      put(next++, titles, Look.HEADER);
      return this;
    }

    public Sheet row(Object... cells) {
      put(next++, cells, Look.PLAIN);
      return this;
    }

    /** A row in bold, e.g. a subtotal. */
    public Sheet bold(Object... cells) {
      put(next++, cells, Look.BOLD);
      return this;
    }

    /** A total row: bold, ruled above and double-ruled below. */
    public Sheet total(Object... cells) {
      put(next++, cells, Look.TOTAL);
      return this;
    }

    public Sheet blank() {
      next++;
      return this;
    }

    /** Keeps the rows down to the header in view while scrolling. */
    public Sheet freezeHeader() {
      requireHeader();
      sheet.createFreezePane(0, headerRow + 1);
      return this;
    }

    /** An autofilter over the header and the rows written since it. */
    public Sheet filter() {
      requireHeader();
      sheet.setAutoFilter(new CellRangeAddress(headerRow, next - 1, 0, columns - 1));
      return this;
    }

    /** The 1-based spreadsheet row number the next row will have, for formulas. */
    public int nextRowNumber() {
      return next + 1;
    }

    private void requireHeader() {
      if (headerRow < 0) {
        throw new IllegalStateException("sheet " + sheet.getSheetName() + " has no header row");
      }
    }

    private void put(int index, Object[] cells, Look look) {
      XSSFRow row = sheet.createRow(index);
      for (int c = 0; c < cells.length; c++) {
        if (cells[c] != null) {
          set(row.createCell(c), cells[c], look);
        }
      }
    }

    private void set(XSSFCell cell, Object content, Look look) {
      Value value = content instanceof Value v ? v : new Value(content, defaultFormat(content));
      cell.setCellStyle(style(look, value.format()));
      Object v = value.value();
      if (v instanceof Formula f) {
        cell.setCellFormula(f.expression());
      } else if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if (v instanceof LocalDate d) {
        cell.setCellValue(d);
      } else if (v instanceof String s) {
        cell.setCellValue(s);
      } else {
        throw new IllegalArgumentException("cannot put a " + v.getClass().getSimpleName() + " in a cell: " + v);
      }
    }

    private Format defaultFormat(Object content) {
      if (content instanceof Integer || content instanceof Long) {
        return Format.INTEGER;
      }
      if (content instanceof Number) {
        return Format.DECIMAL;
      }
      if (content instanceof LocalDate) {
        return Format.DATE;
      }
      return Format.TEXT;
    }
  }
}
