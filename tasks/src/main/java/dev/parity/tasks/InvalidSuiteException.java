package dev.parity.tasks;

import dev.parity.core.ParityException;
import java.util.List;

/** A suite could not be loaded because it has problems; {@link #problems()} lists every one. */
public final class InvalidSuiteException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidSuiteException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    StringBuilder message = new StringBuilder("invalid suite: ")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    problems.stream().limit(5).forEach(p -> message.append("\n  ").append(p));
    if (problems.size() > 5) {
      message.append("\n  … and ").append(problems.size() - 5).append(" more");
    }
    return message.toString();
  }
}
