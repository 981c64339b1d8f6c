package dev.parity.cli;

import dev.parity.graders.rubric.Checks;
import dev.parity.tasks.SuiteLoader;

/** The suite loader every command uses: with the graders' rubric checks validated. */
final class Suites {
  private Suites() {}

  static SuiteLoader loader() {
    return SuiteLoader.create().withCheckValidator(Checks.validator());
  }

  /**
   * The loader of commands that only show a suite: it keeps what it found valid in the user's
   * cache folder ({@code $XDG_CACHE_HOME/parity/suites}, else {@code ~/.cache/parity/suites}) and
   * reads again only the tasks whose files changed. Commands that run, grade or change a suite
   * use {@link #loader()}, which reads and hashes every byte.
   */
  static SuiteLoader showingLoader() {
    SuiteLoader loader = loader();
    return SuiteLoader.userCacheFolder(System.getenv()).map(loader::withCache).orElse(loader);
  }
}
