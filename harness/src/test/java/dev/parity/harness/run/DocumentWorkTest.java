package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.TestSuites;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Answers' deliverables are built a few at a time, however many calls are in flight. */
class DocumentWorkTest {
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path folder;

  /** The envelope format, counting the deliverables it builds at once and holding them until opened. */
  private static final class Gate implements AnswerFormat {
    private final AnswerFormat format = new EnvelopeAnswerFormat();
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Override
    public String instructions(Task task) {
      return format.instructions(task);
    }

    @Override
    public String version() {
      return format.version();
    }

    @Override
    public Deliverable deliverable(Task task, ModelAnswer answer, FormatConversion conversion) {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        open.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
      return format.deliverable(task, answer, conversion);
    }
  }

  @Test
  void noMoreDeliverablesAreBuiltAtOnceThanThePermitsWhileEveryCallHasBeenAnswered() throws Exception {
    Store store = new Store(stores.open(Engine.SQLITE));
    Suite suite = TestSuites.write(folder.resolve("suite"), 6);
    ModelConfig model = RunnerTest.model("a", 6);
    Set<Thread> answered = ConcurrentHashMap.newKeySet();
    FakeModelClient client = new FakeModelClient(model).respond((request, call) -> {
      answered.add(Thread.currentThread());
      return FakeModelClient.answer("answer", 10, 10);
    });
    Gate gate = new Gate();
    Runner runner = Runner.builder(store, config -> client).answerFormat(gate).documentWork(2).build();
    ExecutorService starter = Executors.newSingleThreadExecutor();
    try {
      Future<RunOutcome> run = starter.submit(() -> runner.run(new RunPlan("r1", suite, List.of(model), RunSettings.DEFAULT),
          new RunControl()));
      // Every call answered, two deliverables being built, and every other attempt's thread parked
      // (waiting for a permit; without the bound, at the gate too, which would count it).
      while (answered.size() < 6 || gate.inside.get() < 2
          || !answered.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
        Thread.yield(); // the attempts need the processors more than this loop
      }
      gate.open.countDown();
      RunOutcome outcome = run.get();

      assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(6);
      assertThat(gate.most.get()).isEqualTo(2);
    } finally {
      starter.shutdownNow();
      store.close();
    }
  }
}
