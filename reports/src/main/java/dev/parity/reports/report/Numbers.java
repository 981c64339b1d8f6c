package dev.parity.reports.report;

import java.math.BigDecimal;

/** Small numeric helpers of the report. */
final class Numbers {
  private Numbers() {}

  /** The value, or null when it is NaN or infinite: report.json has no NaN. */
  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** A number without trailing zeros: 12.0 reads {@code 12}, 7.50 {@code 7.5}. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
