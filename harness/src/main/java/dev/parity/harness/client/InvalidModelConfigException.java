package dev.parity.harness.client;

import dev.parity.core.ParityException;
import dev.parity.tasks.Problem;
import java.util.List;

/**
 * A model spec, a models file or a model's configuration is wrong. For a file (a models file, a
 * replay file), {@link #problems()} lists every problem found, each at its file and line.
 */
public final class InvalidModelConfigException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /** One problem with no file position (a spec string, a configuration made in code). */
  public InvalidModelConfigException(String message) {
    super(message);
    this.problems = List.of();
  }

  /**
   * Every problem found in a file that configures models.
   *
   * @param what names the kind of file, e.g. {@code models file}, {@code replay file}
   */
  public InvalidModelConfigException(String what, List<Problem> problems) {
    super(summary(what, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found in a file, in file order; empty for other kinds of input. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(String what, List<Problem> problems) {
    StringBuilder message = new StringBuilder("invalid ").append(what).append(": ")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    problems.forEach(p -> message.append("\n  ").append(p));
    return message.toString();
  }
}
