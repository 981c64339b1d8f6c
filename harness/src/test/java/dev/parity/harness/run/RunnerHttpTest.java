package dev.parity.harness.run;

import static dev.parity.harness.testing.FakeChatCompletions.error;
import static dev.parity.harness.testing.FakeChatCompletions.ok;
import static dev.parity.harness.testing.FakeChatCompletions.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.CallError;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeChatCompletions;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.tasks.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with the real OpenAI-compatible client against a fake server on 127.0.0.1 that
 * answers each task as scripted: 429s with Retry-After, 5xx, answers past the timeout, malformed
 * JSON, rejected keys. Backoff waits go through a recording sleeper, so nothing sleeps for them.
 */
class RunnerHttpTest {
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final FakeChatCompletions script = new FakeChatCompletions();
  private final ManualClock clock = new ManualClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final List<String> stops = new ArrayList<>();
  private Store store;
  private Suite suite;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(script);
    server.start();
    store = Store.open(folder.resolve("parity.db"));
    suite = TestSuites.write(folder.resolve("suite"), 6);
  }

  @AfterEach
  void tearDown() {
    store.close();
    server.close();
  }

  @Test
  void everyAttemptEndsCompletedOrFailedWithTheRightError() {
    script.then("T0001", status(429).setHeader("Retry-After", "3").body(error("rate_limit_exceeded")).build());
    script.then("T0002", status(500).body(error("server_error")).build(),
        status(503).body(error("overloaded")).build());
    // T0003 answers far past the timeout; the timeout is long enough that the other answers,
    // sent at once, arrive within it even on a machine whose cores are all busy.
    script.then("T0003", ok().headersDelay(20, TimeUnit.SECONDS).build(),
        ok().headersDelay(20, TimeUnit.SECONDS).build());
    script.then("T0004", status(200).body("{\"choices\": [ {\"message\": ").build());
    script.then("T0005", status(200).body("<html>502 Bad Gateway</html>").build(),
        status(200).body("not json either").build());

    RunOutcome outcome = run(RunSettings.DEFAULT.withMaxRetries(1).withTimeout(Duration.ofSeconds(5)),
        model("m"));

    Map<String, Attempt> byTask = byTask();
    assertThat(byTask.get("T0001").status()).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(byTask.get("T0001").calls().httpAttempts()).isEqualTo(2);
    assertThat(byTask.get("T0002").status()).isEqualTo(AttemptStatus.SERVER_ERROR);
    assertThat(byTask.get("T0002").failure().message()).contains("HTTP 503");
    assertThat(byTask.get("T0003").status()).isEqualTo(AttemptStatus.TIMED_OUT);
    assertThat(byTask.get("T0003").failure().type()).isEqualTo("TIMEOUT");
    assertThat(byTask.get("T0004").status()).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(store.errors(byTask.get("T0004").key())).extracting(CallError::failure)
        .containsExactly(CallFailure.INVALID_RESPONSE);
    assertThat(byTask.get("T0005").status()).isEqualTo(AttemptStatus.SERVER_ERROR);
    assertThat(byTask.get("T0005").failure().type()).isEqualTo("INVALID_RESPONSE");
    assertThat(byTask.get("T0006").status()).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(byTask.get("T0006").answer().usage().inputTokens()).isEqualTo(120);
    assertThat(byTask.get("T0006").answer().providerModel()).isEqualTo("served-model-2025");
    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(3);
    assertThat(outcome.failed()).isEqualTo(3);
    assertThat(script.requests("T0002")).isEqualTo(2);
  }

  @Test
  void retriesWaitAtLeastWhatTheServerAskedFor() {
    script.then("T0001", status(429).setHeader("Retry-After", "7").body(error("rate_limit_exceeded")).build());
    script.then("T0002", status(429).setHeader("retry-after-ms", "2500").body(error("rate_limit_exceeded")).build());

    run(RunSettings.DEFAULT, model("m"));

    assertThat(sleeper.sleeps()).hasSize(2);
    assertThat(sleeper.sleeps()).anySatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)));
    assertThat(sleeper.sleeps()).anySatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(2500), Duration.ofMillis(2750)));
    assertThat(byTask().values()).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED));
  }

  @Test
  void aRejectedKeyStopsOnlyThatModelWithOneMessage() throws Exception {
    try (MockWebServer rejecting = new MockWebServer()) {
      rejecting.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return status(401).body(error("invalid_api_key")).build();
        }
      });
      rejecting.start();
      ModelConfig bad = ModelSpecs.parse("openai-compatible:bad@" + rejecting.url("/v1"));

      RunOutcome outcome = run(RunSettings.DEFAULT, withConcurrency(bad, 1), model("m"));

      assertThat(rejecting.getRequestCount()).isEqualTo(1);
      assertThat(stops).singleElement().asString().contains("API key was rejected", "HTTP 401");
      assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED_MODEL);
      assertThat(store.attempts("r1").stream().filter(a -> a.key().model().equals("m")))
          .allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED));
    }
  }

  private RunOutcome run(RunSettings settings, ModelConfig... models) {
    ModelClients clients = ModelClients.builder().registerInstalled().environment(name -> null).build();
    RunListener listener = new RunListener() {
      @Override
      public void modelStopped(String model, String message) {
        synchronized (stops) {
          stops.add(message);
        }
      }
    };
    Runner runner = Runner.builder(store, clients::create).clock(clock).sleeper(sleeper)
        .random(new Random(3)).listener(listener).build();
    return runner.run(new RunPlan("r1", suite, List.of(models), settings), new RunControl());
  }

  private ModelConfig model(String name) {
    return withConcurrency(ModelSpecs.parse("openai-compatible:" + name + "@" + server.url("/v1")), 3);
  }

  private static ModelConfig withConcurrency(ModelConfig model, int concurrency) {
    return new ModelConfig(model.name(), model.provider(), model.model(), model.baseUrl(), null, null, null,
        new ModelConfig.Limits(concurrency, null, null), null, false, null);
  }

  private Map<String, Attempt> byTask() {
    Map<String, Attempt> byTask = new HashMap<>();
    store.attempts("r1").stream().filter(a -> !a.key().model().contains("bad"))
        .forEach(a -> byTask.put(a.key().taskId(), a));
    return byTask;
  }
}
