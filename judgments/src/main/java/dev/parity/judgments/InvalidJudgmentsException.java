package dev.parity.judgments;

import dev.parity.core.ParityException;
import java.util.List;

/** A judgments file has bad rows; nothing of it was imported. {@link #problems()} lists every one. */
public final class InvalidJudgmentsException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  InvalidJudgmentsException(String file, List<String> problems) {
    super(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + ", nothing imported:\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
        + (problems.size() > 20 ? "\n  … and " + (problems.size() - 20) + " more" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each starting with {@code line N:}. */
  public List<String> problems() {
    return problems;
  }
}
