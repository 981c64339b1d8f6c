package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.TestSuites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {
  @TempDir Path folder;

  @Test
  void aBeatRecordsTheClocksTimeAndABeatThatCannotBeWrittenIsSkipped() {
    ManualClock clock = new ManualClock();
    Duration interval = Duration.ofSeconds(30);
    try (Store store = Store.open(folder.resolve("parity.db"))) {
      store.createRun(Runner.newRun("r1", TestSuites.write(folder.resolve("suite"), 1), RunSettings.DEFAULT,
          List.of(RunnerTest.model("a", 1)), clock.instant(), new Run.Heartbeat(clock.instant(), interval)), List.of());
      // An interval longer than the test, so only the beats the test asks for are written.
      try (Heartbeat heartbeat = Heartbeat.start(store, "r1", clock, Duration.ofDays(1))) {
        clock.advance(Duration.ofMinutes(5));
        heartbeat.beat();
      }
      assertThat(store.findRun("r1").orElseThrow().heartbeat())
          .isEqualTo(new Run.Heartbeat(clock.instant(), interval));

      Heartbeat closedStore = Heartbeat.start(store, "r1", clock, Duration.ofDays(1));
      store.close();
      closedStore.beat();
      closedStore.close();
    }
  }
}
