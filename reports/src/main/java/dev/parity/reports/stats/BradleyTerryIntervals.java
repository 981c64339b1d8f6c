package dev.parity.reports.stats;

import java.util.Map;

/**
 * Bradley–Terry ratings with task-bootstrap percentile intervals.
 *
 * <p>A resample whose data cannot be fitted (some player undefeated, or cut off from the anchor,
 * in that resample) has no ratings; it is left out and counted in {@link #unfitResamples()}. The
 * intervals are then conditional on the fitted resamples: when many are left out, the true
 * uncertainty is larger than the intervals say (typically a player close to undefeated, whose
 * upper bound is really unbounded).
 *
 * @param estimate the ratings fitted on all data
 * @param intervals per player: the estimate, its percentile interval and bootstrap standard
 *     error, with the settings; the anchor's interval is the point itself
 * @param unfitResamples how many resamples could not be fitted and were left out
 */
public record BradleyTerryIntervals(
    BradleyTerryRatings estimate, Map<String, BootstrapInterval> intervals, int unfitResamples) {

  public BradleyTerryIntervals {
    intervals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intervals));
  }

  /**
   * The interval of {@code player}.
   *
   * @throws IllegalArgumentException if the player was not rated
   */
  public BootstrapInterval interval(String player) {
    BootstrapInterval interval = intervals.get(player);
    if (interval == null) {
      throw new IllegalArgumentException(
          "no rating for '" + player + "'; rated players: " + intervals.keySet());
    }
    return interval;
  }
}
