package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PlainFormat} prints what {@link String#format} prints, to the character. */
class PlainFormatTest {
  @Test
  void oneDecimalIsTheFormattersGroupedOneDecimalForEdgeValues() {
    double[] values = {0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.95, 1.05, 2.675, 9.95, 99.95, 999.95, 1_000,
        999_999.95, 1_234_567.85, -0.04, -0.05, -1_234.55, 1e-10, 4.9e-324, 0.1 + 0.2, 1e7, 1.25e7, 123_456_789.05,
        1e15, 1e20, 1.7976931348623157e308, 2.5e-3, 1.0e23, 2.82879384806159e17, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double value : values) {
      assertThat(PlainFormat.oneDecimal(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%,.1f", value));
    }
  }

  @Test
  void oneDecimalIsTheFormattersForSumsOfHoursAndCostsAndForAnyDouble() {
    Random random = new Random(17);
    for (int i = 0; i < 25_000; i++) {
      // Sums of minutes / 60 and of wages times hours, as a summary adds them, then any bits at all.
      double hours = random.nextInt(100_000) / 60.0 + random.nextInt(1_000) * 0.05;
      double cost = hours * (random.nextInt(20_000) / 100.0);
      double any = Double.longBitsToDouble(random.nextLong());
      for (double value : new double[] {hours, cost, random.nextDouble() * Math.pow(10, random.nextInt(12)), any}) {
        assertThat(PlainFormat.oneDecimal(value)).as("%s", value)
            .isEqualTo(String.format(Locale.ROOT, "%,.1f", value));
      }
    }
  }

  @Test
  void paddingIsTheFormattersJustification() {
    for (String text : new String[] {"", "a", "Sector", "a label longer than its column", "Occupation (O*NET-SOC) é…"}) {
      for (int width : new int[] {1, 4, 5, 9, 11, 24, 56}) {
        assertThat(PlainFormat.left(text, width)).isEqualTo(String.format("%-" + width + "s", text));
        assertThat(PlainFormat.right(text, width)).isEqualTo(String.format("%" + width + "s", text));
      }
    }
  }
}
