package dev.parity.reports.stats;

/**
 * One judgment's verdict, from the model's side: its deliverable was judged better than
 * ({@link #WIN}), as good as ({@link #TIE}) or worse than ({@link #LOSS}) the one it was
 * compared with (the human baseline, or another model).
 */
public enum Outcome {
  WIN(1.0),
  TIE(0.5),
  LOSS(0.0);

  private final double score;

  Outcome(double score) {
    this.score = score;
  }

  /** GDPval's score of this verdict: win 1, tie ½, loss 0. */
  public double score() {
    return score;
  }

  /** Whether this verdict counts towards the win-or-tie rate. */
  public boolean isWinOrTie() {
    return this != LOSS;
  }
}
