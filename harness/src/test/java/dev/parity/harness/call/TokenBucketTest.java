package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void callsBeyondOneSecondsWorthWaitTheirTurn() {
    TokenBucket bucket = new TokenBucket(120, clock);

    assertThat(bucket.reserve(1)).isEqualTo(Duration.ZERO);
    assertThat(bucket.reserve(1)).isEqualTo(Duration.ZERO);
    assertThat(bucket.reserve(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(bucket.reserve(1)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void itRefillsWithTimeButHoldsNoMoreThanOneSecondsWorth() {
    TokenBucket bucket = new TokenBucket(60, clock);
    bucket.reserve(1);

    clock.advance(Duration.ofMinutes(5));

    assertThat(bucket.reserve(1)).isEqualTo(Duration.ZERO);
    assertThat(bucket.reserve(1)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aReservationLargerThanTheBucketWaitsInProportion() {
    TokenBucket bucket = new TokenBucket(60_000, clock);

    assertThat(bucket.reserve(1_000)).isEqualTo(Duration.ZERO);
    assertThat(bucket.reserve(30_000)).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(bucket.reserve(1_000)).isEqualTo(Duration.ofSeconds(1));
  }
}
