package dev.parity.harness.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many calls to one model may be in flight: starts at the configured maximum, halves when the
 * provider answers "rate limited" without saying for how long, grows back by one after each window
 * of as many successes as the limit (additive increase, multiplicative decrease, as TCP and
 * inspect_ai do), and recovers: once {@link #RECOVERY} has passed since the first cut of an episode
 * of cuts, the limit goes back to where it stood before that episode. Without the recovery a steady
 * trickle of 429s kept the limit near one for ever, as the run of successes it waited for never came.
 *
 * <p>A 429 that says how long to wait (Retry-After) does not shrink the limit: the call keeps its
 * slot through that wait (see {@link ModelCaller}), so the lane pauses as far as the server asks
 * and no further.
 *
 * <p>A burst of 429s from calls started at the same limit halves it once, not once per call: each
 * call remembers the limit's generation when it started, and only a call of the current
 * generation can shrink it. Thread-safe; waiting is interruptible.
 */
final class AdaptiveLimit {
  /**
   * How long after a cut the limit recovers. Providers count their limits per minute (requests and
   * tokens per minute), so a minute after a 429 the window it was counted in has passed.
   */
  static final Duration RECOVERY = Duration.ofMinutes(1);

  private final int max;
  private final Clock clock;
  private int limit;
  private int inFlight;
  private int generation;
  private int successes;
  private boolean closed;
  /** When the current episode of cuts recovers, or null when the limit is not cut. */
  private Instant recoverAt;
  /** The limit before the current episode's first cut. */
  private int recoverTo;

  AdaptiveLimit(int max, Clock clock) {
    if (max < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + max);
    }
    this.max = max;
    this.limit = max;
    this.clock = clock;
  }

  /**
   * Waits for a free slot and takes it.
   *
   * @return the generation to hand back to {@link #rateLimited}, or -1 if the limit was closed
   */
  synchronized int acquire() throws InterruptedException {
    recoverIfDue();
    while (!closed && inFlight >= limit) {
      wait();
      recoverIfDue();
    }
    if (closed) {
      return -1;
    }
    inFlight++;
    return generation;
  }

  /** Gives a slot back after a call that succeeded. */
  synchronized void succeeded() {
    release();
    if (limit < max && ++successes >= limit) {
      limit++;
      successes = 0;
    }
  }

  /** Gives a slot back after a call the provider rate-limited without saying for how long. */
  synchronized void rateLimited(int generation) {
    release();
    if (generation == this.generation && limit > 1) {
      if (recoverAt == null) {
        recoverTo = limit;
        recoverAt = clock.instant().plus(RECOVERY);
      }
      limit = Math.max(1, limit / 2);
      this.generation++;
    }
    successes = 0;
  }

  /** Gives a slot back after a call that failed for another reason: the limit stays. */
  synchronized void failed() {
    release();
  }

  /** Wakes every waiter; later {@link #acquire} calls return -1 at once. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized int limit() {
    recoverIfDue();
    return limit;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  private void release() {
    inFlight--;
    recoverIfDue();
    notifyAll();
  }

  private void recoverIfDue() {
    if (recoverAt != null && !clock.instant().isBefore(recoverAt)) {
      limit = Math.max(limit, recoverTo);
      recoverAt = null;
      successes = 0;
      // Calls of the cut generations that end later must not cut the recovered limit again.
      generation++;
    }
  }
}
