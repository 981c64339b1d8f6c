package dev.parity.reports.stats;

import java.util.Arrays;

/**
 * One resample as how many times each unit was drawn, with the units drawn at least once listed
 * in ascending order: a sum over the resample can then visit those alone (about 63% of the units,
 * 1 − 1/e), without a branch per unit on whether it was drawn, which the CPU mispredicts for a
 * third of them.
 *
 * <p>Not thread-safe: one per stream of resamples, refilled by each {@link #draw}. Public as what
 * {@link ItemBootstrap#forEachWeights} hands to {@link WeightedAgreement#figures(DrawCounts)}.
 */
public final class DrawCounts {
  private final int[] counts;
  private final int[] drawn;
  private int size;

  /** An empty resample of {@code units} units. */
  DrawCounts(int units) {
    this.counts = new int[units];
    this.drawn = new int[units];
  }

  /** A resample given as its counts (read, not copied). */
  static DrawCounts of(int[] counts) {
    DrawCounts resample = new DrawCounts(counts, new int[counts.length]);
    resample.list();
    return resample;
  }

  private DrawCounts(int[] counts, int[] drawn) {
    this.counts = counts;
    this.drawn = drawn;
  }

  /** Replaces the resample by the next of {@code draws}: as many draws as there are units. */
  void draw(Draws draws) {
    Arrays.fill(counts, 0);
    draws.count(counts);
    list();
  }

  private void list() {
    int n = 0;
    for (int unit = 0; unit < counts.length; unit++) {
      drawn[n] = unit;
      // One more listed when the unit was drawn (its count is never negative): no branch.
      n += -counts[unit] >>> 31;
    }
    size = n;
  }

  /** How many times each unit was drawn; the array itself, valid until the next draw. */
  int[] counts() {
    return counts;
  }

  /** The units drawn at least once, ascending, at [0, {@link #size}); the array itself. */
  int[] drawn() {
    return drawn;
  }

  /** How many units were drawn at least once. */
  int size() {
    return size;
  }
}
