package dev.parity.cli;

import dev.parity.graders.rubric.Checks;
import dev.parity.tasks.SuiteLoader;

/** The suite loader every command uses: with the graders' rubric checks validated. */
final class Suites {
  private Suites() {}

  static SuiteLoader loader() {
    return SuiteLoader.create().withCheckValidator(Checks.validator());
  }
}
