package dev.parity.reports.stats;

/**
 * GDPval's agreement between graders: with each verdict scored s ∈ {0, ½, 1} (loss, tie, win),
 * the mean of 1 − |s₁ − s₂| over pairs of verdicts on the same item, averaged within each item
 * first and then over items. A tie against a win counts as half an agreement. Checked against
 * the GDPval paper's definition in {@code stats-vectors.json}.
 *
 * @param value the agreement, in [0, 1]; NaN when no item has a pair of ratings
 * @param items the number of items that contributed
 */
public record GdpvalAgreement(double value, int items) {

  /**
   * Agreement among graders: per item with at least two ratings, the mean over its unordered
   * pairs of ratings; then the mean over those items (GDPval's human–human agreement).
   *
   * @param ratings verdict scores in [0, 1]
   * @throws IllegalArgumentException if a rating is outside [0, 1]
   */
  public static GdpvalAgreement among(RatingMatrix ratings) {
    double sum = 0;
    int items = 0;
    for (int i = 0; i < ratings.items().size(); i++) {
      double[] values = checked(ratings.ratingsOf(i));
      if (values.length < 2) {
        continue;
      }
      double itemSum = 0;
      int pairs = 0;
      for (int a = 0; a < values.length; a++) {
        for (int b = a + 1; b < values.length; b++) {
          itemSum += 1 - Math.abs(values[a] - values[b]);
          pairs++;
        }
      }
      sum += itemSum / pairs;
      items++;
    }
    return new GdpvalAgreement(items == 0 ? Double.NaN : sum / items, items);
  }

  /**
   * Agreement of one grader (a model judge) with the others (the humans): per item that grader
   * rated and at least one other did, the mean of 1 − |s − h| over the others' ratings h; then
   * the mean over those items (GDPval's human–automated agreement).
   *
   * @throws IllegalArgumentException if the grader is unknown or a rating is outside [0, 1]
   */
  public static GdpvalAgreement ofGrader(RatingMatrix ratings, String grader) {
    int g = ratings.graderIndex(grader);
    double sum = 0;
    int items = 0;
    for (int i = 0; i < ratings.items().size(); i++) {
      double own = ratings.rating(i, g);
      if (Double.isNaN(own)) {
        continue;
      }
      checked(new double[] {own});
      double itemSum = 0;
      int others = 0;
      for (int o = 0; o < ratings.graders().size(); o++) {
        double other = ratings.rating(i, o);
        if (o != g && !Double.isNaN(other)) {
          itemSum += 1 - Math.abs(own - checked(new double[] {other})[0]);
          others++;
        }
      }
      if (others > 0) {
        sum += itemSum / others;
        items++;
      }
    }
    return new GdpvalAgreement(items == 0 ? Double.NaN : sum / items, items);
  }

  private static double[] checked(double[] scores) {
    for (double s : scores) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException(
            "GDPval agreement needs verdict scores in [0, 1] (loss 0, tie 0.5, win 1), got " + s);
      }
    }
    return scores;
  }
}
