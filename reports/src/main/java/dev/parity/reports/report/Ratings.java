package dev.parity.reports.report;

import dev.parity.graders.judgment.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.BootstrapInterval;
import dev.parity.reports.stats.BradleyTerry;
import dev.parity.reports.stats.BradleyTerryIntervals;
import dev.parity.reports.stats.Comparisons;
import dev.parity.reports.stats.UnableToFitException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bradley–Terry ratings of the models and the professionals' baseline. */
final class Ratings {
  private Ratings() {}

  /**
   * The ratings with their intervals, best first, and how they were fitted.
   *
   * @param ratings empty when they could not be fitted
   */
  record Fitted(List<Rating> ratings, RatingsFit fit) {}

  static Fitted compute(List<Judgment> judgments, ReportSettings settings) {
    Comparisons.Builder builder = Comparisons.builder();
    for (Judgment j : judgments) {
      builder.add(j.taskId(), j.model(), j.opponent(), j.outcome());
    }
    Comparisons comparisons = builder.build();
    int resamples = settings.refitResamples();
    if (!comparisons.players().contains(Judgment.BASELINE)) {
      return new Fitted(List.of(), new RatingsFit(Judgment.BASELINE, BradleyTerry.DEFAULT_ANCHOR_RATING,
          comparisons.judgments(), resamples, 0,
          "no judgment against the professionals' baseline, which anchors the scale", List.of()));
    }
    try {
      BradleyTerryIntervals fitted = BradleyTerry.bootstrap(comparisons, Judgment.BASELINE, settings.refit());
      List<Rating> ratings = new ArrayList<>();
      fitted.intervals().forEach((player, interval) -> ratings.add(rating(player, interval)));
      ratings.sort(Comparator.comparingDouble(Rating::rating).reversed().thenComparing(Rating::player));
      return new Fitted(ratings, new RatingsFit(Judgment.BASELINE, fitted.estimate().anchorRating(),
          comparisons.judgments(), resamples, fitted.unfitResamples(), null, List.of()));
    } catch (UnableToFitException e) {
      return new Fitted(List.of(), new RatingsFit(Judgment.BASELINE, BradleyTerry.DEFAULT_ANCHOR_RATING,
          comparisons.judgments(), resamples, 0, e.getMessage(), e.players()));
    }
  }

  private static Rating rating(String player, BootstrapInterval interval) {
    boolean bounded = Double.isFinite(interval.low()) && Double.isFinite(interval.high());
    return new Rating(player, interval.estimate(), bounded ? interval.low() : null,
        bounded ? interval.high() : null);
  }
}
