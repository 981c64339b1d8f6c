package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The length-controlled score, on simulated judges and against SciPy. */
class LengthControlTest {
  private static final List<String> LENGTH = List.of("length");
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(1_000, 0.95, 20_261_205L);

  @Test
  void matchesScipysFitOfTheSamePenalisedModel() {
    JsonNode ref = References.load("length-control.json");
    List<String> covariates = new ArrayList<>();
    ref.get("covariates").forEach(c -> covariates.add(c.asText()));
    List<LengthControl.Judged> judged = new ArrayList<>();
    for (JsonNode j : ref.get("judgments")) {
      double[] differences = new double[covariates.size()];
      for (int c = 0; c < differences.length; c++) {
        differences[c] = j.get("differences").get(c).asDouble();
      }
      judged.add(new LengthControl.Judged(j.get("task").asText(), j.get("score").asDouble(), differences));
    }

    LengthControlled fit = LengthControl.estimate(covariates, judged, Weighting.TASK, SETTINGS.withResamples(10));

    JsonNode expected = ref.get("expected");
    double tolerance = ref.get("tolerance").get("abs").asDouble();
    assertThat(fit.rawScore()).isCloseTo(expected.get("raw_score").asDouble(), within(1e-12));
    assertThat(fit.score()).isCloseTo(expected.get("score").asDouble(), within(tolerance));
    assertThat(fit.slopes()).containsOnlyKeys("length", "tables");
    assertThat(fit.slopes().get("length")).isCloseTo(expected.get("slopes").get("length").asDouble(), within(tolerance));
    assertThat(fit.slopes().get("tables")).isCloseTo(expected.get("slopes").get("tables").asDouble(), within(tolerance));
    assertThat(fit.tasks()).isEqualTo(40);
  }

  /**
   * 120 tasks; the model's deliverable is longer than the professional's on about 80% of them
   * (log length ratio drawn from N(0.4, 0.5)); three graders per task.
   */
  private static double[] lengthDifferences(long seed) {
    Random random = new Random(seed);
    double[] differences = new double[120];
    for (int t = 0; t < differences.length; t++) {
      differences[t] = 0.4 + 0.5 * random.nextGaussian();
    }
    return differences;
  }

  @Test
  void aJudgeThatAlwaysPicksTheLongerDeliverableScoresHighRawButAtChanceUnderLengthControl() {
    List<LengthControl.Judged> judged = new ArrayList<>();
    double[] differences = lengthDifferences(11);
    for (int t = 0; t < differences.length; t++) {
      for (int grader = 0; grader < 3; grader++) {
        judged.add(new LengthControl.Judged("t" + t, differences[t] > 0 ? 1 : 0, new double[] {differences[t]}));
      }
    }

    LengthControlled fit = LengthControl.estimate(LENGTH, judged, Weighting.TASK, SETTINGS);

    assertThat(fit.rawScore()).isGreaterThan(0.7);
    assertThat(fit.ci().contains(0.5)).as("interval %s", fit.ci()).isTrue();
    assertThat(fit.score()).isBetween(0.35, 0.65);
    assertThat(fit.slopes().get("length")).isGreaterThan(2);
    assertThat(fit.unfitResamples()).isZero();
  }

  @Test
  void aModelThatIsBetterWhateverItsLengthKeepsItsLeadUnderLengthControl() {
    Random random = new Random(12);
    List<LengthControl.Judged> judged = new ArrayList<>();
    double[] differences = lengthDifferences(13);
    for (int t = 0; t < differences.length; t++) {
      for (int grader = 0; grader < 3; grader++) {
        // Wins 75% of the time, whatever the lengths.
        judged.add(new LengthControl.Judged("t" + t, random.nextDouble() < 0.75 ? 1 : 0, new double[] {differences[t]}));
      }
    }

    LengthControlled fit = LengthControl.estimate(LENGTH, judged, Weighting.TASK, SETTINGS);

    assertThat(fit.ci().low()).isGreaterThan(0.5);
    assertThat(fit.score()).isCloseTo(fit.rawScore(), within(0.08));
  }

  @Test
  void theOrderOfTheJudgmentsChangesNothing() {
    Random random = new Random(14);
    List<LengthControl.Judged> judged = new ArrayList<>();
    double[] differences = lengthDifferences(15);
    for (int t = 0; t < 30; t++) {
      for (int grader = 0; grader < 2; grader++) {
        judged.add(new LengthControl.Judged("t" + t, random.nextInt(3) / 2.0, new double[] {differences[t], t % 3}));
      }
    }
    List<LengthControl.Judged> shuffled = new ArrayList<>(judged);
    Collections.shuffle(shuffled, new Random(16));
    List<String> names = List.of("length", "tables");

    LengthControlled inOrder = LengthControl.estimate(names, judged, Weighting.TASK, SETTINGS.withResamples(200));
    LengthControlled reordered = LengthControl.estimate(names, shuffled, Weighting.TASK, SETTINGS.withResamples(200));

    assertThat(reordered.score()).isEqualTo(inOrder.score());
    assertThat(reordered.ci()).isEqualTo(inOrder.ci());
    assertThat(reordered.slopes()).isEqualTo(inOrder.slopes());
  }

  @Test
  void allWinsScoreOneAndACovariateThatNeverVariesIsLeftOut() {
    List<LengthControl.Judged> judged = List.of(
        new LengthControl.Judged("a", 1, new double[] {0.5, 1}),
        new LengthControl.Judged("b", 1, new double[] {-0.2, 1}),
        new LengthControl.Judged("c", 1, new double[] {0.1, 1}));

    LengthControlled fit = LengthControl.estimate(List.of("length", "files"), judged, Weighting.TASK, SETTINGS);

    assertThat(fit.score()).isEqualTo(1);
    assertThat(fit.ci().low()).isEqualTo(1);
    assertThat(fit.slopes()).containsOnlyKeys("length");
  }
}
