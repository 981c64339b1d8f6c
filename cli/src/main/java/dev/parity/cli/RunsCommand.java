package dev.parity.cli;

import dev.parity.graders.grading.JudgmentWork;
import dev.parity.harness.run.RunListing;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity runs}: the runs in the store, the most recent first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Lists the runs in the store, the most recently started first.",
    footer = {
        "",
        "Examples:",
        "  parity runs",
        "  parity runs --db results/parity.db --json | jq '.[].run'"
    })
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;
  private final Clock clock;

  RunsCommand(Clock clock) {
    this.clock = clock;
  }

  @Option(names = "--json", description = "Print the runs as a JSON list of run summaries.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database database = store.openExisting()) {
      Store opened = new Store(database);
      Instant now = clock.instant();
      List<Run> runs = opened.runs();
      if (json) {
        out.println(Json.write(runs.stream().map(r -> RunShowCommand.summary(opened, r.id(), now)).toList()));
      } else if (runs.isEmpty()) {
        out.println("No runs in " + opened.database().name() + " yet: start one with 'parity run'.");
      } else {
        // The table needs each run's counts and cost only, not every attempt whole as the summaries read.
        print(runs.stream().map(r -> RunListing.of(opened, r, now)
            .withJudgmentsTakenOver(JudgmentWork.possiblyPaid(database, r.id()))).toList(), out);
      }
    }
    out.flush();
    return 0;
  }

  /** One row a run, each column as wide as its widest cell, so that long run ids stay aligned. */
  private static void print(List<RunListing> runs, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("RUN", "STATUS", "SUITE", "DONE", "COST", "MODELS"));
    for (RunListing run : runs) {
      rows.add(List.of(run.run(), run.status(), run.suite() + " " + run.suiteVersion(),
          (run.attempts() - run.pending()) + "/" + run.attempts(), run.spend().display(2)
              + (run.possiblyPaid().calls() == 0 ? "" : " + up to " + run.possiblyPaid().calls() + " calls"),
          String.join(", ", run.models())));
    }
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    // Text columns are left-aligned, counts and costs right-aligned; the last column is not padded.
    String format = String.format(Locale.ROOT, "%%-%ds  %%-%ds  %%-%ds  %%%ds  %%%ds  %%s%%n",
        widths[0], widths[1], widths[2], widths[3], widths[4]);
    rows.forEach(row -> out.printf(Locale.ROOT, format, row.toArray()));
  }
}
