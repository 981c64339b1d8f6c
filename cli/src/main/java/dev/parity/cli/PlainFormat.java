package dev.parity.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The few {@link java.util.Formatter} conversions {@code parity suite info} prints, written out:
 * the first {@code String.format} of a process loads the formatter, its regular expression and the
 * locale's number data (about 70 classes), a tenth of the command on an unchanged suite. Each
 * method gives exactly what its conversion gives ({@code PlainFormatTest} compares them).
 */
final class PlainFormat {
  private PlainFormat() {}

  /** {@code %-Ns}: {@code text} followed by spaces to {@code width} characters. */
  static String left(String text, int width) {
    StringBuilder out = new StringBuilder(Math.max(width, text.length())).append(text);
    for (int i = text.length(); i < width; i++) {
      out.append(' ');
    }
    return out.toString();
  }

  /** {@code %Ns}: {@code text} after spaces to {@code width} characters. */
  static String right(String text, int width) {
    StringBuilder out = new StringBuilder(Math.max(width, text.length()));
    for (int i = text.length(); i < width; i++) {
      out.append(' ');
    }
    return out.append(text).toString();
  }

  /**
   * {@code %,.1f} in {@link Locale#ROOT}: one decimal, rounded half up from the digits
   * {@link Double#toString} gives (as the formatter rounds), thousands grouped with commas.
   */
  static String oneDecimal(double value) {
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%,.1f", value);
    }
    // The formatter's sign test: -0.0 and negatives that round to zero keep their minus.
    boolean negative = Double.compare(value, 0.0) < 0;
    String digits = new BigDecimal(Double.toString(Math.abs(value))).setScale(1, RoundingMode.HALF_UP).toPlainString();
    int point = digits.indexOf('.');
    StringBuilder out = new StringBuilder(digits.length() + point / 3 + 1);
    if (negative) {
      out.append('-');
    }
    for (int i = 0; i < point; i++) {
      if (i > 0 && (point - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out.append(digits, point, digits.length()).toString();
  }
}
