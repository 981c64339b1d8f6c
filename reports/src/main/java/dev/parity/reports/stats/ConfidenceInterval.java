package dev.parity.reports.stats;

/**
 * A two-sided confidence interval.
 *
 * @param low the lower bound
 * @param high the upper bound, at least {@code low}
 * @param level the nominal coverage, in (0, 1), e.g. 0.95
 */
public record ConfidenceInterval(double low, double high, double level) {

  /** @throws IllegalArgumentException if the bounds are out of order or the level is not in (0, 1) */
  public ConfidenceInterval {
    checkLevel(level);
    if (!(low <= high)) {
      throw new IllegalArgumentException("interval bounds out of order: [" + low + ", " + high + "]");
    }
  }

  /** Whether {@code value} lies within the bounds, both included. */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    return level;
  }

  /** The level as a percentage without trailing zeros: 0.95 → "95", 0.995 → "99.5". */
  static String percent(double level) {
    return java.math.BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
