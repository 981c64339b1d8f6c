package dev.parity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The workload the {@code ./parity} launcher records the loaded classes of, to build the
 * class-data-sharing archive that later commands start from (docs/design/0007-start-up.md).
 *
 * <p>It runs the commands whose start-up a user waits for, in-process with their output
 * discarded: the usages, {@code suite info} (as {@link Main} runs it, and through picocli) and
 * {@code validate} of the sample suite, and a run of
 * it through the replay model of recorded answers into a throw-away store, then {@code run show}
 * and {@code runs}. A command that fails still loaded its classes, so failures are ignored: the
 * archive is an optimisation and the launcher works without one.
 */
final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path sample = DemoCommand.SampleSuite.locate();
    Path answers = sample.resolveSibling("sample-answers").resolve("example-model");
    Path scratch = Files.createTempDirectory("parity-training");
    try {
      Path models = scratch.resolve("models.json");
      Files.writeString(models, Json.write(Map.of("models", List.of(Map.of(
          "name", "example-model", "provider", "replay", "model", answers.toAbsolutePath().toString())))));
      String db = scratch.resolve("parity.db").toString();
      // `parity --help` and `parity suite info` as Main serves them, without a command line; the
      // second suite info reads the load cache the first wrote.
      TopLevelHelp.print(new String[] {"--help"}, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      for (int i = 0; i < 2; i++) {
        DirectSuiteInfo.run(DirectSuiteInfo.of("suite", "info", sample.toString()).orElseThrow(),
            new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
      }
      for (List<String> command : List.of(
          List.of("--help"),
          List.of("--version"),
          List.of("run", "--help"),
          List.of("validate", sample.toString()),
          List.of("suite", "info", sample.toString()),
          // Again: the first read the suite and wrote the load cache, this one reads the cache.
          List.of("suite", "info", sample.toString()),
          List.of("run", "--suite", sample.toString(), "--models", models.toString(), "--db", db,
              "--run-id", "training"),
          List.of("run", "show", "training", "--db", db),
          List.of("runs", "--db", db))) {
        String[] arguments = command.toArray(String[]::new);
        CommandLine parity = ParityCommand.commandLine(arguments);
        parity.setOut(new PrintWriter(Writer.nullWriter()));
        parity.setErr(new PrintWriter(Writer.nullWriter()));
        parity.execute(arguments);
      }
    } finally {
      delete(scratch);
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
