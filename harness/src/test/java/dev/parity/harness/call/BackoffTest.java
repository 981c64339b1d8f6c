package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(new Random(1));

  @Test
  void theServersWaitIsHonouredWithAtMostATenthMore() {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(20))))
          .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(22));
    }
  }

  @Test
  void withoutAServerWaitItDrawsBelowADoublingCeilingUpToTheCap() {
    for (int failedTries = 1; failedTries <= 12; failedTries++) {
      Duration ceiling = Duration.ofSeconds(Math.min(60, 1L << (failedTries - 1)));
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delay(failedTries, Optional.empty())).isLessThanOrEqualTo(ceiling);
      }
    }
  }

  @Test
  void theDrawsAreSpreadOutSoRetriesDoNotComeBackTogether() {
    Set<Duration> draws = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      draws.add(backoff.delay(6, Optional.empty()));
    }
    assertThat(draws).hasSizeGreaterThan(40);
  }
}
