package dev.parity.reports.stats;

/**
 * A statistic with its bootstrap percentile interval.
 *
 * @param estimate the statistic on the data as observed
 * @param interval the percentile interval: R-7 quantiles (as R's {@code quantile} and NumPy) of
 *     the resampled statistics at (1 − level)/2 and 1 − (1 − level)/2
 * @param standardError the standard deviation of the resampled statistics
 * @param resampling what was resampled
 * @param settings resamples, level and seed, enough to reproduce the interval exactly
 */
public record BootstrapInterval(
    double estimate, ConfidenceInterval interval, double standardError, Resampling resampling,
    BootstrapSettings settings) {

  /** How this interval was computed, in words for a report's methods section. */
  public String method() {
    // Concatenated, not String.format: every group of a report asks for it (640 at GDPval's scale).
    return ConfidenceInterval.percent(settings.level()) + "% percentile interval (R-7 quantiles) of a bootstrap resampling "
        + (resampling == Resampling.TASKS ? "tasks" : "tasks, then judgments within each task")
        + "; B = " + settings.resamples() + ", seed " + settings.seed();
  }

  /** The lower bound. */
  public double low() {
    return interval.low();
  }

  /** The upper bound. */
  public double high() {
    return interval.high();
  }
}
