package dev.parity.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  private static final int MAX_DECIMALS = 4;

  @Test
  void everyNumberReadsAsStringFormatWritesIt() {
    List<String> mismatches = new ArrayList<>();
    List<Double> values = values(new SplittableRandom(20250925));
    int compared = 0;
    for (int i = 0; i < values.size(); i++) {
      double value = values.get(i);
      for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
        compared += compare(mismatches, "%." + decimals + "f", value, Decimals.fixed(value, decimals));
      }
      // Grouping and the sign are written after the rounding: one count of decimals each, in turn.
      int decimals = i % (MAX_DECIMALS + 1);
      compared += compare(mismatches, "%,." + decimals + "f", value, Decimals.grouped(value, decimals));
      compared += compare(mismatches, "%+." + decimals + "f", value, Decimals.signed(value, decimals));
    }

    assertThat(values).hasSizeGreaterThan(300_000);
    assertThat(mismatches).as("%d mismatches of %d", mismatches.size(), compared).isEmpty();
  }

  @Test
  void halvesRoundUpInTheDecimalDigitsThatDoubleToStringWrites() {
    // 1.005 is 1.00499999999999989… in binary, yet the Formatter reads it 1.01: it rounds the digits "1.005".
    assertThat(Decimals.fixed(1.005, 2)).isEqualTo("1.01");
    assertThat(Decimals.fixed(2.675, 2)).isEqualTo("2.68");
    assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.13");
    assertThat(Decimals.fixed(2.5, 0)).isEqualTo("3");
    assertThat(Decimals.fixed(-2.5, 0)).isEqualTo("-3");
    assertThat(Decimals.grouped(999_999.995, 2)).isEqualTo("1,000,000.00");
    assertThat(Decimals.fixed(9.95, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", 9.95));
  }

  @Test
  void negativeZeroAndNegativesThatRoundToZeroKeepTheirSign() {
    assertThat(Decimals.fixed(-0.0, 2)).isEqualTo("-0.00");
    assertThat(Decimals.fixed(-0.001, 2)).isEqualTo("-0.00");
    assertThat(Decimals.fixed(0.0, 0)).isEqualTo("0");
    assertThat(Decimals.signed(0.0, 1)).isEqualTo("+0.0");
    assertThat(Decimals.signed(-0.0, 1)).isEqualTo("-0.0");
    assertThat(Decimals.signed(-0.04, 1)).isEqualTo("-0.0");
  }

  @Test
  void notANumberAndTheInfinitiesReadAsStringFormatWritesThem() {
    assertThat(Decimals.fixed(Double.NaN, 2)).isEqualTo("NaN");
    assertThat(Decimals.signed(Double.NaN, 1)).isEqualTo("NaN");
    assertThat(Decimals.signed(Double.POSITIVE_INFINITY, 1)).isEqualTo("+Infinity");
    assertThat(Decimals.grouped(Double.NEGATIVE_INFINITY, 0)).isEqualTo("-Infinity");
  }

  @Test
  void longsAreGroupedInThousandsAsStringFormatGroupsThem() {
    SplittableRandom random = new SplittableRandom(7);
    List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 999L, -999L, 1000L, -1000L, 999_999L, 1_000_000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
    for (int i = 0; i < 20_000; i++) {
      values.add(random.nextLong() >> random.nextInt(64));
    }

    for (long value : values) {
      assertThat(Decimals.grouped(value)).as("%d", value).isEqualTo(String.format(Locale.ROOT, "%,d", value));
    }
  }

  @Test
  void negativeDecimalsAreRefused() {
    assertThatThrownBy(() -> Decimals.fixed(1, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  private static int compare(List<String> mismatches, String pattern, double value, String actual) {
    String expected = String.format(Locale.ROOT, pattern, value);
    if (!expected.equals(actual) && mismatches.size() < 20) {
      mismatches.add(pattern + " of " + value + " (0x" + Long.toHexString(Double.doubleToRawLongBits(value))
          + "): expected " + expected + ", got " + actual);
    }
    return 1;
  }

  /**
   * About 320,000 values: uniform in every magnitude from 1e-6 to 1e12, decimal halves and their
   * neighbours, values that round up across a power of ten, whole numbers, proportions as
   * percentages, signed zeros and random bit patterns; each with both signs.
   */
  private static List<Double> values(SplittableRandom random) {
    List<Double> values = new ArrayList<>();
    for (int exponent = -6; exponent <= 12; exponent++) {
      double scale = Math.pow(10, exponent);
      for (int i = 0; i < 2_500; i++) {
        values.add(random.nextDouble() * scale);
      }
    }
    for (String half : List.of("1.005", "2.675", "0.125", "0.5", "1.5", "2.5", "0.05", "0.015", "1.045", "8.345",
        "0.0005", "0.00015", "0.00125", "1234567.125", "9999999.5", "10000000.5", "12345678.25")) {
      addWithNeighbours(values, Double.parseDouble(half));
    }
    for (int i = 0; i < 10_000; i++) {
      // A half in the last of 1 to 5 decimals: "37.2815".
      int decimals = 1 + random.nextInt(MAX_DECIMALS + 1);
      long whole = random.nextLong(Math.round(Math.pow(10, random.nextInt(10))));
      long fraction = random.nextLong(Math.round(Math.pow(10, decimals - 1)));
      addWithNeighbours(values, Double.parseDouble(whole + "." + pad(fraction, decimals - 1) + "5"));
    }
    for (int nines = 1; nines <= 9; nines++) {
      for (int decimals = 0; decimals <= MAX_DECIMALS + 1; decimals++) {
        // 9.95, 99.995, 0.9995, … : round up to the next power of ten.
        String whole = "9".repeat(nines);
        addWithNeighbours(values, Double.parseDouble(whole + "." + "9".repeat(decimals) + "5"));
        addWithNeighbours(values, Double.parseDouble("0." + "0".repeat(decimals) + whole + "5"));
      }
    }
    for (int i = 0; i < 12_000; i++) {
      values.add((double) (random.nextLong() >> random.nextInt(64)));
      values.add((double) random.nextInt(10_000));
    }
    for (int i = 0; i < 15_000; i++) {
      int n = 1 + random.nextInt(2_000);
      values.add((double) random.nextInt(n + 1) / n * 100);
    }
    for (int i = 0; i < 15_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong()));
    }
    values.addAll(List.of(0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0x1p52, 0x1p53, 1e7, 1e-3,
        Math.nextDown(1e7), Math.nextDown(1e-3), Double.NaN, Double.POSITIVE_INFINITY));
    List<Double> bothSigns = new ArrayList<>(values.size() * 2);
    for (double value : values) {
      bothSigns.add(value);
      bothSigns.add(-value);
    }
    return bothSigns;
  }

  private static void addWithNeighbours(List<Double> values, double value) {
    values.add(value);
    values.add(Math.nextUp(value));
    values.add(Math.nextUp(Math.nextUp(value)));
    values.add(Math.nextDown(value));
    values.add(Math.nextDown(Math.nextDown(value)));
    // The same digits as the product a report computes: 0.01005 × 100 is not the double 1.005.
    values.add(new BigDecimal(Double.toString(value)).movePointLeft(2).doubleValue() * 100);
  }

  private static String pad(long value, int width) {
    String digits = Long.toString(value);
    return width == 0 ? "" : "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
