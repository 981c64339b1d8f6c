package dev.parity.reports.stats;

/**
 * How a bootstrap runs: how many resamples, the interval's coverage, and the seed of its random
 * numbers. Every bootstrap result carries the settings it ran with, so a reader can run it again
 * and get the same numbers.
 *
 * @param resamples B, the number of bootstrap resamples, at least 1; 10,000 by default
 * @param level the coverage of the percentile interval, in (0, 1); 0.95 by default
 * @param seed the seed of the {@link java.util.SplittableRandom} that draws the resamples
 */
public record BootstrapSettings(int resamples, double level, long seed) {

  /** 10,000 resamples. */
  public static final int DEFAULT_RESAMPLES = 10_000;

  /** @throws IllegalArgumentException if resamples &lt; 1 or level is not in (0, 1) */
  public BootstrapSettings {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
    ConfidenceInterval.checkLevel(level);
  }

  /** 10,000 resamples, 95% intervals, the given seed. */
  public static BootstrapSettings of(long seed) {
    return new BootstrapSettings(DEFAULT_RESAMPLES, 0.95, seed);
  }

  /** These settings with {@code resamples} resamples. */
  public BootstrapSettings withResamples(int resamples) {
    return new BootstrapSettings(resamples, level, seed);
  }

  /** These settings with intervals of coverage {@code level}. */
  public BootstrapSettings withLevel(double level) {
    return new BootstrapSettings(resamples, level, seed);
  }

  /** These settings with another seed. */
  public BootstrapSettings withSeed(long seed) {
    return new BootstrapSettings(resamples, level, seed);
  }
}
