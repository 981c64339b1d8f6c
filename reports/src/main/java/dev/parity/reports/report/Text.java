package dev.parity.reports.report;

import dev.parity.reports.chart.Decimals;
import java.util.List;

/** How the report's numbers read in HTML and Markdown. */
final class Text {
  static final String NONE = "–";

  private Text() {}

  /** A proportion as a percentage with one decimal: {@code 45.7%}. */
  static String percent(double proportion) {
    return Double.isFinite(proportion) ? Decimals.fixed(proportion * 100, 1) + "%" : NONE;
  }

  /** A proportion as a whole percentage, for headlines: {@code 46%}. */
  static String wholePercent(double proportion) {
    return Double.isFinite(proportion) ? Math.round(proportion * 100) + "%" : NONE;
  }

  /** An interval of proportions: {@code 38.2–55.1%}. */
  static String percentInterval(Interval interval) {
    if (!finite(interval)) {
      return NONE;
    }
    return Decimals.fixed(interval.low() * 100, 1) + "–" + Decimals.fixed(interval.high() * 100, 1) + "%";
  }

  /** An interval of proportions in whole percentages, for headlines: {@code 38–55%}. */
  static String wholePercentInterval(Interval interval) {
    if (!finite(interval)) {
      return NONE;
    }
    return Math.round(interval.low() * 100) + "–" + Math.round(interval.high() * 100) + "%";
  }

  /** A difference of proportions in percentage points, signed: {@code −7.6 points}. */
  static String signedPoints(double difference) {
    return Double.isFinite(difference) ? Decimals.signed(difference * 100, 1) + " points" : NONE;
  }

  /** An interval of differences in percentage points: {@code −7.6 to +6.5 points}. */
  static String pointsInterval(Interval interval) {
    if (!finite(interval)) {
      return NONE;
    }
    return Decimals.signed(interval.low() * 100, 1) + " to " + Decimals.signed(interval.high() * 100, 1) + " points";
  }

  /** A rate with its interval: {@code 45.7% [38.2–55.1%]}. */
  static String rateWithInterval(double rate, Interval interval) {
    return percent(rate) + " [" + percentInterval(interval) + "]";
  }

  /** A p-value: three significant decimals, {@code < 0.001} below that. */
  static String p(double p) {
    if (!Double.isFinite(p)) {
      return NONE;
    }
    return p < 0.001 ? "< 0.001" : Decimals.fixed(p, 3);
  }

  /** A number with {@code decimals} decimals and thousands separators; a dash for null. */
  static String number(Double value, int decimals) {
    return value == null || !Double.isFinite(value) ? NONE : Decimals.grouped(value, decimals);
  }

  /** An interval of numbers with two decimals: {@code 0.51 to 0.71}; a dash for null or NaN. */
  static String numberInterval(Interval interval) {
    return finite(interval) ? Decimals.fixed(interval.low(), 2) + " to " + Decimals.fixed(interval.high(), 2) : NONE;
  }

  private static boolean finite(Interval interval) {
    return interval != null && Double.isFinite(interval.low()) && Double.isFinite(interval.high());
  }

  /** A number with two decimals and its interval: {@code 0.62 [0.51 to 0.71]}; a dash for null. */
  static String numberWithInterval(Double value, Interval interval) {
    return value == null || !Double.isFinite(value) ? NONE : number(value, 2) + " [" + numberInterval(interval) + "]";
  }

  /**
   * For each agent run of {@code model}, beside its verdict: its rate of capability failures
   * (counted as losses) and the run's limits, e.g. "agent run r1: 1 of 3 attempts (33%) ended
   * without a deliverable (turn_limit 1), counted as losses; at most 50 turns, 1800 s an attempt;
   * tools …; sandbox bubblewrap".
   */
  static List<String> agentRuns(ReportProvenance provenance, String model) {
    List<String> lines = new java.util.ArrayList<>();
    for (ReportProvenance.RunInfo run : provenance.runs()) {
      ReportProvenance.AgentInfo agent = run.agent();
      if (agent == null) {
        continue;
      }
      agent.failures().stream().filter(f -> f.model().equals(model)).findFirst().ifPresent(f -> lines.add(
          "agent run " + run.id() + ": " + f.failed() + " of " + count(f.ended()) + " attempts ("
              + wholePercent(f.rate()) + ") ended without a deliverable"
              + (f.noDeliverable().isEmpty() ? "" : " (" + f.noDeliverable().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")")
              + ", counted as losses; " + agent.limits()));
    }
    return lines;
  }

  /** The label of a report with runs whose tools ran without a sandbox; empty when none did. */
  static java.util.Optional<String> unsafeNoSandbox(ReportProvenance provenance) {
    List<String> runs = provenance.runs().stream().filter(r -> r.agent() != null && r.agent().unsafeNoSandbox())
        .map(ReportProvenance.RunInfo::id).toList();
    return runs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("Tools ran without a sandbox"
        + " (--unsafe-no-sandbox) in run " + String.join(", ", runs) + ": the models' code saw this machine's"
        + " files and network, so their attempts may not be comparable with sandboxed ones.");
  }

  /**
   * How many deliverables a run built with {@code --convert-formats}, in words: "3 deliverables
   * converted to the requested format (--convert-formats)".
   */
  static String converted(int deliverables) {
    return count(deliverables) + (deliverables == 1 ? " deliverable" : " deliverables")
        + " converted to the requested format (--convert-formats)";
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return Decimals.grouped(n);
  }

  /** Minutes as people read them: {@code 45 min}, {@code 2.5 h}. */
  static String minutes(Double minutes) {
    if (minutes == null || !Double.isFinite(minutes)) {
      return NONE;
    }
    if (minutes < 1) {
      return Decimals.fixed(minutes * 60, 0) + " s";
    }
    return minutes < 120 ? Decimals.fixed(minutes, 0) + " min" : Decimals.fixed(minutes / 60, 1) + " h";
  }

  /** H with where it comes from: {@code 55 min (reported)}, {@code 2.5 h (3 measured, 9 reported)}. */
  static String humanMinutes(EconomicsResult e) {
    return minutes(e.humanMinutes()) + " (" + e.humanMinutesSources().label() + ")";
  }

  /** M; for the professionals, measured, with their reported minutes beside: {@code 50 min (reported 62 min)}. */
  static String contestantMinutes(EconomicsResult e) {
    return e.modelReportedMinutes() == null ? minutes(e.modelMinutes())
        : minutes(e.modelMinutes()) + " (reported " + minutes(e.modelReportedMinutes()) + ")";
  }

  /**
   * A time horizon's interval, a bound beyond the data shown as beyond the shortest or longest
   * task: {@code < 20 min – 3.2 h}.
   */
  static String horizonInterval(TimeHorizonResult h) {
    if (h.ci() == null) {
      return NONE;
    }
    return (h.ci().low() == null ? "< " + minutes(h.dataLowMinutes()) : minutes(h.ci().low())) + " – "
        + (h.ci().high() == null ? "> " + minutes(h.dataHighMinutes()) : minutes(h.ci().high()));
  }

  /** A time horizon, or why there is none: {@code beyond the data}. */
  static String horizon(TimeHorizonResult h) {
    return h.minutes() != null ? minutes(h.minutes())
        : h.status().equals("beyond_data") ? "beyond the data" : h.status().replace('_', ' ');
  }

  /** The range of task lengths a horizon was fitted on: {@code 20 min – 18.0 h}. */
  static String dataRange(TimeHorizonResult h) {
    return minutes(h.dataLowMinutes()) + " – " + minutes(h.dataHighMinutes());
  }

  /** Whether a rated player was judged against the professionals, in words. */
  static String comparedWithProfessionals(Rating r, boolean professionalsGroup) {
    return !professionalsGroup ? "never" : r.comparedWithBaseline() ? "yes" : "only through other models";
  }

  /** US dollars: {@code $12.34}, {@code $0.0042} for amounts under a cent. */
  static String usd(Double amount) {
    if (amount == null || !Double.isFinite(amount)) {
      return NONE;
    }
    return amount != 0 && Math.abs(amount) < 0.01 ? "$" + Decimals.fixed(amount, 4) : "$" + Decimals.grouped(amount, 2);
  }

  /** A ratio: {@code 12.3×}. */
  static String ratio(Double ratio) {
    if (ratio == null || !Double.isFinite(ratio)) {
      return NONE;
    }
    return ratio >= 100 ? Decimals.grouped(ratio, 0) + "×" : Decimals.fixed(ratio, 2) + "×";
  }

  /** A ratio with its range: {@code 1.40× [1.21–1.62×]}. */
  static String ratioWithRange(Double ratio, Interval range) {
    if (ratio == null) {
      return NONE;
    }
    return range == null ? ratio(ratio)
        : ratio(ratio) + " [" + ratio(range.low()).replace("×", "") + "–" + ratio(range.high()) + "]";
  }

  /** The group's verdict, in words. */
  static String verdict(GroupResult g) {
    return g.verdict().words();
  }

  /** The score with its interval and what the interval says, for a headline. */
  static String scoreLine(GroupResult g) {
    return "score " + wholePercent(g.score()) + " (95% interval " + percentInterval(g.scoreCi()) + ", "
        + count(g.nTasks()) + (g.nTasks() == 1 ? " task, " : " tasks, ") + count(g.nJudgments())
        + (g.nJudgments() == 1 ? " judgment)" : " judgments)");
  }

  /** The figures beside the score: GDPval's win-or-tie rate and the win rate without ties. */
  static String besideScore(GroupResult g) {
    return "Wins " + wholePercent(g.winRate()) + ", ties " + wholePercent(g.winOrTieRate() - g.winRate())
        + "; GDPval-comparable win-or-tie rate " + wholePercent(g.winOrTieRate()) + " ["
        + percentInterval(g.winOrTieCi()) + "]; win rate without ties " + wholePercent(g.winRateWithoutTies()) + ".";
  }

  /**
   * The length-controlled score as a secondary figure beside the verdict, or empty without one:
   * {@code Controlled for length and format: 51.2% [42.0–60.1%] (raw 68.0% on the same 120 tasks).}
   */
  static String lengthControlled(java.util.Optional<LengthControlResult> result) {
    return result.map(l -> "Controlled for length and format: " + rateWithInterval(l.score(), l.scoreCi())
        + " (" + percent(l.rawScore()) + " on the same " + count(l.nTasks()) + " tasks without the control).")
        .orElse("");
  }
}
