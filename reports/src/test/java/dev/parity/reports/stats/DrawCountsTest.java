package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A resample's counts are the draws', and its list names exactly the units drawn, in order. */
class DrawCountsTest {
  @Test
  void listsExactlyTheUnitsDrawnInAscendingOrder() {
    for (int units : new int[] {1, 2, 7, 300, 1_320}) {
      DrawCounts resample = new DrawCounts(units);
      Draws draws = new Draws(20250925);
      Draws same = new Draws(20250925);
      for (int r = 0; r < 20; r++) {
        resample.draw(draws);
        int[] expected = new int[units];
        same.count(expected);
        assertThat(resample.counts()).as("units %d, resample %d", units, r).isEqualTo(expected);
        int[] drawn = IntStream.range(0, units).filter(u -> expected[u] > 0).toArray();
        assertThat(resample.size()).isEqualTo(drawn.length);
        assertThat(Arrays.copyOf(resample.drawn(), resample.size())).isEqualTo(drawn);
      }
    }
  }

  @Test
  void aResampleGivenAsCountsListsItsUnitsWithACount() {
    DrawCounts resample = DrawCounts.of(new int[] {0, 3, 0, 0, 1, 2, 0});
    assertThat(resample.size()).isEqualTo(3);
    assertThat(Arrays.copyOf(resample.drawn(), 3)).containsExactly(1, 4, 5);
  }
}
