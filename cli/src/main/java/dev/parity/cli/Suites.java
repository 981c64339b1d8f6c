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
   * The loader of commands that only read a suite ({@code suite info}, {@code report}): it keeps
   * what it found valid in the user's cache folder ({@code $XDG_CACHE_HOME/parity/suites}, else
   * {@code ~/.cache/parity/suites}) and reads again only the tasks whose files changed. Commands
   * that run, grade or change a suite use {@link #loader()}, which reads and hashes every byte.
   */
  static SuiteLoader showingLoader() {
    SuiteLoader loader = loader();
    // Not Optional.map with a method reference: its first call starts the method handle machinery,
    // which suite info on an unchanged suite otherwise never needs (docs/design/0007-start-up.md).
    java.util.Optional<java.nio.file.Path> folder = SuiteLoader.userCacheFolder(System.getenv());
    return folder.isPresent() ? loader.withCache(folder.get()) : loader;
  }
}
