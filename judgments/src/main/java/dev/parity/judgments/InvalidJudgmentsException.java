package dev.parity.judgments;

import dev.parity.core.ParityException;
import java.util.List;

/**
 * A judgments file has bad rows; none of its judgments were used (imported, or counted in a report).
 * {@link #problems()} lists every one.
 */
public final class InvalidJudgmentsException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  InvalidJudgmentsException(String file, List<String> problems) {
    super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + "; none of its judgments were used:\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
        + (problems.size() > 20 ? "\n  … and " + (problems.size() - 20) + " more" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each starting with {@code line N:}. */
  public List<String> problems() {
    return problems;
  }
}
