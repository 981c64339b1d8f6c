package dev.parity.graders.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PdfPageRenderer;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.run.RunControl;
import dev.parity.harness.run.RunPlan;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.run.Runner;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentSource;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import dev.parity.tasks.Suite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pairwise judgments as units of work on PostgreSQL: consumers on connections of their own (as
 * processes on other machines would be) grade one run's judgments, and each judgment is recorded
 * once, whoever dies or comes back late. Leases run on a manual clock: nothing waits for time.
 */
class JudgmentWorkTest {
  static final int TASKS = 6;
  static final Duration LEASE = Duration.ofMinutes(1);

  @RegisterExtension final TestStores stores = new TestStores();
  final ManualClock clock = new ManualClock();
  final ModelConfig judgeConfig = new ModelConfig("judge", "fake", "judge", null, null, null, null,
      new ModelConfig.Limits(4, null, null), null, false, null);
  final ExecutorService threads = Executors.newCachedThreadPool();
  String location;
  Suite suite;

  @BeforeEach
  void runSixTasksThroughAFakeModel() {
    location = stores.location(Engine.POSTGRESQL);
    suite = TestSuites.write(stores.folder().resolve("suite"), TASKS);
    ModelConfig model = new ModelConfig("m", "fake", "m", null, null, null, null, null, null, false, null);
    FakeModelClient client = new FakeModelClient(model)
        .respond((request, call) -> FakeModelClient.answer("# Memo\n\nThe model's memo.", 10, 10));
    Runner.builder(new Store(stores.open(location)), config -> client)
        .sleeper(new RecordingSleeper(new ManualClock())).build()
        .run(new RunPlan("r1", suite, List.of(model), RunSettings.DEFAULT), new RunControl());
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A consumer with connections of its own. */
  private record Consumer(Database database, JudgmentWork work, GradingPass pass, FakeModelClient judge) {}

  private Consumer consumer(String worker, FakeModelClient.Responder answers) {
    Database database = stores.open(location);
    FakeModelClient judge = new FakeModelClient(judgeConfig).respond(answers);
    ModelCaller caller = ModelCaller.create(judge, judgeConfig, 2, Clock.systemUTC(),
        new RecordingSleeper(new ManualClock()), new Random(1));
    GradingPass pass = new GradingPass(new Store(database), suite, "r1", caller, "fake:judge", new PdfPageRenderer(),
        clock, job().options(2));
    return new Consumer(database, JudgmentWork.open(database, clock, LEASE, worker), pass, judge);
  }

  private JudgmentWork.Job job() {
    return new JudgmentWork.Job("r1", "fake:judge", judgeConfig, OrderSwap.Disagreement.TIE, 7,
        Duration.ofMinutes(10), PageOptions.DEFAULT, null);
  }

  private static FakeModelClient.Responder modelWins() {
    return (request, call) -> {
      String prompt = request.text();
      int a = prompt.indexOf("# Deliverable A");
      boolean modelIsA = prompt.substring(a, prompt.indexOf("# Deliverable B")).contains("The model's memo");
      return FakeModelClient.answer("{\"verdict\": \"" + (modelIsA ? "A" : "B") + "\", \"rationale\": \"clearer\"}",
          100, 10);
    };
  }

  private List<String> recorded() {
    return stores.open(location).read("read judgments", h -> h.list(
        "SELECT task_id || '/' || judge_sample FROM judgments WHERE run_id = 'r1' ORDER BY task_id", r -> r.text(1)));
  }

  @Test
  void aConsumerKilledWithCallsInFlightLosesItsJudgmentsToTheOtherAndEachIsRecordedOnce() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(2);
    CountDownLatch held = new CountDownLatch(1);
    Consumer dying = consumer("dying", (request, call) -> {
      inFlight.countDown();
      try {
        held.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("a dead worker's call never answers");
    });
    Future<GradingPass.Summary> started = threads.submit(() -> dying.pass().grade(null, dying.work(), job()));
    inFlight.await();
    String jobId = dying.work().jobsWithWork("r1").get(0);
    assertThat(dying.work().progress(jobId)).isEqualTo(new JudgmentWork.Progress(TASKS - 2, 2, 0, 0));
    // Killed: its connections are gone, so it renews nothing and records nothing, with two calls in flight.
    dying.database().close();
    clock.advance(LEASE.plusSeconds(1));

    Consumer other = consumer("other", modelWins());
    GradingPass.Summary summary = other.pass().work(other.work(), jobId);

    assertThat(summary.judgmentsMade()).isEqualTo(TASKS);
    assertThat(summary.takenOver()).isEqualTo(2);
    assertThat(recorded()).hasSize(TASKS).doesNotHaveDuplicates();
    assertThat(new JudgmentStore(other.database()).judgments("r1"))
        .extracting(s -> s.judgment().outcome()).containsOnly(Outcome.WIN);
    assertThat(other.work().progress(jobId)).isEqualTo(new JudgmentWork.Progress(0, 0, TASKS, 2));
    assertThat(JudgmentWork.possiblyPaid(other.database(), "r1")).isEqualTo(2);
    assertThat(other.judge().requests()).hasSize(2 * TASKS);
    held.countDown();
    assertThatThrownBy(started::get).as("the dead worker's late answers find its connections gone")
        .hasRootCauseInstanceOf(java.sql.SQLException.class);
    assertThat(recorded()).hasSize(TASKS);
  }

  @Test
  void twoLiveConsumersShareTheJudgmentsAndRecordEachOnce() throws Exception {
    Consumer first = consumer("first", modelWins());
    Consumer second = consumer("second", modelWins());
    String jobId = first.work().enqueue(job(), units());

    Future<GradingPass.Summary> a = threads.submit(() -> first.pass().work(first.work(), jobId));
    Future<GradingPass.Summary> b = threads.submit(() -> second.pass().work(second.work(), jobId));

    assertThat(a.get().judgmentsMade() + b.get().judgmentsMade()).isEqualTo(TASKS);
    assertThat(recorded()).hasSize(TASKS).doesNotHaveDuplicates();
    assertThat(first.judge().requests().size() + second.judge().requests().size()).isEqualTo(2 * TASKS);
    assertThat(first.work().progress(jobId)).isEqualTo(new JudgmentWork.Progress(0, 0, TASKS, 0));
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverRecordsNothingAndTheNewHolderRecordsOnce() {
    Consumer late = consumer("late", modelWins());
    Consumer next = consumer("next", modelWins());
    String jobId = late.work().enqueue(job(), units());
    JudgmentWork.Claim lost = late.work().claim(jobId, 1).get(0);
    clock.advance(LEASE.plusSeconds(1));
    JudgmentWork.Claim taken = next.work().claim(jobId, 1).get(0);
    JudgmentStore judgments = new JudgmentStore(late.database());

    assertThat(taken.unit()).isEqualTo(lost.unit());
    assertThat(taken.takenOver()).isTrue();
    assertThat(judgments.add(JudgmentSource.run("r1"), "r1", 0, judgment(lost.unit()), Instant.EPOCH,
        late.work().completion(lost))).isFalse();
    assertThat(judgments.add(JudgmentSource.run("r1"), "r1", 0, judgment(taken.unit()), Instant.EPOCH,
        next.work().completion(taken))).isTrue();
    assertThat(judgments.add(JudgmentSource.run("r1"), "r1", 0, judgment(taken.unit()), Instant.EPOCH,
        next.work().completion(taken))).as("a second recording under the same lease").isFalse();
    assertThat(recorded()).hasSize(1);
  }

  @Test
  void theSamePassStartedAgainIsTheSameJobAndQueuesOnlyWhatIsNotDone() {
    Consumer one = consumer("one", modelWins());
    String jobId = one.work().enqueue(job(), units());
    List<JudgmentWork.Claim> claims = one.work().claim(jobId, TASKS);
    claims.subList(0, 2).forEach(one.work()::complete);

    assertThat(one.work().enqueue(job(), units())).isEqualTo(jobId);
    assertThat(one.work().progress(jobId)).isEqualTo(new JudgmentWork.Progress(2, TASKS - 2, 0, 0));
    assertThat(one.work().job(jobId)).contains(job());
  }

  @Test
  void workersNeedPostgres() {
    Database sqlite = stores.open(Engine.SQLITE);
    assertThatThrownBy(() -> JudgmentWork.open(sqlite, clock, LEASE, "w")).isInstanceOf(ParityException.class)
        .hasMessageContaining("workers need a PostgreSQL store");
  }

  private static List<JudgmentWork.Unit> units() {
    return java.util.stream.IntStream.rangeClosed(1, TASKS)
        .mapToObj(n -> new JudgmentWork.Unit(String.format(java.util.Locale.ROOT, "T%04d", n), "m", Judgment.BASELINE, 0, 0)).toList();
  }

  private static Judgment judgment(JudgmentWork.Unit unit) {
    return new Judgment(unit.taskId(), new dev.parity.harness.store.AttemptKey("r1", unit.model(), unit.taskId(), unit.sample()).contestant(), unit.opponent(), "g",
        GraderType.MODEL, Outcome.WIN, unit.sample(), "Accountants", "Finance", null, "why", Showing.UNKNOWN);
  }
}
