package dev.parity.harness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import dev.parity.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @RegisterExtension final TestStores stores = new TestStores();
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  @TempDir Path folder;

  @Test
  void openingCreatesTheSchemaInWalModeWithTheBlobFolderBesideIt() throws Exception {
    Path file = folder.resolve("nested/parity.db");
    try (Store store = Store.open(file)) {
      String sha = store.blobs().put("hello".getBytes(StandardCharsets.UTF_8));
      assertThat(file.resolveSibling("parity.db.blobs/" + sha.substring(0, 2) + "/" + sha)).hasContent("hello");
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement statement = connection.createStatement()) {
      assertThat(single(statement, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(single(statement, "SELECT MAX(version) FROM flyway_schema_history WHERE success = 1"))
          .isEqualTo("1.9");
      assertThat(single(statement, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1.3' AND success = 1"))
          .as("the agent records' migration ran").isEqualTo("1");
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      assertThat(tables).contains("runs", "run_models", "attempts", "attempt_files", "attempt_findings",
          "attempt_errors", "attempt_human_work", "file_features");
    }
  }

  @Test
  void reopeningKeepsEverythingAndMigratesNothingTwice() {
    Path file = folder.resolve("parity.db");
    try (Store store = Store.open(file)) {
      store.createRun(run("r1"), List.of(key("r1", "T1", 0)));
    }
    try (Store store = Store.open(file)) {
      assertThat(store.runs()).extracting(Run::id).containsExactly("r1");
      Run run = store.findRun("r1").orElseThrow();
      assertThat(run.models().get(0).parameters().temperature()).isEqualTo(0.2);
      assertThat(run.models().get(0).price().inputPerMillion()).isEqualTo(1.25);
      assertThat(run.parity()).isEqualTo(ParityVersion.current());
      assertThat(run.createdAt()).isEqualTo(T0);
      assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRunningRunReadsAsAbandonedOnceItsHeartbeatIsOlderThanThreeIntervals(Engine engine) {
    Duration interval = Duration.ofSeconds(30);
    try (Store store = new Store(stores.open(engine))) {
      Run started = run("r1");
      store.createRun(new Run(started.id(), started.suiteName(), started.suiteVersion(), started.suiteHash(),
          started.suitePath(), started.settingsJson(), started.parity(), started.status(), null, T0, T0, null,
          started.models(), new Run.Heartbeat(T0, interval)), List.of(key("r1", "T1", 0)));
      store.createRun(run("old"), List.of(key("old", "T1", 0)));

      Instant threeIntervals = T0.plus(interval.multipliedBy(3));
      assertThat(store.findRun("r1").orElseThrow().statusAt(threeIntervals)).isEqualTo(RunStatus.RUNNING);
      assertThat(store.findRun("r1").orElseThrow().statusAt(threeIntervals.plusMillis(1)))
          .isEqualTo(RunStatus.ABANDONED);
      assertThat(store.findRun("old").orElseThrow().statusAt(T0.plus(Duration.ofDays(9))))
          .as("a run recorded without heartbeats reads as stored").isEqualTo(RunStatus.RUNNING);

      store.heartbeat("r1", T0.plusSeconds(60));
      assertThat(store.findRun("r1").orElseThrow().heartbeat()).isEqualTo(new Run.Heartbeat(T0.plusSeconds(60), interval));
      assertThat(store.findRun("r1").orElseThrow().statusAt(threeIntervals.plusMillis(1))).isEqualTo(RunStatus.RUNNING);

      store.endRun("r1", RunStatus.STOPPED_INTERRUPTED, "Ctrl-C", T0.plusSeconds(61));
      assertThat(store.findRun("r1").orElseThrow().statusAt(T0.plus(Duration.ofDays(9))))
          .as("a run that ended keeps its status").isEqualTo(RunStatus.STOPPED_INTERRUPTED);

      store.restartRun("r1", new Run.Heartbeat(T0.plus(Duration.ofDays(9)), Duration.ofSeconds(5)),
          started.models());
      Run resumed = store.findRun("r1").orElseThrow();
      assertThat(resumed.heartbeat()).isEqualTo(new Run.Heartbeat(T0.plus(Duration.ofDays(9)), Duration.ofSeconds(5)));
      assertThat(resumed.statusAt(T0.plus(Duration.ofDays(9)).plusSeconds(16))).isEqualTo(RunStatus.ABANDONED);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aNewRunsAttemptsComeBackAsTheStoreReadsThemWhetherOrNotItIsAsked(Engine engine) {
    try (Store store = new Store(stores.open(engine))) {
      Run one = run("r1");
      ModelConfig first = model("zeta");
      ModelConfig second = model("alpha");
      Run run = new Run("r1", one.suiteName(), one.suiteVersion(), one.suiteHash(), one.suitePath(),
          one.settingsJson(), one.parity(), one.status(), null, T0, T0, null, List.of(first, second), null);
      List<AttemptKey> keys = new ArrayList<>();
      for (String task : List.of("T2", "T10", "b", "A", "a.1", "a-1", "a_1", "Z9")) {
        for (int sample : new int[] {1, 0}) {
          keys.add(new AttemptKey("r1", "alpha", task, sample));
          keys.add(new AttemptKey("r1", "zeta", task, sample));
        }
      }

      List<Attempt> created = store.createRunWithAttempts(run, keys);

      assertThat(created).hasSize(32).containsExactlyElementsOf(store.attempts("r1"));
      assertThat(created.get(0).key()).isEqualTo(new AttemptKey("r1", "zeta", "A", 0));
      assertThat(created).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.PENDING));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAttemptIsRecordedWithItsFilesAndErrorsAndReadBackWhole(Engine engine) {
    try (Store store = new Store(stores.open(engine))) {
      AttemptKey key = key("r1", "T1", 0);
      store.createRun(run("r1"), List.of(key));
      String sha = store.blobs().put("# Memo".getBytes(StandardCharsets.UTF_8));
      Attempt attempt = Attempt.answered(key, AttemptStatus.COMPLETED, Attempt.Calls.made("k".repeat(64), 2, sha),
          new Attempt.Answer(sha, "gpt-test-2025", "req_1", FinishReason.COMPLETED, "end_turn",
              new Usage(100L, 50L, 10L, 20L), 0.0125, Duration.ofMillis(1500), Duration.ofMillis(300)),
          Attempt.Failure.NONE, new Attempt.Timing(T0, T0.plusSeconds(2)), new Attempt.Delivery("raw", List.of(
              new DeliverableFinding(DeliverableFinding.Kind.BROKEN_FORMULA, "budget.xlsx", "B4: #DIV/0!"),
              DeliverableFinding.note("the answer holds no envelope"))));
      CallError error = new CallError(1, CallFailure.RATE_LIMITED, "slow down", Duration.ofSeconds(3), T0);

      store.record(attempt, List.of(new AttemptFile("answer.md", sha, 6)), List.of(error));

      assertThat(store.attempts("r1")).containsExactly(attempt);
      assertThat(store.files(key)).containsExactly(new AttemptFile("answer.md", sha, 6));
      assertThat(store.errors(key)).containsExactly(error);
      assertThat(store.findCachedAnswer("k".repeat(64))).contains(attempt);
      assertThat(store.errorCounts("r1")).containsEntry("m", java.util.Map.of(CallFailure.RATE_LIMITED, 1));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailedWriteLeavesNothingOfTheAttempt(Engine engine) {
    try (Store store = new Store(stores.open(engine))) {
      AttemptKey key = key("r1", "T1", 0);
      store.createRun(run("r1"), List.of(key));
      Attempt attempt = Attempt.pending(key);
      Attempt done = completed(key);
      AttemptFile file = new AttemptFile("same.md", "a".repeat(64), 1);

      assertThatThrownBy(() -> store.record(done, List.of(file, file), List.of()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("record attempt m / T1 #0");

      assertThat(store.attempts("r1")).containsExactly(attempt);
      assertThat(store.files(key)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void attemptsRecordedAtOnceAreAllCommittedAndABadOneFailsAlone(Engine engine) throws Exception {
    try (Store store = new Store(stores.open(engine))) {
      List<AttemptKey> keys = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        keys.add(key("r1", "T" + i, 0));
      }
      store.createRun(run("r1"), keys);
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (AttemptKey key : keys) {
        boolean bad = key.taskId().equals("T7");
        AttemptFile file = new AttemptFile("a.md", "a".repeat(64), 1);
        Thread thread = new Thread(() -> {
          try {
            store.record(completed(key),
                bad ? List.of(file, file) : List.of(file), List.of());
          } catch (StoreException e) {
            failures.add(e);
          }
        });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join(30_000);
      }

      assertThat(failures).singleElement().asString().contains("record attempt m / T7 #0");
      assertThat(store.attempts("r1")).filteredOn(a -> a.status() == AttemptStatus.COMPLETED).hasSize(39);
      assertThat(store.attempts("r1")).filteredOn(a -> a.status() == AttemptStatus.PENDING)
          .extracting(a -> a.key().taskId()).containsExactly("T7");
    }
  }

  @Test
  void aStoreThatCannotBeOpenedSaysWhich() throws Exception {
    Path notADatabase = folder.resolve("notes.db");
    Files.writeString(notADatabase, "these are notes, not a database, and long enough to be read".repeat(20));

    assertThatThrownBy(() -> Store.open(notADatabase))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open the store " + notADatabase);
  }

  @Test
  void anAttemptRecordedBeforeFindingsWereKeptOneByOneReadsItsNotesAsFindings() throws Exception {
    Path file = folder.resolve("parity.db");
    AttemptKey key = key("r1", "T1", 0);
    try (Store store = Store.open(file)) {
      store.createRun(run("r1"), List.of(key));
      store.record(completed(key), List.of(), List.of());
    }
    // What store version 1.1 wrote: the findings as text, one a line, and no attempt_findings rows.
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE attempts SET deliverable_notes = 'promised csv, delivered none' || char(10)"
          + " || 'the answer holds no envelope'");
    }
    try (Store store = Store.open(file)) {
      assertThat(store.attempts("r1").get(0).delivery().findings()).containsExactly(
          DeliverableFinding.note("promised csv, delivered none"), DeliverableFinding.note("the answer holds no envelope"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void whatAnAgentAttemptsTurnsSpendIsKeptWhileItIsPendingAndRecordingItLeavesThatAlone(Engine engine) {
    AttemptKey key = key("r1", "T1", 0);
    try (Store store = new Store(stores.open(engine))) {
      store.createRun(run("r1"), List.of(key));
      store.addSpent(key, new Usage(100L, 20L, null, null), 0.25);
      store.addSpent(key, new Usage(50L, 10L, 5L, null), null);

      Attempt pending = store.attempts("r1").get(0);
      assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
      assertThat(pending.agent().spentUsage()).isEqualTo(new Usage(150L, 30L, 5L, 0L));
      assertThat(pending.agent().spentUsd()).isEqualTo(0.25);
      assertThat(pending.paidUsd()).as("an unfinished try's turns count").isEqualTo(0.25);

      store.record(completed(key).withAgent(new Attempt.Agent(2, 3, 1_500L, 90_000L, Usage.UNKNOWN, null)),
          List.of(), List.of());
      Attempt done = store.attempts("r1").get(0);
      assertThat(done.agent()).isEqualTo(new Attempt.Agent(2, 3, 1_500L, 90_000L, new Usage(150L, 30L, 5L, 0L), 0.25));
      assertThat(done.agentEnd()).isEqualTo("completed");
      assertThat(done.paidUsd()).isEqualTo(0.25);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPlainAttemptHasNoAgentPart(Engine engine) {
    AttemptKey key = key("r1", "T1", 0);
    try (Store store = new Store(stores.open(engine))) {
      store.createRun(run("r1"), List.of(key));
      store.record(completed(key), List.of(), List.of());

      assertThat(store.attempts("r1").get(0).agent()).isEqualTo(Attempt.Agent.NONE);
      assertThat(store.attempts("r1").get(0).agentEnd()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aRunsCostsAreWhatItsAttemptsCostInTheirOrder(Engine engine) {
    List<AttemptKey> keys = List.of(key("r1", "T5", 0), key("r1", "T1", 0), key("r1", "T2", 0), key("r1", "T3", 0),
        key("r1", "T4", 0));
    try (Store store = new Store(stores.open(engine))) {
      store.createRun(run("r1"), keys);
      String sha = store.blobs().put("# Memo".getBytes(StandardCharsets.UTF_8));
      store.addSpent(key("r1", "T1", 0), Usage.UNKNOWN, 0.25);
      store.record(answered(key("r1", "T2", 0), false, sha, 0.0125), List.of(), List.of());
      store.record(answered(key("r1", "T3", 0), false, sha, null), List.of(), List.of());
      store.record(answered(key("r1", "T4", 0), true, sha, 0.5), List.of(), List.of());
      store.record(Attempt.failed(key("r1", "T5", 0), AttemptStatus.TIMED_OUT, new Attempt.Calls(null, false, 1, null),
          Attempt.Failure.of("TIMEOUT", "no answer"), new Attempt.Timing(T0, T0)), List.of(), List.of());

      assertThat(store.attemptCosts("r1")).containsExactly(
          new AttemptCost(AttemptStatus.PENDING, 0.25, false),
          new AttemptCost(AttemptStatus.COMPLETED, 0.0125, false),
          new AttemptCost(AttemptStatus.COMPLETED, 0, true),
          new AttemptCost(AttemptStatus.COMPLETED, 0, false),
          new AttemptCost(AttemptStatus.TIMED_OUT, 0, false))
          .containsExactlyElementsOf(store.attempts("r1").stream().map(AttemptCost::of).toList());
    }
  }

  private static Attempt answered(AttemptKey key, boolean cacheHit, String sha, Double costUsd) {
    return Attempt.answered(key, AttemptStatus.COMPLETED, new Attempt.Calls("c".repeat(64), cacheHit, 1, sha),
        new Attempt.Answer(sha, "gpt-test-2025", null, FinishReason.COMPLETED, null, Usage.UNKNOWN, costUsd, null, null),
        Attempt.Failure.NONE, new Attempt.Timing(T0, T0), Attempt.Delivery.NONE);
  }

  @Test
  void anAttemptsNamedFactoriesRefuseAStatusThatDoesNotFitThem() {
    AttemptKey key = key("r1", "T1", 0);
    assertThatThrownBy(() -> Attempt.failed(key, AttemptStatus.COMPLETED, Attempt.Calls.NONE,
        Attempt.Failure.of("TIMEOUT", null), Attempt.Timing.NOT_STARTED)).hasMessageContaining("completed");
    assertThatThrownBy(() -> Attempt.answered(key, AttemptStatus.TIMED_OUT, Attempt.Calls.NONE, Attempt.Answer.NONE,
        Attempt.Failure.NONE, Attempt.Timing.NOT_STARTED, Attempt.Delivery.NONE)).hasMessageContaining("timed_out");
    assertThat(Attempt.imported(key, Attempt.Failure.NONE, T0, Attempt.Delivery.NONE).status())
        .isEqualTo(AttemptStatus.COMPLETED);
    assertThat(Attempt.imported(key, Attempt.Failure.of("empty_answer", "no file"), T0, Attempt.Delivery.NONE).status())
        .isEqualTo(AttemptStatus.INVALID_OUTPUT);
  }

  private static Attempt completed(AttemptKey key) {
    return Attempt.answered(key, AttemptStatus.COMPLETED, new Attempt.Calls(null, false, 1, null), Attempt.Answer.NONE,
        Attempt.Failure.NONE, new Attempt.Timing(T0, T0), Attempt.Delivery.NONE);
  }

  private static String single(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static AttemptKey key(String run, String task, int sample) {
    return new AttemptKey(run, "m", task, sample);
  }

  private static Run run(String id) {
    return new Run(id, "suite", "1.0", "sha256:abc", Path.of("/suites/s"), "{}", ParityVersion.current(),
        RunStatus.RUNNING, null, T0, T0, null, List.of(model("m")), null);
  }

  private static ModelConfig model(String name) {
    return new ModelConfig(name, "openai", "gpt-test", null, null, null,
        new ModelConfig.Parameters(1000, 0.2, null, null), null,
        new ModelConfig.Price(1.25, 10.0, null, "test"), false, null);
  }
}
