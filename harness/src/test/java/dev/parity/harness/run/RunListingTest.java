package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.tasks.Suite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunListingTest {
  @TempDir Path folder;

  /**
   * The listing reads a few columns per attempt where the summary reads them whole: both must say
   * the same of every run, whatever its attempts cost or how far it got.
   */
  @Test
  void itSaysWhatTheRunsSummarySaysOfEveryRun() {
    Suite suite = TestSuites.write(folder.resolve("suite"), 5);
    ManualClock clock = new ManualClock();
    try (Store store = Store.open(folder.resolve("parity.db"))) {
      // Model a: costs that do not add up exactly in doubles, one answer without a price, one failure.
      Map<String, Double> costs = Map.of("T0001", 0.1, "T0002", 0.2, "T0003", 0.7);
      FakeModelClient a = new FakeModelClient(RunnerTest.model("a", 1)).respond((request, call) -> {
        if (request.taskId().equals("T0005")) {
          throw new RetryableCallException(CallFailure.SERVER_ERROR, "500", null, null);
        }
        return FakeModelClient.answer("memo", FinishReason.COMPLETED, new Usage(100L, 10L, null, null),
            costs.get(request.taskId()));
      });
      FakeModelClient b = new FakeModelClient(RunnerTest.model("b", 1)).respond((request, call) ->
          FakeModelClient.answer("memo " + request.taskId(), FinishReason.COMPLETED, Usage.UNKNOWN, 0.05));
      Runner runner = Runner.builder(store, config -> config.name().equals("a") ? a : b).clock(clock)
          .sleeper(new RecordingSleeper(clock)).build();
      List<dev.parity.harness.client.ModelConfig> models = List.of(RunnerTest.model("a", 1), RunnerTest.model("b", 1));
      runner.run(new RunPlan("paid", suite, models, RunSettings.DEFAULT.withMaxRetries(0)), new RunControl());
      // The same requests again: answered from the cache, which costs nothing.
      runner.run(new RunPlan("cached", suite, models, RunSettings.DEFAULT.withMaxRetries(0)), new RunControl());
      // Stopped before its first call: every attempt still pending.
      RunControl stopped = new RunControl();
      stopped.stop();
      runner.run(new RunPlan("pending", suite, models, RunSettings.DEFAULT), stopped);

      Instant now = clock.instant();
      for (Run run : store.runs()) {
        RunSummary summary = RunSummary.of(store, run.id(), now);
        RunListing listing = RunListing.of(store, run, now);
        assertThat(listing).as(run.id()).isEqualTo(new RunListing(summary.run(), summary.status(), summary.suite(),
            summary.suiteVersion(), summary.attempts().total(), summary.attempts().pending(), summary.costUsd(),
            summary.unknownCost(), summary.possiblyPaid(),
            summary.models().stream().map(RunSummary.ModelSummary::model).toList()));
      }
      RunListing paid = RunListing.of(store, store.findRun("paid").orElseThrow(), now);
      assertThat(paid.attempts()).isEqualTo(10);
      assertThat(paid.pending()).isZero();
      assertThat(paid.unknownCost()).as("model a answered T0004 without a price; T0005 failed, which costs nothing known").isEqualTo(1);
      assertThat(paid.spend().display(2)).isEqualTo("$1.25 + 1 unknown");
      assertThat(paid.models()).containsExactly("a", "b");
      RunListing cached = RunListing.of(store, store.findRun("cached").orElseThrow(), now);
      assertThat(cached.costUsd()).isZero();
      RunListing pending = RunListing.of(store, store.findRun("pending").orElseThrow(), now);
      assertThat(pending.pending()).isEqualTo(10);
      assertThat(pending.status()).startsWith("stopped");
      assertThat(pending.withJudgmentsTakenOver(3).possiblyPaid()).isEqualTo(new RunSummary.PossiblyPaid(0, 3));
    }
  }
}
