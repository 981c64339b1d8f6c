package dev.parity.reports.stats;

import dev.parity.judgments.Outcome;

/**
 * Percent exact agreement between graders' pairwise verdicts (ratings as {@link Outcome#score()}:
 * 1 win, ½ tie, 0 loss), pooled over pairs of ratings of the same item.
 *
 * <p>Three figures, because ties decide a lot of it: {@link #all()} over every pair; {@link
 * #decisive()} over pairs where neither grader said tie (do graders agree on who is better, when
 * both say someone is?); {@link #notBothTied()} over pairs where at least one grader was
 * decisive (agreement that is not just two shrugs). Each is NaN when it has no pair.
 *
 * @param all exact agreement over all pairs
 * @param pairs the number of pairs
 * @param decisive exact agreement over pairs where neither said tie
 * @param decisivePairs the number of such pairs
 * @param notBothTied exact agreement over pairs not tied by both
 * @param notBothTiedPairs the number of such pairs
 */
public record PercentAgreement(
    double all, int pairs, double decisive, int decisivePairs, double notBothTied,
    int notBothTiedPairs) {

  private static final double TIE = Outcome.TIE.score();

  /** Over every unordered pair of ratings of each item. */
  public static PercentAgreement among(RatingMatrix ratings) {
    return of(RatingPairs.among(ratings));
  }

  /**
   * The named grader (a model judge) against every other grader's rating of the same items.
   *
   * @throws IllegalArgumentException if the grader is unknown
   */
  public static PercentAgreement ofGrader(RatingMatrix ratings, String grader) {
    return of(RatingPairs.ofGrader(ratings, grader));
  }

  private static PercentAgreement of(RatingPairs pairs) {
    int agree = 0;
    int decisive = 0;
    int decisiveAgree = 0;
    int notBoth = 0;
    int notBothAgree = 0;
    for (int k = 0; k < pairs.size(); k++) {
      double a = pairs.first[k];
      double b = pairs.second[k];
      int same = a == b ? 1 : 0;
      agree += same;
      if (a != TIE && b != TIE) {
        decisive++;
        decisiveAgree += same;
      }
      if (a != TIE || b != TIE) {
        notBoth++;
        notBothAgree += same;
      }
    }
    return new PercentAgreement(ratio(agree, pairs.size()), pairs.size(),
        ratio(decisiveAgree, decisive), decisive, ratio(notBothAgree, notBoth), notBoth);
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
