package dev.parity.reports.stats;

/**
 * Sample quantiles by Hyndman &amp; Fan's definition 7, the default of R's {@code quantile} and of
 * NumPy: linear interpolation between order statistics at h = (n − 1)·p. (Commons Math's
 * {@code Percentile} defaults to another definition.)
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * The p-quantile of {@code sorted}, which must be sorted ascending and not empty. Infinite
   * values are allowed: between two equal order statistics the result is that value.
   */
  static double r7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double fraction = h - lo;
    if (fraction == 0 || sorted[lo] == sorted[hi]) {
      return sorted[lo];
    }
    return sorted[lo] + fraction * (sorted[hi] - sorted[lo]);
  }

  /** The two-sided percentile interval of sorted bootstrap replicates at {@code level}. */
  static ConfidenceInterval percentileInterval(double[] sorted, double level) {
    double tail = (1 - level) / 2;
    return new ConfidenceInterval(r7(sorted, tail), r7(sorted, 1 - tail), level);
  }
}
