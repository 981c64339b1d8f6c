package dev.parity.tasks.gdpval;

/**
 * What is wrong with one row of a dataset file.
 *
 * @param row the row's number, from 1 (for JSONL, the line's number)
 * @param column the column at fault, e.g. {@code rubric_json}; null for the row as a whole
 * @param message what is wrong, in words a user can act on
 */
public record RowProblem(int row, String column, String message) {
  @Override
  public String toString() {
    return "row " + row + (column == null ? "" : ", " + column) + ": " + message;
  }
}
