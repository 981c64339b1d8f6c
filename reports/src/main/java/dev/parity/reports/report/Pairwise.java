package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.OutcomeCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pairwise win matrix: every pair of players' judgments, from both sides. */
final class Pairwise {
  private Pairwise() {}

  /** Every ordered pair of players with a judgment between them, by player then opponent. */
  static List<PairwiseResult> compute(List<Judgment> judgments) {
    Map<String, Map<String, OutcomeCounts>> cells = new TreeMap<>();
    for (Judgment j : judgments) {
      add(cells, j.model(), j.opponent(), j.outcome());
      add(cells, j.opponent(), j.model(), j.outcome().reversed());
    }
    List<PairwiseResult> results = new ArrayList<>();
    cells.forEach((player, row) -> row.forEach((opponent, c) -> results.add(new PairwiseResult(player, opponent,
        c.total(), c.wins(), c.ties(), c.losses(), c.score()))));
    return results;
  }

  private static void add(Map<String, Map<String, OutcomeCounts>> cells, String player, String opponent, Outcome outcome) {
    cells.computeIfAbsent(player, p -> new TreeMap<>()).merge(opponent, OutcomeCounts.EMPTY.plus(outcome), OutcomeCounts::plus);
  }
}
