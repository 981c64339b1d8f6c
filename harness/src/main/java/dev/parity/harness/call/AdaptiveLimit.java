package dev.parity.harness.call;

/**
 * How many calls to one model may be in flight: starts at the configured maximum, halves when the
 * provider answers "rate limited", and grows back by one after each window of as many successes
 * as the limit (additive increase, multiplicative decrease, as TCP and inspect_ai do).
 *
 * <p>A burst of 429s from calls started at the same limit halves it once, not once per call: each
 * call remembers the limit's generation when it started, and only a call of the current
 * generation can shrink it. Thread-safe; waiting is interruptible.
 */
final class AdaptiveLimit {
  private final int max;
  private int limit;
  private int inFlight;
  private int generation;
  private int successes;
  private boolean closed;

  AdaptiveLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + max);
    }
    this.max = max;
    this.limit = max;
  }

  /**
   * Waits for a free slot and takes it.
   *
   * @return the generation to hand back to {@link #release}, or -1 if the limit was closed
   */
  synchronized int acquire() throws InterruptedException {
    while (!closed && inFlight >= limit) {
      wait();
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

  /** Gives a slot back after a call the provider rate-limited. */
  synchronized void rateLimited(int generation) {
    release();
    if (generation == this.generation && limit > 1) {
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
    return limit;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  private void release() {
    inFlight--;
    notifyAll();
  }
}
