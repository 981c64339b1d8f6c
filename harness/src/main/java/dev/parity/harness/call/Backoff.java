package dev.parity.harness.call;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * How long to wait before calling again: the wait the server asked for, if it asked, plus up to
 * 10% more so that the calls it turned away do not all come back at the same instant; otherwise
 * "full jitter" exponential backoff, a uniform draw between zero and {@code base × 2^(try-1)},
 * capped (see the AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
final class Backoff {
  static final Duration BASE = Duration.ofSeconds(1);
  static final Duration CAP = Duration.ofSeconds(60);
  private final Random random;

  Backoff(Random random) {
    this.random = random;
  }

  /**
   * @param failedTries how many calls of the attempt failed so far, from 1
   * @param serverWait the wait the server asked for, if any
   */
  Duration delay(int failedTries, Optional<Duration> serverWait) {
    if (serverWait.isPresent() && !serverWait.get().isNegative()) {
      long asked = serverWait.get().toMillis();
      return Duration.ofMillis(asked + (long) (random.nextDouble() * asked * 0.1));
    }
    long ceiling = BASE.toMillis() << Math.min(failedTries - 1, 16);
    return Duration.ofMillis((long) (random.nextDouble() * Math.min(ceiling, CAP.toMillis())));
  }
}
