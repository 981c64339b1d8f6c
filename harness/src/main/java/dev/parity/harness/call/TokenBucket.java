package dev.parity.harness.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A per-minute rate limit (requests or tokens per minute) as a token bucket that holds one
 * second's worth and refills continuously, so that calls are paced evenly instead of bursting a
 * minute's worth at once.
 *
 * <p>A reservation larger than what is available goes into debt: it is granted with the wait
 * until the debt is repaid, and later reservations queue behind it. Thread-safe.
 */
final class TokenBucket {
  private final Clock clock;
  private final double perNano;
  private final double capacity;
  private double available;
  private Instant refilledAt;

  TokenBucket(long perMinute, Clock clock) {
    if (perMinute <= 0) {
      throw new IllegalArgumentException("a rate limit must be positive, was " + perMinute);
    }
    this.clock = clock;
    this.perNano = perMinute / 60e9;
    this.capacity = Math.max(1, perMinute / 60.0);
    this.available = capacity;
    this.refilledAt = clock.instant();
  }

  /** Takes {@code amount} now and returns how long to wait before using it (zero if none). */
  synchronized Duration reserve(long amount) {
    Instant now = clock.instant();
    long elapsed = Duration.between(refilledAt, now).toNanos();
    if (elapsed > 0) {
      available = Math.min(capacity, available + elapsed * perNano);
      refilledAt = now;
    }
    available -= amount;
    return available >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-available / perNano));
  }
}
