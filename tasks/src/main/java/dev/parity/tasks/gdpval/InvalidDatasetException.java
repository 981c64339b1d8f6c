package dev.parity.tasks.gdpval;

import dev.parity.core.ParityException;
import java.util.List;

/**
 * A dataset file that cannot be imported: every problem, each naming its row and column, so that
 * one run of the importer shows them all.
 */
public final class InvalidDatasetException extends ParityException {
  private static final long serialVersionUID = 1L;

  private final transient List<RowProblem> problems;

  /** @param appendix printed after the problems, e.g. the occupation table; may be empty */
  InvalidDatasetException(String source, List<RowProblem> problems, String appendix) {
    super(message(source, problems) + (appendix.isEmpty() ? "" : "\n" + appendix));
    this.problems = List.copyOf(problems);
  }

  InvalidDatasetException(String message) {
    super(message);
    this.problems = List.of();
  }

  /** Every problem found, in row order; empty when the file as a whole could not be read. */
  public List<RowProblem> problems() {
    return problems;
  }

  private static String message(String source, List<RowProblem> problems) {
    StringBuilder text = new StringBuilder(source).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " bad row" : " bad rows")
        .append("; nothing was imported (--skip-bad-rows imports the others)");
    problems.forEach(p -> text.append("\n  ").append(p));
    return text.toString();
  }
}
