package dev.parity.reports.stats;

import dev.parity.judgments.Outcome;

/**
 * How many judgments a model won, tied and lost, and the rates derived from them.
 *
 * <p>An immutable value, in the manner of Caffeine's {@code CacheStats}: make one with
 * {@link #of}, add with {@link #plus}. Rates of an empty count are {@code NaN}, never a made-up
 * 0 or 1.
 *
 * @param wins judgments the model won, never negative
 * @param ties judgments judged as good as the other side, never negative
 * @param losses judgments the model lost, never negative
 */
public record OutcomeCounts(int wins, int ties, int losses) {

  /** No judgments at all. */
  public static final OutcomeCounts EMPTY = new OutcomeCounts(0, 0, 0);

  /**
   * @throws IllegalArgumentException if a count is negative or the total exceeds
   *     {@link Integer#MAX_VALUE}
   */
  public OutcomeCounts {
    if (wins < 0 || ties < 0 || losses < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: wins " + wins + ", ties " + ties + ", losses " + losses);
    }
    if ((long) wins + ties + losses > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many judgments: " + ((long) wins + ties + losses));
    }
  }

  /** The counts {@code wins, ties, losses}. */
  public static OutcomeCounts of(int wins, int ties, int losses) {
    return new OutcomeCounts(wins, ties, losses);
  }

  /** Counts the given verdicts. */
  public static OutcomeCounts of(Iterable<Outcome> outcomes) {
    int w = 0;
    int t = 0;
    int l = 0;
    for (Outcome outcome : outcomes) {
      switch (outcome) {
        case WIN -> w++;
        case TIE -> t++;
        case LOSS -> l++;
      }
    }
    return new OutcomeCounts(w, t, l);
  }

  /** These counts with {@code other}'s added. */
  public OutcomeCounts plus(OutcomeCounts other) {
    return new OutcomeCounts(wins + other.wins, ties + other.ties, losses + other.losses);
  }

  /** These counts with one more judgment. */
  public OutcomeCounts plus(Outcome outcome) {
    return switch (outcome) {
      case WIN -> new OutcomeCounts(wins + 1, ties, losses);
      case TIE -> new OutcomeCounts(wins, ties + 1, losses);
      case LOSS -> new OutcomeCounts(wins, ties, losses + 1);
    };
  }

  /** All judgments: wins + ties + losses. */
  public int total() {
    return wins + ties + losses;
  }

  /** Judgments that were not ties: wins + losses. */
  public int decisive() {
    return wins + losses;
  }

  /** Wins + ties: the numerator of the win-or-tie rate. */
  public int winsOrTies() {
    return wins + ties;
  }

  /** Wins over all judgments; {@code NaN} when there are none. */
  public double winRate() {
    return ratio(wins, total());
  }

  /** (Wins + ties) over all judgments, the headline figure; {@code NaN} when there are none. */
  public double winOrTieRate() {
    return ratio(winsOrTies(), total());
  }

  /** Wins over decisive judgments (ties dropped); {@code NaN} when all were ties. */
  public double winRateExcludingTies() {
    return ratio(wins, decisive());
  }

  /**
   * GDPval's score: the mean of win = 1, tie = ½, loss = 0 over all judgments; {@code NaN} when
   * there are none.
   */
  public double score() {
    return ratio(wins + 0.5 * ties, total());
  }

  private static double ratio(double numerator, int denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}
