package dev.parity.graders.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkTimeTest {
  static final Instant T0 = Instant.parse("2025-06-01T09:00:00Z");

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void pausesAreRecordedAndLeftOutOfTheActiveTime() {
    WorkTime time = WorkTime.NOT_STARTED.start(at(0)).pause(at(10)).resume(at(40)).pause(at(45)).resume(at(50));

    assertThat(time.status()).isEqualTo(WorkStatus.RUNNING);
    assertThat(time.pauses()).isEqualTo(2);
    assertThat(time.active(at(55))).isEqualTo(Duration.ofMinutes(20));
    WorkTime submitted = time.submit(at(60));
    assertThat(submitted.activeBefore()).isEqualTo(Duration.ofMinutes(25));
    assertThat(submitted.active(at(500))).as("the clock stops at Submit").isEqualTo(Duration.ofMinutes(25));
    assertThat(submitted.startedAt()).isEqualTo(at(0));
  }

  @Test
  void theClockRunsOnWhileTheTabIsClosedBecauseNothingButPauseStopsIt() {
    WorkTime started = WorkTime.NOT_STARTED.start(at(0));

    // No event between: the professional closed the tab at minute 5 and came back at minute 90.
    assertThat(started.active(at(90))).isEqualTo(Duration.ofMinutes(90));
    assertThat(started.submit(at(90)).activeBefore()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void aRepeatedClickOrASecondTabChangesNothing() {
    WorkTime running = WorkTime.NOT_STARTED.start(at(0));
    assertThat(running.start(at(5))).isSameAs(running);
    assertThat(running.resume(at(5))).isSameAs(running);
    WorkTime paused = running.pause(at(10));
    assertThat(paused.pause(at(20))).isSameAs(paused);
    assertThat(paused.active(at(30))).isEqualTo(Duration.ofMinutes(10));
    WorkTime submitted = paused.submit(at(30));
    assertThat(submitted.submit(at(40))).isSameAs(submitted);
    assertThat(submitted.resume(at(40))).isSameAs(submitted);
    assertThat(submitted.activeBefore()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void workNotStartedCannotBeSubmittedAndAClockGoingBackAddsNothing() {
    assertThatThrownBy(() -> WorkTime.NOT_STARTED.submit(at(1))).isInstanceOf(IllegalStateException.class);
    WorkTime running = WorkTime.NOT_STARTED.start(at(10));
    assertThat(running.active(at(5))).isEqualTo(Duration.ZERO);
  }
}
