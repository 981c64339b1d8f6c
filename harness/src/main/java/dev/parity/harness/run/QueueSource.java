package dev.parity.harness.run;

import dev.parity.harness.call.Budget;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.work.Lease;
import dev.parity.harness.work.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A run's attempts as its dispatcher claims them from the shared {@link WorkQueue} (PostgreSQL),
 * instead of a list made at the start: each claimed attempt becomes {@link Work} under its lease,
 * and the leases this process holds are renewed every third of a lease by a daemon thread until
 * {@link #close}. A renewal that fails is skipped (the database may be busy for a moment); the
 * next one tries again, two more before the lease runs out.
 */
final class QueueSource implements AutoCloseable {
  private final WorkQueue queue;
  private final String runId;
  private final Map<AttemptKey, Work> unleased;
  private final ScheduledExecutorService renewal;

  /**
   * @param unleased the run's attempts as work, by key, as they stood when this session started;
   *     a claimed attempt is made from its entry
   */
  QueueSource(WorkQueue queue, String runId, Map<AttemptKey, Work> unleased) {
    this.queue = queue;
    this.runId = runId;
    this.unleased = unleased;
    this.renewal = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "parity-lease-" + runId);
      thread.setDaemon(true);
      return thread;
    });
    long every = Math.max(1, queue.lease().toMillis() / 3);
    renewal.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  WorkQueue queue() {
    return queue;
  }

  /**
   * What a claim took, as work whose worst case is reserved in the budget already, and the first
   * attempt the budget could not take (null when it took all it was offered).
   */
  record Claim(List<Work> claimed, Work heldBack) {}

  /**
   * Claims up to {@code max} of {@code model}'s attempts, as work, reserving each one's worst case
   * in {@code budget} in the claiming transaction: the first that does not fit goes back to the
   * queue with those after it (docs/teams.md#what-workers-share-limits-and-budget).
   */
  Claim claim(String model, int max, Budget budget) {
    // An attempt added to the run after this session read it (an import) is taken unreserved and
    // given back below: it is left to a later session.
    WorkQueue.Claimed got = queue.claim(runId, model, max, (h, lease) -> {
      Work work = unleased.get(lease.key());
      return work == null || budget.reserve(h, work.worstCaseUsd());
    });
    List<Work> claimed = new ArrayList<>();
    List<Lease> unknown = new ArrayList<>();
    for (Lease lease : got.leases()) {
      Work work = unleased.get(lease.key());
      if (work == null) {
        unknown.add(lease);
      } else {
        claimed.add(work.leased(lease));
      }
    }
    queue.release(unknown);
    return new Claim(claimed, got.refused() == null ? null : unleased.get(got.refused().key()));
  }

  /** Whether {@code model}'s attempts are all made, here or elsewhere. */
  boolean drained(String model) {
    return queue.drained(runId, model);
  }

  /** Gives the leases of work not made back to the queue, for any worker to claim. */
  void giveBack(List<Work> unmade) {
    queue.release(unmade.stream().map(Work::lease).toList());
  }

  /**
   * How long to wait before asking the queue again when it had nothing to claim and nothing of
   * this process's ended: a quarter lease (an attempt held by a worker that died comes free after a
   * lease), at least 10 ms and at most a second.
   */
  Duration pollInterval() {
    long quarter = queue.lease().toMillis() / 4;
    return Duration.ofMillis(Math.max(10, Math.min(1000, quarter)));
  }

  private void renew() {
    try {
      queue.renew();
    } catch (RuntimeException e) {
      // Skipped: a periodic task that throws is never run again, and the lease outlives two misses.
    }
  }

  @Override
  public void close() {
    renewal.shutdownNow();
  }
}
