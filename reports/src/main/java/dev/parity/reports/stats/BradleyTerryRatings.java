package dev.parity.reports.stats;

import java.util.Map;

/**
 * Bradley–Terry ratings on the Elo scale: a player rated 400 points above another is expected
 * to beat it 10 times for each loss (P = 1/(1 + 10^((Rⱼ − Rᵢ)/400))), and the anchor (the human
 * baseline) is at {@code anchorRating}.
 *
 * @param anchor the player whose rating is fixed
 * @param anchorRating its rating, 1000 by default
 * @param ratings every player's rating, in the order players first appeared
 * @param judgments the number of comparisons fitted
 */
public record BradleyTerryRatings(
    String anchor, double anchorRating, Map<String, Double> ratings, long judgments) {

  public BradleyTerryRatings {
    ratings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ratings));
  }

  /**
   * The rating of {@code player}.
   *
   * @throws IllegalArgumentException if the player was not rated
   */
  public double rating(String player) {
    Double rating = ratings.get(player);
    if (rating == null) {
      throw new IllegalArgumentException(
          "no rating for '" + player + "'; rated players: " + ratings.keySet());
    }
    return rating;
  }

  /** The probability that {@code player} beats {@code opponent} (ties as half), by the model. */
  public double winProbability(String player, String opponent) {
    return 1 / (1 + Math.pow(10, (rating(opponent) - rating(player)) / 400));
  }
}
