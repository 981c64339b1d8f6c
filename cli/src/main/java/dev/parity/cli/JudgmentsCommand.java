package dev.parity.cli;

import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.Outcome;
import dev.parity.store.Database;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity judgments [--run ID] [--json]}: what the judgments say, per model and grader. */
@Command(
    name = "judgments",
    mixinStandardHelpOptions = true,
    description = "Summarises stored judgments and rubric scores, per model and grader.",
    footer = {"", "Examples:", "  parity judgments --run demo", "  parity judgments --run gdpval-1 --json"})
final class JudgmentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(names = "--run", paramLabel = "ID", description = "Only judgments about this run (default: all).")
  String runId;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  /** Wins, ties and losses of one model against one opponent, by one grader. */
  record Line(String model, String opponent, String grader, int wins, int ties, int losses, double winOrTieRate) {}

  /** Rubric scores of one subject: criteria met, judged, failed. */
  record RubricLine(String subject, String grader, int scored, double pointsEarned, int judgeFailures) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database database = store.openExisting()) {
      JudgmentStore judgments = new JudgmentStore(database);
      Map<String, int[]> counts = new TreeMap<>();
      for (JudgmentStore.Stored stored : judgments.judgments(runId)) {
        var j = stored.judgment();
        counts.computeIfAbsent(j.model() + "\u0000" + j.opponent() + "\u0000" + j.grader(), k -> new int[3])
            [j.outcome().ordinal()]++;
      }
      List<Line> lines = counts.entrySet().stream().map(e -> {
        String[] key = e.getKey().split("\u0000");
        int[] c = e.getValue();
        return new Line(key[0], key[1], key[2], c[Outcome.WIN.ordinal()], c[Outcome.TIE.ordinal()],
            c[Outcome.LOSS.ordinal()], (c[0] + c[1]) / (double) (c[0] + c[1] + c[2]));
      }).toList();
      List<RubricLine> rubric = runId == null ? List.of() : rubricLines(judgments.scores(runId));
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run", runId);
        document.put("pairwise", lines);
        document.put("rubric", rubric);
        out.println(Json.write(document));
      } else {
        print(lines, rubric, out);
      }
      out.flush();
      return 0;
    }
  }

  private static List<RubricLine> rubricLines(List<JudgmentStore.StoredScore> scores) {
    Map<String, double[]> bySubject = new TreeMap<>();
    for (JudgmentStore.StoredScore score : scores) {
      double[] totals = bySubject.computeIfAbsent(score.score().subject() + "\u0000" + score.score().grader(),
          k -> new double[3]);
      if (score.scored()) {
        totals[0]++;
        totals[1] += score.score().earned();
      } else {
        totals[2]++;
      }
    }
    return bySubject.entrySet().stream().map(e -> {
      String[] key = e.getKey().split("\u0000");
      return new RubricLine(key[0], key[1], (int) e.getValue()[0], e.getValue()[1], (int) e.getValue()[2]);
    }).toList();
  }

  private static void print(List<Line> lines, List<RubricLine> rubric, PrintWriter out) {
    if (lines.isEmpty() && rubric.isEmpty()) {
      out.println("No judgments stored yet: grade a run (parity grade) or import judgments (parity import judgments).");
      return;
    }
    if (!lines.isEmpty()) {
      out.printf("%-30s %-12s %5s %5s %6s %7s %12s  %s%n", "model", "opponent", "wins", "ties", "losses", "score",
          "win-or-tie", "grader");
      for (Line l : lines) {
        // The score (a tie half a win) is what says better or worse; the win-or-tie rate is GDPval's figure.
        double score = (l.wins() + 0.5 * l.ties()) / Math.max(1, l.wins() + l.ties() + l.losses());
        out.printf(Locale.ROOT, "%-30s %-12s %5d %5d %6d %6.1f%% %11.1f%%  %s%n", l.model(), l.opponent(), l.wins(),
            l.ties(), l.losses(), 100 * score, 100 * l.winOrTieRate(), l.grader());
      }
    }
    if (!rubric.isEmpty()) {
      out.println();
      out.printf("%-30s %7s %8s %14s  %s%n", "rubric: subject", "scored", "points", "judge failures", "grader");
      for (RubricLine r : rubric) {
        out.printf(Locale.ROOT, "%-30s %7d %8.1f %14d  %s%n", r.subject(), r.scored(), r.pointsEarned(),
            r.judgeFailures(), r.grader());
      }
    }
  }
}
