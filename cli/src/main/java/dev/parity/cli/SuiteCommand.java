package dev.parity.cli;

import dev.parity.tasks.Suite;
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
      description = "Prints tasks per sector and occupation, total human hours and cost, and the content hash.",
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
      Suite suite = Suites.loader().load(path);
      SuiteSummary summary = SuiteSummary.of(suite);
      PrintWriter out = spec.commandLine().getOut();
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
      out.printf("  tasks         %d in %d occupations, %d sectors%n",
          summary.tasks(), summary.occupations().size(), summary.sectors().size());
      out.printf("  human time    %s h%n", number(summary.humanHours()));
      out.printf("  human cost    $%s%n", number(summary.humanCostUsd()));
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

    private static String number(double value) {
      return String.format(Locale.ROOT, "%,.1f", value);
    }
  }
}
