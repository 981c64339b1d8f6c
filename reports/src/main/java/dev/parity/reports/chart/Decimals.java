package dev.parity.reports.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers with a fixed count of decimals, written to the character as {@code
 * String.format(Locale.ROOT, …)} writes them with {@code %.Nf}, {@code %,.Nf}, {@code %+.Nf} and
 * {@code %,d}, but without a {@link java.util.Formatter}: the reports write several numbers for
 * each of thousands of task rows and chart points (about 50,000 on the benchmark report), and the
 * Formatter, which parses its pattern with a regular expression on every call, took most of the
 * time of rendering report.html and report.md.
 *
 * <p>What "exactly" means, and the trap in it: the Formatter rounds HALF_UP not the double's binary
 * value but the decimal digits of {@link Double#toString} (digits that read back as the same
 * double, nearly always the fewest), so 1.005 to two decimals reads {@code 1.01}, although the
 * double is 1.00499999999999989… and {@code new BigDecimal(1.005)} would round down. The sign is
 * that of {@link Double#compare}, so -0.0 and -0.001 read {@code -0.00}; NaN and the infinities
 * read as the Formatter writes them.
 *
 * <p>How: a value whose scaled value ({@code |value| × 10^decimals}) is more than a few ulps from a
 * half is rounded in long arithmetic, since the decimal digits lie within half an ulp of the value
 * and so round the same way. That is 99% of the benchmark report's numbers, and it is what makes
 * this pay: rounding every number's {@code Double.toString} with {@link BigDecimal} instead left
 * rendering 1.7 times as slow. A value nearer a half is rounded from {@code Double.toString}'s
 * digits with {@code BigDecimal}; one near a half where {@code Double.toString} writes E-notation
 * (below 0.001, or from 10^7), or one too large for a long, is left to {@code String.format}
 * itself, since there this class does not count on the Formatter's digits being {@code
 * Double.toString}'s. DecimalsTest compares all of it with the Formatter on hundreds of thousands
 * of values.
 *
 * <p>Stateless and thread-safe.
 */
public final class Decimals {
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /** Below this a scaled value converts to a long exactly and its fraction is exact. */
  private static final double LONG_ARITHMETIC_LIMIT = 0x1p52;

  /**
   * How far from a half, in ulps of the scaled value, a scaled value must be to be rounded in long
   * arithmetic. The digits the Formatter rounds lie within half an ulp of the value, which scaled is
   * at most one ulp of the scaled value, and the scaled value lies within half an ulp of the exact
   * product: a half more than 1.5 ulps away cannot lie between the digits and the scaled value. 8
   * leaves room, and sends under 1% of the benchmark report's numbers the slow way.
   */
  private static final double ULPS_FROM_A_HALF = 8;

  /** Where {@link Double#toString} writes plain digits, not E-notation. */
  private static final double PLAIN_LOW = 1e-3;
  private static final double PLAIN_HIGH = 1e7;

  private Decimals() {}

  /**
   * {@code value} with {@code decimals} decimals, as {@code %.Nf}: {@code 12.35}, {@code -0.00}.
   *
   * @throws IllegalArgumentException if {@code decimals} is negative
   */
  public static String fixed(double value, int decimals) {
    return format(value, decimals, false, false);
  }

  /**
   * {@code value} with {@code decimals} decimals and its whole part grouped in thousands, as
   * {@code %,.Nf}: {@code 12,345.68}.
   *
   * @throws IllegalArgumentException if {@code decimals} is negative
   */
  public static String grouped(double value, int decimals) {
    return format(value, decimals, true, false);
  }

  /**
   * {@code value} with {@code decimals} decimals and always a sign, as {@code %+.Nf}: {@code +7.6},
   * {@code -0.0} for -0.0 or -0.01; NaN reads {@code NaN}, without one.
   *
   * @throws IllegalArgumentException if {@code decimals} is negative
   */
  public static String signed(double value, int decimals) {
    return format(value, decimals, false, true);
  }

  /** {@code value} grouped in thousands, as {@code %,d}: {@code -1,234,567}. */
  public static String grouped(long value) {
    return write(value < 0, false, value, 0, true);
  }

  private static String format(double value, int decimals, boolean grouping, boolean plus) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must be 0 or more: " + decimals);
    }
    double magnitude = Math.abs(value);
    if (Double.isFinite(value) && decimals < POWERS_OF_TEN.length) {
      double scaled = magnitude * POWERS_OF_TEN[decimals];
      if (scaled < LONG_ARITHMETIC_LIMIT) {
        long whole = (long) scaled;
        double fraction = scaled - whole;
        boolean negative = Double.compare(value, 0.0) < 0;
        if (Math.abs(fraction - 0.5) > ULPS_FROM_A_HALF * Math.ulp(scaled)) {
          return write(negative, plus, fraction > 0.5 ? whole + 1 : whole, decimals, grouping);
        }
        if (magnitude >= PLAIN_LOW && magnitude < PLAIN_HIGH) {
          long units = new BigDecimal(Double.toString(magnitude)).setScale(decimals, RoundingMode.HALF_UP)
              .unscaledValue().longValueExact();
          return write(negative, plus, units, decimals, grouping);
        }
      }
    }
    return String.format(Locale.ROOT, "%" + (plus ? "+" : "") + (grouping ? "," : "") + "." + decimals + "f", value);
  }

  /**
   * Writes {@code units} (the value times 10^decimals; its sign is ignored, so that {@link
   * Long#MIN_VALUE} needs no negation) with its sign.
   */
  private static String write(boolean negative, boolean plus, long units, int decimals, boolean grouping) {
    char[] text = new char[48];
    int start = text.length;
    long rest = units;
    for (int i = 0; i < decimals; i++) {
      text[--start] = digit(rest);
      rest /= 10;
    }
    if (decimals > 0) {
      text[--start] = '.';
    }
    int wholeDigits = 0;
    do {
      if (grouping && wholeDigits > 0 && wholeDigits % 3 == 0) {
        text[--start] = ',';
      }
      text[--start] = digit(rest);
      rest /= 10;
      wholeDigits++;
    } while (rest != 0);
    if (negative) {
      text[--start] = '-';
    } else if (plus) {
      text[--start] = '+';
    }
    return new String(text, start, text.length - start);
  }

  private static char digit(long units) {
    return (char) ('0' + Math.abs(units % 10));
  }
}
