package dev.parity.reports.report;

import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.Weighting;
import java.util.Objects;

/**
 * How a report computes its figures. Every setting that changes a number is recorded in the
 * report's provenance.
 *
 * @param bootstrap the win-rate and rubric bootstraps: resamples ({@value #DEFAULT_RESAMPLES} by
 *     default), 95% intervals, the seed
 * @param refitResamples resamples of the bootstraps that refit a model for each resample
 *     (Bradley–Terry ratings, time horizons): 1,000 by default, enough for a percentile interval
 *     and a tenth of the cost
 * @param reviewMinutes R, a professional's minutes to review one attempt; null to take it from
 *     the human graders' recorded minutes
 * @param tries n in the "try n times, review each, then fix" workflow: 3 by default
 * @param weighting how the judgments of a group's tasks weigh in its score and rates: every task
 *     the same by default (GDPval's convention), or every judgment the same
 */
public record ReportSettings(
    BootstrapSettings bootstrap, int refitResamples, Double reviewMinutes, int tries, Weighting weighting) {

  /**
   * The fewest tasks a group needs for a verdict (better, worse, not distinguishable); below it
   * the group shows its score and interval and "too few tasks to tell". Chosen so that GDPval's
   * gold subset reads as it can: its sectors (20–25 tasks each) get a verdict, its occupations (5
   * tasks each) do not. With 5 tasks a bootstrap has only 126 distinct resamples and the score's
   * 95% interval spans about 57 points (simulated, 3 graders a task): it excludes 50% only for a
   * model that wins or loses nearly everything, and then mostly from the luck of 5 tasks. At 20
   * tasks it spans about 26 points and covers 94.5% of the time. See docs/report-format.md.
   */
  public static final int MINIMUM_TASKS = 20;

  /** The seed of every bootstrap unless told otherwise, so that reports are reproducible. */
  public static final long DEFAULT_SEED = 20_250_925L;
  /**
   * Resamples of the win-rate and rubric bootstraps, chosen from the Monte-Carlo error of the
   * interval endpoints (docs/report-format.md, "How many resamples"). An endpoint is a quantile of
   * the B replicates; its Monte-Carlo standard deviation is √(p(1 − p)/B)/f(q) for a tail p where
   * the replicates' density is f(q): about 2.7σ/√B at p = 2.5%, σ the replicates' spread. On the
   * 118,800-judgment benchmark (1,320 tasks, 20 seeds) every 95% endpoint's Monte-Carlo spread is
   * at most 0.24 points at 5,000 (0.16 at 10,000, 0.43 at 2,000); so are the adjusted endpoints
   * of sectors and file types (at most 0.21). The occupations' adjusted endpoints (a tail
   * of 0.012% for 44 occupations of 30 tasks) rest on the one or two most extreme replicates at
   * any affordable B: 0.80 points median at 5,000, 0.66 at 10,000, 1.02 at 2,000.
   */
  public static final int DEFAULT_RESAMPLES = 5_000;
  /** Resamples of the bootstraps that refit a model. */
  public static final int DEFAULT_REFIT_RESAMPLES = 1_000;
  /** n in "try n times". */
  public static final int DEFAULT_TRIES = 3;

  /**
   * @throws IllegalArgumentException if refitResamples or tries is below 1, or reviewMinutes is
   *     negative or not finite
   */
  public ReportSettings {
    Objects.requireNonNull(bootstrap, "bootstrap");
    if (refitResamples < 1) {
      throw new IllegalArgumentException("refit resamples must be at least 1, got " + refitResamples);
    }
    if (reviewMinutes != null && !(reviewMinutes >= 0 && Double.isFinite(reviewMinutes))) {
      throw new IllegalArgumentException("review minutes must be zero or more, got " + reviewMinutes);
    }
    Objects.requireNonNull(weighting, "weighting");
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1, got " + tries);
    }
  }

  /** 5,000 resamples (1,000 for refits), 95% intervals, the default seed, R from the graders. */
  public static ReportSettings defaults() {
    return new ReportSettings(BootstrapSettings.of(DEFAULT_SEED).withResamples(DEFAULT_RESAMPLES),
        DEFAULT_REFIT_RESAMPLES, null,
        DEFAULT_TRIES, Weighting.TASK);
  }

  /** These settings with another seed for every bootstrap. */
  public ReportSettings withSeed(long seed) {
    return new ReportSettings(bootstrap.withSeed(seed), refitResamples, reviewMinutes, tries, weighting);
  }

  /**
   * These settings with {@code resamples} for the win-rate bootstraps, and no more than that for
   * the refits.
   */
  public ReportSettings withResamples(int resamples) {
    return new ReportSettings(bootstrap.withResamples(resamples),
        Math.min(resamples, refitResamples), reviewMinutes, tries, weighting);
  }

  /** These settings with R given, in minutes; null to take it from the graders. */
  public ReportSettings withReviewMinutes(Double minutes) {
    return new ReportSettings(bootstrap, refitResamples, minutes, tries, weighting);
  }

  /** These settings with n tries in the third workflow. */
  public ReportSettings withTries(int n) {
    return new ReportSettings(bootstrap, refitResamples, reviewMinutes, n, weighting);
  }

  /** These settings with the score and rates weighted as {@code value} says. */
  public ReportSettings withWeighting(Weighting value) {
    return new ReportSettings(bootstrap, refitResamples, reviewMinutes, tries, value);
  }

  /** The settings of the refitting bootstraps. */
  BootstrapSettings refit() {
    return bootstrap.withResamples(refitResamples);
  }
}
