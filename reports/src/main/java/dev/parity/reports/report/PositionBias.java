package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Order;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.judgments.Side;
import dev.parity.reports.stats.BinomialTest;
import dev.parity.reports.stats.PValueAdjustment;
import dev.parity.reports.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Position bias per grader: how often each human grader chose the left deliverable and each model
 * judge the one shown first, tested against ½ with Holm's adjustment over all of them. Counts only,
 * so the figures do not depend on the order of the judgments.
 */
final class PositionBias {
  /** The family-wise error rate of the flag. */
  static final double ALPHA = 0.05;

  private PositionBias() {}

  /** The figures, and how many judgments recorded nothing about how they were shown. */
  record Computed(List<PositionBiasResult> results, int withoutSides) {
    /** The graders and judges flagged. */
    List<PositionBiasResult> biased() {
      return results.stream().filter(PositionBiasResult::biased).toList();
    }
  }

  /** A grader's running counts. */
  private static final class Tally {
    int judgments;
    int first;
    int second;
    int ties;
    int bothOrders;
    int same;

    void choose(Boolean firstChosen) {
      if (firstChosen == null) {
        ties++;
      } else if (firstChosen) {
        first++;
      } else {
        second++;
      }
    }
  }

  static Computed compute(List<Judgment> judgments) {
    // Keyed by type, then grader, hashed while counting (a lookup per judgment) and sorted once
    // after: the results come out sorted whatever the input order.
    Map<GraderType, Map<String, Tally>> tallies = new EnumMap<>(GraderType.class);
    int withoutSides = 0;
    for (Judgment j : judgments) {
      Showing showing = j.showing();
      boolean human = j.graderType() == GraderType.HUMAN;
      boolean usable = human ? showing.side() != null
          : showing.shownFirst() != null || showing.shownSecond() != null;
      if (!usable) {
        withoutSides++;
        continue;
      }
      Tally t = tallies.computeIfAbsent(j.graderType(), k -> new HashMap<>())
          .computeIfAbsent(j.grader(), k -> new Tally());
      t.judgments++;
      if (human) {
        t.choose(firstChosen(j.outcome(), showing.side() == Side.LEFT));
      } else {
        for (Order order : Order.values()) {
          showing.outcome(order).ifPresent(o -> t.choose(firstChosen(o, order == Order.FIRST)));
        }
        if (showing.shownFirst() != null && showing.shownSecond() != null) {
          t.bothOrders++;
          t.same += showing.shownFirst() == showing.shownSecond() ? 1 : 0;
        }
      }
    }
    List<PositionBiasResult> unadjusted = new ArrayList<>();
    tallies.forEach((type, byGrader) -> new TreeMap<>(byGrader).forEach((grader, t) -> unadjusted.add(result(type, grader, t))));
    double[] holm = PValueAdjustment.HOLM.adjust(unadjusted.stream().mapToDouble(PositionBiasResult::p).toArray());
    List<PositionBiasResult> results = new ArrayList<>();
    for (int i = 0; i < holm.length; i++) {
      PositionBiasResult r = unadjusted.get(i);
      results.add(new PositionBiasResult(r.graderType(), r.grader(), r.judgments(), r.choices(), r.firstShare(),
          r.firstShareCi(), r.p(), holm[i], holm[i] < ALPHA, r.consistency()));
    }
    results.sort(Comparator.comparing(PositionBiasResult::graderType).thenComparing(PositionBiasResult::grader));
    return new Computed(results, withoutSides);
  }

  /**
   * Whether the deliverable in the first position was chosen, given the contestant's outcome and
   * whether the contestant's deliverable was in the first position; null for a tie.
   */
  private static Boolean firstChosen(Outcome contestant, boolean contestantFirst) {
    return contestant == Outcome.TIE ? null : (contestant == Outcome.WIN) == contestantFirst;
  }

  private static PositionBiasResult result(GraderType type, String grader, Tally t) {
    var choices = new PositionBiasResult.Choices(t.first, t.second, t.ties);
    int decisive = choices.decisive();
    Double share = decisive == 0 ? null : (double) t.first / decisive;
    Interval ci = decisive == 0 ? null : Interval.of(WilsonInterval.of(t.first, decisive).interval());
    double p = BinomialTest.exact(t.first, decisive, 0.5).pTwoSided();
    PositionBiasResult.Consistency consistency = t.bothOrders == 0 ? null
        : new PositionBiasResult.Consistency(t.bothOrders, t.same, (double) t.same / t.bothOrders,
            Interval.of(WilsonInterval.of(t.same, t.bothOrders).interval()));
    return new PositionBiasResult(type.id(), grader, t.judgments, choices, share, ci, p, p, false, consistency);
  }

  /** The warning shown on top of the report for a flagged grader or judge. */
  static String warning(PositionBiasResult r) {
    boolean human = GraderType.HUMAN.id().equals(r.graderType());
    String position = human ? "the deliverable shown on the left (A)" : "the deliverable shown first (A)";
    String who = human ? "Grader " + r.grader() : "Judge " + r.grader();
    return who + " chose " + position + " in " + Text.percent(r.firstShare()) + " of "
        + Text.count(r.choices().decisive()) + (human ? " decisive judgments" : " decisive calls") + " (95% interval "
        + Text.percentInterval(r.firstShareCi()) + "; Holm-adjusted p " + Text.p(r.pHolm()) + "): a preference for a "
        + "position beyond chance. Its verdicts may follow where the deliverables were "
        + "shown rather than what they hold.";
  }
}
