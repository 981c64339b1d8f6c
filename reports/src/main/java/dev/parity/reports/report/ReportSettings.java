package dev.parity.reports.report;

import dev.parity.reports.stats.BootstrapSettings;
import java.util.Objects;

/**
 * How a report computes its figures. Every setting that changes a number is recorded in the
 * report's provenance.
 *
 * @param bootstrap the win-rate and rubric bootstraps: resamples (10,000 by default), 95%
 *     intervals, the seed
 * @param refitResamples resamples of the bootstraps that refit a model for each resample
 *     (Bradley–Terry ratings, time horizons): 1,000 by default, enough for a percentile interval
 *     and a tenth of the cost
 * @param reviewMinutes R, a professional's minutes to review one attempt; null to take it from
 *     the human graders' recorded minutes
 * @param tries n in the "try n times, review each, then fix" workflow: 3 by default
 */
public record ReportSettings(
    BootstrapSettings bootstrap, int refitResamples, Double reviewMinutes, int tries) {

  /** The seed of every bootstrap unless told otherwise, so that reports are reproducible. */
  public static final long DEFAULT_SEED = 20_250_925L;
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
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1, got " + tries);
    }
  }

  /** 10,000 resamples (1,000 for refits), 95% intervals, the default seed, R from the graders. */
  public static ReportSettings defaults() {
    return new ReportSettings(BootstrapSettings.of(DEFAULT_SEED), DEFAULT_REFIT_RESAMPLES, null,
        DEFAULT_TRIES);
  }

  /** These settings with another seed for every bootstrap. */
  public ReportSettings withSeed(long seed) {
    return new ReportSettings(bootstrap.withSeed(seed), refitResamples, reviewMinutes, tries);
  }

  /**
   * These settings with {@code resamples} for the win-rate bootstraps, and no more than that for
   * the refits.
   */
  public ReportSettings withResamples(int resamples) {
    return new ReportSettings(bootstrap.withResamples(resamples),
        Math.min(resamples, refitResamples), reviewMinutes, tries);
  }

  /** These settings with R given, in minutes; null to take it from the graders. */
  public ReportSettings withReviewMinutes(Double minutes) {
    return new ReportSettings(bootstrap, refitResamples, minutes, tries);
  }

  /** These settings with n tries in the third workflow. */
  public ReportSettings withTries(int n) {
    return new ReportSettings(bootstrap, refitResamples, reviewMinutes, n);
  }

  /** The settings of the refitting bootstraps. */
  BootstrapSettings refit() {
    return bootstrap.withResamples(refitResamples);
  }
}
