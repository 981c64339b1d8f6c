package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.judgments.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskBootstrapTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unequal-8-tasks", "2000-small-tasks"})
  void twoStageBootstrapMatchesALiteralResamplingInNumPy(String id) {
    JsonNode ref = caseOf(id);
    List<OutcomeCounts> tasks = new ArrayList<>();
    for (JsonNode task : ref.get("verdicts_per_task")) {
      List<Outcome> verdicts = new ArrayList<>();
      task.forEach(v -> verdicts.add(switch (v.asText()) {
        case "W" -> Outcome.WIN;
        case "T" -> Outcome.TIE;
        default -> Outcome.LOSS;
      }));
      tasks.add(OutcomeCounts.of(verdicts));
    }
    TaskBootstrap bootstrap = TaskBootstrap.twoStage(BootstrapSettings.of(99L));
    check(ref.get("expected").get("win_or_tie"), bootstrap.winOrTieRate(tasks));
    check(ref.get("expected").get("score"), bootstrap.score(tasks));
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndTheSeedIsRecorded() {
    List<OutcomeCounts> tasks = List.of(OutcomeCounts.of(2, 1, 0), OutcomeCounts.of(0, 1, 3),
        OutcomeCounts.of(1, 1, 1), OutcomeCounts.of(4, 0, 1));
    BootstrapSettings settings = BootstrapSettings.of(123L).withResamples(2_000);
    BootstrapInterval first = TaskBootstrap.twoStage(settings).winOrTieRate(tasks);
    BootstrapInterval again = TaskBootstrap.twoStage(settings).winOrTieRate(tasks);
    BootstrapInterval otherSeed = TaskBootstrap.twoStage(settings.withSeed(124L)).winOrTieRate(tasks);
    assertThat(again).isEqualTo(first);
    assertThat(first.settings().seed()).isEqualTo(123L);
    assertThat(first.resampling()).isEqualTo(Resampling.TASKS_THEN_JUDGMENTS);
    assertThat(first.method()).isEqualTo("95% percentile interval (R-7 quantiles) of a bootstrap"
        + " resampling tasks, then judgments within each task; B = 2000, seed 123");
    assertThat(otherSeed.interval()).isNotEqualTo(first.interval());
  }

  @Test
  void resamplingJudgmentsWithinTasksWidensTheIntervalOfASingleTask() {
    // One task: resampling tasks alone always redraws the same task, so it sees no uncertainty;
    // the second stage does.
    List<OutcomeCounts> oneTask = List.of(OutcomeCounts.of(6, 0, 4));
    BootstrapSettings settings = BootstrapSettings.of(5L).withResamples(5_000);
    BootstrapInterval tasksOnly = TaskBootstrap.tasksOnly(settings).winOrTieRate(oneTask);
    BootstrapInterval twoStage = TaskBootstrap.twoStage(settings).winOrTieRate(oneTask);
    assertThat(tasksOnly.low()).isEqualTo(0.6);
    assertThat(tasksOnly.high()).isEqualTo(0.6);
    assertThat(twoStage.standardError()).isCloseTo(Math.sqrt(0.24 / 10), within(0.01));
    assertThat(twoStage.low()).isLessThan(0.4);
  }

  @Test
  void identicalJudgmentsGiveAPointInterval() {
    BootstrapInterval interval = TaskBootstrap.twoStage(BootstrapSettings.of(1L))
        .score(List.of(OutcomeCounts.of(0, 3, 0), OutcomeCounts.of(0, 1, 0)));
    assertThat(interval.estimate()).isEqualTo(0.5);
    assertThat(interval.low()).isEqualTo(0.5);
    assertThat(interval.high()).isEqualTo(0.5);
    assertThat(interval.standardError()).isZero();
  }

  @Test
  void theEstimateWeighsEveryJudgmentOnceAndEmptyTasksAreLeftOut() {
    BootstrapInterval interval = TaskBootstrap.twoStage(BootstrapSettings.of(1L).withResamples(100))
        .winOrTieRate(List.of(OutcomeCounts.of(3, 0, 0), OutcomeCounts.EMPTY, OutcomeCounts.of(0, 0, 1)));
    assertThat(interval.estimate()).isEqualTo(0.75);
  }

  @Test
  void withoutAnyJudgmentThereIsNothingToResample() {
    Function<List<OutcomeCounts>, BootstrapInterval> rate =
        TaskBootstrap.twoStage(BootstrapSettings.of(1L))::winOrTieRate;
    assertThatThrownBy(() -> rate.apply(List.of(OutcomeCounts.EMPTY)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no task has a judgment");
    assertThatThrownBy(() -> TaskBootstrap.tasksOnly(BootstrapSettings.of(1L))
        .mean(List.of(new double[] {1, Double.NaN})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
  }

  @Test
  void settingsRefuseNonsense() {
    assertThatThrownBy(() -> BootstrapSettings.of(1L).withResamples(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
    assertThatThrownBy(() -> BootstrapSettings.of(1L).withLevel(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 1)");
  }

  private static void check(JsonNode expected, BootstrapInterval actual) {
    JsonNode tolerance = expected.get("tolerance");
    assertThat(actual.estimate()).isCloseTo(expected.get("estimate").asDouble(),
        within(tolerance.get("estimate").get("abs").asDouble()));
    assertThat(actual.low()).isCloseTo(expected.get("percentile_lower").asDouble(),
        within(tolerance.get("percentile_lower").get("abs").asDouble()));
    assertThat(actual.high()).isCloseTo(expected.get("percentile_upper").asDouble(),
        within(tolerance.get("percentile_upper").get("abs").asDouble()));
    assertThat(actual.standardError()).isCloseTo(expected.get("standard_error").asDouble(),
        within(tolerance.get("standard_error").get("abs").asDouble()));
  }

  private static JsonNode caseOf(String id) {
    for (JsonNode c : References.load("two-stage-bootstrap.json").get("cases")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException(id);
  }
}
