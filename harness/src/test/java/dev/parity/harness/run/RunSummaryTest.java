package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.tasks.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
  @TempDir Path folder;

  @Test
  void itCountsStatusesTokensCostRetriesAndErrorsPerModel() {
    Suite suite = TestSuites.write(folder.resolve("suite"), 4);
    ManualClock clock = new ManualClock();
    try (Store store = Store.open(folder.resolve("parity.db"))) {
      FakeModelClient fake = new FakeModelClient(RunnerTest.model("a", 1)).respond((request, call) -> {
        switch (request.taskId()) {
          case "T0001":
            if (call == 1) {
              throw new RetryableCallException(CallFailure.RATE_LIMITED, "429", Duration.ofSeconds(1), null);
            }
            return answer(100, 0.01, "end_turn");
          case "T0002":
            throw new RetryableCallException(CallFailure.SERVER_ERROR, "500", null, null);
          case "T0003":
            return answer(300, 0.03, null);
          default:
            return FakeModelClient.answer("no", FinishReason.REFUSED, Usage.UNKNOWN, null);
        }
      });
      Runner runner = Runner.builder(store, config -> fake).clock(clock)
          .sleeper(new RecordingSleeper(clock)).build();
      runner.run(new RunPlan("r1", suite, List.of(RunnerTest.model("a", 1)),
          RunSettings.DEFAULT.withMaxRetries(1)), new RunControl());

      RunSummary summary = RunSummary.of(store, "r1", clock.instant());

      assertThat(summary.run()).isEqualTo("r1");
      assertThat(summary.status()).isEqualTo("completed");
      assertThat(summary.attempts()).isEqualTo(new RunSummary.Counts(4, 2, 1, 0, 1, 0,
          Map.of("completed", 2, "refused", 1, "server_error", 1)));
      assertThat(summary.costUsd()).isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-12));
      RunSummary.ModelSummary model = summary.models().get(0);
      assertThat(model.inputTokens()).isEqualTo(200);
      assertThat(model.retries()).isEqualTo(2);
      assertThat(model.errors()).isEqualTo(Map.of("rate_limited", 1, "server_error", 2));
      assertThat(model.unknownCost()).isEqualTo(1);
      assertThat(model.latencyMs().p50()).isEqualTo(100);
      assertThat(model.latencyMs().p99()).isEqualTo(300);
      assertThat(model.finishReasons()).as("the providers' own words, kept through the store")
          .isEqualTo(Map.of("end_turn", 1, "refused", 1, RunSummary.ModelSummary.NOT_REPORTED, 1));
    }
  }

  @Test
  void percentilesFollowTheNearestRankMethod() {
    long[] millis = new long[100];
    for (int i = 0; i < 100; i++) {
      millis[i] = 100 - i;
    }
    assertThat(RunSummary.Latency.of(millis)).isEqualTo(new RunSummary.Latency(50, 90, 99, 100));
    assertThat(RunSummary.Latency.of(new long[] {7})).isEqualTo(new RunSummary.Latency(7, 7, 7, 7));
    assertThat(RunSummary.Latency.of(new long[0])).isNull();
  }

  @Test
  void anUnknownRunIsNamedWithTheRunsThereAre() {
    try (Store store = Store.open(folder.resolve("parity.db"))) {
      assertThatThrownBy(() -> RunSummary.of(store, "nope", java.time.Instant.EPOCH))
          .isInstanceOf(NoSuchRunException.class)
          .hasMessageContaining("no run \"nope\"")
          .hasMessageContaining("holds no run yet");
    }
  }

  private static ModelAnswer answer(long latencyMs, double cost, String providerFinishReason) {
    ModelAnswer plain = FakeModelClient.answer("memo", FinishReason.COMPLETED, new Usage(100L, 10L, null, null), cost);
    return new ModelAnswer(plain.text(), plain.files(), new dev.parity.harness.client.CallRecord(
        null, null, FinishReason.COMPLETED, providerFinishReason, plain.record().usage(), cost, Duration.ofMillis(latencyMs),
        null, 1, null, null));
  }
}
