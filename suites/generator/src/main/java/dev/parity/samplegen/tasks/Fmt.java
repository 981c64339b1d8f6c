package dev.parity.samplegen.tasks;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the sample documents write figures: US conventions, fixed regardless of the JVM's locale. */
final class Fmt {
  private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

  private Fmt() {}

  /** {@code $72,000}; negative amounts as {@code -$1,250}. */
  static String usd(double amount) {
    return sign(amount) + "$" + new DecimalFormat("#,##0", US).format(Math.abs(Math.round(amount)));
  }

  /** {@code $1,234.50}. */
  static String cents(double amount) {
    return sign(amount) + "$" + new DecimalFormat("#,##0.00", US).format(Math.abs(amount));
  }

  /** {@code 12.3%} from a fraction 0.123; one decimal. */
  static String pct(double fraction) {
    return new DecimalFormat("0.0", US).format(fraction * 100) + "%";
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
    return new DecimalFormat("#,##0", US).format(Math.round(amount));
  }

  private static String sign(double amount) {
    return Math.round(amount * 100) < 0 ? "-" : "";
  }
}
