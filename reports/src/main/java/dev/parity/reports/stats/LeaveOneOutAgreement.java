package dev.parity.reports.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Leave-one-out agreement, as AlpacaEval reports it for its judges: each grader's verdict on an
 * item against the majority verdict of the other graders of that item, pooled over every
 * (item, grader) rating that has at least one other rating beside it.
 *
 * <p><b>Ties in the majority</b> (the others split 1–1, or 2–2–1 …) are broken uniformly at
 * random, in expectation: a verdict scores 1/k when it is one of the k most frequent verdicts of
 * the others, and 0 otherwise. No random numbers are drawn, so the figure is reproducible, and a
 * grader facing a split panel gets credit for siding with either half, but not full credit.
 *
 * @param value the mean agreement, in [0, 1]; NaN when no rating has another beside it
 * @param ratings the number of ratings compared
 */
public record LeaveOneOutAgreement(double value, int ratings) {

  /** Every grader against the others, pooled: the human–human figure. */
  public static LeaveOneOutAgreement among(RatingMatrix matrix) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < matrix.items().size(); i++) {
      for (int g = 0; g < matrix.graders().size(); g++) {
        double credit = credit(matrix, i, g);
        if (!Double.isNaN(credit)) {
          sum += credit;
          count++;
        }
      }
    }
    return new LeaveOneOutAgreement(count == 0 ? Double.NaN : sum / count, count);
  }

  /**
   * The named grader (a model judge) against the majority of the other graders on each item it
   * rated.
   *
   * @throws IllegalArgumentException if the grader is unknown
   */
  public static LeaveOneOutAgreement ofGrader(RatingMatrix matrix, String grader) {
    int g = matrix.graderIndex(grader);
    double sum = 0;
    int count = 0;
    for (int i = 0; i < matrix.items().size(); i++) {
      double credit = credit(matrix, i, g);
      if (!Double.isNaN(credit)) {
        sum += credit;
        count++;
      }
    }
    return new LeaveOneOutAgreement(count == 0 ? Double.NaN : sum / count, count);
  }

  /** Grader g's credit on item i against the others' majority; NaN when there is nothing to compare. */
  private static double credit(RatingMatrix matrix, int item, int grader) {
    double own = matrix.rating(item, grader);
    if (Double.isNaN(own)) {
      return Double.NaN;
    }
    Map<Double, Integer> votes = new HashMap<>();
    for (int o = 0; o < matrix.graders().size(); o++) {
      double other = matrix.rating(item, o);
      if (o != grader && !Double.isNaN(other)) {
        votes.merge(other + 0.0, 1, Integer::sum); // + 0.0 makes -0.0 equal to 0.0
      }
    }
    if (votes.isEmpty()) {
      return Double.NaN;
    }
    int top = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    long modes = votes.values().stream().filter(v -> v == top).count();
    return votes.getOrDefault(own + 0.0, 0) == top ? 1.0 / modes : 0;
  }
}
