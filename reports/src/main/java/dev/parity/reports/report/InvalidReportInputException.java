package dev.parity.reports.report;

import dev.parity.core.ParityException;
import java.util.List;

/** A report's input contradicts itself; the message lists every problem found. */
public final class InvalidReportInputException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  InvalidReportInputException(List<String> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + " in the report's input, nothing computed:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
