package dev.parity.cli;

import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * The suite of a {@code parity run --suite PATH} or {@code parity report --suite PATH} command
 * line, loading from the process's start instead of from the command's {@code call}: picocli's
 * building of the command (about 0.15-0.2 s of CPU) then runs beside the load that the command
 * waits for, not before it (benchmarks/README.md).
 *
 * <p>A guess from the raw arguments, made before picocli reads them. {@link #take} hands the load
 * over only for the path picocli parsed, so a command line the guess reads wrongly (an option's
 * value that happens to be {@code --suite}, a usage error) costs a load that nothing uses, never a
 * run or report of another suite. The load is the one the command makes: {@code run}'s with
 * {@link Suites#loader()}, {@code report}'s with {@link Suites#showingLoader()}.
 */
final class SuitePreload {
  static final SuitePreload NONE = new SuitePreload(null, null, null);

  private final String command;
  private final Path path;
  private final CompletableFuture<Suite> loading;

  private SuitePreload(String command, Path path, CompletableFuture<Suite> loading) {
    this.command = command;
    this.path = path;
    this.loading = loading;
  }

  /**
   * Starts loading the suite {@code args} name when they are {@code run ... --suite PATH} or
   * {@code report ... --suite PATH} (or {@code --suite=PATH}) with one {@code --suite} before any
   * {@code --}; {@link #NONE} otherwise.
   */
  static SuitePreload start(String... args) {
    int command = 0;
    while (command < args.length && args[command].startsWith("-")) {
      command++;
    }
    if (command == args.length || !(args[command].equals("run") || args[command].equals("report"))) {
      return NONE;
    }
    String value = null;
    for (int i = command + 1; i < args.length && !args[i].equals("--"); i++) {
      String found = args[i].equals("--suite") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("--suite=") ? args[i].substring("--suite=".length()) : null;
      if (found != null && value != null) {
        return NONE; // picocli refuses an option given twice
      }
      value = found != null ? found : value;
    }
    if (value == null) {
      return NONE;
    }
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      return NONE; // picocli says what is wrong with it
    }
    String name = args[command];
    SuiteLoader loader = name.equals("run") ? Suites.loader() : Suites.showingLoader();
    return new SuitePreload(name, path, Background.start("parity-suite-load", () -> loader.load(path)));
  }

  /** Hands this load to the command of {@code commandLine} it was started for, if it is built to run. */
  void offerTo(CommandLine commandLine) {
    CommandLine built = loading == null ? null : commandLine.getSubcommands().get(command);
    if (built == null) {
      return;
    }
    if (built.getCommand() instanceof RunCommand run) {
      run.preload = this;
    } else if (built.getCommand() instanceof ReportCommand report) {
      report.preload = this;
    }
  }

  /** The load of {@code suite} when it is the one started here; null otherwise. */
  CompletableFuture<Suite> take(Path suite) {
    return loading != null && path.equals(suite) ? loading : null;
  }
}
