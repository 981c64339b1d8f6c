package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The draws are SplittableRandom's, resample after resample, so the resamples and intervals are too. */
class DrawsTest {
  private static void assertSameDrawsAsSplittableRandom(long seed, int bound, int resamples) {
    Draws draws = new Draws(seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int b = 0; b < resamples; b++) {
      int[] counts = new int[bound];
      int[] expected = new int[bound];
      draws.count(counts);
      for (int i = 0; i < bound; i++) {
        expected[random.nextInt(bound)]++;
      }
      assertThat(counts).as("seed %d, bound %d, resample %d", seed, bound, b).isEqualTo(expected);
    }
  }

  @Test
  void eachResampleCountsTheDrawsOfSplittableRandomFromTheSameSeed() {
    for (long seed : new long[] {1, 20250925, -3}) {
      for (int bound : new int[] {1, 2, 3, 7, 64, 300, 1_000, 1_320, 13_200}) {
        assertSameDrawsAsSplittableRandom(seed, bound, 20);
      }
    }
  }

  @Test
  void rejectedCandidatesAreRedrawnAsSplittableRandomRedrawsThem() {
    // About 4.6e-4 of the candidates below 1,500,000 are rejected (2³¹ mod 1,500,000 = 983,648): some 700 a resample.
    assertSameDrawsAsSplittableRandom(20250925, 1_500_000, 2);
  }
}
