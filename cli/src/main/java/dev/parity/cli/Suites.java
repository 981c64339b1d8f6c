package dev.parity.cli;

import dev.parity.graders.rubric.Checks;
import dev.parity.tasks.SuiteLoader;

/**
 * The suite loader every command uses: with the graders' rubric checks validated, and remembering
 * in the user's cache folder which documents opened (by their bytes' SHA-256), so that a run, a
 * resume or a validation parses a suite's documents once.
 */
final class Suites {
  private Suites() {}

  static SuiteLoader loader() {
    SuiteLoader loader = SuiteLoader.create().withCheckValidator(Checks.validator());
    // Not Optional.map with a method reference: see showingLoader.
    java.util.Optional<java.nio.file.Path> readable = SuiteLoader.userReadableFolder(System.getenv());
    return readable.isPresent() ? loader.rememberingReadable(readable.get()) : loader;
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
