package dev.parity.cli;

import dev.parity.tasks.SuiteProvenance;
import dev.parity.tasks.SuiteSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parity suite …}: commands about a suite as a whole. */
@Command(
    name = "suite",
    mixinStandardHelpOptions = true,
    description = "Commands about a suite as a whole.",
    subcommands = {SuiteCommand.Info.class, CommandLine.HelpCommand.class})
final class SuiteCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'parity suite info PATH'");
  }

  /** {@code parity suite info PATH}. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = {
          "Prints tasks per sector and occupation, total human hours and cost, the content hash, where an "
              + "imported suite came from, and the tasks flagged as incomplete (no baseline, no rubric, unknown "
              + "minutes or wage, references not shown to the model, guessed or unsupported deliverable formats)."
      },
      footer = {
          "",
          "Examples:",
          "  parity suite info suites/sample",
          "  parity suite info --json suites/sample | jq .human_cost_usd"
      })
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "The suite folder.")
    Path path;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
      return show(path, json, spec.commandLine().getOut());
    }

    /** What the command does, with or without picocli ({@link DirectSuiteInfo}); its exit code. */
    static int show(Path path, boolean json, PrintWriter out) {
      SuiteSummary summary = Suites.showingLoader().summarize(path);
      if (json) {
        out.println(Json.write(summary));
      } else {
        print(summary, out);
      }
      out.flush();
      return 0;
    }

    /**
     * The summary as text. Built with {@link PlainFormat} and without {@code +} on strings: on an
     * unchanged suite the formatter's start-up was a tenth of the command, and each shape of string
     * concatenation spins method handles on its first call (docs/design/0007-start-up.md).
     */
    static void print(SuiteSummary summary, PrintWriter out) {
      String newline = System.lineSeparator();
      StringBuilder text = new StringBuilder(4096);
      text.append("Suite ").append(summary.name()).append(' ').append(summary.version()).append(newline);
      text.append("  hash          ").append(summary.hash()).append(newline);
      SuiteProvenance provenance = summary.provenance();
      if (provenance != null) {
        text.append("  dataset       ").append(provenance.dataset()).append(", revision ").append(provenance.revision())
            .append(newline);
        if (provenance.sourceFile() != null) {
          text.append("  source        ").append(provenance.sourceFile()).append(" (").append(provenance.sourceSha256())
              .append(')').append(newline);
        }
      }
      if (summary.license() != null || provenance != null) {
        text.append("  licence       ").append(summary.license() != null ? summary.license() : "not stated")
            .append(newline);
      }
      text.append("  tasks         ").append(summary.tasks()).append(" in ").append(summary.occupations().size())
          .append(" occupations, ").append(summary.sectors().size()).append(" sectors").append(newline);
      text.append("  human time    ").append(PlainFormat.oneDecimal(summary.humanHours())).append(" h")
          .append(known(summary.timedTasks(), summary)).append(newline);
      text.append("  human cost    $").append(PlainFormat.oneDecimal(summary.humanCostUsd()))
          .append(known(summary.costedTasks(), summary)).append(newline);
      if (!summary.flags().isEmpty()) {
        text.append(newline);
        text.append("Flagged tasks (run and graded, but read their results knowing this):").append(newline);
        for (SuiteSummary.Flagged flagged : summary.flags()) {
          text.append("  ").append(PlainFormat.left(flagged.kind().id(), 24)).append(' ')
              .append(PlainFormat.right(Integer.toString(flagged.taskIds().size()), 4)).append("  ")
              .append(examples(flagged.taskIds())).append(newline);
        }
      }
      text.append(newline);
      header(text, "Sector", newline);
      for (SuiteSummary.Group group : summary.sectors()) {
        row(text, group.name(), group, newline);
      }
      text.append(newline);
      header(text, "Occupation (O*NET-SOC)", newline);
      for (SuiteSummary.Group group : summary.occupations()) {
        row(text, group.name().concat(" (").concat(group.soc()).concat(")"), group, newline);
      }
      out.print(text);
    }

    private static void header(StringBuilder text, String first, String newline) {
      text.append(PlainFormat.left(first, 56)).append(' ').append(PlainFormat.right("tasks", 5)).append(' ')
          .append(PlainFormat.right("hours", 9)).append(' ').append(PlainFormat.right("cost (USD)", 11)).append(newline);
    }

    private static void row(StringBuilder text, String label, SuiteSummary.Group group, String newline) {
      String shown = label.length() > 56 ? label.substring(0, 55).concat("…") : label;
      text.append(PlainFormat.left(shown, 56)).append(' ').append(PlainFormat.right(Integer.toString(group.tasks()), 5))
          .append(' ').append(PlainFormat.right(PlainFormat.oneDecimal(group.humanHours()), 9)).append(' ')
          .append(PlainFormat.right(PlainFormat.oneDecimal(group.humanCostUsd()), 11)).append(newline);
    }

    /** Empty when every task counts; else how many do, so that an unknown is not read as zero. */
    private static String known(int counted, SuiteSummary summary) {
      return counted == summary.tasks() ? "" : new StringBuilder(" (").append(counted).append(" of ")
          .append(summary.tasks()).append(" tasks; the others' are not measured or reported)").toString();
    }

    private static String examples(java.util.List<String> taskIds) {
      int shown = Math.min(3, taskIds.size());
      return String.join(", ", taskIds.subList(0, shown)).concat(taskIds.size() > shown ? ", …" : "");
    }
  }
}
