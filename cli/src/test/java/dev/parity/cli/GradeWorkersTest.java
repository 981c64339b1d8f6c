package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.grading.JudgmentWork;
import dev.parity.harness.testing.TestSuites;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity grade} on PostgreSQL with a {@code parity worker} sharing its judgments, and a
 * third claimant whose lease had run out: every judgment is recorded once, and the one taken over
 * shows as possibly paid in {@code parity run show} and {@code parity runs}. The fake judge holds
 * its answers until both commands have a judgment in flight; nothing waits for time.
 */
class GradeWorkersTest {
  private static final int TASKS = 4;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final HeldJudge judge = new HeldJudge();
  private String db;

  /** A judge server that answers "A" to everything, once {@link #open} is counted down. */
  static final class HeldJudge extends Dispatcher {
    final Semaphore arrived = new Semaphore(0);
    final CountDownLatch open = new CountDownLatch(1);
    final AtomicInteger requests = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      arrived.release();
      try {
        open.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("""
          {"id": "c", "object": "chat.completion", "model": "j",
           "choices": [{"index": 0, "message": {"role": "assistant",
             "content": "{\\"verdict\\": \\"A\\", \\"rationale\\": \\"the first\\"}"}, "finish_reason": "stop"}],
           "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110}}""").build();
    }
  }

  @BeforeEach
  void importFourModelDeliverables() throws Exception {
    server.setDispatcher(judge);
    server.start();
    Path suite = folder.resolve("suite");
    TestSuites.write(suite, TASKS);
    for (int n = 1; n <= TASKS; n++) {
      Path task = Files.createDirectories(folder.resolve("model").resolve(String.format("T%04d", n)));
      Files.writeString(task.resolve("memo.md"), "# Memo\n\nThe model's memo.\n");
    }
    db = stores.location(Engine.POSTGRESQL);
    CommandRun imported = CommandRun.of("import", "deliverables", "--run", "r1", "--model", "m",
        "--suite", suite.toString(), "--db", db, folder.resolve("model").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
  }

  @AfterEach
  void stop() {
    judge.open.countDown();
    server.close();
  }

  @Test
  void aWorkerSharesTheJudgmentsOfParityGradeAndEachIsRecordedOnce() throws Exception {
    CompletableFuture<CommandRun> grade = CompletableFuture.supplyAsync(() -> CommandRun.of("grade", "--run", "r1",
        "--judge", "openai-compatible:j@" + server.url("/v1"), "--pairwise", "--concurrency", "1", "--db", db));
    awaitRequests(1);
    Database database = stores.open(db);
    // A worker that died long ago: its lease ran out an hour before it was even taken.
    JudgmentWork dead = JudgmentWork.open(database, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)),
        Duration.ofMinutes(1), "dead");
    String job = dead.jobsWithWork("r1").get(0);
    assertThat(dead.claim(job, 1)).hasSize(1);
    CompletableFuture<CommandRun> worker = CompletableFuture.supplyAsync(() -> CommandRun.of("worker", "--run", "r1",
        "--concurrency", "1", "--db", db));
    awaitRequests(1);
    judge.open.countDown();

    CommandRun graded = grade.get(10, TimeUnit.MINUTES);
    CommandRun worked = worker.get(10, TimeUnit.MINUTES);
    assertThat(graded.exitCode()).as(graded.out() + graded.err()).isZero();
    assertThat(worked.exitCode()).as(worked.out() + worked.err()).isZero();
    int here = Integer.parseInt(graded.out().replaceAll("(?s).*pairwise +(\\d+) judgments made.*", "$1"));
    int there = Integer.parseInt(worked.out().replaceAll("(?s).*: (\\d+) judgments made here.*", "$1"));
    assertThat(here).isPositive();
    assertThat(there).isPositive();
    assertThat(here + there).isEqualTo(TASKS);
    assertThat(graded.out()).contains("taken over  1 judgments from workers whose lease ran out");
    List<String> recorded = database.read("read", h -> h.list(
        "SELECT task_id FROM judgments WHERE run_id = 'r1' ORDER BY task_id", r -> r.text(1)));
    assertThat(recorded).containsExactly("T0001", "T0002", "T0003", "T0004");
    assertThat(judge.requests.get()).isEqualTo(2 * TASKS);

    CommandRun shown = CommandRun.of("run", "show", "r1", "--db", db);
    assertThat(shown.out()).contains("unrecorded   up to 1 calls may have been paid, in flight when a worker's"
        + " lease ran out (0 attempts, 1 judgments taken over)");
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(CommandRun.of("run", "show", "r1", "--json", "--db", db).out()).path("possibly_paid");
    assertThat(json.path("attempts").asInt(-1)).isZero();
    assertThat(json.path("judgments").asInt()).isEqualTo(1);
    assertThat(CommandRun.of("runs", "--db", db).out()).contains("+ up to 1 calls");
  }

  private void awaitRequests(int n) throws InterruptedException {
    assertThat(judge.arrived.tryAcquire(n, 10, TimeUnit.MINUTES)).as("judge calls arrived").isTrue();
  }
}
