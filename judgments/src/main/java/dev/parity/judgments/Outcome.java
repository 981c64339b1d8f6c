package dev.parity.judgments;

import java.util.Locale;
import java.util.Optional;

/**
 * One judgment's verdict, from the contestant's side: its deliverable was judged better than
 * ({@link #WIN}), as good as ({@link #TIE}) or worse than ({@link #LOSS}) the one it was compared
 * with (the human baseline, or another model's).
 */
public enum Outcome {
  WIN(1.0),
  TIE(0.5),
  LOSS(0.0);

  private final double score;
  /** Made once: {@link #id} is called for every judgment a report reads, checks and writes. */
  private final String id = name().toLowerCase(Locale.ROOT);

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

  /** The lower-case name used in files: {@code win}, {@code tie}, {@code loss}. */
  public String id() {
    return id;
  }

  /** The same verdict seen from the other side. */
  public Outcome reversed() {
    return switch (this) {
      case WIN -> LOSS;
      case LOSS -> WIN;
      case TIE -> TIE;
    };
  }

  /**
   * Reads {@code win}, {@code tie}, {@code loss} or GDPval's words {@code better},
   * {@code as_good}, {@code worse}, in any case; empty for anything else.
   */
  public static Optional<Outcome> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
      case "win", "better" -> Optional.of(WIN);
      case "tie", "as_good" -> Optional.of(TIE);
      case "loss", "worse" -> Optional.of(LOSS);
      default -> Optional.empty();
    };
  }
}
