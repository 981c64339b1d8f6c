package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.judgments.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

  @Test
  void ratingsOfAnIncompleteTenPlayerDesignMatchRsGlm() {
    JsonNode ref = References.load("bradley-terry-glm.json");
    Comparisons.Builder builder = Comparisons.builder();
    for (JsonNode pair : ref.get("pairs")) {
      builder.add("task", pair.get(0).asText(), pair.get(1).asText(),
          OutcomeCounts.of(pair.get(2).asInt(), pair.get(3).asInt(), pair.get(4).asInt()));
    }
    BradleyTerryRatings ratings = BradleyTerry.fit(builder.build(), "human");
    double tolerance = ref.get("tolerance").get("abs").asDouble();
    for (Map.Entry<String, JsonNode> player : ref.get("expected").properties()) {
      assertThat(ratings.rating(player.getKey())).as(player.getKey())
          .isCloseTo(player.getValue().asDouble(), within(tolerance));
    }
  }

  @Test
  void tiesCountAsHalfAWinToEachSide() {
    // 2 wins, 2 ties, 0 losses = 3 of 4 = the same as 3 wins and 1 loss.
    BradleyTerryRatings withTies = BradleyTerry.fit(Comparisons.builder()
        .add("t1", "model", "human", OutcomeCounts.of(2, 2, 0)).build(), "human");
    BradleyTerryRatings withoutTies = BradleyTerry.fit(Comparisons.builder()
        .add("t1", "model", "human", OutcomeCounts.of(3, 0, 1)).build(), "human");
    assertThat(withTies.rating("model")).isCloseTo(withoutTies.rating("model"), within(1e-9));
    // Elo: winning 3 of 4 is 400·log10(3) above the anchor.
    assertThat(withTies.rating("model")).isCloseTo(1000 + 400 * Math.log10(3), within(1e-9));
    assertThat(withTies.winProbability("model", "human")).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void judgmentsFromEitherSideAddUp() {
    Comparisons comparisons = Comparisons.builder()
        .add("t1", "model", "human", Outcome.WIN)
        .add("t1", "human", "model", Outcome.LOSS)
        .add("t2", "human", "model", Outcome.WIN)
        .build();
    assertThat(comparisons.players()).containsExactly("model", "human");
    assertThat(comparisons.tasks()).containsExactly("t1", "t2");
    assertThat(comparisons.judgments()).isEqualTo(3);
    assertThat(BradleyTerry.fit(comparisons, "human").rating("model"))
        .isCloseTo(1000 + 400 * Math.log10(2), within(1e-9));
  }

  @Test
  void theAnchorGetsTheRatingAskedFor() {
    Comparisons comparisons = Comparisons.builder()
        .add("t", "a", "human", OutcomeCounts.of(1, 0, 1)).build();
    assertThat(BradleyTerry.fit(comparisons, "human", 1500).rating("human")).isEqualTo(1500);
  }

  @Test
  void anUnknownAnchorOrPlayerIsNamed() {
    Comparisons comparisons = Comparisons.builder()
        .add("t", "a", "b", OutcomeCounts.of(1, 0, 1)).build();
    assertThatThrownBy(() -> BradleyTerry.fit(comparisons, "human"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'human'").hasMessageContaining("[a, b]");
    assertThatThrownBy(() -> BradleyTerry.fit(comparisons, "a").rating("c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
    assertThatThrownBy(() -> Comparisons.builder().add("t", "a", "a", Outcome.WIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
  }

  @Test
  void aPlayerWhoLostEverythingIsNamedInTheRefusal() {
    Comparisons comparisons = Comparisons.builder()
        .add("t", "weak", "human", OutcomeCounts.of(0, 0, 4))
        .add("t", "fair", "human", OutcomeCounts.of(2, 1, 2))
        .build();
    assertThatThrownBy(() -> BradleyTerry.fit(comparisons, "human"))
        .isInstanceOf(UnableToFitException.class)
        .hasMessageContaining("'weak' lost every one of its 4 comparisons")
        .satisfies(e -> assertThat(((UnableToFitException) e).players()).containsExactly("weak"));
  }

  @Test
  void aGroupThatNeverLostToTheOthersIsNamed() {
    Comparisons comparisons = Comparisons.builder()
        .add("t", "a", "human", OutcomeCounts.of(3, 0, 0))
        .add("t", "b", "human", OutcomeCounts.of(2, 0, 0))
        .add("t", "a", "b", OutcomeCounts.of(1, 0, 1))
        .build();
    assertThatThrownBy(() -> BradleyTerry.fit(comparisons, "human"))
        .isInstanceOf(UnableToFitException.class)
        .hasMessageContaining("a, b never lost to a player outside their group");
  }

  @Test
  void oneTieIsEnoughForARatingToExist() {
    // The human's tie with b is half a win over b: b is no longer beyond the others' reach.
    Comparisons comparisons = Comparisons.builder()
        .add("t", "a", "human", OutcomeCounts.of(3, 0, 0))
        .add("t", "b", "human", OutcomeCounts.of(1, 1, 0))
        .add("t", "a", "b", OutcomeCounts.of(1, 0, 1))
        .build();
    assertThat(BradleyTerry.fit(comparisons, "human").rating("b")).isGreaterThan(1000);
  }

  @Test
  void bootstrapOverTasksIsReproducibleAndCoversTheEstimate() {
    Comparisons.Builder builder = Comparisons.builder();
    for (int t = 0; t < 40; t++) {
      builder.add("task " + t, "strong", "human", t % 4 == 0 ? Outcome.LOSS : Outcome.WIN)
          .add("task " + t, "weak", "human", t % 3 == 0 ? Outcome.WIN : Outcome.LOSS)
          .add("task " + t, "strong", "weak", t % 5 == 0 ? Outcome.TIE : Outcome.WIN);
    }
    Comparisons comparisons = builder.build();
    BootstrapSettings settings = BootstrapSettings.of(17L).withResamples(500);
    BradleyTerryIntervals intervals = BradleyTerry.bootstrap(comparisons, "human", settings);
    assertThat(BradleyTerry.bootstrap(comparisons, "human", settings)).isEqualTo(intervals);
    assertThat(intervals.interval("human").interval())
        .isEqualTo(new ConfidenceInterval(1000, 1000, 0.95));
    for (String player : new String[] {"strong", "weak"}) {
      BootstrapInterval interval = intervals.interval(player);
      assertThat(interval.interval().contains(interval.estimate())).as(player).isTrue();
      assertThat(interval.high() - interval.low()).as(player).isGreaterThan(50);
      assertThat(interval.resampling()).isEqualTo(Resampling.TASKS);
    }
    assertThat(intervals.estimate().rating("strong")).isGreaterThan(intervals.estimate().rating("weak"));
  }

  @Test
  void resamplesThatCannotBeFittedAreCountedNotHidden() {
    // "rare" has one loss in 6 tasks: resamples missing that task leave it undefeated.
    Comparisons.Builder builder = Comparisons.builder();
    for (int t = 0; t < 6; t++) {
      builder.add("task " + t, "rare", "human", t == 0 ? Outcome.LOSS : Outcome.WIN)
          .add("task " + t, "other", "human", t % 2 == 0 ? Outcome.WIN : Outcome.LOSS);
    }
    BradleyTerryIntervals intervals = BradleyTerry.bootstrap(builder.build(), "human",
        BootstrapSettings.of(2L).withResamples(1_000));
    // P(task 0 not drawn in 6 draws) = (5/6)^6 ≈ 0.33.
    assertThat(intervals.unfitResamples()).isBetween(250, 420);
  }
}
