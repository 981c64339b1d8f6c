package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusts p-values for multiple comparisons (one test per occupation, say), as R's
 * {@code p.adjust} does; checked against R in {@code stats-vectors.json}.
 *
 * <p>Adjusted values come back in the order of the input, whatever that order, and are at most 1.
 * Compare them with the unadjusted α (0.05): a group whose adjusted p-value is below α is a
 * finding that survives the adjustment.
 */
public enum PValueAdjustment {
  /** Bonferroni: m·p. Controls the family-wise error rate; the most conservative. */
  BONFERRONI {
    @Override
    double[] adjustSorted(double[] sorted) {
      int m = sorted.length;
      double[] adjusted = new double[m];
      for (int i = 0; i < m; i++) {
        adjusted[i] = Math.min(1, m * sorted[i]);
      }
      return adjusted;
    }
  },

  /**
   * Holm (1979) step-down: the i-th smallest p (from 1) becomes max over j ≤ i of (m − j + 1)·p₍ⱼ₎.
   * Controls the family-wise error rate under any dependence, and is never worse than Bonferroni.
   */
  HOLM {
    @Override
    double[] adjustSorted(double[] sorted) {
      int m = sorted.length;
      double[] adjusted = new double[m];
      double running = 0;
      for (int i = 0; i < m; i++) {
        running = Math.max(running, (m - i) * sorted[i]);
        adjusted[i] = Math.min(1, running);
      }
      return adjusted;
    }
  },

  /**
   * Benjamini–Hochberg (1995) step-up: the i-th smallest p becomes min over j ≥ i of (m/j)·p₍ⱼ₎.
   * Controls the false discovery rate for independent (or positively dependent) tests.
   */
  BENJAMINI_HOCHBERG {
    @Override
    double[] adjustSorted(double[] sorted) {
      int m = sorted.length;
      double[] adjusted = new double[m];
      double running = Double.POSITIVE_INFINITY;
      for (int i = m - 1; i >= 0; i--) {
        running = Math.min(running, (double) m / (i + 1) * sorted[i]);
        adjusted[i] = Math.min(1, running);
      }
      return adjusted;
    }
  };

  /**
   * The adjusted p-values, in the order of {@code pValues}.
   *
   * @throws IllegalArgumentException if a p-value is not in [0, 1] (NaN included)
   */
  public double[] adjust(double... pValues) {
    for (int i = 0; i < pValues.length; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " is not in [0, 1]: " + pValues[i]);
      }
    }
    Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] sorted = new double[pValues.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = pValues[order[i]];
    }
    double[] adjustedSorted = adjustSorted(sorted);
    double[] adjusted = new double[pValues.length];
    for (int i = 0; i < sorted.length; i++) {
      adjusted[order[i]] = adjustedSorted[i];
    }
    return adjusted;
  }

  abstract double[] adjustSorted(double[] sorted);
}
