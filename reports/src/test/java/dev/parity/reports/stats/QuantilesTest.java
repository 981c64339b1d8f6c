package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Selecting a percentile interval's order statistics gives, bit for bit, the interval of the sorted values. */
class QuantilesTest {
  private static final double[] LEVELS = {0.5, 0.9, 0.95, 0.99, 1 - 0.05 / 44, 0.9999999};

  private static void assertSameAsSorted(double[] values) {
    double[] before = values.clone();
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (double level : LEVELS) {
      assertThat(bits(() -> Quantiles.percentileIntervalOfUnsorted(values, level)))
          .as("at %s of %s", level, Arrays.toString(values))
          .isEqualTo(bits(() -> Quantiles.percentileInterval(sorted, level)));
    }
    // Two levels from one copy, as a report reads a group's nominal and adjusted intervals: each
    // the same as alone, whichever comes first.
    for (double first : LEVELS) {
      for (double second : LEVELS) {
        String alone = bits(() -> Quantiles.percentileInterval(sorted, first)) + ", "
            + bits(() -> Quantiles.percentileInterval(sorted, second));
        String together = bothBits(values, first, second);
        assertThat(alone).as("at %s then %s of %s", first, second, Arrays.toString(values))
            .satisfiesAnyOf(a -> assertThat(a).isEqualTo(together), a -> assertThat(a).contains(together));
      }
    }
    assertThat(values).as("the replicates are left as they were").isEqualTo(before);
  }

  /** Both intervals of one call bit for bit, or the error it fails with (an interval's, as alone). */
  private static String bothBits(double[] values, double first, double second) {
    try {
      ConfidenceInterval[] both = Quantiles.percentileIntervalsOfUnsorted(values, first, second);
      return bits(() -> both[0]) + ", " + bits(() -> both[1]);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The interval's bounds and level bit for bit, or the error it fails with (bounds −∞ and ∞ interpolate to NaN). */
  private static String bits(Supplier<ConfidenceInterval> interval) {
    try {
      ConfidenceInterval i = interval.get();
      return Double.doubleToLongBits(i.low()) + " " + Double.doubleToLongBits(i.high()) + " " + i.level();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void selectionGivesTheSortedIntervalForEverySizeAndLevel() {
    SplittableRandom random = new SplittableRandom(16);
    for (int n = 1; n <= 60; n++) {
      for (int round = 0; round < 20; round++) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = random.nextDouble();
        }
        assertSameAsSorted(values);
      }
    }
  }

  @Test
  void selectionGivesTheSortedIntervalWithManyTiesAndInfiniteValues() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(300);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        // Rates of few tasks take few values; horizons and ratings may be infinite.
        int kind = random.nextInt(10);
        values[i] = kind == 0 ? Double.POSITIVE_INFINITY : kind == 1 ? Double.NEGATIVE_INFINITY
            : random.nextInt(7) / 6.0;
      }
      assertSameAsSorted(values);
    }
  }

  @Test
  void selectionGivesTheSortedIntervalOfAReportsResamplesInAnyOrder() {
    SplittableRandom random = new SplittableRandom(18);
    double[] values = new double[5_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.round(random.nextGaussian() * 400) / 1320.0 + 0.5;
    }
    assertSameAsSorted(values);
    double[] ascending = values.clone();
    Arrays.sort(ascending);
    assertSameAsSorted(ascending);
    double[] descending = new double[ascending.length];
    for (int i = 0; i < ascending.length; i++) {
      descending[i] = ascending[ascending.length - 1 - i];
    }
    assertSameAsSorted(descending);
  }

  @Test
  void selectionGivesTheSortedIntervalWhenTheTailsHoldManyTies() {
    // A small group's rates take few values: the thresholds of a scan of the tails meet, or keep
    // most of the values, and the order statistics are selected instead.
    SplittableRandom random = new SplittableRandom(19);
    for (int distinct : new int[] {2, 3, 5, 12, 40}) {
      double[] values = new double[5_000];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(distinct) / (double) distinct;
      }
      assertSameAsSorted(values);
    }
  }
}
