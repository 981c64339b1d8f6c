package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fleiss' kappa: agreement among any number of graders per item (the same number for every
 * item), beyond chance given the pooled category frequencies. κ = (P̄ − P̄ₑ)/(1 − P̄ₑ), with P̄ the
 * mean over items of the share of agreeing pairs of ratings and P̄ₑ = Σ pⱼ². With two graders it
 * equals Scott's π. The null standard error is Fleiss, Nee &amp; Landis's (1979), as R's {@code
 * irr::kappam.fleiss}; checked against R in {@code stats-vectors.json}.
 *
 * <p>Items must all have the same number of ratings; with missing ratings, use {@link
 * KrippendorffAlpha}.
 *
 * @param kappa κ; NaN when every rating falls in one category
 * @param observed P̄
 * @param expected P̄ₑ
 * @param categoryShares pⱼ, the share of all ratings in each category
 * @param categoryKappas κⱼ, the agreement on each category against all others
 * @param nullStandardError the standard error of κ when the true κ is 0
 * @param z κ over its null standard error
 * @param items the number of items
 * @param ratersPerItem the number of ratings of each item
 */
public record FleissKappa(
    double kappa, double observed, double expected, List<Double> categoryShares,
    List<Double> categoryKappas, double nullStandardError, double z, int items,
    int ratersPerItem) {

  public FleissKappa {
    categoryShares = List.copyOf(categoryShares);
    categoryKappas = List.copyOf(categoryKappas);
  }

  /**
   * Kappa from counts: {@code counts[item][category]} graders who put the item in that category.
   *
   * @throws IllegalArgumentException if there are no items, items differ in their number of
   *     ratings, an item has fewer than 2, or a count is negative
   */
  public static FleissKappa of(int[][] counts) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("no items");
    }
    int k = counts[0].length;
    int m = 0;
    for (int c : counts[0]) {
      m += c;
    }
    if (m < 2) {
      throw new IllegalArgumentException("item 1 has " + m + " ratings; kappa needs at least 2");
    }
    int n = counts.length;
    double[] shares = new double[k];
    double observed = 0;
    double[] disagreement = new double[k];
    for (int i = 0; i < n; i++) {
      if (counts[i].length != k) {
        throw new IllegalArgumentException("item " + (i + 1) + " has counts for "
            + counts[i].length + " categories, item 1 for " + k);
      }
      int ratings = 0;
      double agreeingPairs = 0;
      for (int j = 0; j < k; j++) {
        int x = counts[i][j];
        if (x < 0) {
          throw new IllegalArgumentException("item " + (i + 1) + " has a negative count");
        }
        ratings += x;
        agreeingPairs += (double) x * (x - 1);
        shares[j] += x;
        disagreement[j] += (double) x * (m - x);
      }
      if (ratings != m) {
        throw new IllegalArgumentException("item " + (i + 1) + " has " + ratings
            + " ratings and item 1 has " + m + "; Fleiss' kappa needs the same number for every"
            + " item (Krippendorff's alpha allows missing ratings)");
      }
      observed += agreeingPairs / ((double) m * (m - 1));
    }
    observed /= n;
    double expected = 0;
    double pq = 0;
    double pqqp = 0;
    double[] categoryKappas = new double[k];
    for (int j = 0; j < k; j++) {
      shares[j] /= (double) n * m;
      double q = 1 - shares[j];
      expected += shares[j] * shares[j];
      pq += shares[j] * q;
      pqqp += shares[j] * q * (q - shares[j]);
      categoryKappas[j] = 1 - disagreement[j] / ((double) n * m * (m - 1) * shares[j] * q);
    }
    double kappa = (observed - expected) / (1 - expected);
    double se0 = Math.sqrt(2) / (pq * Math.sqrt((double) n * m * (m - 1)))
        * Math.sqrt(pq * pq - pqqp);
    return new FleissKappa(kappa, observed, expected, boxed(shares), boxed(categoryKappas), se0,
        kappa / se0, n, m);
  }

  /**
   * Kappa among the graders of a rating matrix; items nobody rated are skipped.
   *
   * @param categories every possible rating
   * @throws IllegalArgumentException as {@link #of(int[][])}, or if a rating is not a category
   */
  public static FleissKappa among(RatingMatrix ratings, double[] categories) {
    List<int[]> rows = new ArrayList<>();
    String firstItem = null;
    int m = 0;
    for (int i = 0; i < ratings.items().size(); i++) {
      double[] values = ratings.ratingsOf(i);
      if (values.length == 0) {
        continue;
      }
      if (firstItem == null) {
        firstItem = ratings.items().get(i);
        m = values.length;
      } else if (values.length != m) {
        throw new IllegalArgumentException("item '" + ratings.items().get(i) + "' has "
            + values.length + " ratings and item '" + firstItem + "' has " + m
            + "; Fleiss' kappa needs the same number for every item (Krippendorff's alpha allows"
            + " missing ratings)");
      }
      int[] row = new int[categories.length];
      for (double v : values) {
        row[CohenKappa.category(v, categories)]++;
      }
      rows.add(row);
    }
    return of(rows.toArray(int[][]::new));
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
