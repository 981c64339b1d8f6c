package dev.parity.reports.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal distribution, for critical values and approximate p-values. */
final class StandardNormal {
  private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

  private StandardNormal() {}

  /** z such that a two-sided interval of ±z covers {@code level}: Φ⁻¹(1 − (1 − level)/2). */
  static double twoSidedCritical(double level) {
    return N01.inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /** P(Z ≤ z). */
  static double cdf(double z) {
    return N01.cumulativeProbability(z);
  }

  /** P(Z > z), accurate in the upper tail. */
  static double survival(double z) {
    return N01.survivalProbability(z);
  }
}
