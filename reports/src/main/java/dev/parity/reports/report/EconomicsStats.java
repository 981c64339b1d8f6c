package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.Economics;
import dev.parity.reports.stats.OutcomeCounts;
import dev.parity.tasks.ValueSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Speed and cost of each model in each group, by GDPval's three workflows. */
final class EconomicsStats {
  private final Grouping grouping;
  private final TaskFacts facts;
  private final AttemptTimes times;
  private final ReportSettings settings;
  /** model → task → the human graders' minutes on its judgments against the baseline. */
  private final Map<String, Map<String, List<Double>>> reviewMinutes = new HashMap<>();
  private final Double overallReviewMinutes;

  private EconomicsStats(Grouping grouping, TaskFacts facts, AttemptTimes times, List<Judgment> judgments,
      ReportSettings settings) {
    this.grouping = grouping;
    this.facts = facts;
    this.times = times;
    this.settings = settings;
    List<Double> all = new ArrayList<>();
    for (Judgment j : judgments) {
      if (j.graderType() == GraderType.HUMAN && j.againstBaseline() && j.minutes() != null) {
        reviewMinutes.computeIfAbsent(Players.of(j.model()), m -> new HashMap<>())
            .computeIfAbsent(j.taskId(), t -> new ArrayList<>()).add(j.minutes());
        all.add(j.minutes());
      }
    }
    overallReviewMinutes = all.isEmpty() ? null : all.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /**
   * The review minutes of every judgment, ready for {@link #compute}; gathered only when an attempt
   * was measured, since without one no group has economics.
   *
   * @param judgments every judgment, for the human graders' minutes (R)
   */
  static EconomicsStats of(Grouping grouping, TaskFacts facts, AttemptTimes times, List<Judgment> judgments,
      ReportSettings settings) {
    return new EconomicsStats(grouping, facts, times, times.any() ? judgments : List.of(), settings);
  }

  /**
   * The economics of every group of every model with measured attempts.
   *
   * @param groups the win rates, for w and its interval
   */
  List<EconomicsResult> compute(List<GroupResult> groups) {
    List<EconomicsResult> results = new ArrayList<>();
    for (GroupResult group : groups) {
      if (times.any(group.model())) {
        of(group).ifPresent(results::add);
      }
    }
    return results;
  }

  private java.util.Optional<EconomicsResult> of(GroupResult group) {
    Map<String, OutcomeCounts> tasks =
        grouping.groups(group.model()).get(new Grouping.Key(group.level(), group.name()));
    double h = 0;
    double hCost = 0;
    double wage = 0;
    double m = 0;
    double mCost = 0;
    boolean costed = true;
    int n = 0;
    int attempts = 0;
    int measuredMinutes = 0;
    int estimated = 0;
    int unknown = 0;
    double reported = 0;
    boolean allReported = true;
    List<Double> review = new ArrayList<>();
    for (String task : tasks.keySet()) {
      var f = facts.of(task);
      var measured = times.of(group.model(), task);
      if (f.isEmpty() || measured.isEmpty()) {
        continue;
      }
      if (!f.get().costed()) {
        if (f.get().minutesSource() == ValueSource.ESTIMATED || f.get().wageSource() == ValueSource.ESTIMATED) {
          estimated++;
        } else {
          unknown++;
        }
        continue;
      }
      n++;
      measuredMinutes += f.get().minutesSource() == ValueSource.MEASURED ? 1 : 0;
      allReported &= measured.get().reportedMinutes() != null;
      reported += allReported ? measured.get().reportedMinutes() : 0;
      attempts += measured.get().attempts();
      h += f.get().minutes();
      hCost += f.get().costUsd();
      wage += f.get().hourlyWageUsd();
      m += measured.get().minutes();
      costed &= measured.get().costUsd() != null;
      mCost += costed ? measured.get().costUsd() : 0;
      review.addAll(reviewMinutes.getOrDefault(group.model(), Map.of()).getOrDefault(task, List.of()));
    }
    if (n == 0) {
      return java.util.Optional.empty();
    }
    Double r;
    String source;
    if (settings.reviewMinutes() != null) {
      r = settings.reviewMinutes();
      source = "user";
    } else if (!review.isEmpty()) {
      r = review.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      source = "graders";
    } else {
      r = overallReviewMinutes;
      source = r == null ? null : "graders_overall";
    }
    Double modelCost = costed ? mCost / n : null;
    Double reviewCost = r == null ? null : r * (wage / n) / 60;
    var sources = new EconomicsResult.MinutesSources(measuredMinutes, n - measuredMinutes, estimated, unknown);
    return java.util.Optional.of(new EconomicsResult(group.level(), group.name(), group.model(), n,
        attempts, h / n, hCost / n, sources, m / n, allReported ? reported / n : null, modelCost, r, source,
        group.winOrTieRate(),
        ratios(h / n, m / n, r, group), ratios(hCost / n, modelCost, reviewCost, group)));
  }

  private EconomicsResult.Ratios ratios(double alone, Double model, Double review, GroupResult group) {
    int tries = settings.tries();
    if (model == null) {
      return new EconomicsResult.Ratios(null, null, null, null, null, tries);
    }
    Double naive = Numbers.finite(Economics.naive(alone, model).ratio());
    if (review == null) {
      return new EconomicsResult.Ratios(naive, null, null, null, null, tries);
    }
    double w = group.winOrTieRate();
    Interval ci = group.winOrTieCi();
    return new EconomicsResult.Ratios(naive,
        Numbers.finite(tryN(alone, model, review, w, 1)),
        range(tryN(alone, model, review, ci.low(), 1), tryN(alone, model, review, ci.high(), 1)),
        Numbers.finite(tryN(alone, model, review, w, tries)),
        range(tryN(alone, model, review, ci.low(), tries), tryN(alone, model, review, ci.high(), tries)),
        tries);
  }

  private static double tryN(double alone, double model, double review, double w, int tries) {
    return Economics.tryNTimesThenFix(alone, model, review, w, tries).ratio();
  }

  private static Interval range(double a, double b) {
    return Double.isFinite(a) && Double.isFinite(b) ? new Interval(Math.min(a, b), Math.max(a, b)) : null;
  }
}
