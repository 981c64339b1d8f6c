package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.judgments.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bradley–Terry ratings against R's BradleyTerry2 and glm, including the fits to refuse. */
class BradleyTerryVectorsTest {
  private static final double ELO_PER_LOGIT = 400 / Math.log(10);

  static List<StatsVectors.Case> cases() {
    return StatsVectors.cases("bradley_terry");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ratingsMatchRAndUnfittableDataIsRefused(StatsVectors.Case c) {
    String anchor = c.parameters.get("anchor").asText();
    double anchorRating = c.parameters.get("anchor_rating").asDouble();
    Comparisons comparisons = comparisons(c.input.get("pairs"), false);
    StatsVectors.Expectations e = c.expect();
    if (c.expected.has("identifiable")) {
      UnableToFitException refused = catchThrowableOfType(UnableToFitException.class,
          () -> BradleyTerry.fit(comparisons, anchor, anchorRating));
      assertThat(refused).as(c.id + " must be refused").isNotNull();
      assertThat(refused.players()).isNotEmpty().doesNotContain(anchor);
      assertThat(refused.getMessage()).contains(refused.players());
      e.check("identifiable", false).verify();
      return;
    }
    BradleyTerryRatings ratings = BradleyTerry.fit(comparisons, anchor, anchorRating);
    e.check("n_comparisons", ratings.judgments());
    for (String player : comparisons.players()) {
      e.check("elo." + player, ratings.rating(player))
          .check("beta_natural." + player, (ratings.rating(player) - anchorRating) / ELO_PER_LOGIT);
    }
    e.skip("elo_se_fisher", "model-based standard errors treat judgments as independent; the"
            + " report's intervals come from the task bootstrap")
        .skip("elo_se_sandwich_hc0", "as elo_se_fisher; the task bootstrap is checked against it"
            + " below where the case gives a target");
    if (c.expected.has("bootstrap_se_target")) {
      // The target is for resampling single comparisons: make each comparison its own task.
      BradleyTerryIntervals intervals = BradleyTerry.bootstrap(
          comparisons(c.input.get("pairs"), true), anchor,
          BootstrapSettings.of(20241101L).withResamples(2000));
      assertThat(intervals.unfitResamples()).isZero();
      for (String player : comparisons.players()) {
        e.check("bootstrap_se_target." + player, intervals.interval(player).standardError());
      }
    }
    e.verify();
  }

  /** Pairs [i, j, wins of i, ties, wins of j]; all on one task, or one task per comparison. */
  private static Comparisons comparisons(JsonNode pairs, boolean taskPerComparison) {
    Comparisons.Builder builder = Comparisons.builder();
    int task = 0;
    for (JsonNode pair : pairs) {
      String i = pair.get(0).asText();
      String j = pair.get(1).asText();
      int[] counts = {pair.get(2).asInt(), pair.get(3).asInt(), pair.get(4).asInt()};
      Outcome[] outcomes = {Outcome.WIN, Outcome.TIE, Outcome.LOSS};
      for (int k = 0; k < 3; k++) {
        for (int n = 0; n < counts[k]; n++) {
          builder.add(taskPerComparison ? "comparison " + task++ : "all", i, j, outcomes[k]);
        }
      }
    }
    return builder.build();
  }
}
