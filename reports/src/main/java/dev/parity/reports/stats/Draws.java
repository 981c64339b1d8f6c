package dev.parity.reports.stats;

/**
 * A bootstrap's draws with replacement: the numbers {@code new SplittableRandom(seed).nextInt(bound)}
 * gives, call after call, so the same resamples and intervals as drawing from that generator
 * ({@code DrawsTest} checks them against it on the running Java). A resample's draws are made in
 * one loop that the report's compiler (C1) compiles whole: through SplittableRandom each draw cost
 * a call to RandomGenerator's default method and, from there, an interface call, which C1 does not
 * inline; the draws were 10–20% of the report's resampling.
 *
 * <p>Not thread-safe: one per stream of resamples.
 */
final class Draws {
  /** SplittableRandom's increment for a generator made from a seed. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long seed;

  Draws(long seed) {
    this.seed = seed;
  }

  /** Makes {@code counts.length} draws from [0, counts.length), adding one to {@code counts[d]} for each draw d. */
  void count(int[] counts) {
    long s = seed;
    int bound = counts.length;
    int m = bound - 1;
    boolean powerOfTwo = (bound & m) == 0;
    for (int i = 0; i < bound; i++) {
      s += GOLDEN_GAMMA;
      int r = mix32(s);
      if (powerOfTwo) {
        r &= m;
      } else {
        // SplittableRandom's rejection of the over-represented candidates, in its order.
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = mix32(s) >>> 1) {
          s += GOLDEN_GAMMA;
        }
      }
      counts[r]++;
    }
    seed = s;
  }

  /** SplittableRandom's mix32: the 32 bits an int draw is made from. */
  private static int mix32(long z) {
    z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
    return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
  }
}
