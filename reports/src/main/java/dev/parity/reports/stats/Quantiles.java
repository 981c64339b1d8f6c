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
    int lo = lowerIndex(sorted.length, p);
    return interpolated(sorted[lo], sorted[Math.min(lo + 1, sorted.length - 1)], sorted.length, p);
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
    double tail = (1 - level) / 2;
    double[] values = replicates.clone();
    int n = values.length;
    int low = lowerIndex(n, tail);
    int high = lowerIndex(n, 1 - tail);
    select(values, 0, low);
    double lowNext = low + 1 < n ? selectSmallest(values, low + 1) : values[low];
    double highValue;
    double highNext;
    if (high == low) {
      highValue = values[low];
      highNext = lowNext;
    } else {
      // Everything after index low is at least values[low]: the high order statistics are there.
      select(values, low + 1, high);
      highValue = values[high];
      highNext = high + 1 < n ? selectSmallest(values, high + 1) : values[high];
    }
    return new ConfidenceInterval(interpolated(values[low], lowNext, n, tail),
        interpolated(highValue, highNext, n, 1 - tail), level);
  }

  /** The index of the order statistic at or below the p-quantile of n values: floor((n − 1)·p). */
  private static int lowerIndex(int n, double p) {
    return (int) Math.floor((n - 1) * p);
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

  /**
   * Rearranges {@code values[from..]} so that {@code values[k]} holds the value a sort would put
   * there, with none greater before it and none smaller after it (Hoare's selection, median-of-three
   * pivots).
   */
  private static void select(double[] values, int from, int k) {
    int lo = from;
    int hi = values.length - 1;
    while (hi > lo) {
      double pivot = medianOfThree(values[lo], values[(lo + hi) >>> 1], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      // values[lo..j] <= pivot <= values[i..hi], and what lies between equals the pivot.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static double medianOfThree(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /** The smallest of {@code values[from..]}, which must not be empty. */
  private static double selectSmallest(double[] values, int from) {
    double smallest = values[from];
    for (int i = from + 1; i < values.length; i++) {
      smallest = Math.min(smallest, values[i]);
    }
    return smallest;
  }
}
