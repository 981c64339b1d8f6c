package dev.parity.cli;

import dev.parity.tasks.SuiteProvenance;
import dev.parity.tasks.SuiteSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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

    static void print(SuiteSummary summary, PrintWriter out) {
      out.printf("Suite %s %s%n", summary.name(), summary.version());
      out.printf("  hash          %s%n", summary.hash());
      SuiteProvenance provenance = summary.provenance();
      if (provenance != null) {
        out.printf("  dataset       %s, revision %s%n", provenance.dataset(), provenance.revision());
        if (provenance.sourceFile() != null) {
          out.printf("  source        %s (%s)%n", provenance.sourceFile(), provenance.sourceSha256());
        }
      }
      if (summary.license() != null || provenance != null) {
        out.printf("  licence       %s%n", summary.license() != null ? summary.license() : "not stated");
      }
      out.printf("  tasks         %d in %d occupations, %d sectors%n",
          summary.tasks(), summary.occupations().size(), summary.sectors().size());
      out.printf("  human time    %s h%s%n", number(summary.humanHours()), known(summary.timedTasks(), summary));
      out.printf("  human cost    $%s%s%n", number(summary.humanCostUsd()), known(summary.costedTasks(), summary));
      if (!summary.flags().isEmpty()) {
        out.println();
        out.println("Flagged tasks (run and graded, but read their results knowing this):");
        summary.flags().forEach(f -> out.printf("  %-24s %4d  %s%n", f.kind().id(), f.taskIds().size(),
            examples(f.taskIds())));
      }
      out.println();
      out.printf("%-56s %5s %9s %11s%n", "Sector", "tasks", "hours", "cost (USD)");
      summary.sectors().forEach(g -> row(out, g.name(), g));
      out.println();
      out.printf("%-56s %5s %9s %11s%n", "Occupation (O*NET-SOC)", "tasks", "hours", "cost (USD)");
      summary.occupations().forEach(g -> row(out, g.name() + " (" + g.soc() + ")", g));
    }

    private static void row(PrintWriter out, String label, SuiteSummary.Group group) {
      String shown = label.length() > 56 ? label.substring(0, 55) + "…" : label;
      out.printf("%-56s %5d %9s %11s%n", shown, group.tasks(), number(group.humanHours()), number(group.humanCostUsd()));
    }

    /** Empty when every task counts; else how many do, so that an unknown is not read as zero. */
    private static String known(int counted, SuiteSummary summary) {
      return counted == summary.tasks() ? "" : " (" + counted + " of " + summary.tasks()
          + " tasks; the others' are not measured or reported)";
    }

    private static String examples(java.util.List<String> taskIds) {
      int shown = Math.min(3, taskIds.size());
      return String.join(", ", taskIds.subList(0, shown)) + (taskIds.size() > shown ? ", …" : "");
    }

    private static String number(double value) {
      return String.format(Locale.ROOT, "%,.1f", value);
    }
  }
}
