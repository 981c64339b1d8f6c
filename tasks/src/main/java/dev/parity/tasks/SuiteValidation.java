package dev.parity.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a suite folder: every problem found, and the suite when there
 * were none.
 *
 * @param root the folder that was validated
 * @param suite the loaded suite; null when there are problems
 * @param problems every problem, grouped by file in file order
 */
public record SuiteValidation(Path root, Suite suite, List<Problem> problems) {
  public SuiteValidation {
    problems = List.copyOf(problems);
    if (suite != null && !problems.isEmpty()) {
      throw new IllegalArgumentException("a suite with problems must not be returned");
    }
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public Optional<Suite> loadedSuite() {
    return Optional.ofNullable(suite);
  }
}
