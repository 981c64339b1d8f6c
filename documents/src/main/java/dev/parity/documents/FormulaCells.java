package dev.parity.documents;

import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * The value of a formula cell as a reader should see it. A workbook saved by Excel or LibreOffice
 * keeps each formula's last result, which is shown as it is; one written by openpyxl or pandas
 * keeps none ({@code <f>SUM(B2:B6)</f>} with no or an empty {@code <v>}), which POI would read as
 * 0. Such a cell is computed with POI's evaluator, and where POI cannot compute it (a function it
 * lacks, a link to another workbook) it is shown as its formula with a note, never as a number it
 * does not hold. Stateless and thread-safe; the cells and evaluators given are not.
 */
final class FormulaCells {
  private FormulaCells() {}

  /** Whether {@code cell} is a formula cell whose file holds no result for it. */
  static boolean lacksSavedResult(Cell cell) {
    if (cell.getCellType() != CellType.FORMULA || !(cell instanceof XSSFCell xssf)) {
      return false;
    }
    CTCell ct = xssf.getCTCell();
    if (!ct.isSetV()) {
      return true;
    }
    // An empty <v/> is a result only for a formula that gave empty text (t="str").
    return ct.getV().isEmpty() && ct.getT() != STCellType.STR;
  }

  /**
   * Gives {@code cell} a result if it lacks one, computing it with {@code evaluator}, so that its
   * cached result is then what the reader shows; does nothing to other cells.
   *
   * @return empty when the cell has a result now; the formula and why it could not be computed
   *     when POI cannot compute it, as {@code =FOO(B2) (not computed: ...)}
   */
  static Optional<String> settle(Cell cell, FormulaEvaluator evaluator) {
    if (!lacksSavedResult(cell)) {
      return Optional.empty();
    }
    try {
      evaluator.evaluateFormulaCell(cell);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(uncomputed(cell, e));
    }
  }

  /** The formula of a cell that could not be computed, with the reason. */
  static String uncomputed(Cell cell, RuntimeException why) {
    return "=" + cell.getCellFormula() + " (not computed: " + reason(why) + ")";
  }

  private static String reason(RuntimeException e) {
    Throwable cause = e;
    // POI wraps the evaluator's failure in a message naming the cell; the innermost says why.
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return Found.cut(message);
  }
}
