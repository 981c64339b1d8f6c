package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeChatCompletions;
import dev.parity.harness.testing.TestSuites;
import dev.parity.harness.work.QueueProgress;
import dev.parity.harness.work.WorkQueue;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code parity worker} processes on a 1,000-task run in PostgreSQL, one killed with {@code
 * kill -9} halfway: every attempt is completed exactly once, and the calls paid twice are at most
 * those the killed worker had in flight. Halfway is decided by the store (500 attempts recorded)
 * and the fake server (it holds every answer after the 500th, so that each worker has all its
 * calls in flight when one is killed), never by time; the lease is short, and its running out is
 * waited for as a condition.
 */
class WorkersChaosTest {
  private static final int TASKS = 1000;
  private static final int CONCURRENCY = 4;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final FakeChatCompletions fake = new FakeChatCompletions();
  private final List<Process> workers = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private Path suite;
  private String db;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(fake);
    server.start();
    suite = folder.resolve("suite");
    TestSuites.write(suite, TASKS);
    db = stores.location(Engine.POSTGRESQL);
  }

  @AfterEach
  void tearDown() {
    workers.forEach(Process::destroyForcibly);
    fake.release();
    server.close();
  }

  @Test
  void aWorkerKilledHalfwayCostsAtMostItsCallsInFlightAndEveryAttemptIsMadeOnce() throws Exception {
    fake.holdAfter(TASKS / 2);
    CompletableFuture<CommandRun> starter = CompletableFuture.supplyAsync(() -> CommandRun.of("run",
        "--suite", suite.toString(), "--model", "openai-compatible:m@" + server.url("/v1"),
        "--concurrency", Integer.toString(CONCURRENCY), "--db", db, "--run-id", "chaos", "--no-work", "--lease", "10s"));
    Database database = stores.open(db);
    WorkQueue queue = WorkQueue.open(database, Clock.systemUTC(), WorkQueue.DEFAULT_LEASE, "test");
    waitUntil(() -> queue.progress("chaos").pending() == TASKS, starter);
    for (int i = 0; i < 3; i++) {
      startWorker();
    }

    waitUntil(() -> queue.progress("chaos").done() == TASKS / 2 && fake.held() == 3 * CONCURRENCY, starter);
    Process killed = workers.get(0);
    killed.destroyForcibly();
    assertThat(killed.waitFor(5, TimeUnit.MINUTES)).isTrue();
    fake.release();

    CommandRun run = starter.get(10, TimeUnit.MINUTES);
    for (Process worker : workers.subList(1, 3)) {
      assertThat(worker.waitFor(5, TimeUnit.MINUTES)).as(output(worker)).isTrue();
      assertThat(worker.exitValue()).as(output(worker)).isZero();
    }

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Run chaos completed: 1000 of 1000 attempts ended (1000 completed")
        .contains(CONCURRENCY + " attempts were taken over from workers whose lease ran out");
    try (Store store = new Store(database)) {
      List<Attempt> attempts = store.attempts("chaos");
      assertThat(attempts).hasSize(TASKS).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED));
    }
    QueueProgress progress = queue.progress("chaos");
    assertThat(progress).isEqualTo(new QueueProgress(0, 0, TASKS, CONCURRENCY));
    assertThat(fake.requests()).hasSize(TASKS);
    int repeated = fake.requests().values().stream().mapToInt(n -> n - 1).sum();
    assertThat(repeated).as("calls made twice: those the killed worker had in flight")
        .isPositive().isLessThanOrEqualTo(progress.expiredLeases());
    assertThat(fake.requests().values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
    assertThat(output(workers.get(1)) + output(workers.get(2))).contains("attempts made here");
  }

  private void startWorker() throws Exception {
    // The children run from this test's own classes, so they need no packaged jar.
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = Files.createTempFile(folder, "worker", ".log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, Main.class.getName(), "worker", "--db", db, "--run", "chaos",
        "--concurrency", Integer.toString(CONCURRENCY), "--lease", "10s")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    workers.add(process);
    logs.add(log);
  }

  private String output(Process process) {
    try {
      return Files.readString(logs.get(workers.indexOf(process)), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new AssertionError("cannot read a worker's output", e);
    }
  }

  /** Polls until {@code condition} holds; fails if the starter or a worker ends first (no wall-clock limit). */
  private void waitUntil(BooleanSupplier condition, CompletableFuture<CommandRun> starter) throws Exception {
    while (!condition.getAsBoolean()) {
      if (starter.isDone()) {
        throw new AssertionError("the run ended before the test could act on it:\n" + starter.get().out()
            + starter.get().err());
      }
      for (Process worker : workers) {
        if (!worker.isAlive()) {
          throw new AssertionError("a worker ended before the test could act on it:\n" + output(worker));
        }
      }
      Thread.sleep(20);
    }
  }
}
