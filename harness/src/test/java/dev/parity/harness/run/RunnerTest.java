package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.FileFeatures;
import dev.parity.documents.DocumentFeatures;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.CallError;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.tasks.Suite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs on SQLite and on PostgreSQL: the runner's writes (group commit, resumes) on both engines. */
@ParameterizedClass
@EnumSource(Engine.class)
class RunnerTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path folder;
  private final ManualClock clock = new ManualClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final Map<String, FakeModelClient> fakes = new HashMap<>();
  private final List<String> stopMessages = new ArrayList<>();
  private Database database;
  private Store store;
  private Suite suite;

  @BeforeEach
  void setUp() {
    database = stores.open(engine);
    store = new Store(database);
    suite = TestSuites.write(folder.resolve("suite"), 6);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void everyAttemptIsRecordedOnceWithItsAnswerAsADeliverableFile() {
    RunOutcome outcome = run(plan("r1", RunSettings.DEFAULT.withSamples(2), model("a", 3)));

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(12);
    List<Attempt> attempts = store.attempts("r1");
    assertThat(attempts).hasSize(12).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED);
      assertThat(a.calls().httpAttempts()).isEqualTo(1);
      assertThat(a.answer().usage().inputTokens()).isEqualTo(100);
      assertThat(a.calls().transcriptSha256()).isNotNull();
    });
    Attempt first = attempts.get(0);
    List<AttemptFile> files = store.files(first.key());
    assertThat(files).extracting(AttemptFile::name).containsExactly("deliverable.md");
    assertThat(new String(store.blobs().get(files.get(0).sha256()), StandardCharsets.UTF_8))
        .isEqualTo("answer to T0001");
    assertThat(first.delivery().extraction()).isEqualTo("fallback");
    assertThat(first.delivery().findings()).extracting(DeliverableFinding::message)
        .anySatisfy(message -> assertThat(message).contains("the answer holds no envelope"));
    assertThat(fakes.get("a").requests()).hasSize(12);
    // Three calls run at once, so the requests reach the fake in any order: each task's text is asked for twice.
    for (int task = 1; task <= 6; task++) {
      String text = "Task T000" + task;
      assertThat(fakes.get("a").requests()).filteredOn(request -> request.text().contains(text)).hasSize(2);
    }
    assertThat(fakes.get("a").closed()).isTrue();
  }

  @Test
  void filesInTheAnswersEnvelopeBecomeTheDeliverableAndMissingFormatsAreNoted() {
    suite = TestSuites.write(folder.resolve("one"), 1);
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> FakeModelClient.answer(
        "Here it is.\n<<<FILE name=\"memo.md\" content=\"markdown\">>>\n# Memo\n\nQ3 was good.\n<<<END FILE>>>\n"
            + "<<<FILE name=\"figures.csv\">>>\nquarter,revenue\nQ3,120\n<<<END FILE>>>", 10, 10)));

    run(plan("r1", RunSettings.DEFAULT, model("a", 1)));

    Attempt attempt = store.attempts("r1").get(0);
    assertThat(attempt.status()).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(attempt.delivery().extraction()).isEqualTo("envelope");
    assertThat(store.files(attempt.key())).extracting(AttemptFile::name).containsExactly("figures.csv", "memo.md");
    assertThat(new String(store.blobs().get(store.files(attempt.key()).get(1).sha256()), StandardCharsets.UTF_8))
        .contains("Q3 was good.");
    assertThat(fakes.get("a").requests().get(0).system()).contains("<<<FILE", "Markdown document (.md)");
    assertThat(new String(store.blobs().get(attempt.calls().transcriptSha256()), StandardCharsets.UTF_8))
        .contains("\"instructions_version\":\"envelope-v1\"");
  }

  @Test
  void aRunReadsTheFeaturesOfEachDeliverableAndBaselineOnceAsItRecordsThem() {
    suite = TestSuites.write(folder.resolve("one"), 1);
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> FakeModelClient.answer(
        "<<<FILE name=\"memo.md\" content=\"markdown\">>>\n# Memo\n\nQ3 was good.\n<<<END FILE>>>\n"
            + "<<<FILE name=\"figures.csv\">>>\nquarter,revenue\nQ3,120\n<<<END FILE>>>", 10, 10)));

    run(plan("r1", RunSettings.DEFAULT, model("a", 1)));

    List<AttemptFile> files = store.files(store.attempts("r1").get(0).key());
    String baseline = dev.parity.store.BlobStore.sha256(
        "# Memo T0001\n\nThe professional's memo.\n".getBytes(StandardCharsets.UTF_8));
    assertThat(store.fileFeatures(List.of(files.get(0).sha256(), files.get(1).sha256(), baseline)))
        .extracting(FileFeatures::features).containsExactlyInAnyOrder(
            new DocumentFeatures(4, DocumentFeatures.LengthUnit.CELLS, 1, 0, 0, 0),
            new DocumentFeatures(4, DocumentFeatures.LengthUnit.WORDS, 0, 1, 0, 0),
            new DocumentFeatures(5, DocumentFeatures.LengthUnit.WORDS, 0, 1, 0, 0));
  }

  @Test
  void callsInFlightNeverExceedTheModelsConcurrency() {
    suite = TestSuites.write(folder.resolve("bigger"), 30);
    fakes.put("a", new FakeModelClient(model("a", 4)).latency(Duration.ofMillis(15)));

    run(plan("r1", RunSettings.DEFAULT, model("a", 4)));

    assertThat(fakes.get("a").requests()).hasSize(30);
    assertThat(fakes.get("a").maxInFlight()).isBetween(2, 4);
  }

  @Test
  void aModelsNextCallDoesNotWaitForThePreviousAttemptsRecord() throws Exception {
    suite = TestSuites.write(folder.resolve("three"), 3);
    CountDownLatch firstCalling = new CountDownLatch(1);
    CountDownLatch storeHeld = new CountDownLatch(1);
    CountDownLatch secondCalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> {
      int n = calls.incrementAndGet();
      if (n == 1) {
        firstCalling.countDown();
        await(storeHeld);
      } else if (n == 2) {
        secondCalled.countDown();
      }
      return FakeModelClient.answer("answer " + n, 10, 10);
    }));
    // Once the first call is made, the store's writes wait while this thread holds a transaction
    // (SQLite has one writer; on PostgreSQL the lock on the attempts table stops every record).
    ExecutorService holder = Executors.newSingleThreadExecutor();
    try {
      Future<?> held = holder.submit(() -> {
        await(firstCalling);
        return database.transaction("hold the store", h -> {
          if (engine == Engine.POSTGRESQL) {
            h.update("LOCK TABLE attempts IN EXCLUSIVE MODE");
          }
          storeHeld.countDown();
          await(release);
          return null;
        });
      });
      ExecutorService running = Executors.newSingleThreadExecutor();
      try {
        Future<RunOutcome> outcome = running.submit(() -> run(plan("r1", RunSettings.DEFAULT, model("a", 1))));
        try {
          assertThat(secondCalled.await(1, TimeUnit.MINUTES))
              .as("the second attempt calls while the first one's record waits for the store").isTrue();
          assertThat(store.attempts("r1")).extracting(Attempt::status).containsOnly(AttemptStatus.PENDING);
        } finally {
          release.countDown();
          held.get();
        }
        assertThat(outcome.get().status()).isEqualTo(RunStatus.COMPLETED);
      } finally {
        running.shutdownNow();
      }
    } finally {
      release.countDown();
      holder.shutdownNow();
    }
    assertThat(store.attempts("r1")).extracting(Attempt::status).containsOnly(AttemptStatus.COMPLETED);
    assertThat(fakes.get("a").maxInFlight()).as("one call at a time, as the model's concurrency says").isEqualTo(1);
  }

  /** Waits for {@code latch}, a minute at most. */
  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test waited a minute for a step that never came");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRateLimitedCallIsRetriedNoSoonerThanTheServerAsked() {
    fakes.put("a", new FakeModelClient(model("a", 2)).respond((request, call) -> {
      if (call == 1) {
        throw new RetryableCallException(CallFailure.RATE_LIMITED, "slow down", Duration.ofSeconds(7), null);
      }
      return FakeModelClient.answer("fine", 10, 10);
    }));

    run(plan("r1", RunSettings.DEFAULT, model("a", 2)));

    assertThat(sleeper.sleeps()).hasSize(6)
        .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)));
    assertThat(store.attempts("r1")).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED);
      assertThat(a.calls().httpAttempts()).isEqualTo(2);
      assertThat(a.retries()).isEqualTo(1);
    });
    List<CallError> errors = store.errors(store.attempts("r1").get(0).key());
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.failure()).isEqualTo(CallFailure.RATE_LIMITED);
      assertThat(e.tryNumber()).isEqualTo(1);
      assertThat(e.retryWait()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    });
    assertThat(store.errorCounts("r1")).containsEntry("a", Map.of(CallFailure.RATE_LIMITED, 6));
  }

  @Test
  void failuresWithoutAServerWaitBackOffExponentiallyWithJitter() {
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> {
      throw new RetryableCallException(CallFailure.SERVER_ERROR, "HTTP 503", null, null);
    }));
    suite = TestSuites.write(folder.resolve("one"), 1);

    run(plan("r1", RunSettings.DEFAULT.withMaxRetries(4), model("a", 1)));

    List<Duration> waits = sleeper.sleeps();
    assertThat(waits).hasSizeLessThanOrEqualTo(4);
    for (int i = 0; i < waits.size(); i++) {
      assertThat(waits.get(i)).isLessThanOrEqualTo(Duration.ofSeconds(1L << i));
    }
  }

  @Test
  void anAttemptThatKeepsFailingEndsWithItsLastErrorAtTheRetryLimit() {
    Map<CallFailure, AttemptStatus> expected = Map.of(
        CallFailure.SERVER_ERROR, AttemptStatus.SERVER_ERROR,
        CallFailure.INVALID_RESPONSE, AttemptStatus.SERVER_ERROR,
        CallFailure.CONNECTION, AttemptStatus.SERVER_ERROR,
        CallFailure.TIMEOUT, AttemptStatus.TIMED_OUT,
        CallFailure.RATE_LIMITED, AttemptStatus.RATE_LIMITED_OUT,
        CallFailure.OVERLOADED, AttemptStatus.SERVER_ERROR);
    suite = TestSuites.write(folder.resolve("one"), 1);
    expected.forEach((failure, status) -> {
      String name = failure.name();
      fakes.put(name, new FakeModelClient(model(name, 1)).respond((request, call) -> {
        throw new RetryableCallException(failure, "call " + call + " failed", Duration.ofSeconds(1), null);
      }));
      RunOutcome outcome = run(plan("r-" + name, RunSettings.DEFAULT.withMaxRetries(2), model(name, 1)));

      Attempt attempt = store.attempts("r-" + name).get(0);
      assertThat(attempt.status()).as(name).isEqualTo(status);
      assertThat(attempt.failure().type()).isEqualTo(name);
      assertThat(attempt.failure().message()).isEqualTo("call 3 failed");
      assertThat(attempt.calls().httpAttempts()).isEqualTo(3);
      assertThat(store.errors(attempt.key())).hasSize(3);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(outcome.failed()).isEqualTo(1);
    });
  }

  @Test
  void aCallPastTheTimeoutEndsAsTimedOut() {
    suite = TestSuites.write(folder.resolve("one"), 1);
    fakes.put("a", new FakeModelClient(model("a", 1)).latency(Duration.ofSeconds(5)));

    run(plan("r1", RunSettings.DEFAULT.withTimeout(Duration.ofMillis(30)).withMaxRetries(1), model("a", 1)));

    Attempt attempt = store.attempts("r1").get(0);
    assertThat(attempt.status()).isEqualTo(AttemptStatus.TIMED_OUT);
    assertThat(attempt.calls().httpAttempts()).isEqualTo(2);
  }

  @Test
  void aRejectedKeyStopsThatModelWithOneMessageWhileOtherModelsGoOn() {
    fakes.put("bad", new FakeModelClient(model("bad", 1)).respond((request, call) -> {
      throw new FatalCallException(CallFailure.AUTHENTICATION, 401, "Incorrect API key provided", null);
    }));

    RunOutcome outcome = run(plan("r1", RunSettings.DEFAULT, model("bad", 1), model("good", 2)));

    assertThat(fakes.get("bad").requests()).hasSize(1);
    assertThat(fakes.get("good").requests()).hasSize(6);
    assertThat(stopMessages).singleElement().asString()
        .contains("bad", "API key was rejected", "HTTP 401", "Incorrect API key provided", "resume");
    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED_MODEL);
    assertThat(outcome.stopReason()).contains("API key was rejected");
    Map<AttemptStatus, Long> bad = countByStatus("r1", "bad");
    assertThat(bad).containsEntry(AttemptStatus.CLIENT_ERROR, 1L).containsEntry(AttemptStatus.PENDING, 5L);
    assertThat(countByStatus("r1", "good")).containsEntry(AttemptStatus.COMPLETED, 6L);
  }

  @Test
  void aBadRequestFailsOnlyItsAttempt() {
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> {
      if (request.taskId().equals("T0002")) {
        throw new FatalCallException(CallFailure.CONTEXT_TOO_LONG, 400, "too long", null);
      }
      return FakeModelClient.answer("ok", 1, 1);
    }));

    RunOutcome outcome = run(plan("r1", RunSettings.DEFAULT, model("a", 1)));

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.count(AttemptStatus.CLIENT_ERROR)).isEqualTo(1);
    assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(5);
    assertThat(fakes.get("a").calls("T0002", 0)).isEqualTo(1);
  }

  @Test
  void refusalsEmptyAndCutAnswersAreModelOutcomesNotFailures() {
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> switch (request.taskId()) {
      case "T0001" -> FakeModelClient.answer("I can't help with that.", FinishReason.REFUSED, Usage.UNKNOWN, null);
      case "T0002" -> FakeModelClient.answer("  ", FinishReason.COMPLETED, Usage.UNKNOWN, null);
      case "T0003" -> FakeModelClient.answer("# Memo\nThe quarter was", FinishReason.LENGTH, Usage.UNKNOWN, null);
      default -> FakeModelClient.answer("# Memo", 1, 1);
    }));

    RunOutcome outcome = run(plan("r1", RunSettings.DEFAULT, model("a", 1)));

    assertThat(outcome.count(AttemptStatus.REFUSED)).isEqualTo(1);
    assertThat(outcome.count(AttemptStatus.INVALID_OUTPUT)).isEqualTo(2);
    assertThat(outcome.failed()).isZero();
    List<Attempt> attempts = store.attempts("r1");
    assertThat(attempts.get(1).failure().type()).isEqualTo("empty_answer");
    assertThat(attempts.get(2).failure().type()).isEqualTo("length");
    assertThat(attempts).allSatisfy(a -> assertThat(a.status().isModelOutcome()).isTrue());
  }

  @Test
  void aResumeMakesOnlyWhatIsNotDoneAndRetriesFailures() {
    fakes.put("a", new FakeModelClient(model("a", 2)).respond((request, call) -> {
      if (request.taskId().equals("T0003")) {
        throw new RetryableCallException(CallFailure.SERVER_ERROR, "HTTP 500", null, null);
      }
      return FakeModelClient.answer("ok", 1, 1);
    }));
    run(plan("r1", RunSettings.DEFAULT.withMaxRetries(1), model("a", 2)));
    assertThat(fakes.get("a").calls("T0003", 0)).isEqualTo(2);

    fakes.get("a").respond((request, call) -> FakeModelClient.answer("ok now", 1, 1));
    RunOutcome resumed = run(plan("r1", RunSettings.DEFAULT.withMaxRetries(1), model("a", 2)));

    assertThat(resumed.madeNow()).isEqualTo(1);
    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.count(AttemptStatus.COMPLETED)).isEqualTo(6);
    assertThat(fakes.get("a").requests()).hasSize(8);
    for (String task : List.of("T0001", "T0002", "T0004", "T0005", "T0006")) {
      assertThat(fakes.get("a").calls(task, 0)).as(task).isEqualTo(1);
    }
    Attempt retried = store.attempts("r1").get(2);
    assertThat(retried.calls().httpAttempts()).isEqualTo(3);
    assertThat(store.errors(retried.key())).extracting(CallError::tryNumber).containsExactly(1, 2);
  }

  @Test
  void aRunWritesItsFirstHeartbeatAsItStartsAndAgainWhenResumed() {
    fakes.put("a", new FakeModelClient(model("a", 2)));
    Runner runner = Runner.builder(store, config -> fakes.get(config.name())).clock(clock).sleeper(sleeper)
        .heartbeatInterval(Duration.ofSeconds(5)).build();
    Instant started = clock.instant();
    runner.run(plan("r1", RunSettings.DEFAULT, model("a", 2)), new RunControl());
    assertThat(store.findRun("r1").orElseThrow().heartbeat()).isEqualTo(new Run.Heartbeat(started, Duration.ofSeconds(5)));

    clock.advance(Duration.ofHours(1));
    runner.run(plan("r1", RunSettings.DEFAULT, model("a", 2)), new RunControl());
    Run resumed = store.findRun("r1").orElseThrow();
    assertThat(resumed.heartbeat().at()).isEqualTo(started.plus(Duration.ofHours(1)));
    assertThat(resumed.statusAt(clock.instant().plus(Duration.ofDays(1)))).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aResumeWithoutRetryFailedLeavesFailuresAlone() {
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> {
      throw new RetryableCallException(CallFailure.SERVER_ERROR, "HTTP 500", null, null);
    }));
    RunSettings settings = RunSettings.DEFAULT.withMaxRetries(0);
    run(plan("r1", settings, model("a", 1)));

    RunOutcome resumed = run(plan("r1", settings.withRetryFailed(false), model("a", 1)));

    assertThat(resumed.madeNow()).isZero();
    assertThat(fakes.get("a").requests()).hasSize(6);
  }

  @Test
  void aResumeWithOtherModelParametersIsRefusedNamingTheDifference() {
    run(plan("r1", RunSettings.DEFAULT, model("a", 1)));
    ModelConfig hotter = withTemperature(model("a", 1), 0.9);

    assertThatThrownBy(() -> run(plan("r1", RunSettings.DEFAULT, hotter)))
        .isInstanceOf(RunMismatchException.class)
        .hasMessageContaining("model a: parameters.temperature was null in the run, now 0.9");
  }

  @Test
  void aResumeOfAChangedSuiteOrOtherSamplesIsRefused() {
    run(plan("r1", RunSettings.DEFAULT, model("a", 1)));
    suite = TestSuites.write(folder.resolve("changed"), 6, "2.0");

    assertThatThrownBy(() -> run(plan("r1", RunSettings.DEFAULT.withSamples(3), model("a", 1))))
        .isInstanceOf(RunMismatchException.class)
        .hasMessageContaining("the suite changed")
        .hasMessageContaining("samples: the run has 1, this asks for 3");
  }

  @Test
  void withConvertFormatsAMarkdownFileForARequestedDocxIsConvertedAndRecordedOnTheAttempt() throws Exception {
    suite = docxSuite();
    fakes.put("a", new FakeModelClient(model("a", 1)).respond((request, call) -> FakeModelClient.answer(
        "<<<FILE name=\"memo.md\">>>\n# Memo\n\nQ3 was good.\n<<<END FILE>>>", 10, 10)));

    run(plan("converted", RunSettings.DEFAULT.withConvertFormats(true), model("a", 1)));
    run(plan("strict", RunSettings.DEFAULT, model("a", 1)));

    Attempt converted = store.attempts("converted").get(0);
    assertThat(store.files(converted.key())).extracting(AttemptFile::name).containsExactlyInAnyOrder("memo.md", "memo.docx");
    assertThat(converted.delivery().findings()).extracting(DeliverableFinding::kind).containsExactly(DeliverableFinding.Kind.CONVERTED);
    assertThat(converted.delivery().findings().get(0).file()).isEqualTo("memo.docx");
    assertThat(RunSettings.of(store.findRun("converted").orElseThrow()).convertFormats()).isTrue();
    assertThat(store.findRun("converted").orElseThrow().settingsJson()).contains("\"convert_formats\":true");
    // The run without conversion asked the model again (its cache key differs) and counts the miss.
    Attempt strict = store.attempts("strict").get(0);
    assertThat(strict.calls().cacheHit()).isFalse();
    assertThat(store.files(strict.key())).extracting(AttemptFile::name).containsExactly("memo.md");
    assertThat(strict.delivery().findings()).extracting(DeliverableFinding::kind).containsExactly(DeliverableFinding.Kind.MISSING);
  }

  @Test
  void aResumeThatTurnsFormatConversionOnOrOffIsRefused() {
    run(plan("r1", RunSettings.DEFAULT, model("a", 1)));

    assertThatThrownBy(() -> run(plan("r1", RunSettings.DEFAULT.withConvertFormats(true), model("a", 1))))
        .isInstanceOf(RunMismatchException.class)
        .hasMessageContaining("format conversion: the run has --convert-formats off, this asks for it on");
  }

  /** A one-task suite whose task asks for a DOCX. */
  private Suite docxSuite() throws java.io.IOException {
    Path root = folder.resolve("docx");
    TestSuites.write(root, 1);
    Path task = root.resolve("tasks/T0001/task.json");
    java.nio.file.Files.writeString(task, java.nio.file.Files.readString(task).replace("[\"md\"]", "[\"docx\"]"));
    return dev.parity.tasks.SuiteLoader.create().load(root);
  }

  @Test
  void aResumeMayChangeLimitsAndRetries() {
    run(plan("r1", RunSettings.DEFAULT, model("a", 1)));

    RunOutcome resumed = run(plan("r1", RunSettings.DEFAULT.withMaxRetries(9), model("a", 5)));

    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(store.findRun("r1").orElseThrow().models().get(0).limits().concurrency()).isEqualTo(5);
  }

  @Test
  void aNewRunWithIdenticalRequestsIsServedFromTheCacheAndCostsNothing() {
    fakes.put("a", new FakeModelClient(model("a", 2)).respond((request, call) -> FakeModelClient.answer(
        "memo " + request.taskId(), FinishReason.COMPLETED, new Usage(10L, 20L, null, null), 0.25)));
    RunOutcome first = run(plan("r1", RunSettings.DEFAULT, model("a", 2)));
    assertThat(first.paidUsd()).isEqualTo(1.5);

    RunOutcome second = run(plan("r2", RunSettings.DEFAULT, model("a", 2)));

    assertThat(fakes.get("a").requests()).hasSize(6);
    assertThat(second.paidUsd()).isZero();
    assertThat(store.attempts("r2")).allSatisfy(a -> {
      assertThat(a.calls().cacheHit()).isTrue();
      assertThat(a.answer().costUsd()).isEqualTo(0.25);
      assertThat(a.calls().httpAttempts()).isZero();
      assertThat(store.files(a.key())).extracting(AttemptFile::name).containsExactly("deliverable.md");
    });
  }

  @Test
  void withoutTheCacheIdenticalRequestsAreCalledAgain() {
    run(plan("r1", RunSettings.DEFAULT, model("a", 2)));

    run(plan("r2", RunSettings.DEFAULT.withUseCache(false), model("a", 2)));

    assertThat(fakes.get("a").requests()).hasSize(12);
    assertThat(store.attempts("r2")).noneMatch(a -> a.calls().cacheHit());
  }

  @Test
  void aSampleIndexOrOtherParametersMissTheCache() {
    run(plan("r1", RunSettings.DEFAULT, model("a", 2)));

    run(plan("r2", RunSettings.DEFAULT.withSamples(2), withTemperature(model("a", 2), 0.5)));

    assertThat(fakes.get("a").requests()).hasSize(6 + 12);
  }

  @Test
  void noAttemptStartsThatCouldPassTheBudgetAndARaisedBudgetCarriesOn() {
    ModelConfig priced = priced(model("a", 2), 1000, 1000, 1000);
    fakes.put("a", new FakeModelClient(priced).respond((request, call) -> FakeModelClient.answer(
        "memo", FinishReason.COMPLETED, new Usage(100L, 400L, null, null), 0.5)));
    double worstCase = worstCase(priced);
    assertThat(worstCase).isBetween(1.0, 1.5);

    RunOutcome stopped = run(plan("r1", RunSettings.DEFAULT.withBudgetUsd(3.0), priced));

    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED_BUDGET);
    assertThat(stopped.stopReason()).startsWith("budget");
    int made = stopped.count(AttemptStatus.COMPLETED);
    // Each start needed paid + worst case of those open + its own worst case ≤ $3.
    assertThat(made * 0.5 + worstCase).isGreaterThan(3.0);
    assertThat((made - 1) * 0.5 + worstCase).isLessThanOrEqualTo(3.0);
    assertThat(stopped.paidUsd()).isLessThanOrEqualTo(3.0);

    RunOutcome resumed = run(plan("r1", RunSettings.DEFAULT.withBudgetUsd(50.0), priced));
    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.paidUsd()).isEqualTo(3.0);
  }

  @Test
  void aBudgetNeedsEveryModelsPrice() {
    assertThatThrownBy(() -> run(plan("r1", RunSettings.DEFAULT.withBudgetUsd(5.0), model("a", 1))))
        .hasMessageContaining("a budget needs every model's price")
        .hasMessageContaining("a");
    assertThat(store.findRun("r1")).isEmpty();
  }

  @Test
  void stoppingLetsTheAttemptsInFlightFinishAndStartsNoMore() {
    RunControl control = new RunControl();
    suite = TestSuites.write(folder.resolve("bigger"), 20);
    fakes.put("a", new FakeModelClient(model("a", 3)).latency(Duration.ofMillis(20)));
    RunListener stopAfterFirst = new RunListener() {
      @Override
      public void attemptEnded(Attempt attempt) {
        control.stop();
      }
    };

    RunOutcome outcome = runner(stopAfterFirst).run(plan("r1", RunSettings.DEFAULT, model("a", 3)), control);

    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED_INTERRUPTED);
    int started = fakes.get("a").requests().size();
    // Before the first record, three attempts calling and as many again whose calls were over.
    assertThat(started).isBetween(1, 2 * 3);
    assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(started);
    assertThat(outcome.count(AttemptStatus.PENDING)).isEqualTo(20 - started);
  }

  @Test
  void abortingAbandonsTheAttemptsInFlightAndLeavesThemPending() {
    RunControl control = new RunControl();
    // Calls that would take ten minutes: the run must end without waiting for them, and two
    // minutes is room enough for a machine whose cores are all busy.
    fakes.put("a", new FakeModelClient(model("a", 2)).latency(Duration.ofMinutes(10)));
    RunListener abortAtStart = new RunListener() {
      @Override
      public void started(String runId, boolean resumed, List<ModelProgress> models) {
        control.interrupt();
        control.interrupt();
      }
    };

    long start = System.nanoTime();
    RunOutcome outcome = runner(abortAtStart).run(plan("r1", RunSettings.DEFAULT, model("a", 2)), control);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(2));
    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED_INTERRUPTED);
    assertThat(outcome.count(AttemptStatus.PENDING)).isEqualTo(6);
  }

  @Test
  void aRequestsPerMinuteLimitPacesTheCalls() {
    ModelConfig limited = new ModelConfig("a", "fake", "a", null, null, null, null,
        new ModelConfig.Limits(6, 60, null), null, false, null);
    fakes.put("a", new FakeModelClient(limited));

    run(plan("r1", RunSettings.DEFAULT, limited));

    // 60 a minute is one a second with one second's burst: six calls take at least five seconds.
    Duration total = sleeper.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aDryRunEstimatesWithoutCallingOrWriting() {
    ModelConfig priced = priced(model("a", 1), 2.0, 10.0, 500);

    DryRun dryRun = runner(RunListener.NONE).dryRun(plan("r1", RunSettings.DEFAULT.withSamples(2), priced, model("b", 1)));

    assertThat(dryRun.models()).hasSize(2);
    DryRun.ModelEstimate a = dryRun.models().get(0);
    assertThat(a.attempts()).isEqualTo(12);
    assertThat(a.inputTokens()).isPositive();
    assertThat(a.maxOutputTokens()).isEqualTo(12 * 500);
    assertThat(a.worstCaseUsd()).isEqualTo((a.inputTokens() * 2.0 + 6000 * 10.0) / 1e6);
    assertThat(dryRun.models().get(1).worstCaseUsd()).isNull();
    assertThat(dryRun.worstCaseUsd()).isNull();
    assertThat(fakes).isEmpty();
    assertThat(store.findRun("r1")).isEmpty();
  }

  private Map<AttemptStatus, Long> countByStatus(String runId, String model) {
    Map<AttemptStatus, Long> counts = new HashMap<>();
    store.attempts(runId).stream().filter(a -> a.key().model().equals(model))
        .forEach(a -> counts.merge(a.status(), 1L, Long::sum));
    return counts;
  }

  private double worstCase(ModelConfig model) {
    TaskRequests requests = new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1));
    long input = requests.estimatedInputTokens(suite.tasks().get(0), model);
    return (input * model.price().inputPerMillion()
        + model.parameters().maxOutputTokens() * model.price().outputPerMillion()) / 1e6;
  }

  private RunOutcome run(RunPlan plan) {
    return runner(RunListener.NONE).run(plan, new RunControl());
  }

  private Runner runner(RunListener listener) {
    RunListener recording = new RunListener() {
      @Override
      public void started(String runId, boolean resumed, List<ModelProgress> models) {
        listener.started(runId, resumed, models);
      }

      @Override
      public void attemptEnded(Attempt attempt) {
        listener.attemptEnded(attempt);
      }

      @Override
      public void modelStopped(String model, String message) {
        synchronized (stopMessages) {
          stopMessages.add(message);
        }
      }
    };
    Function<ModelConfig, ModelClient> clients =
        config -> fakes.computeIfAbsent(config.name(), n -> new FakeModelClient(config));
    return Runner.builder(store, clients).clock(clock).sleeper(sleeper).random(new Random(7))
        .listener(recording).build();
  }

  private RunPlan plan(String runId, RunSettings settings, ModelConfig... models) {
    return new RunPlan(runId, suite, List.of(models), settings);
  }

  static ModelConfig model(String name, int concurrency) {
    return new ModelConfig(name, "fake", name, null, null, null, null,
        new ModelConfig.Limits(concurrency, null, null), null, false, null);
  }

  private static ModelConfig withTemperature(ModelConfig model, double temperature) {
    return new ModelConfig(model.name(), model.provider(), model.model(), null, null, null,
        new ModelConfig.Parameters(null, temperature, null, null), model.limits(), null, false, null);
  }

  private static ModelConfig priced(ModelConfig model, double input, double output, int maxOutput) {
    return new ModelConfig(model.name(), model.provider(), model.model(), null, null, null,
        new ModelConfig.Parameters(maxOutput, null, null, null), model.limits(),
        new ModelConfig.Price(input, output, null, "test"), false, null);
  }
}
