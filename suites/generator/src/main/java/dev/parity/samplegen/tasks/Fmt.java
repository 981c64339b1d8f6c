package dev.parity.samplegen.tasks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the sample documents write figures: US conventions, fixed regardless of the JVM's locale, and
 * rounding half up as spreadsheets do, so a figure in a memo matches the same figure in its workbook.
 */
final class Fmt {
  private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

  private Fmt() {}

  /** {@code $72,000}; negative amounts as {@code -$1,250}. */
  static String usd(double amount) {
    return sign(amount) + "$" + format("#,##0", Math.abs(Math.round(amount)));
  }

  /** {@code $1,234.50}. */
  static String cents(double amount) {
    return sign(amount) + "$" + format("#,##0.00", Math.abs(amount));
  }

  /** {@code 12.3%} from a fraction 0.123; one decimal. */
  static String pct(double fraction) {
    return format("0.0", fraction * 100) + "%";
  }

  /** {@code +12.3%} / {@code -4.0%}: a change, always signed. */
  static String signedPct(double fraction) {
    return (fraction >= 0 ? "+" : "-") + pct(Math.abs(fraction));
  }

  /** {@code +$1,250} / {@code -$1,250}: a change, always signed. */
  static String signedUsd(double amount) {
    return (amount >= 0 ? "+" : "") + usd(amount);
  }

  /** {@code 12,480}. */
  static String count(double amount) {
    return format("#,##0", Math.round(amount));
  }

  private static String format(String pattern, double value) {
    DecimalFormat format = new DecimalFormat(pattern, US);
    format.setRoundingMode(RoundingMode.HALF_UP);
    // The shortest decimal that reads back as the double (136.25, not 136.2499…), as a spreadsheet shows it.
    return format.format(BigDecimal.valueOf(value));
  }

  private static String sign(double amount) {
    return Math.round(amount * 100) < 0 ? "-" : "";
  }
}
