package dev.parity.cli;

import dev.parity.graders.judgment.Judgment;
import dev.parity.graders.judgment.JudgmentStore;
import dev.parity.graders.judgment.JudgmentsCsv;
import dev.parity.harness.store.Store;
import dev.parity.tasks.ParityException;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity import …}: data made elsewhere, into the store. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports data made elsewhere into the store.",
    subcommands = {ImportCommand.Judgments.class, CommandLine.HelpCommand.class})
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing what to import: try 'parity import judgments FILE.csv'");
  }

  /** {@code parity import judgments FILE.csv [--suite PATH] [--run ID]}. */
  @Command(
      name = "judgments",
      mixinStandardHelpOptions = true,
      description = {
          "Imports judgments from the interchange CSV (docs/judgments-format.md), whole or not at all:",
          "every bad row is reported with its line number and nothing is imported then."
      },
      footer = {
          "",
          "Examples:",
          "  parity import judgments expert-grades.csv --suite suites/sample",
          "  parity import judgments other-harness.csv --run gdpval-1 --db team.db"
      })
  static final class Judgments implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Parameters(paramLabel = "FILE.csv", description = "The judgments file.")
    Path file;

    @Option(names = "--suite", paramLabel = "PATH",
        description = "The suite, to take each task's occupation and sector from.")
    Path suitePath;

    @Option(names = "--run", paramLabel = "ID", description = "The run whose attempts were judged, if any.")
    String runId;

    @Override
    public Integer call() {
      Function<String, Optional<Task>> tasks = id -> Optional.empty();
      if (suitePath != null) {
        Suite suite = Suites.loader().load(suitePath);
        tasks = suite::task;
      }
      List<Judgment> judgments;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        judgments = JudgmentsCsv.read(file.toString(), reader, tasks);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      try (Store opened = store.open()) {
        JudgmentStore stored = new JudgmentStore(opened);
        String source = JudgmentStore.fileSource(file.getFileName().toString());
        if (stored.hasSource(source)) {
          throw new ParityException(file.getFileName() + " was imported before; rename the file to import it again");
        }
        stored.add(source, runId, judgments, Instant.now());
      }
      spec.commandLine().getOut().printf("Imported %d judgments from %s into %s%n", judgments.size(), file, store.file);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
