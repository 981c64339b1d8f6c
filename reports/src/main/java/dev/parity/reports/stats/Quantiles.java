package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.util.KthSelector;

/**
 * Sample quantiles by Hyndman &amp; Fan's definition 7, the default of R's {@code quantile} and of
 * NumPy: linear interpolation between order statistics at h = (n − 1)·p. (Commons Math's
 * {@code Percentile} defaults to another definition.)
 */
final class Quantiles {
  /** The partitions remembered between selections: the first nine levels of the selector's tree. */
  private static final int PIVOTS_HEAP_LENGTH = (1 << 9) - 1;
  /** Tails are found by a scan ({@link #tails}) when together they hold at most 1/8 of the values. */
  private static final int NARROW_TAILS = 8;
  /** About how many values the scan's thresholds are taken from. */
  private static final int SAMPLE = 512;

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
   * only finish the parts they fall in. The same values as one call per level. When the order
   * statistics read lie in narrow tails (a report's 95% and adjusted levels of 5,000 replicates:
   * below the 100th and above the 4,900th), they are found by one scan instead ({@link #tails}).
   */
  static ConfidenceInterval[] percentileIntervalsOfUnsorted(double[] replicates, double... levels) {
    int n = replicates.length;
    int bottom = 0;
    int top = 0;
    for (double level : levels) {
      double tail = (1 - level) / 2;
      bottom = Math.max(bottom, next(lowerIndex(n, tail), n) + 1);
      top = Math.max(top, n - lowerIndex(n, 1 - tail));
    }
    IntToDoubleFunction tails = (bottom + top) * NARROW_TAILS <= n ? tails(replicates, bottom, top) : null;
    IntToDoubleFunction orderStatistic = tails != null ? tails : selector(replicates.clone());
    ConfidenceInterval[] intervals = new ConfidenceInterval[levels.length];
    for (int i = 0; i < levels.length; i++) {
      double tail = (1 - levels[i]) / 2;
      int low = lowerIndex(n, tail);
      int high = lowerIndex(n, 1 - tail);
      intervals[i] = new ConfidenceInterval(
          interpolated(orderStatistic.applyAsDouble(low), orderStatistic.applyAsDouble(next(low, n)), n, tail),
          interpolated(orderStatistic.applyAsDouble(high), orderStatistic.applyAsDouble(next(high, n)), n, 1 - tail),
          levels[i]);
    }
    return intervals;
  }

  /** The order statistics of {@code values} (a copy: the selector reorders it), each selected when asked. */
  private static IntToDoubleFunction selector(double[] values) {
    // Commons Math's selector, as its Percentile uses it: the pivots heap keeps each partition made,
    // so the later selections only finish the part of the array they fall in.
    KthSelector selector = new KthSelector();
    int[] pivots = new int[PIVOTS_HEAP_LENGTH];
    Arrays.fill(pivots, -1);
    return k -> selector.select(values, pivots, k);
  }

  /**
   * The order statistics of {@code values} among its {@code bottom} smallest and its {@code top}
   * largest; null when one scan does not find them. A sample of the values (every stride-th)
   * gives two thresholds beyond which a few more than that many values are expected; one scan
   * keeps the values beyond them, and only those are sorted. Whatever the values' order the result
   * is exact: a threshold that keeps too few (or too many, more than a quarter) gives null.
   */
  private static IntToDoubleFunction tails(double[] values, int bottom, int top) {
    int n = values.length;
    int stride = Math.max(1, n / SAMPLE);
    double[] sample = new double[(n + stride - 1) / stride];
    for (int i = 0, j = 0; i < n; i += stride) {
      sample[j++] = values[i];
    }
    Arrays.sort(sample);
    int last = sample.length - 1;
    double low = sample[Math.min(last, sampleRank(bottom, stride))];
    double high = sample[Math.max(0, last - sampleRank(top, stride))];
    if (!(low < high)) {
      return null;
    }
    int capacity = n / 4;
    double[] below = new double[capacity];
    double[] above = new double[capacity];
    int kept = 0;
    int keptAbove = 0;
    for (double v : values) {
      if (v <= low) {
        if (kept == capacity) {
          return null;
        }
        below[kept++] = v;
      } else if (v >= high) {
        if (keptAbove == capacity) {
          return null;
        }
        above[keptAbove++] = v;
      }
    }
    if (kept < bottom || keptAbove < top) {
      return null;
    }
    Arrays.sort(below, 0, kept);
    Arrays.sort(above, 0, keptAbove);
    int aboveFrom = keptAbove - n;
    return k -> k < bottom ? below[k] : above[aboveFrom + k];
  }

  /**
   * The rank in the sample whose value about k + a margin of the values fall at or below: the
   * sample holds about k / stride of the k smallest, give or take its square root; three of those
   * and two more make a short fall (a second pass by selection) rare.
   */
  private static int sampleRank(int k, int stride) {
    double expected = (double) k / stride;
    return (int) Math.ceil(expected + 3 * Math.sqrt(expected) + 2);
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
