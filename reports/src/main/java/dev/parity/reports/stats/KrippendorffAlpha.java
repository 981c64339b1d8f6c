package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Krippendorff's alpha: agreement among any number of graders with missing ratings, α = 1 − Dₒ/Dₑ,
 * observed over expected disagreement, computed from the coincidence matrix of pairable values
 * (Krippendorff 2011). Items rated by fewer than two graders cannot be paired and are left out.
 * The {@link Level} says how far apart two ratings are. Checked against Krippendorff's own
 * examples, R's {@code irr} and the {@code krippendorff} Python package in {@code
 * stats-vectors.json}, at every level and with missing data.
 *
 * @param alpha α, 1 for perfect agreement, 0 for agreement at chance level; NaN when all
 *     pairable ratings are equal (no disagreement is possible)
 * @param level the metric used
 * @param pairableValues n, the number of ratings in items with at least two
 */
public record KrippendorffAlpha(double alpha, Level level, int pairableValues) {

  /** How the difference between two ratings c and k is measured (squared). */
  public enum Level {
    /** Categories without order: 0 if equal, 1 otherwise. */
    NOMINAL,
    /**
     * Ordered categories (loss &lt; tie &lt; win; a 1–7 scale): the squared count of ratings
     * between c and k, halfway at both ends — only order matters, not spacing.
     */
    ORDINAL,
    /** Numbers with meaningful differences: (c − k)². */
    INTERVAL,
    /** Numbers with a meaningful zero: ((c − k)/(c + k))². */
    RATIO
  }

  /**
   * Alpha at the given level.
   *
   * @throws IllegalArgumentException if no item has two ratings
   */
  public static KrippendorffAlpha of(RatingMatrix ratings, Level level) {
    Objects.requireNonNull(level, "level");
    double[] values = pairableValuesSorted(ratings);
    if (values.length == 0) {
      throw new IllegalArgumentException("no item has two ratings: nothing to compare");
    }
    int v = values.length;
    double[][] coincidence = new double[v][v];
    for (int i = 0; i < ratings.items().size(); i++) {
      double[] unit = ratings.ratingsOf(i);
      if (unit.length < 2) {
        continue;
      }
      int[] counts = new int[v];
      for (double value : unit) {
        counts[Arrays.binarySearch(values, value + 0.0)]++;
      }
      for (int c = 0; c < v; c++) {
        for (int k = 0; k < v; k++) {
          double pairs = c == k ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[k];
          coincidence[c][k] += pairs / (unit.length - 1);
        }
      }
    }
    return ofCoincidences(values, coincidence, level);
  }

  /**
   * Alpha from a coincidence matrix: {@code coincidence[c][k]} the pairable values c and k seen
   * together in units, each unit's pairs weighted 1/(m − 1) for its m values (Krippendorff 2011).
   * A value that never occurs (a zero row and column) changes nothing. For callers that sum
   * coincidences themselves (a bootstrap that weighs units).
   *
   * @param values the distinct values, sorted ascending, one per row of {@code coincidence}
   */
  public static KrippendorffAlpha ofCoincidences(double[] values, double[][] coincidence, Level level) {
    int v = values.length;
    double[] marginal = new double[v];
    double n = 0;
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        marginal[c] += coincidence[c][k];
      }
      n += marginal[c];
    }
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        double delta = distance(level, values, marginal, c, k);
        observed += coincidence[c][k] * delta;
        expected += marginal[c] * marginal[k] * delta;
      }
    }
    double alpha = expected == 0 ? Double.NaN : 1 - (n - 1) * observed / expected;
    return new KrippendorffAlpha(alpha, level, (int) Math.round(n));
  }

  /** The squared distance δ²(c, k) between the c-th and k-th distinct values. */
  private static double distance(Level level, double[] values, double[] marginal, int c, int k) {
    return switch (level) {
      case NOMINAL -> c == k ? 0 : 1;
      case ORDINAL -> {
        int lo = Math.min(c, k);
        int hi = Math.max(c, k);
        double between = 0;
        for (int g = lo; g <= hi; g++) {
          between += marginal[g];
        }
        double d = between - (marginal[c] + marginal[k]) / 2;
        yield d * d;
      }
      case INTERVAL -> (values[c] - values[k]) * (values[c] - values[k]);
      case RATIO -> {
        double sum = values[c] + values[k];
        double d = sum == 0 ? 0 : (values[c] - values[k]) / sum;
        yield d * d;
      }
    };
  }

  private static double[] pairableValuesSorted(RatingMatrix ratings) {
    return java.util.stream.IntStream.range(0, ratings.items().size())
        .mapToObj(ratings::ratingsOf)
        .filter(unit -> unit.length >= 2)
        .flatMapToDouble(Arrays::stream)
        .map(x -> x + 0.0) // -0.0 and 0.0 are one value
        .distinct()
        .sorted()
        .toArray();
  }
}
