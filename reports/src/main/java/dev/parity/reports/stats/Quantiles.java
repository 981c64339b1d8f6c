package dev.parity.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.util.KthSelector;

/**
 * Sample quantiles by Hyndman &amp; Fan's definition 7, the default of R's {@code quantile} and of
 * NumPy: linear interpolation between order statistics at h = (n − 1)·p. (Commons Math's
 * {@code Percentile} defaults to another definition.)
 */
final class Quantiles {
  /** The partitions remembered between selections: the first nine levels of the selector's tree. */
  private static final int PIVOTS_HEAP_LENGTH = (1 << 9) - 1;

  private Quantiles() {}

  /**
   * The p-quantile of {@code sorted}, which must be sorted ascending and not empty. Infinite
   * values are allowed: between two equal order statistics the result is that value.
   */
  static double r7(double[] sorted, double p) {
    int lo = lowerIndex(sorted.length, p);
    return interpolated(sorted[lo], sorted[next(lo, sorted.length)], sorted.length, p);
  }

  /** The two-sided percentile interval of sorted bootstrap replicates at {@code level}. */
  static ConfidenceInterval percentileInterval(double[] sorted, double level) {
    double tail = (1 - level) / 2;
    return new ConfidenceInterval(r7(sorted, tail), r7(sorted, 1 - tail), level);
  }

  /**
   * The same interval as {@link #percentileInterval} of {@code replicates} sorted, to the last bit
   * (but for the sign of a zero bound: selection takes −0 and 0 as equal), found by selecting the
   * four order statistics it reads (linear time, on a copy) instead of sorting: a report reads a few
   * quantiles of thousands of replicates per group. The replicates, in any order, must not be empty
   * nor hold NaN (which a sort puts last and selection cannot place); they are left as they are.
   */
  static ConfidenceInterval percentileIntervalOfUnsorted(double[] replicates, double level) {
    return percentileIntervalsOfUnsorted(replicates, level)[0];
  }

  /**
   * {@link #percentileIntervalOfUnsorted} at each of {@code levels}, in their order, from one copy:
   * the selector keeps the partitions made for one level's order statistics, so the next level's
   * only finish the parts they fall in. The same values as one call per level.
   */
  static ConfidenceInterval[] percentileIntervalsOfUnsorted(double[] replicates, double... levels) {
    double[] values = replicates.clone();
    int n = values.length;
    // Commons Math's selector, as its Percentile uses it: the pivots heap keeps each partition made,
    // so the later selections only finish the part of the array they fall in.
    KthSelector selector = new KthSelector();
    int[] pivots = new int[PIVOTS_HEAP_LENGTH];
    Arrays.fill(pivots, -1);
    ConfidenceInterval[] intervals = new ConfidenceInterval[levels.length];
    for (int i = 0; i < levels.length; i++) {
      double tail = (1 - levels[i]) / 2;
      int low = lowerIndex(n, tail);
      int high = lowerIndex(n, 1 - tail);
      intervals[i] = new ConfidenceInterval(
          interpolated(selector.select(values, pivots, low), selector.select(values, pivots, next(low, n)), n, tail),
          interpolated(selector.select(values, pivots, high), selector.select(values, pivots, next(high, n)), n,
              1 - tail),
          levels[i]);
    }
    return intervals;
  }

  /** The index of the order statistic at or below the p-quantile of n values: floor((n − 1)·p). */
  private static int lowerIndex(int n, double p) {
    return (int) Math.floor((n - 1) * p);
  }

  /** The order statistic definition 7 interpolates towards from {@code lower}: the next, or the last. */
  private static int next(int lower, int n) {
    return Math.min(lower + 1, n - 1);
  }

  /** Definition 7 between the order statistics at floor(h) and the next (or the same, at the end). */
  private static double interpolated(double low, double next, int n, double p) {
    double h = (n - 1) * p;
    double fraction = h - Math.floor(h);
    if (fraction == 0 || low == next) {
      return low;
    }
    return low + fraction * (next - low);
  }
}
