package dev.parity.harness.testing;

import dev.parity.harness.call.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A sleeper that never sleeps: it records each wait and moves a {@link ManualClock} by it, so that
 * tests of retries and rate limits run at once and can assert the waits. Thread-safe.
 */
public final class RecordingSleeper implements Sleeper {
  private final ManualClock clock;
  private final List<Duration> sleeps = new ArrayList<>();

  public RecordingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    synchronized (this) {
      sleeps.add(duration);
    }
    clock.advance(duration);
  }

  /** Every non-zero wait, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
