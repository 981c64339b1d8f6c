package dev.parity.cli;

import dev.parity.harness.run.NoSuchRunException;
import dev.parity.harness.store.AttemptExport;
import dev.parity.harness.store.DeliverableExport;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity export …}: data out of the store, for pandas, R or a spreadsheet. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports data from the store as CSV or JSONL, or a run's deliverable files.",
    subcommands = {ExportCommand.Attempts.class, ExportCommand.Judgments.class, ExportCommand.Deliverables.class,
        CommandLine.HelpCommand.class})
final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing what to export: try 'parity export attempts --run ID --format csv'");
  }

  /** {@code parity export attempts --run ID --format csv|jsonl [--out FILE]}. */
  @Command(
      name = "attempts",
      mixinStandardHelpOptions = true,
      description = {
          "Exports every attempt of a run, one row (CSV) or one JSON object a line (JSONL) each: "
              + "status, tokens, cost, latency, retries, errors, files. Columns: docs/store.md."
      },
      footer = {
          "",
          "Examples:",
          "  parity export attempts --run gdpval-gpt5 --format csv --out attempts.csv",
          "  parity export attempts --run gdpval-gpt5 --format jsonl | jq .cost_usd",
          "  python -c \"import pandas; print(pandas.read_csv('attempts.csv').groupby('model').cost_usd.sum())\""
      })
  static final class Attempts implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to export.")
    String runId;

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
        description = "csv (default) or jsonl.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the standard output.")
    Path out;

    @Override
    public Integer call() {
      AttemptExport.Format chosen;
      try {
        chosen = AttemptExport.Format.of(format);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      try (Database database = store.openExisting()) {
        Store opened = new Store(database);
        Run run = opened.findRun(runId).orElseThrow(() -> new NoSuchRunException(runId, opened));
        if (out == null) {
          Writer writer = spec.commandLine().getOut();
          AttemptExport.write(opened, run, chosen, writer);
          spec.commandLine().getOut().flush();
        } else {
          try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            AttemptExport.write(opened, run, chosen, writer);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
          }
          spec.commandLine().getErr().printf("wrote %s%n", out);
        }
      }
      return 0;
    }
  }

  /** {@code parity export judgments [--run ID] [--out FILE]}: the interchange CSV. */
  @Command(
      name = "judgments",
      mixinStandardHelpOptions = true,
      description = "Exports stored judgments as the interchange CSV (docs/judgments-format.md).",
      footer = {
          "",
          "Examples:",
          "  parity export judgments --run gdpval-1 --out judgments.csv",
          "  parity export judgments > all-judgments.csv"
      })
  static final class Judgments implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--run", paramLabel = "ID", description = "Only judgments about this run (default: all).")
    String runId;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the standard output.")
    java.nio.file.Path out;

    @Override
    public Integer call() throws java.io.IOException {
      try (Database database = store.openExisting()) {
        java.util.List<dev.parity.judgments.Judgment> judgments =
            new dev.parity.judgments.JudgmentStore(database).judgments(runId).stream()
                .map(dev.parity.judgments.JudgmentStore.Stored::judgment).toList();
        if (out == null) {
          dev.parity.judgments.JudgmentsCsv.write(judgments, spec.commandLine().getOut());
          spec.commandLine().getOut().flush();
        } else {
          try (java.io.Writer writer = java.nio.file.Files.newBufferedWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            dev.parity.judgments.JudgmentsCsv.write(judgments, writer);
          }
          spec.commandLine().getErr().printf("Wrote %d judgments to %s%n", judgments.size(), out);
        }
      }
      return 0;
    }
  }

  /** {@code parity export deliverables --run ID --out DIR [--inert]}: every attempt's files, with a manifest. */
  @Command(
      name = "deliverables",
      mixinStandardHelpOptions = true,
      description = {
          "Writes every attempt's files as DIR/<contestant>/<task>/<sample>/<file>, names made safe "
              + "for any file system, with manifest.json and manifest.csv: attempt, status, file names as "
              + "stored and as written, sha256 hashes, and the contestant and task folders' names. "
              + "Files are written as stored; --inert removes identifying metadata and active content "
              + "(scripts, macros, external links) and withholds files that cannot be made inert."
      },
      footer = {
          "",
          "Examples:",
          "  parity export deliverables --run gdpval-gpt5 --out deliverables/gdpval-gpt5",
          "  parity export deliverables --run gdpval-gpt5 --out inert/ --inert"
      })
  static final class Deliverables implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to export.")
    String runId;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "A new or empty folder to write to.")
    Path out;

    @Option(names = "--inert", description = "Strip metadata and active content from every file (Documents.strip).")
    boolean inert;

    @Override
    public Integer call() {
      try (Database database = store.openExisting()) {
        Store opened = new Store(database);
        Run run = opened.findRun(runId).orElseThrow(() -> new NoSuchRunException(runId, opened));
        DeliverableExport.Summary summary;
        try {
          summary = DeliverableExport.write(opened, run, out, inert ? DeliverableExport.Mode.INERT : DeliverableExport.Mode.RAW);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--out: " + e.getMessage());
        }
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf("Exported %d files of %d attempts of run %s to %s (%s), manifest: %s%n", summary.files(),
            summary.attempts(), run.id(), out, inert ? "made inert" : "as stored",
            out.resolve(DeliverableExport.MANIFEST_JSON));
        if (summary.withheld() > 0) {
          printed.printf("Withheld %d files that cannot be made inert; the manifest says why.%n", summary.withheld());
        }
        printed.flush();
      }
      return 0;
    }
  }
}
