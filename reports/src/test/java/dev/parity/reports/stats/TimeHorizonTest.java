package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.reports.stats.TimeHorizon.Status;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TimeHorizonTest {

  @Test
  void fitMatchesRsGlmOnGroupedJudgments() {
    JsonNode ref = References.load("time-horizon.json");
    TimeHorizon fit = TimeHorizon.fit(tasks(ref));
    JsonNode expected = ref.get("expected");
    assertThat(fit.status()).isEqualTo(Status.ESTIMATED);
    assertThat(fit.intercept()).isCloseTo(expected.get("intercept").asDouble(), relative(expected, "intercept"));
    assertThat(fit.slope()).isCloseTo(expected.get("slope").asDouble(), relative(expected, "slope"));
    assertThat(fit.horizonMinutes())
        .isCloseTo(expected.get("horizon_minutes").asDouble(), relative(expected, "horizon_minutes"));
    assertThat(fit.lowMinutes()).isEqualTo(fit.horizonMinutes()).isEqualTo(fit.highMinutes());
    assertThat(fit.tasks()).isEqualTo(60);
  }

  @Test
  void bootstrapIntervalMatchesRsTaskBootstrapWithinMonteCarloError() {
    JsonNode ref = References.load("time-horizon.json");
    TimeHorizonInterval interval = TimeHorizon.bootstrap(tasks(ref), BootstrapSettings.of(3L));
    JsonNode expected = ref.get("expected");
    JsonNode tolerance = ref.get("tolerance");
    ConfidenceInterval minutes = interval.minutes().orElseThrow();
    assertThat(minutes.low()).isCloseTo(expected.get("bootstrap_low_minutes").asDouble(),
        within(tolerance.get("bootstrap_low_minutes").get("abs").asDouble()));
    assertThat(minutes.high()).isCloseTo(expected.get("bootstrap_high_minutes").asDouble(),
        within(tolerance.get("bootstrap_high_minutes").get("abs").asDouble()));
    assertThat(minutes.contains(interval.estimate().horizonMinutes())).isTrue();
    assertThat(interval.unfitResamples()).isLessThan(10);
    assertThat(interval.settings().seed()).isEqualTo(3L);
  }

  @Test
  void warmStartedRefitsGiveTheColdStartedIntervalToTenDigits() {
    List<TimedOutcomes> tasks = fadingWithLength(400);
    BootstrapSettings settings = BootstrapSettings.of(5L).withResamples(500);
    assertSameInterval(TimeHorizon.bootstrap(tasks, settings, TimeHorizon.Refit.WARM),
        TimeHorizon.bootstrap(tasks, settings, TimeHorizon.Refit.COLD), 1e-10);
  }

  @Test
  void twoNewtonStepsFromTheFullFitGiveTheFullRefitsIntervalFarBelowItsDisplayedPrecision() {
    // The report shows a horizon in whole minutes or tenths of an hour: 0.4% of it at the coarsest.
    // Two steps agree with refits to convergence to 10⁻⁵ of the endpoint (one step alone moved the
    // 118,800-judgment benchmark's endpoints by up to 1.3%).
    List<TimedOutcomes> tasks = fadingWithLength(400);
    BootstrapSettings settings = BootstrapSettings.of(5L).withResamples(500);
    TimeHorizonInterval steps = TimeHorizon.bootstrap(tasks, settings);
    assertThat(steps).isEqualTo(TimeHorizon.bootstrap(tasks, settings, TimeHorizon.Refit.STEPS));
    assertSameInterval(steps, TimeHorizon.bootstrap(tasks, settings, TimeHorizon.Refit.WARM), 1e-5);
  }

  /** The same estimate and unfit resamples, and interval endpoints within {@code relative} of each other. */
  private static void assertSameInterval(TimeHorizonInterval actual, TimeHorizonInterval expected, double relative) {
    assertThat(actual.estimate()).isEqualTo(expected.estimate());
    assertThat(actual.unfitResamples()).isEqualTo(expected.unfitResamples());
    ConfidenceInterval a = actual.minutes().orElseThrow();
    ConfidenceInterval e = expected.minutes().orElseThrow();
    assertThat(a.low()).isCloseTo(e.low(), within(e.low() * relative));
    assertThat(a.high()).isCloseTo(e.high(), within(e.high() * relative));
  }

  /** The report's shape for one model: tasks of random lengths, a success rate fading with length, 8 judgments each. */
  private static List<TimedOutcomes> fadingWithLength(int count) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    List<TimedOutcomes> tasks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      double minutes = Math.exp(random.nextDouble(Math.log(30), Math.log(1200)));
      double p = 0.7 - 0.08 * Math.log(minutes / 120);
      int wins = 0;
      int losses = 0;
      for (int j = 0; j < 8; j++) {
        if (random.nextDouble() < p) {
          wins++;
        } else {
          losses++;
        }
      }
      tasks.add(timed(minutes, wins, 0, losses));
    }
    return tasks;
  }

  @Test
  void lengthsThatSplitWinsFromLossesGiveABracketNotAnEstimate() {
    // Up to 60 minutes the model always wins or ties; from 120 minutes on it always loses.
    TimeHorizon fit = TimeHorizon.fit(List.of(
        timed(15, 2, 0, 0), timed(30, 1, 1, 0), timed(60, 0, 3, 0),
        timed(120, 0, 0, 2), timed(480, 0, 0, 1)));
    assertThat(fit.status()).isEqualTo(Status.SEPARATED);
    assertThat(fit.slope()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(fit.horizonMinutes()).isNaN();
    assertThat(fit.lowMinutes()).isCloseTo(60, within(1e-9));
    assertThat(fit.highMinutes()).isCloseTo(120, within(1e-9));
  }

  @Test
  void aModelThatNeverLosesHasAHorizonBeyondTheLongestTask() {
    TimeHorizon fit = TimeHorizon.fit(List.of(timed(10, 1, 0, 0), timed(600, 0, 2, 0)));
    assertThat(fit.status()).isEqualTo(Status.SEPARATED);
    assertThat(fit.lowMinutes()).isCloseTo(600, within(1e-9));
    assertThat(fit.highMinutes()).isInfinite();
  }

  @Test
  void aModelThatAlwaysLosesHasAHorizonBelowTheShortestTask() {
    TimeHorizon fit = TimeHorizon.fit(List.of(timed(10, 0, 0, 1), timed(600, 0, 0, 2)));
    assertThat(fit.status()).isEqualTo(Status.SEPARATED);
    assertThat(fit.lowMinutes()).isZero();
    assertThat(fit.highMinutes()).isCloseTo(10, within(1e-9));
  }

  @Test
  void aModelBetterOnLongerTasksIsSeparatedWithAnInfinitePositiveSlope() {
    TimeHorizon fit = TimeHorizon.fit(List.of(timed(10, 0, 0, 2), timed(600, 3, 0, 0)));
    assertThat(fit.status()).isEqualTo(Status.SEPARATED);
    assertThat(fit.slope()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(fit.lowMinutes()).isCloseTo(10, within(1e-9));
    assertThat(fit.highMinutes()).isCloseTo(600, within(1e-9));
  }

  @Test
  void tasksOfOneLengthCannotGiveASlope() {
    TimeHorizon fit = TimeHorizon.fit(List.of(timed(45, 3, 0, 1), timed(45, 1, 1, 1)));
    assertThat(fit.status()).isEqualTo(Status.ONE_LENGTH);
    // Five of seven won or tied at 45 minutes: the 50% point is at 45 minutes or beyond.
    assertThat(fit.lowMinutes()).isCloseTo(45, within(1e-9));
    assertThat(fit.highMinutes()).isInfinite();
  }

  @Test
  void bootstrapOfSeparatedDataHasNoInterval() {
    TimeHorizonInterval interval = TimeHorizon.bootstrap(
        List.of(timed(10, 1, 0, 0), timed(20, 1, 0, 0), timed(600, 0, 0, 2)),
        BootstrapSettings.of(1L).withResamples(200));
    assertThat(interval.minutes()).isEmpty();
    assertThat(interval.unfitResamples()).isEqualTo(200);
  }

  @Test
  void tasksWithoutJudgmentsAreLeftOutAndNoJudgmentAtAllIsAnError() {
    TimeHorizon with = TimeHorizon.fit(List.of(timed(10, 2, 0, 1), timed(100, 1, 0, 2),
        timed(1000, 0, 0, 0)));
    assertThat(with.tasks()).isEqualTo(2);
    assertThatThrownBy(() -> TimeHorizon.fit(List.of(timed(10, 0, 0, 0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no task has a judgment");
    assertThatThrownBy(() -> new TimedOutcomes(0, OutcomeCounts.EMPTY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  private static Offset<Double> relative(JsonNode expected, String key) {
    return within(Math.abs(expected.get(key).asDouble()) * 1e-8);
  }

  private static TimedOutcomes timed(double minutes, int wins, int ties, int losses) {
    return new TimedOutcomes(minutes, OutcomeCounts.of(wins, ties, losses));
  }

  private static List<TimedOutcomes> tasks(JsonNode ref) {
    int[] minutes = References.ints(ref.get("minutes"));
    int[] judgments = References.ints(ref.get("judgments"));
    int[] successes = References.ints(ref.get("wins_or_ties"));
    List<TimedOutcomes> tasks = new ArrayList<>();
    for (int i = 0; i < minutes.length; i++) {
      // Wins and ties count alike here; which of the two a success was does not matter.
      tasks.add(timed(minutes[i], successes[i], 0, judgments[i] - successes[i]));
    }
    return tasks;
  }
}
