package dev.parity.harness.run;

import dev.parity.core.ParityException;
import java.util.List;

/**
 * A resume was refused because its settings differ from the run's in what defines the run's
 * attempts (the suite, the models and their parameters, samples, the task selection).
 */
public final class RunMismatchException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> differences;

  RunMismatchException(String runId, List<String> differences) {
    super("cannot resume run " + runId + " with different settings:\n  - "
        + String.join("\n  - ", differences)
        + "\nResume with the run's own settings (give only --run-id), or start a new run with another --run-id.");
    this.differences = List.copyOf(differences);
  }

  /** Each difference, in words. */
  public List<String> differences() {
    return differences;
  }
}
