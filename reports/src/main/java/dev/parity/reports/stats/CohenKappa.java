package dev.parity.reports.stats;

import java.util.Objects;

/**
 * Cohen's kappa between two graders, unweighted or weighted: agreement beyond what their own
 * category frequencies would give by chance, κ = (pₒ − pₑ)/(1 − pₑ) with pₒ = Σ wᵢⱼ pᵢⱼ and
 * pₑ = Σ wᵢⱼ pᵢ. p.ⱼ.
 *
 * <p>Standard errors are the large-sample ones of Fleiss, Cohen &amp; Everitt (1969), as R's
 * {@code vcd::Kappa} and {@code psych::cohen.kappa} report them: {@code standardError} for a
 * confidence interval (κ ± 1.96·se), {@code nullStandardError} for testing κ = 0. Checked against
 * R in {@code stats-vectors.json}, including Cohen's (1968) and Fleiss–Cohen–Everitt's weights.
 *
 * @param kappa κ; NaN when chance agreement is already perfect (pₑ = 1)
 * @param observed pₒ, the weighted observed agreement
 * @param expected pₑ, the weighted agreement expected by chance
 * @param standardError the asymptotic standard error of κ
 * @param nullStandardError the standard error of κ when the true κ is 0
 * @param z κ over its null standard error
 * @param pairs the number of items both graders rated
 * @param weights the weights used
 */
public record CohenKappa(
    double kappa, double observed, double expected, double standardError,
    double nullStandardError, double z, double pairs, KappaWeights weights) {

  /**
   * Kappa from a contingency table: {@code table[i][j]} items put in category i by the first
   * grader and j by the second.
   *
   * @throws IllegalArgumentException if the table is not square, is empty, or has a negative
   *     count
   */
  public static CohenKappa of(double[][] table, KappaWeights weights) {
    Objects.requireNonNull(weights, "weights");
    int k = table.length;
    double n = 0;
    for (double[] row : table) {
      if (row.length != k) {
        throw new IllegalArgumentException(
            "the table must be square: " + k + " rows, a row of " + row.length);
      }
      for (double count : row) {
        if (!(count >= 0)) {
          throw new IllegalArgumentException("counts must not be negative, got " + count);
        }
        n += count;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("the table is empty: no item rated by both graders");
    }
    double[][] w = weights.forCategories(k);
    double[] rows = new double[k];
    double[] columns = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        rows[i] += table[i][j] / n;
        columns[j] += table[i][j] / n;
      }
    }
    double observed = 0;
    double expected = 0;
    double[] rowWeight = new double[k];
    double[] columnWeight = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        observed += w[i][j] * table[i][j] / n;
        expected += w[i][j] * rows[i] * columns[j];
        rowWeight[i] += w[i][j] * columns[j];
        columnWeight[j] += w[i][j] * rows[i];
      }
    }
    double kappa = (observed - expected) / (1 - expected);
    double variance = 0;
    double nullVariance = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double spread = rowWeight[i] + columnWeight[j];
        double d = w[i][j] - spread * (1 - kappa);
        variance += table[i][j] / n * d * d;
        double d0 = w[i][j] - spread;
        nullVariance += rows[i] * columns[j] * d0 * d0;
      }
    }
    double scale = n * (1 - expected) * (1 - expected);
    double bias = kappa - expected * (1 - kappa);
    double se = Math.sqrt(Math.max(0, variance - bias * bias) / scale);
    double se0 = Math.sqrt(Math.max(0, nullVariance - expected * expected) / scale);
    return new CohenKappa(kappa, observed, expected, se, se0, kappa / se0, n, weights);
  }

  /**
   * Kappa between two graders' ratings of the same items, {@code first[i]} and {@code second[i]};
   * items either left unrated (NaN) are skipped.
   *
   * @param categories every possible rating, in order (for weights)
   * @throws IllegalArgumentException if the arrays differ in length, or a rating is not one of
   *     the categories
   */
  public static CohenKappa between(
      double[] first, double[] second, double[] categories, KappaWeights weights) {
    if (first.length != second.length) {
      throw new IllegalArgumentException(
          "the graders rated different numbers of items: " + first.length + " and " + second.length);
    }
    double[][] table = new double[categories.length][categories.length];
    for (int i = 0; i < first.length; i++) {
      if (!Double.isNaN(first[i]) && !Double.isNaN(second[i])) {
        table[category(first[i], categories)][category(second[i], categories)]++;
      }
    }
    return of(table, weights);
  }

  /**
   * Kappa between one grader (a model judge) and every other grader, pooled over pairs of ratings
   * of the same item: the first "grader" of the table is the named one, the second whoever else
   * rated the item.
   *
   * @throws IllegalArgumentException if the grader is unknown or a rating is not a category
   */
  public static CohenKappa ofGrader(
      RatingMatrix ratings, String grader, double[] categories, KappaWeights weights) {
    RatingPairs pairs = RatingPairs.ofGrader(ratings, grader);
    return between(pairs.first, pairs.second, categories, weights);
  }

  static int category(double rating, double[] categories) {
    for (int c = 0; c < categories.length; c++) {
      if (categories[c] == rating) {
        return c;
      }
    }
    throw new IllegalArgumentException("a rating of " + rating
        + " is not one of the categories " + java.util.Arrays.toString(categories));
  }
}
