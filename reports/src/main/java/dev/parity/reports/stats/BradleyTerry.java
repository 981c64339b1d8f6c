package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bradley–Terry ratings of models and the human baseline from pairwise judgments, on the Elo
 * scale with the baseline anchored (at 1000 by default); ties count as half a win to each side.
 *
 * <p>The fit is the maximum-likelihood estimate by Newton's method on the matrix of pairwise
 * wins, so its cost depends on the number of players, not of judgments: for 50 players it takes
 * about a millisecond, and aggregating 100,000 judgments into {@link Comparisons} a fifth of a
 * second (see benchmarks/README.md). Before fitting, the data are checked: when the comparison graph
 * is not connected, or some player (or group) never lost — or never won — against the others,
 * the ratings would be undefined or infinite, and the fit is refused with an {@link
 * UnableToFitException} naming the players, rather than returning a huge finite number as a
 * naive optimiser does. Checked against R's {@code BradleyTerry2} and {@code glm} in {@code
 * stats-vectors.json}.
 */
public final class BradleyTerry {
  /** The anchor's rating unless told otherwise. */
  public static final double DEFAULT_ANCHOR_RATING = 1000;

  private static final double ELO_PER_LOGIT = 400 / Math.log(10);

  private BradleyTerry() {}

  /** Fits ratings with {@code anchor} at 1000; see {@link #fit(Comparisons, String, double)}. */
  public static BradleyTerryRatings fit(Comparisons comparisons, String anchor) {
    return fit(comparisons, anchor, DEFAULT_ANCHOR_RATING);
  }

  /**
   * Fits ratings with {@code anchor} at {@code anchorRating}.
   *
   * @throws IllegalArgumentException if the anchor is not among the players
   * @throws UnableToFitException if the data cannot determine every rating (see the class
   *     comment); the message names the players concerned
   */
  public static BradleyTerryRatings fit(
      Comparisons comparisons, String anchor, double anchorRating) {
    int a = anchorIndex(comparisons, anchor);
    PairwiseMatrix matrix = comparisons.total();
    UnableToFitException problem = BradleyTerryModel.problem(matrix, a, comparisons.players());
    if (problem != null) {
      throw problem;
    }
    return ratings(comparisons, anchor, anchorRating, BradleyTerryModel.fit(matrix, a, null));
  }

  /**
   * Fits ratings with {@code anchor} at 1000, with percentile intervals from a bootstrap that
   * resamples tasks (each with all its comparisons) and refits; see {@link BradleyTerryIntervals}
   * for resamples that cannot be fitted. Costs {@code settings.resamples()} fits: 1,000
   * resamples are usually enough for ratings.
   *
   * @throws IllegalArgumentException if the anchor is not among the players
   * @throws UnableToFitException if the data as observed cannot be fitted
   */
  public static BradleyTerryIntervals bootstrap(
      Comparisons comparisons, String anchor, BootstrapSettings settings) {
    BradleyTerryRatings estimate = fit(comparisons, anchor, DEFAULT_ANCHOR_RATING);
    int a = anchorIndex(comparisons, anchor);
    List<String> players = comparisons.players();
    int p = players.size();
    double[] start = new double[p];
    for (int i = 0; i < p; i++) {
      start[i] = (estimate.rating(players.get(i)) - DEFAULT_ANCHOR_RATING) / ELO_PER_LOGIT;
    }
    int tasks = comparisons.tasks().size();
    double[][] replicates = new double[p][settings.resamples()];
    int fitted = 0;
    int[] copies = new int[tasks];
    Draws draws = new Draws(settings.seed());
    for (int b = 0; b < settings.resamples(); b++) {
      Arrays.fill(copies, 0);
      draws.count(copies);
      PairwiseMatrix matrix = comparisons.sum(copies);
      if (BradleyTerryModel.problem(matrix, a, players) != null) {
        continue;
      }
      double[] beta = BradleyTerryModel.fit(matrix, a, start);
      for (int i = 0; i < p; i++) {
        replicates[i][fitted] = DEFAULT_ANCHOR_RATING + ELO_PER_LOGIT * beta[i];
      }
      fitted++;
    }
    Map<String, BootstrapInterval> intervals = new LinkedHashMap<>();
    for (int i = 0; i < p; i++) {
      double rating = estimate.rating(players.get(i));
      ConfidenceInterval interval;
      double se;
      if (fitted == 0) {
        interval = new ConfidenceInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            settings.level());
        se = Double.NaN;
      } else {
        double[] sorted = Arrays.copyOf(replicates[i], fitted);
        Arrays.sort(sorted);
        interval = Quantiles.percentileInterval(sorted, settings.level());
        se = TaskBootstrap.standardDeviation(sorted);
      }
      intervals.put(players.get(i),
          new BootstrapInterval(rating, interval, se, Resampling.TASKS, settings));
    }
    return new BradleyTerryIntervals(estimate, intervals, settings.resamples() - fitted);
  }

  private static int anchorIndex(Comparisons comparisons, String anchor) {
    int a = comparisons.players().indexOf(anchor);
    if (a < 0) {
      throw new IllegalArgumentException("the anchor '" + anchor
          + "' has no comparison; players compared: " + comparisons.players());
    }
    return a;
  }

  private static BradleyTerryRatings ratings(
      Comparisons comparisons, String anchor, double anchorRating, double[] beta) {
    Map<String, Double> ratings = new LinkedHashMap<>();
    List<String> players = comparisons.players();
    for (int i = 0; i < players.size(); i++) {
      ratings.put(players.get(i), anchorRating + ELO_PER_LOGIT * beta[i]);
    }
    return new BradleyTerryRatings(anchor, anchorRating, ratings, comparisons.judgments());
  }
}
