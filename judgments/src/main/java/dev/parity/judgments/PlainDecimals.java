package dev.parity.judgments;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Decimal cells read as {@link Double#parseDouble} reads them, faster for the form Parity writes:
 * the minutes of a judgments file are {@link Double#toString} of measured times, 16 or 17
 * significant digits, for which the JDK's parser takes its big-number path. A plain decimal
 * (digits, optionally a point and more digits) goes to Jackson's fast parser (Eisel and Lemire's
 * algorithm), which like the JDK's rounds to the nearest double, so both give the same double;
 * anything else (a sign, an exponent, spaces, {@code NaN}, hexadecimal…) goes to the JDK's.
 * {@code PlainDecimalsTest} compares the two on random numbers of every length.
 */
final class PlainDecimals {
  private PlainDecimals() {}

  /**
   * The double {@link Double#parseDouble} gives for {@code text}.
   *
   * @throws NumberFormatException as {@link Double#parseDouble} does
   */
  static double parse(String text) {
    return isPlain(text) ? NumberInput.parseDouble(text, true) : Double.parseDouble(text);
  }

  /** Digits, or digits, a point and digits. */
  static boolean isPlain(String text) {
    int length = text.length();
    int i = digits(text, 0);
    if (i == 0) {
      return false;
    }
    if (i == length) {
      return true;
    }
    if (text.charAt(i) != '.') {
      return false;
    }
    int end = digits(text, i + 1);
    return end > i + 1 && end == length;
  }

  /** The index after the digits from {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
