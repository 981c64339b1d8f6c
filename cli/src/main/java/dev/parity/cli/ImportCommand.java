package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.JudgmentsCsv;
import dev.parity.harness.run.DeliverableImport;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.judgments.JudgmentSource;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code parity import …}: data made elsewhere, into the store. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports data made elsewhere: judgments and deliverables into the store, GDPval as a suite.",
    subcommands = {ImportCommand.Judgments.class, ImportCommand.DeliverablesImport.class, GdpvalImportCommand.class,
        CommandLine.HelpCommand.class})
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing what to import: try 'parity import judgments FILE.csv', 'parity import deliverables --run ID --model NAME DIR'"
            + " or 'parity import gdpval SOURCE --out DIR'");
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
      try (Database database = store.open()) {
        JudgmentStore stored = new JudgmentStore(database);
        JudgmentSource source = JudgmentSource.file(file.getFileName().toString());
        if (stored.hasSource(source)) {
          throw new ParityException(file.getFileName() + " was imported before; rename the file to import it again");
        }
        stored.add(source, runId, judgments, Instant.now());
      }
      spec.commandLine().getOut().printf("Imported %d judgments from %s into %s%n", judgments.size(), file, store.name());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code parity import deliverables --run ID --model NAME DIR [--suite PATH]}. */
  @Command(
      name = "deliverables",
      mixinStandardHelpOptions = true,
      description = {
          "Imports deliverables made elsewhere (a chat app, another harness) as one model's attempts of a run,",
          "to grade and report like any other: DIR holds one folder per task, named by the task's id,",
          "with that task's files (DIR/<task-id>/report.docx, …). Each file is validated and each requested",
          "format missing is noted, as for a model's answer. The whole folder is checked first: an unknown",
          "task folder or a file of no deliverable format refuses the import, with nothing written.",
          "Recorded attempts are never overwritten."
      },
      footer = {
          "",
          "Examples:",
          "  parity import deliverables --run chat-1 --model chatgpt-web --suite suites/sample chat-exports/",
          "  parity import deliverables --run sample-20250601-120000 --model other-harness out/ --db team.db"
      })
  static final class DeliverablesImport implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Parameters(paramLabel = "DIR", description = "The deliverables: DIR/<task-id>/files.")
    Path folder;

    @Option(names = "--run", required = true, paramLabel = "ID",
        description = "The run to add them to; created if the store has no such run.")
    String runId;

    @Option(names = "--model", required = true, paramLabel = "NAME",
        description = "The model's name in the run (new in the run, or without attempts for these tasks).")
    String model;

    @Option(names = "--suite", paramLabel = "PATH",
        description = "The suite: required for a new run; for an existing run, where to load its suite from"
            + " (default: where the run loaded it).")
    Path suitePath;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database database = store.open()) {
        Store opened = new Store(database);
        Optional<Run> run = opened.findRun(runId);
        if (run.isEmpty() && suitePath == null) {
          throw new ParityException("no run " + runId + " in " + store.name()
              + ": give --suite PATH to create it, or the id of an existing run ('parity runs' lists them)");
        }
        Suite suite = Suites.loader().load(suitePath != null ? suitePath : run.get().suitePath());
        DeliverableImport.Result result = new DeliverableImport(opened, Clock.systemUTC())
            .importFolder(suite, runId, model, folder);
        print(result, suite, out);
      }
      out.flush();
      return 0;
    }

    private void print(DeliverableImport.Result result, Suite suite, PrintWriter out) {
      int count = result.attempts().size();
      out.printf("Imported %d %s of %s into %srun %s (suite %s %s)%n", count, count == 1 ? "attempt" : "attempts",
          result.model(), result.runCreated() ? "the new " : "", result.runId(), suite.name(), suite.version());
      for (DeliverableImport.Imported attempt : result.attempts()) {
        out.printf("  %-24s %s, %d %s%n", attempt.taskId(), attempt.status().id(), attempt.files(),
            attempt.files() == 1 ? "file" : "files");
        attempt.notes().forEach(note -> out.println("      " + note));
      }
      if (!result.notDelivered().isEmpty()) {
        out.printf("Not delivered: %d of the suite's %d tasks, left without attempts (%s)%n",
            result.notDelivered().size(), suite.tasks().size(), String.join(", ", result.notDelivered()));
      }
      out.println("Grade: parity grade --run " + result.runId() + " --rubric --db " + store.name());
    }
  }
}
