package dev.parity.harness.run;

import dev.parity.harness.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes a run's heartbeat every interval while its process runs it, so that a run whose process
 * died reads as abandoned ({@link dev.parity.harness.store.Run#statusAt}). One daemon thread per
 * run, stopped by {@link #close}; a heartbeat that cannot be written is skipped (the store may be
 * busy for a moment), the next one tries again.
 */
final class Heartbeat implements AutoCloseable {
  private final Store store;
  private final String runId;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  private Heartbeat(Store store, String runId, Clock clock, Duration interval) {
    this.store = store;
    this.runId = runId;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "parity-heartbeat-" + runId);
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Beats for {@code runId} every {@code interval}, from one interval on (the run's start wrote the first). */
  static Heartbeat start(Store store, String runId, Clock clock, Duration interval) {
    return new Heartbeat(store, runId, clock, interval);
  }

  /** Writes the heartbeat now. */
  void beat() {
    try {
      store.heartbeat(runId, clock.instant());
    } catch (RuntimeException e) {
      // Skipped: a periodic task that throws is never run again, and one missed beat is harmless.
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
