package dev.parity.harness.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.ManualClock;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The work queue on PostgreSQL, with leases on a manual clock. */
class WorkQueueTest {
  private static final Duration LEASE = Duration.ofSeconds(10);
  @RegisterExtension final TestStores stores = new TestStores();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private Database database;
  private Store store;

  @BeforeEach
  void setUp() {
    database = stores.open(Engine.POSTGRESQL);
    store = new Store(database);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void twoWorkersClaimingAtOnceNeverGetTheSameAttempt() throws Exception {
    createRun("r1", 200);
    WorkQueue a = worker("a");
    WorkQueue b = worker("b");
    a.enqueue("r1", List.of("m"), false);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<List<Lease>> byA = threads.submit(claimAll(a, go));
      Future<List<Lease>> byB = threads.submit(claimAll(b, go));
      go.countDown();
      Set<AttemptKey> keysA = keys(byA.get());
      Set<AttemptKey> keysB = keys(byB.get());

      // Not doesNotContainAnyElementsOf: it refuses an empty set, and one worker may claim all 200
      // before the other's thread first runs (seen on a loaded machine), which is no duplicate.
      Set<AttemptKey> both = new HashSet<>(keysA);
      both.retainAll(keysB);
      assertThat(both).as("attempts claimed by both workers").isEmpty();
      Set<AttemptKey> all = new HashSet<>(keysA);
      all.addAll(keysB);
      assertThat(all).hasSize(200);
      assertThat(byA.get()).allSatisfy(lease -> assertThat(lease.worker()).isEqualTo("a"));
      assertThat(a.progress("r1")).isEqualTo(new QueueProgress(0, 200, 0, 0));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aClaimTakesNoMoreThanItAsksFor() {
    createRun("r1", 200);
    WorkQueue a = worker("a");
    a.enqueue("r1", List.of("m"), false);
    // With the table's statistics, as on a server that has been running: the planner's join choice
    // then follows them, and a claim must not depend on it.
    database.transaction("analyse the queue", h -> h.update("ANALYZE work_units"));

    assertThat(a.claim("r1", "m", 3)).hasSize(3);
    assertThat(a.claim("r1", "m", 1)).hasSize(1);
    assertThat(a.progress("r1")).isEqualTo(new QueueProgress(196, 4, 0, 0));
  }

  @Test
  void aLeaseThatRunsOutReturnsTheAttemptAndItsHolderCannotRecordIt() {
    createRun("r1", 1);
    WorkQueue a = worker("a");
    WorkQueue b = worker("b");
    a.enqueue("r1", List.of("m"), false);
    Lease held = a.claim("r1", "m", 5).get(0);
    assertThat(held.token()).isEqualTo(1);
    assertThat(held.takenOver()).isFalse();

    clock.advance(Duration.ofSeconds(9));
    assertThat(b.claim("r1", "m", 5)).as("held under a running lease").isEmpty();
    assertThat(a.renew()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(9));
    assertThat(b.claim("r1", "m", 5)).as("the renewal runs to 19 s").isEmpty();
    assertThat(b.runsWithWork()).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    assertThat(b.runsWithWork()).containsExactly("r1");
    List<Lease> takenOver = b.claim("r1", "m", 5);

    assertThat(takenOver).singleElement().satisfies(lease -> {
      assertThat(lease.key()).isEqualTo(held.key());
      assertThat(lease.token()).isEqualTo(2);
      assertThat(lease.takenOver()).isTrue();
    });
    assertThat(a.progress("r1").expiredLeases()).as("the call a had in flight may be paid twice").isEqualTo(1);
    assertThat(record(held, a)).as("a's lease is no longer the attempt's").isFalse();
    assertThat(store.attempts("r1").get(0).status()).isEqualTo(AttemptStatus.PENDING);
    assertThat(record(takenOver.get(0), b)).isTrue();
    assertThat(store.attempts("r1").get(0).status()).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(a.progress("r1")).isEqualTo(new QueueProgress(0, 0, 1, 1));
    assertThat(a.progress("r1").drained()).isTrue();
    assertThat(a.drained("r1", "m")).isTrue();
    assertThat(b.renew()).as("a done attempt is held by nobody").isZero();
  }

  @Test
  void workGivenBackIsFreeToClaimAtOnceAndNotCountedAsPaid() {
    createRun("r1", 3);
    WorkQueue a = worker("a");
    WorkQueue b = worker("b");
    a.enqueue("r1", List.of("m"), false);
    List<Lease> held = a.claim("r1", "m", 2);
    assertThat(a.drained("r1", "m")).isFalse();

    a.release(held);

    assertThat(b.claim("r1", "m", 5)).hasSize(3).allSatisfy(lease -> assertThat(lease.takenOver()).isFalse());
    assertThat(b.progress("r1")).isEqualTo(new QueueProgress(0, 3, 0, 0));
    a.release(held.get(0));
    assertThat(b.progress("r1").leased()).as("a stale lease gives back nothing").isEqualTo(3);
  }

  @Test
  void queueingAgainKeepsHeldAttemptsAndQueuesFailedOnesOnlyWhenAsked() {
    createRun("r1", 3);
    WorkQueue a = worker("a");
    a.enqueue("r1", List.of("m"), false);
    List<Lease> held = a.claim("r1", "m", 3);
    assertThat(record(held.get(0), a)).isTrue();
    assertThat(store.record(failed(held.get(1).key()), List.of(), List.of(), a.completion(held.get(1)))).isTrue();

    a.enqueue("r1", List.of("m"), false);
    assertThat(a.progress("r1")).isEqualTo(new QueueProgress(0, 1, 2, 0));
    a.enqueue("r1", List.of("m"), true);
    assertThat(a.progress("r1")).as("the failed one again; the held one stays held").isEqualTo(new QueueProgress(1, 1, 1, 0));
    assertThat(a.claim("r1", "m", 5)).singleElement().satisfies(l -> assertThat(l.key()).isEqualTo(held.get(1).key()));
  }

  @Test
  void anSqliteStoreHasNoWorkers() {
    Database sqlite = stores.open(Engine.SQLITE);
    assertThatThrownBy(() -> WorkQueue.open(sqlite, clock, LEASE, "a")).isInstanceOf(ParityException.class)
        .hasMessageContaining("workers need a PostgreSQL store").hasMessageContaining("is sqlite");
  }

  private WorkQueue worker(String name) {
    return WorkQueue.open(database, clock, LEASE, name);
  }

  private static Callable<List<Lease>> claimAll(WorkQueue queue, CountDownLatch go) {
    return () -> {
      go.await();
      List<Lease> leases = new ArrayList<>();
      for (List<Lease> got = queue.claim("r1", "m", 7); !got.isEmpty(); got = queue.claim("r1", "m", 7)) {
        leases.addAll(got);
      }
      return leases;
    };
  }

  private static Set<AttemptKey> keys(List<Lease> leases) {
    Set<AttemptKey> keys = new HashSet<>();
    leases.forEach(lease -> assertThat(keys.add(lease.key())).as("claimed twice: " + lease.key()).isTrue());
    return keys;
  }

  private boolean record(Lease lease, WorkQueue queue) {
    Attempt attempt = Attempt.answered(lease.key(), AttemptStatus.COMPLETED, Attempt.Calls.made("k", 1, null),
        Attempt.Answer.NONE, Attempt.Failure.NONE, new Attempt.Timing(clock.instant(), clock.instant()),
        Attempt.Delivery.NONE);
    return store.record(attempt, List.of(), List.of(), queue.completion(lease));
  }

  private Attempt failed(AttemptKey key) {
    return Attempt.failed(key, AttemptStatus.SERVER_ERROR, Attempt.Calls.made("k", 1, null),
        Attempt.Failure.of("server_error", "500"), new Attempt.Timing(clock.instant(), clock.instant()));
  }

  private void createRun(String id, int tasks) {
    ModelConfig model = new ModelConfig("m", "fake", "m", null, null, null, null, null, null, false, null);
    Run run = new Run(id, "s", "1", "sha256:x", Path.of("/suite"), "{}", ParityVersion.current(), RunStatus.RUNNING,
        null, clock.instant(), clock.instant(), null, List.of(model), null);
    List<AttemptKey> keys = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      keys.add(new AttemptKey(id, "m", String.format("T%04d", i), 0));
    }
    store.createRun(run, keys);
  }
}
