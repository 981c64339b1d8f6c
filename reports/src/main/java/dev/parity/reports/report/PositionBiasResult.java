package dev.parity.reports.report;

/**
 * How often one grader chose the deliverable shown in the first position: on the left (labelled
 * "A") for a human grader, first in the prompt (also "A") for a model judge. A grader without a
 * preference for a position chooses it about half the time. A figure the data cannot give is null.
 *
 * @param graderType {@code human} or {@code model}
 * @param grader the grader id or judge spec
 * @param judgments the grader's judgments that record the side (human) or the orders (judge)
 * @param choices the choices counted: for a human one per judgment, for a judge one per call
 * @param firstShare first-position choices over decisive choices (ties excluded); null when every
 *     choice was a tie
 * @param firstShareCi its 95% Wilson interval; null with {@code firstShare}
 * @param p the exact two-sided binomial test of the first-position choices among the decisive
 *     ones against ½ (R's {@code binom.test}); 1 when no choice was decisive
 * @param pHolm {@code p} adjusted by Holm's method over every grader and judge in this list
 * @param biased whether {@code pHolm} is below 0.05: a preference for a position beyond chance
 * @param consistency for a model judge asked in both orders: how often the two orders agreed;
 *     null for a human grader
 */
public record PositionBiasResult(
    String graderType,
    String grader,
    int judgments,
    Choices choices,
    Double firstShare,
    Interval firstShareCi,
    double p,
    double pHolm,
    boolean biased,
    Consistency consistency) {

  /**
   * A grader's choices by position.
   *
   * @param first the deliverable in the first position (left, or first in the prompt) judged better
   * @param second the one in the second position judged better
   * @param ties neither: left out of the share and the test
   */
  public record Choices(int first, int second, int ties) {
    /** Choices that preferred one position: the trials of the test. */
    public int decisive() {
      return first + second;
    }
  }

  /**
   * A judge's consistency across the two orders of its calls on one pair.
   *
   * @param judgments judgments with the outcomes of both orders
   * @param same those whose two orders gave the same outcome (from the contestant's side)
   * @param share {@code same / judgments}
   * @param ci its 95% Wilson interval
   */
  public record Consistency(int judgments, int same, double share, Interval ci) {}
}
