package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.call.ModelLimits;
import dev.parity.harness.call.SharedBudget;
import dev.parity.harness.call.SharedLimits;
import dev.parity.harness.call.Sleeper;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.Usage;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.sandbox.Toolset;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.harness.work.QueueProgress;
import dev.parity.harness.work.WorkQueue;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import dev.parity.tasks.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs worked through the shared work queue on PostgreSQL: a starter and workers in one JVM, each
 * with a store, a queue and model clients of its own as separate processes would have. The clock
 * is manual, so no lease runs out unless a test moves it.
 */
class WorkersTest {
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path folder;
  private final ManualClock clock = new ManualClock();
  private final List<SharedLimits.Worker> holders = new ArrayList<>();
  private String location;
  private Suite suite;

  @BeforeEach
  void setUp() {
    location = stores.location(Engine.POSTGRESQL);
    suite = TestSuites.write(folder.resolve("suite"), 30);
  }

  @AfterEach
  void leaveTheSharedLimits() {
    holders.forEach(SharedLimits.Worker::close);
  }

  @Test
  void aStarterThatDoesNotWorkAndTwoWorkersMakeEveryAttemptExactlyOnce() throws Exception {
    Process starter = new Process("starter");
    Process one = new Process("one");
    Process two = new Process("two");
    CountDownLatch queued = new CountDownLatch(1);
    RunPlan plan = plan("r1", 3);

    CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> starter.runner(new RunListener() {
      @Override
      public void started(String runId, boolean resumed, List<ModelProgress> models) {
        queued.countDown();
      }
    }).workHere(false).build().run(plan, new RunControl()));
    assertThat(queued.await(5, TimeUnit.MINUTES)).isTrue();
    CompletableFuture<RunOutcome> byOne = CompletableFuture.supplyAsync(() -> one.runner().build().work(plan, new RunControl()));
    CompletableFuture<RunOutcome> byTwo = CompletableFuture.supplyAsync(() -> two.runner().build().work(plan, new RunControl()));
    RunOutcome outcome = run.get(5, TimeUnit.MINUTES);

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(30);
    assertThat(outcome.madeNow()).as("the starter made none itself").isZero();
    assertThat(byOne.get(5, TimeUnit.MINUTES).madeNow() + byTwo.get(5, TimeUnit.MINUTES).madeNow()).isEqualTo(30);
    for (int i = 1; i <= 30; i++) {
      String task = String.format("T%04d", i);
      assertThat(one.fake().calls(task, 0) + two.fake().calls(task, 0)).as(task).isEqualTo(1);
    }
    assertThat(starter.fake().requests()).isEmpty();
    assertThat(starter.queue.progress("r1")).isEqualTo(new QueueProgress(0, 0, 30, 0));
    assertThat(starter.store.findRun("r1").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void twoWorkersWithTheirOwnConcurrencyAreHeldTogetherToTheModelsConfiguredConcurrency() throws Exception {
    // The model allows 3 calls in flight; each worker's --concurrency is 3 too, so each alone would
    // have 3 in flight and the two together 6 unless the window is shared through the database.
    Process starter = new Process("starter");
    Process one = new Process("one");
    Process two = new Process("two");
    CountDownLatch queued = new CountDownLatch(1);
    RunPlan plan = plan("r1", 3);
    HeldAnswers held = new HeldAnswers();
    one.fake().respond(held);
    two.fake().respond(held);
    AtomicInteger waitsForASlot = new AtomicInteger();
    // The workers' only waits here are for a slot of the shared window (no retries, no rate
    // limits); they take a real millisecond so that the manual clock, and the leases, stand still.
    Sleeper polling = wait -> {
      if (!wait.isZero() && !wait.isNegative()) {
        waitsForASlot.incrementAndGet();
        Thread.sleep(1);
      }
    };

    CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> starter.runner(new RunListener() {
      @Override
      public void started(String runId, boolean resumed, List<ModelProgress> models) {
        queued.countDown();
      }
    }).workHere(false).build().run(plan, new RunControl()));
    assertThat(queued.await(5, TimeUnit.MINUTES)).isTrue();
    List<CompletableFuture<RunOutcome>> workers = new ArrayList<>();
    for (Process worker : List.of(one, two)) {
      SharedLimits.Worker shared = worker.sharedLimits();
      workers.add(CompletableFuture.supplyAsync(() -> worker.runner().sleeper(polling).limits(shared).concurrency(3)
          .build().work(plan, new RunControl())));
    }
    // An answer goes out only when the window is full and another call is waiting for a slot, or
    // when every call left is in flight; a fourth call in flight ends the test at once.
    for (int answered = 0; answered < 30; answered++) {
      int waitsBefore = waitsForASlot.get();
      int left = 30 - answered;
      while (held.inFlight() <= 3
          && !(held.inFlight() == 3 && waitsForASlot.get() > waitsBefore || held.inFlight() == left)) {
        Thread.sleep(1);
      }
      if (held.inFlight() > 3) {
        break;
      }
      held.answerOne();
    }
    held.answerAll();
    RunOutcome outcome = run.get(5, TimeUnit.MINUTES);

    assertThat(held.mostInFlight()).as("calls in flight at once, both workers together").isEqualTo(3);
    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(workers.get(0).get(5, TimeUnit.MINUTES).madeNow() + workers.get(1).get(5, TimeUnit.MINUTES).madeNow())
        .isEqualTo(30);
    for (int i = 1; i <= 30; i++) {
      String task = String.format("T%04d", i);
      assertThat(one.fake().calls(task, 0) + two.fake().calls(task, 0)).as(task).isEqualTo(1);
    }
    ModelLimits lane = new Process("observer").sharedLimits().open(model(3), 3, clock, polling);
    assertThat(lane.inFlight()).as("every slot was given back").isZero();
    assertThat(lane.limit()).isEqualTo(3);
  }

  /** Answers held until the test lets them go, counting the calls in flight across every worker. */
  private static final class HeldAnswers implements FakeModelClient.Responder {
    private final Semaphore answers = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    @Override
    public ModelAnswer respond(ModelRequest request, int call) {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        answers.acquireUninterruptibly();
        return FakeModelClient.answer("answer to " + request.taskId(), 100, 50);
      } finally {
        inFlight.decrementAndGet();
        answered.incrementAndGet();
      }
    }

    int inFlight() {
      return inFlight.get();
    }

    int mostInFlight() {
      return most.get();
    }

    /** Lets one answer go and waits until its call has left. */
    void answerOne() throws InterruptedException {
      int target = answered.get() + 1;
      answers.release();
      while (answered.get() < target) {
        Thread.sleep(1);
      }
    }

    void answerAll() {
      answers.release(1_000);
    }
  }

  @Test
  void twoWorkersUnderABudgetForFiveAttemptsStartFiveAndHoldNoAttemptTheBudgetDoesNotCover() throws Exception {
    // Each attempt's worst case is $1 (no input price, 1,000 output tokens at $1,000 a million) and
    // its answer costs that; each process alone would start 3 at once, 6 together.
    ModelConfig priced = new ModelConfig("m", "fake", "m", null, null, null,
        new ModelConfig.Parameters(1000, null, null, null), new ModelConfig.Limits(3, null, null),
        new ModelConfig.Price(0.0, 1000.0, null, "test"), false, null);
    RunPlan plan = new RunPlan("r1", suite, List.of(priced), RunSettings.DEFAULT.withBudgetUsd(5.0));
    Process starter = new Process("starter");
    Process worker = new Process("worker");
    HeldAnswers held = new HeldAnswers();
    for (Process process : List.of(starter, worker)) {
      process.fakes.put("m", new FakeModelClient(priced).respond((request, call) -> {
        held.respond(request, call);
        return FakeModelClient.answer("memo", FinishReason.COMPLETED, new Usage(0L, 1000L, null, null), 1.0);
      }));
    }
    CountDownLatch queued = new CountDownLatch(1);

    CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(() -> starter.runner(new RunListener() {
      @Override
      public void started(String runId, boolean resumed, List<ModelProgress> models) {
        queued.countDown();
      }
    }).budgets(SharedBudget.source(starter.database)).build().run(plan, new RunControl()));
    assertThat(queued.await(5, TimeUnit.MINUTES)).isTrue();
    CompletableFuture<RunOutcome> work = CompletableFuture.supplyAsync(() -> worker.runner()
        .budgets(SharedBudget.source(worker.database)).build().work(plan, new RunControl()));
    while (held.inFlight() < 5 && !run.isDone() && !work.isDone()) {
      Thread.sleep(1);
    }
    QueueProgress whileCalling = starter.queue.progress("r1");
    held.answerAll();
    RunOutcome started = run.get(5, TimeUnit.MINUTES);
    RunOutcome worked = work.get(5, TimeUnit.MINUTES);

    assertThat(whileCalling.leased()).as("attempts held while five calls were in flight").isEqualTo(5);
    assertThat(starter.fake().requests().size() + worker.fake().requests().size()).isEqualTo(5);
    assertThat(started.status()).isEqualTo(RunStatus.STOPPED_BUDGET);
    assertThat(worked.status()).isEqualTo(RunStatus.STOPPED_BUDGET);
    assertThat(started.madeNow() + worked.madeNow()).isEqualTo(5);
    assertThat(starter.queue.progress("r1")).as("the attempts not made are free for a raised budget")
        .isEqualTo(new QueueProgress(25, 0, 5, 0));
    assertThat(starter.database.read("read the budget", h -> h.first(
        "SELECT paid_usd, reserved_usd FROM shared_budgets WHERE budget = ?",
        r -> List.of(r.real(1), r.real(2)), "run r1")).orElseThrow())
        .as("paid, and nothing left reserved").containsExactly(5.0, 0.0);
  }

  @Test
  void aRunStoppedHalfwayGivesItsClaimsBackAndCarriesOnWhereItStopped() {
    Process starter = new Process("starter");
    RunControl control = new RunControl();
    AtomicInteger ended = new AtomicInteger();
    RunOutcome stopped = starter.runner(new RunListener() {
      @Override
      public void attemptEnded(Attempt attempt) {
        if (ended.incrementAndGet() == 3) {
          control.stop();
        }
      }
    }).build().run(plan("r1", 2), control);

    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED_INTERRUPTED);
    int made = stopped.madeNow();
    // The third and up to three more open: two calling, and two whose calls were over, the third among them.
    assertThat(made).isBetween(3, 6);
    assertThat(starter.queue.progress("r1")).as("nothing is held after the stop")
        .isEqualTo(new QueueProgress(30 - made, 0, made, 0));

    RunOutcome resumed = starter.runner().build().run(plan("r1", 2), new RunControl());

    assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.madeNow()).isEqualTo(30 - made);
    assertThat(starter.fake().requests()).hasSize(30);
    for (int i = 1; i <= 30; i++) {
      assertThat(starter.fake().calls(String.format("T%04d", i), 0)).isEqualTo(1);
    }
    assertThat(starter.queue.progress("r1")).isEqualTo(new QueueProgress(0, 0, 30, 0));
  }

  @Test
  void aWorkerRefusesAnAgentRunRecordedWithAnotherToolsetNamingBoth() throws Exception {
    Process starter = new Process("starter");
    Toolset elsewhere = new Toolset("2.7.18", Map.of("python-docx", "0.1"));
    AgentSettings agent = AgentSettings.of("python", SandboxBackend.Kind.BUBBLEWRAP).withToolset(elsewhere);
    RunPlan plan = new RunPlan("agents", suite, List.of(model(2)), RunSettings.DEFAULT.withAgent(agent));
    starter.store.createRun(Runner.newRun("agents", suite, plan.settings(), plan.models(), clock.instant(), null),
        List.of(new AttemptKey("agents", "m", "T0001", 0)));
    Process worker = new Process("worker");
    // The sandbox's user must pass through the test's folder to reach its workspace.
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));

    Runner runner = worker.runner().sandboxes(LocalSandboxBackend.bubblewrap(folder.resolve("sandboxes"))).build();

    assertThatThrownBy(() -> runner.work(plan, new RunControl())).isInstanceOf(ParityException.class)
        .hasMessageContaining("refuses run agents (models m)")
        .hasMessageContaining("made with the toolset [python 2.7.18; python-docx 0.1")
        .hasMessageMatching("(?s).*this machine's sandbox offers \\[python 3\\..*");
    assertThat(worker.fake().requests()).isEmpty();
  }

  private RunPlan plan(String runId, int concurrency) {
    return new RunPlan(runId, suite, List.of(model(concurrency)), RunSettings.DEFAULT);
  }

  private static ModelConfig model(int concurrency) {
    return new ModelConfig("m", "fake", "m", null, null, null, null,
        new ModelConfig.Limits(concurrency, null, null), null, false, null);
  }

  /** What one process of a team has: its connection to the store, its worker name, its clients. */
  private final class Process {
    final Store store;
    final WorkQueue queue;
    final Map<String, FakeModelClient> fakes = new HashMap<>();
    private final Database database;

    Process(String name) {
      database = stores.open(location);
      store = new Store(database);
      queue = WorkQueue.open(database, clock, Duration.ofSeconds(30), name);
    }

    /** This process's holder of the models' limits shared in the store, on the test's clock. */
    SharedLimits.Worker sharedLimits() {
      SharedLimits.Worker shared = SharedLimits.worker(database, clock);
      holders.add(shared);
      return shared;
    }

    Runner.Builder runner() {
      return runner(RunListener.NONE);
    }

    Runner.Builder runner(RunListener listener) {
      return Runner.builder(store, config -> fakes.computeIfAbsent(config.name(), n -> new FakeModelClient(config)))
          .clock(clock).sleeper(new RecordingSleeper(clock)).random(new Random(7)).listener(listener)
          .workQueue(queue);
    }

    FakeModelClient fake() {
      return fakes.computeIfAbsent("m", n -> new FakeModelClient(model(1)));
    }
  }
}
