package dev.parity.harness.client;

import dev.parity.tasks.ParityException;
import dev.parity.tasks.Problem;
import java.util.List;

/**
 * A model spec, a models file or a model's configuration is wrong. For a models file,
 * {@link #problems()} lists every problem found, each at its file and line.
 */
public final class InvalidModelConfigException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  /** One problem with no file position (a spec string, a configuration made in code). */
  public InvalidModelConfigException(String message) {
    super(message);
    this.problems = List.of();
  }

  InvalidModelConfigException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found in a models file, in file order; empty for other kinds of input. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    StringBuilder message = new StringBuilder("invalid models file: ")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    problems.forEach(p -> message.append("\n  ").append(p));
    return message.toString();
  }
}
