package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void aBurstOfRateLimitsFromOneGenerationHalvesTheLimitOnce() throws InterruptedException {
    AdaptiveLimit limit = new AdaptiveLimit(8, clock);
    int[] generations = new int[8];
    for (int i = 0; i < 8; i++) {
      generations[i] = limit.acquire();
    }

    for (int generation : generations) {
      limit.rateLimited(generation);
    }

    assertThat(limit.limit()).isEqualTo(4);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void rateLimitsOfLaterGenerationsHalveItAgainDownToOne() throws InterruptedException {
    AdaptiveLimit limit = new AdaptiveLimit(8, clock);
    for (int expected : new int[] {4, 2, 1, 1}) {
      limit.rateLimited(limit.acquire());
      assertThat(limit.limit()).isEqualTo(expected);
    }
  }

  @Test
  void itGrowsBackByOneAfterAWindowOfSuccesses() throws InterruptedException {
    AdaptiveLimit limit = new AdaptiveLimit(8, clock);
    limit.rateLimited(limit.acquire());
    assertThat(limit.limit()).isEqualTo(4);

    for (int i = 0; i < 3; i++) {
      limit.acquire();
      limit.succeeded();
    }
    assertThat(limit.limit()).isEqualTo(4);
    limit.acquire();
    limit.succeeded();
    assertThat(limit.limit()).isEqualTo(5);

    for (int i = 0; i < 100; i++) {
      limit.acquire();
      limit.succeeded();
    }
    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void otherFailuresNeitherShrinkNorGrowIt() throws InterruptedException {
    AdaptiveLimit limit = new AdaptiveLimit(3, clock);
    for (int i = 0; i < 10; i++) {
      limit.acquire();
      limit.failed();
    }
    assertThat(limit.limit()).isEqualTo(3);
  }

  @Test
  void closingReleasesEveryWaiter() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(1, clock);
    limit.acquire();
    int[] got = {0};
    Thread waiter = new Thread(() -> {
      try {
        got[0] = limit.acquire();
      } catch (InterruptedException e) {
        got[0] = -2;
      }
    });
    waiter.start();

    limit.close();
    waiter.join(5_000);

    assertThat(waiter.isAlive()).isFalse();
    assertThat(got[0]).isEqualTo(-1);
  }

  @Test
  void aLimitCutBySteadyRateLimitsRecoversOnceTheServersWindowHasPassed() throws InterruptedException {
    AdaptiveLimit limit = new AdaptiveLimit(8, clock);
    // A 429 in every window of successes: additive increase alone never gets back up.
    for (int i = 0; i < 3; i++) {
      limit.rateLimited(limit.acquire());
      limit.acquire();
      limit.succeeded();
    }
    assertThat(limit.limit()).isEqualTo(2);

    clock.advance(AdaptiveLimit.RECOVERY.minus(Duration.ofMillis(1)));
    assertThat(limit.limit()).isEqualTo(2);
    clock.advance(Duration.ofMillis(1));
    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void aRateLimitFromBeforeTheRecoveryDoesNotCutTheRecoveredLimit() throws InterruptedException {
    AdaptiveLimit limit = new AdaptiveLimit(8, clock);
    int early = limit.acquire();
    limit.rateLimited(limit.acquire());
    assertThat(limit.limit()).isEqualTo(4);

    clock.advance(AdaptiveLimit.RECOVERY);
    limit.rateLimited(early);

    assertThat(limit.limit()).isEqualTo(8);
    limit.rateLimited(limit.acquire());
    assertThat(limit.limit()).isEqualTo(4);
  }
}
