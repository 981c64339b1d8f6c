package dev.parity.harness.call;

import java.time.Duration;

/**
 * Waits: the runner's backoff and rate-limit waits go through one, so that tests replace real
 * sleeping with a fake that only records the waits and moves a manual clock.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  };

  /**
   * Returns after {@code duration} has passed (at once for zero or less).
   *
   * @throws InterruptedException when the run is aborted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
