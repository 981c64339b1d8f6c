package dev.parity.graders.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins: after {@code maxFailures} failures for one key (a sign-in name, or an
 * address) within {@code window}, further attempts for it are refused until the oldest failure
 * leaves the window. Kept in memory, per server. Thread-safe.
 */
final class SignInLimiter {
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInLimiter(Clock clock, int maxFailures, Duration window) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** How long {@code key} must wait before trying again; empty when it may try now. */
  Optional<Duration> wait(String key) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      Instant now = clock.instant();
      while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
        times.pollFirst();
      }
      if (times.size() < maxFailures) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }
  }

  void failed(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
      while (times.size() > maxFailures) {
        times.pollFirst();
      }
    }
  }

  void succeeded(String key) {
    failures.remove(key);
  }
}
