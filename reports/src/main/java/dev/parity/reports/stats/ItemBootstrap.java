package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A bootstrap over items (pairs of deliverables graded by several graders): each resample draws
 * as many items as there are, with replacement, from a seeded generator. The caller computes its
 * statistics on each resample and turns each statistic's replicates into a percentile interval
 * with {@link #percentileInterval}; statistics computed on the same resample are paired, so the
 * interval of a difference between two of them is the interval of the difference.
 *
 * <p>Stateless; the same items count and settings give the same resamples, in the same order.
 */
public final class ItemBootstrap {
  private ItemBootstrap() {}

  /**
   * Calls {@code resample} once per resample with the indices drawn (in [0, items), repeats
   * allowed). The array is reused between calls: copy it to keep it.
   *
   * @throws IllegalArgumentException if items &lt; 1
   */
  public static void forEach(int items, BootstrapSettings settings, Consumer<int[]> resample) {
    if (items < 1) {
      throw new IllegalArgumentException("a bootstrap needs at least one item, got " + items);
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    int[] drawn = new int[items];
    for (int b = 0; b < settings.resamples(); b++) {
      for (int i = 0; i < items; i++) {
        drawn[i] = random.nextInt(items);
      }
      resample.accept(drawn);
    }
  }

  /**
   * Calls {@code resample} once per resample with each item's weight: how many times the resample
   * drew it (the draws of {@link #forEach}), for {@link WeightedAgreement#figures(DrawCounts)}.
   * The same instance is refilled between calls.
   *
   * @throws IllegalArgumentException if items &lt; 1
   */
  public static void forEachWeights(int items, BootstrapSettings settings, Consumer<DrawCounts> resample) {
    if (items < 1) {
      throw new IllegalArgumentException("a bootstrap needs at least one item, got " + items);
    }
    Draws draws = new Draws(settings.seed());
    DrawCounts weights = new DrawCounts(items);
    for (int b = 0; b < settings.resamples(); b++) {
      weights.draw(draws);
      resample.accept(weights);
    }
  }

  /**
   * The percentile interval (R-7 quantiles) of a statistic's replicates at {@code level}; NaN
   * replicates (resamples on which the statistic is undefined, a kappa whose chance agreement is
   * perfect, say) are left out. Null when every replicate is NaN.
   */
  public static ConfidenceInterval percentileInterval(double[] replicates, double level) {
    double[] defined = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).toArray();
    // Selected, not sorted: the report asks this of every agreement figure's thousands of replicates.
    return defined.length == 0 ? null : Quantiles.percentileIntervalOfUnsorted(defined, level);
  }
}
