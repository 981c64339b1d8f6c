package dev.parity.reports.report;

import dev.parity.reports.stats.ConfidenceInterval;

/**
 * A confidence interval as the report shows it; the method that made it is named where it is
 * used ({@code ci_wilson}, {@code ci_bootstrap}) and described in the report's methods.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double low, double high) {

  /** The bounds of {@code interval}. */
  public static Interval of(ConfidenceInterval interval) {
    return new Interval(interval.low(), interval.high());
  }

  /** Whether the whole interval lies above {@code value}. */
  public boolean above(double value) {
    return low > value;
  }

  /** Whether the whole interval lies below {@code value}. */
  public boolean below(double value) {
    return high < value;
  }
}
