package dev.parity.documents;

import java.util.Objects;

/**
 * One workbook cell's value, computed as Excel would compute it (formulas evaluated).
 *
 * @param kind what the cell holds
 * @param number the value when {@code kind} is {@link Kind#NUMBER}, else 0
 * @param text the text when {@code kind} is {@link Kind#TEXT}; the value as Excel shows it
 *     ({@code TRUE}, {@code #DIV/0!}, a number) for a number, a boolean or an error; the sheet
 *     named in the reference for {@link Kind#NO_SUCH_SHEET}; the formula and why it could not be
 *     computed for {@link Kind#UNCOMPUTED} ({@code =FOO(B2) (not computed: ...)}); empty for
 *     {@link Kind#BLANK}
 */
public record SheetCell(Kind kind, double number, String text) {
  /**
   * What a cell holds. {@code UNCOMPUTED} is a formula with no saved result that cannot be
   * computed here (a function POI lacks, a link to another workbook): its value is unknown, not 0.
   */
  public enum Kind { NUMBER, TEXT, BOOLEAN, ERROR, BLANK, NO_SUCH_SHEET, UNCOMPUTED }

  public SheetCell {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
