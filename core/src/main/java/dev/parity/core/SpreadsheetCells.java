package dev.parity.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text cells of exported CSV files safe to open in a spreadsheet, and undoes it on import.
 *
 * <p>A spreadsheet treats a cell that starts with {@code =}, {@code +}, {@code -} or {@code @}
 * as a formula, and some treat a leading tab or carriage return likewise: a rationale starting
 * with {@code =HYPERLINK(…)} would become a live link, or worse (CSV injection). Following OWASP's
 * rule, {@link #guard} puts a single quote before such a cell, which spreadsheets show as text.
 * Numbers ({@code -3.5}, {@code +1e-3}) are left as they are, so numeric columns stay numeric.
 *
 * <p>{@link #unguard} is the exact inverse on every guarded value, so a file exported and imported
 * again gives back the same text. To keep it exact, a cell that already starts with quotes followed
 * by a formula character ({@code '=x}) is guarded too ({@code ''=x}). The one cost: a hand-written
 * file's cell {@code '=x} imports as {@code =x}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpreadsheetCells {
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private SpreadsheetCells() {}

  /** The cell as a spreadsheet shows it as text: a quote before formula-like text; null stays null. */
  public static String guard(String cell) {
    return cell != null && needsGuard(cell) ? "'" + cell : cell;
  }

  /** Every cell guarded, in order; nulls stay null. */
  public static List<String> guard(List<String> cells) {
    List<String> guarded = new ArrayList<>(cells.size());
    cells.forEach(c -> guarded.add(guard(c)));
    return guarded;
  }

  /** The cell as it was before {@link #guard}; a cell that was never guarded comes back unchanged. */
  public static String unguard(String cell) {
    return cell != null && cell.startsWith("'") && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
  }

  /** Whether, after any leading quotes, the text starts like a formula and is not a number. */
  private static boolean needsGuard(String cell) {
    int i = 0;
    while (i < cell.length() && cell.charAt(i) == '\'') {
      i++;
    }
    if (i == cell.length() || FORMULA_STARTS.indexOf(cell.charAt(i)) < 0) {
      return false;
    }
    return !NUMBER.matcher(cell.substring(i)).matches();
  }
}
