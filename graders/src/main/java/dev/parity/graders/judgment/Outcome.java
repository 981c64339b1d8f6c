package dev.parity.graders.judgment;

import java.util.Locale;
import java.util.Optional;

/** A pairwise verdict from the model's side: its deliverable is better, as good, or worse. */
public enum Outcome {
  WIN(1.0),
  TIE(0.5),
  LOSS(0.0);

  private final double score;

  Outcome(double score) {
    this.score = score;
  }

  /** GDPval's score: win 1, tie ½, loss 0. */
  public double score() {
    return score;
  }

  /** The lower-case name used in files: {@code win}, {@code tie}, {@code loss}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
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
   * {@code as_good}, {@code worse}, in any case.
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
