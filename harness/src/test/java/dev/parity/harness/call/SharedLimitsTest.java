package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.store.Database;
import dev.parity.store.StoreException;
import dev.parity.store.testing.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two workers — two pools on one PostgreSQL schema, as two processes would have — share one
 * model's limits. Every time is the test's manual clock; nothing waits for real.
 */
class SharedLimitsTest {
  @RegisterExtension
  final TestStores stores = new TestStores();
  private final ManualClock clock = new ManualClock();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  private static ModelConfig model(Integer concurrency, Integer rpm, Integer tpm) {
    return new ModelConfig("judge", "fake", "judge-1", null, null, null, null,
        new ModelConfig.Limits(concurrency, rpm, tpm), null, false, null);
  }

  /** Two workers of one store, each with its own pool and holder. */
  private List<SharedLimits.Worker> twoWorkers() {
    String location = stores.location(TestStores.Engine.POSTGRESQL);
    List<SharedLimits.Worker> workers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SharedLimits.Worker worker = SharedLimits.worker(stores.open(location), clock);
      workers.add(worker);
      toClose.add(worker);
    }
    return workers;
  }

  @Test
  void twoWorkersTogetherNeverSendMoreThanTheRequestsPerMinute() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(8, 120, null);
    List<ModelLimits> lanes = workers.stream()
        .map(w -> w.open(config, 8, clock, new RecordingSleeper(clock))).toList();
    Instant start = clock.instant();
    List<Duration> sentAt = new ArrayList<>();

    // Each worker in turn takes a slot, "sends" when the bucket says, and gives it back; the
    // clock moves by 100 ms every other call, far faster than 120 a minute allows.
    for (int i = 0; i < 400; i++) {
      ModelLimits lane = lanes.get(i % 2);
      ModelLimits.Permit permit = lane.acquire(10);
      sentAt.add(Duration.between(start, clock.instant()).plus(permit.rateWait()));
      lane.succeeded();
      if (i % 2 == 1) {
        clock.advance(Duration.ofMillis(100));
      }
    }

    // A bucket holds one second's worth (2 calls) on top of the rate: at most 122 in any minute.
    assertThat(mostInAnyWindow(sentAt, Duration.ofMinutes(1))).isBetween(120, 122);
    // Shared, the 400 calls take 199 s; each worker on its own bucket would have sent them in 99 s.
    assertThat(sentAt.get(399)).isBetween(Duration.ofSeconds(198), Duration.ofSeconds(200));
    assertThat(lanes.get(0).inFlight()).isZero();
  }

  @Test
  void theTokensPerMinuteAreSharedToo() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(8, null, 6_000);
    ModelLimits a = workers.get(0).open(config, 8, clock, new RecordingSleeper(clock));
    ModelLimits b = workers.get(1).open(config, 8, clock, new RecordingSleeper(clock));

    // 100 tokens a second, a bucket of 100: the first 100 go at once, the next 100 a second later.
    assertThat(a.acquire(100).rateWait()).isZero();
    assertThat(b.acquire(100).rateWait()).isEqualTo(Duration.ofSeconds(1));
    assertThat(a.reserve(50)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aWorkerWaitsForASlotAnotherWorkerGivesBack() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(2, null, null);
    ModelLimits a = workers.get(0).open(config, 2, clock, new RecordingSleeper(clock));
    a.acquire(0);
    a.acquire(0);
    List<Duration> waits = new ArrayList<>();
    ModelLimits b = workers.get(1).open(config, 2, clock, wait -> {
      waits.add(wait);
      a.succeeded(); // the other worker's call ends while this one waits
    });

    assertThat(b.inFlight()).isEqualTo(2);
    assertThat(b.acquire(0)).isNotNull();

    assertThat(waits).containsExactly(SharedLimits.POLL);
    assertThat(a.inFlight()).isEqualTo(2);
  }

  @Test
  void aRetryAfterSeenByOneWorkerPausesTheOtherUntilThen() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(4, null, null);
    ModelLimits a = workers.get(0).open(config, 4, clock, new RecordingSleeper(clock));
    RecordingSleeper bSleeps = new RecordingSleeper(clock);
    ModelLimits b = workers.get(1).open(config, 4, clock, bSleeps);

    a.acquire(0);
    a.paused(Duration.ofMillis(2500));
    clock.advance(Duration.ofMillis(500));

    assertThat(b.acquire(0)).isNotNull();
    // Slept exactly until the pause ended, in waits of at most a second; the limit is not cut.
    assertThat(bSleeps.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(b.limit()).isEqualTo(4);
    // A shorter pause later never shortens a longer one.
    a.paused(Duration.ofSeconds(30));
    a.paused(Duration.ofSeconds(1));
    RecordingSleeper aSleeps = new RecordingSleeper(clock);
    ModelLimits again = workers.get(0).open(config, 4, clock, aSleeps);
    again.acquire(0);
    assertThat(aSleeps.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aRateLimitWithoutAWaitHalvesTheSharedLimitOnceAndItRecoversAfterAMinute() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(8, null, null);
    ModelLimits a = workers.get(0).open(config, 8, clock, new RecordingSleeper(clock));
    ModelLimits b = workers.get(1).open(config, 8, clock, new RecordingSleeper(clock));
    // The window full: 8 calls in flight, 4 of each worker.
    for (int i = 0; i < 3; i++) {
      a.acquire(0);
      b.acquire(0);
    }
    int first = a.acquire(0).generation();
    int second = b.acquire(0).generation();

    a.rateLimited(first);
    b.rateLimited(second); // the same burst: it does not halve again

    assertThat(b.limit()).isEqualTo(4);
    for (int i = 0; i < 3; i++) {
      a.failed();
      b.failed();
    }
    assertThat(a.inFlight()).isZero();
    // Four successes at 4 grow it by one, as in one process.
    for (int i = 0; i < 4; i++) {
      b.acquire(0);
      b.succeeded();
    }
    assertThat(a.limit()).isEqualTo(5);
    clock.advance(AdaptiveLimit.RECOVERY);
    assertThat(a.limit()).isEqualTo(8);
  }

  @Test
  void aRateLimitCutsAnUnconfiguredLimitToHalfTheCallsThenInFlight() throws Exception {
    // No concurrency configured: the window has no ceiling to speak of, and halving it would not
    // slow anyone down; the cut is to half the calls of every worker in flight at the 429.
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(null, null, null);
    ModelLimits a = workers.get(0).open(config, 6, clock, new RecordingSleeper(clock));
    ModelLimits b = workers.get(1).open(config, 6, clock, new RecordingSleeper(clock));
    assertThat(a.limit()).isEqualTo(SharedLimits.UNCONFIGURED_CEILING);
    for (int i = 0; i < 5; i++) {
      a.acquire(0);
      b.acquire(0);
    }
    int generation = a.acquire(0).generation();
    b.acquire(0);

    a.rateLimited(generation);

    assertThat(b.limit()).isEqualTo(6);
    assertThat(b.inFlight()).isEqualTo(11);
  }

  @Test
  void aWorkerLeasesSlotsInBatchesWhereTheWindowHasRoomAndGivesTheSpareOnesBack() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelLimits a = workers.get(0).open(model(null, null, null), 32, clock, new RecordingSleeper(clock));

    a.acquire(0);
    assertThat(a.inFlight()).as("the first trip takes one slot and finds room").isEqualTo(1);
    a.acquire(0);
    assertThat(a.inFlight()).as("the next takes a batch").isEqualTo(1 + SharedLimits.BATCH);
    a.succeeded();
    a.succeeded();
    assertThat(a.inFlight()).as("spare slots beyond a batch go back").isEqualTo(SharedLimits.BATCH);
    for (int i = 0; i < SharedLimits.BATCH; i++) {
      a.acquire(0);
    }
    assertThat(a.inFlight()).as("a batch's calls take no more from the row").isEqualTo(SharedLimits.BATCH);
    for (int i = 0; i < SharedLimits.BATCH; i++) {
      a.succeeded();
    }
    a.close();
    assertThat(workers.get(1).open(model(null, null, null), 32, clock, new RecordingSleeper(clock)).inFlight())
        .as("a closed lane gives its lease back").isZero();
  }

  @Test
  void aTightWindowIsTakenAndGivenBackOneSlotAtATime() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(2 * SharedLimits.BATCH, null, null);
    ModelLimits a = workers.get(0).open(config, 32, clock, new RecordingSleeper(clock));
    ModelLimits b = workers.get(1).open(config, 32, clock, new RecordingSleeper(clock));

    a.acquire(0);
    a.acquire(0);
    b.acquire(0);
    assertThat(b.inFlight()).isEqualTo(3);
    a.succeeded();
    assertThat(b.inFlight()).isEqualTo(2);
  }

  @Test
  void requestsLeasedInBatchesStillHoldTheRequestsPerMinute() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    // 6,000 a minute: 100 a second, a bucket of 100, batches of 6 (a thousandth of the minute's).
    ModelConfig config = model(null, 6_000, null);
    List<ModelLimits> lanes = workers.stream()
        .map(w -> w.open(config, 8, clock, new RecordingSleeper(clock))).toList();
    Instant start = clock.instant();
    List<Duration> sentAt = new ArrayList<>();

    // Bursts of 20 calls every 100 ms, twice the rate: each burst finds the bucket refilled a
    // little, takes it in batches, and the rest of the burst waits in debt.
    for (int burst = 0; burst < 250; burst++) {
      for (int i = 0; i < 20; i++) {
        ModelLimits lane = lanes.get(i % 2);
        ModelLimits.Permit permit = lane.acquire(1);
        sentAt.add(Duration.between(start, clock.instant()).plus(permit.rateWait()));
        lane.succeeded();
      }
      clock.advance(Duration.ofMillis(100));
    }

    // At most the rate, one second's worth and a batch of each worker in any 10 s.
    assertThat(mostInAnyWindow(sentAt, Duration.ofSeconds(10))).isBetween(1000, 1000 + 100 + 2 * 6);
  }

  @Test
  void theSlotsOfAWorkerThatWentAwayAreFreedForTheOthers() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(2, null, null);
    ModelLimits a = workers.get(0).open(config, 2, clock, new RecordingSleeper(clock));
    a.acquire(0);
    a.acquire(0);
    RecordingSleeper bSleeps = new RecordingSleeper(clock);
    ModelLimits b = workers.get(1).open(config, 2, clock, bSleeps);

    // Its holder's lock goes, as it does when its process dies with the calls in flight.
    workers.get(0).close();

    assertThat(b.acquire(0)).isNotNull();
    assertThat(b.acquire(0)).isNotNull();
    assertThat(bSleeps.sleeps()).isEmpty();
    assertThat(b.inFlight()).isEqualTo(2);
  }

  @Test
  void aModelCallerOnSharedLimitsHonoursAnotherWorkersRetryAfter() throws Exception {
    List<SharedLimits.Worker> workers = twoWorkers();
    ModelConfig config = model(2, null, null);
    FakeModelClient first = new FakeModelClient(config).respond((r, call) -> {
      if (call == 1) {
        throw new RetryableCallException(CallFailure.RATE_LIMITED, "slow down", Duration.ofSeconds(7), null);
      }
      return FakeModelClient.answer("the memo", 10, 5);
    });
    // The first worker's sleeper does not move the clock: its retry ends before the pause does.
    ModelCaller a = ModelCaller.create(first, config, 2, clock, wait -> {}, new Random(1), workers.get(0));
    RecordingSleeper bSleeps = new RecordingSleeper(clock);
    FakeModelClient second = new FakeModelClient(config);
    ModelCaller b = ModelCaller.create(second, config, 2, clock, bSleeps, new Random(1), workers.get(1));
    ModelRequest request = new ModelRequest("t1", 0, "", "Write the memo.", List.of(), List.of(),
        Duration.ofMinutes(1));

    assertThat(a.call(request, 100)).isInstanceOf(CallOutcome.Answered.class);
    assertThat(b.call(request, 100)).isInstanceOf(CallOutcome.Answered.class);

    assertThat(bSleeps.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(7));
    assertThat(b.currentConcurrency()).isEqualTo(2);
    assertThat(b.inFlight()).isZero();
  }

  @Test
  void anSqliteStoreIsRefusedWithTheReason() {
    Database sqlite = stores.open(TestStores.Engine.SQLITE);

    assertThatThrownBy(() -> SharedLimits.worker(sqlite))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("need a PostgreSQL store");
  }

  @org.junit.jupiter.api.AfterEach
  void closeWorkers() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private static int mostInAnyWindow(List<Duration> times, Duration window) {
    List<Duration> sorted = times.stream().sorted().toList();
    int most = 0;
    int from = 0;
    for (int to = 0; to < sorted.size(); to++) {
      while (sorted.get(to).minus(sorted.get(from)).compareTo(window) >= 0) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }
}
