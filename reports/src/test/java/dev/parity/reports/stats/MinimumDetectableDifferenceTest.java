package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MinimumDetectableDifferenceTest {

  @Test
  void detectableDifferencesMatchRsExactPowerOfBinomTest() {
    JsonNode ref = References.load("minimum-detectable-difference.json");
    double tolerance = ref.get("tolerance").get("abs").asDouble();
    for (JsonNode c : ref.get("cases")) {
      MinimumDetectableDifference mdd = MinimumDetectableDifference.forTasks(c.get("n").asInt());
      if (c.get("difference").isNull()) {
        assertThat(mdd.difference()).as("n = %d", mdd.tasks()).isNaN();
      } else {
        assertThat(mdd.difference()).as("n = %d", mdd.tasks())
            .isCloseTo(c.get("difference").asDouble(), within(tolerance));
      }
    }
    for (JsonNode c : ref.get("power")) {
      assertThat(MinimumDetectableDifference.exactPower(c.get("n").asInt(), c.get("p").asDouble(), 0.05))
          .isCloseTo(c.get("power").asDouble(), within(tolerance));
    }
  }

  @Test
  void tooFewToTellBelow35TasksAndNeverAbove() {
    // The threshold is where the sawtooth of detectable differences last rises above 0.25.
    assertThat(MinimumDetectableDifference.forTasks(34).difference()).isGreaterThan(0.25);
    for (int n = MinimumDetectableDifference.TOO_FEW_TASKS; n <= 1_000; n++) {
      assertThat(MinimumDetectableDifference.forTasks(n).difference()).as("n = %d", n)
          .isLessThanOrEqualTo(0.25);
    }
    assertThat(MinimumDetectableDifference.forTasks(34).tooFewToTell()).isTrue();
    assertThat(MinimumDetectableDifference.forTasks(35).tooFewToTell()).isFalse();
  }

  @Test
  void fiveTasksCannotDetectAnythingAndSayWhy() {
    MinimumDetectableDifference five = MinimumDetectableDifference.forTasks(5);
    assertThat(five.difference()).isNaN();
    assertThat(five.tooFewToTell()).isTrue();
    assertThat(MinimumDetectableDifference.exactPower(5, 1.0, 0.05)).isZero();
    assertThat(MinimumDetectableDifference.forTasks(0).difference()).isNaN();
  }

  @Test
  void powerAtTheDetectableDifferenceIsEightyPercent() {
    MinimumDetectableDifference mdd = MinimumDetectableDifference.forTasks(200);
    assertThat(MinimumDetectableDifference.exactPower(200, 0.5 + mdd.difference(), 0.05))
        .isCloseTo(0.8, within(1e-9));
    assertThat(MinimumDetectableDifference.exactPower(200, 0.5 - mdd.difference(), 0.05))
        .isCloseTo(0.8, within(1e-9));
    assertThat(mdd.alpha()).isEqualTo(0.05);
    assertThat(mdd.power()).isEqualTo(0.8);
  }
}
