package dev.parity.reports.stats;

import java.util.List;

/**
 * The mean of per-judgment values with standard errors that allow for judgments of the same task
 * being alike: cluster-robust ("sandwich") standard errors with tasks as clusters.
 *
 * <p>With G clusters, N values, residuals eᵢ = yᵢ − ȳ and Sₘ the sum of cluster g's residuals:
 * <ul>
 *   <li>CR0: Var = Σ Sₘ² / N²;
 *   <li>CR1 (Stata's small-sample factor for a mean): CR0 · G/(G − 1), the one to report;
 *   <li>CR2 (Bell &amp; McCaffrey): Σ Sₘ²/(1 − nₘ/N) / N², which for a mean is closed-form and
 *       less biased with few clusters; equal to CR1 when clusters are equal in size.
 * </ul>
 * The design effect is Var(CR0) over the naive variance Σ eᵢ²/N² that treats judgments as
 * independent: how many judgments one task's worth of evidence is "worth" fewer. Checked against
 * R's {@code sandwich} and {@code clubSandwich} in {@code stats-vectors.json}.
 *
 * @param mean ȳ over all values
 * @param values N
 * @param clusters G, the number of non-empty clusters
 * @param standardErrorCr0 √CR0
 * @param standardErrorCr1 √CR1; NaN with a single cluster
 * @param standardErrorCr2 √CR2; NaN with a single cluster
 * @param designEffect CR0 over the naive variance; NaN when all values are equal
 */
public record ClusterRobustMean(
    double mean, int values, int clusters, double standardErrorCr0, double standardErrorCr1,
    double standardErrorCr2, double designEffect) {

  /**
   * Computes the mean and its standard errors.
   *
   * @param clusters one array per cluster (task) with its values; empty arrays are left out
   * @throws IllegalArgumentException if there are no values or a value is not finite
   */
  public static ClusterRobustMean of(List<double[]> clusters) {
    int n = 0;
    double total = 0;
    int g = 0;
    for (double[] cluster : clusters) {
      for (double y : cluster) {
        if (!Double.isFinite(y)) {
          throw new IllegalArgumentException("value is not finite: " + y);
        }
        total += y;
      }
      n += cluster.length;
      g += cluster.length > 0 ? 1 : 0;
    }
    if (n == 0) {
      throw new IllegalArgumentException("no values: nothing to average");
    }
    double mean = total / n;
    double cr0 = 0;
    double cr2 = 0;
    double naive = 0;
    for (double[] cluster : clusters) {
      double s = 0;
      for (double y : cluster) {
        s += y - mean;
        naive += (y - mean) * (y - mean);
      }
      cr0 += s * s;
      if (cluster.length > 0 && cluster.length < n) {
        cr2 += s * s / (1 - (double) cluster.length / n);
      }
    }
    double n2 = (double) n * n;
    double cr1 = g > 1 ? cr0 * g / (g - 1) : Double.NaN;
    return new ClusterRobustMean(mean, n, g, Math.sqrt(cr0 / n2), Math.sqrt(cr1 / n2),
        g > 1 ? Math.sqrt(cr2 / n2) : Double.NaN, naive > 0 ? cr0 / naive : Double.NaN);
  }
}
