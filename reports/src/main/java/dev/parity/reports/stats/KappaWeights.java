package dev.parity.reports.stats;

import java.util.function.IntFunction;

/**
 * Agreement weights for Cohen's kappa over k ordered categories: w(i, j) = 1 for the same
 * category, less for categories further apart, 0 for the furthest. Weights are built over the
 * <em>declared</em> categories, whether or not each was used (as R's factor levels and
 * scikit-learn's {@code labels}), so that a category nobody chose still spaces the others.
 */
public final class KappaWeights {
  /** Only exact agreement counts: Cohen's (1960) kappa. */
  public static final KappaWeights UNWEIGHTED =
      new KappaWeights("unweighted", k -> matrix(k, (i, j) -> i == j ? 1 : 0));
  /** w = 1 − |i − j|/(k − 1). */
  public static final KappaWeights LINEAR =
      new KappaWeights("linear", k -> matrix(k, (i, j) -> 1 - Math.abs(i - j) / (k - 1.0)));
  /** w = 1 − (i − j)²/(k − 1)²: close to the intraclass correlation for large samples. */
  public static final KappaWeights QUADRATIC = new KappaWeights("quadratic",
      k -> matrix(k, (i, j) -> 1 - (double) (i - j) * (i - j) / ((k - 1.0) * (k - 1.0))));

  private final String name;
  private final IntFunction<double[][]> weights;

  private KappaWeights(String name, IntFunction<double[][]> weights) {
    this.name = name;
    this.weights = weights;
  }

  /**
   * Weights given as a k × k matrix of agreement weights, 1 on the diagonal (e.g. Fleiss, Cohen
   * &amp; Everitt's). Disagreement weights v convert as w = 1 − v/max(v); kappa is the same.
   *
   * @throws IllegalArgumentException if the matrix is not square with values in [0, 1]
   */
  public static KappaWeights agreement(double[][] weights) {
    int k = weights.length;
    double[][] copy = new double[k][];
    for (int i = 0; i < k; i++) {
      if (weights[i].length != k) {
        throw new IllegalArgumentException("weights must be a square matrix; row " + i
            + " has " + weights[i].length + " values for " + k + " rows");
      }
      for (double w : weights[i]) {
        if (!(w >= 0 && w <= 1)) {
          throw new IllegalArgumentException("agreement weights must be in [0, 1], got " + w);
        }
      }
      copy[i] = weights[i].clone();
    }
    return new KappaWeights("custom", size -> {
      if (size != k) {
        throw new IllegalArgumentException(
            "weights are for " + k + " categories, the table has " + size);
      }
      double[][] result = new double[k][];
      for (int i = 0; i < k; i++) {
        result[i] = copy[i].clone();
      }
      return result;
    });
  }

  /** The k × k weight matrix. */
  double[][] forCategories(int k) {
    return weights.apply(k);
  }

  @Override
  public String toString() {
    return name;
  }

  private interface Cell {
    double weight(int i, int j);
  }

  private static double[][] matrix(int k, Cell cell) {
    double[][] w = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        w[i][j] = k == 1 ? 1 : cell.weight(i, j);
      }
    }
    return w;
  }
}
