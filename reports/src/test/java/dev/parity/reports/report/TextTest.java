package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void everyFigureReadsAsStringFormatWroteIt() {
    for (double v : values()) {
      double w = v * 0.7 - 0.01;
      Interval interval = new Interval(Math.min(v, w), Math.max(v, w));
      boolean finite = Double.isFinite(v) && Double.isFinite(w);

      assertThat(Text.percent(v)).isEqualTo(Double.isFinite(v) ? format("%.1f%%", v * 100) : Text.NONE);
      assertThat(Text.percentInterval(interval)).isEqualTo(
          finite ? format("%.1f–%.1f%%", interval.low() * 100, interval.high() * 100) : Text.NONE);
      assertThat(Text.signedPoints(v)).isEqualTo(Double.isFinite(v) ? format("%+.1f points", v * 100) : Text.NONE);
      assertThat(Text.pointsInterval(interval)).isEqualTo(
          finite ? format("%+.1f to %+.1f points", interval.low() * 100, interval.high() * 100) : Text.NONE);
      assertThat(Text.p(Math.abs(v))).isEqualTo(!Double.isFinite(v) ? Text.NONE
          : Math.abs(v) < 0.001 ? "< 0.001" : format("%.3f", Math.abs(v)));
      for (int decimals = 0; decimals <= 3; decimals++) {
        assertThat(Text.number(v, decimals))
            .isEqualTo(Double.isFinite(v) ? format("%,." + decimals + "f", v) : Text.NONE);
      }
      assertThat(Text.numberInterval(interval)).isEqualTo(
          finite ? format("%.2f to %.2f", interval.low(), interval.high()) : Text.NONE);
      assertThat(Text.wholePercentInterval(interval)).isEqualTo(finite
          ? Math.round(interval.low() * 100) + "–" + Math.round(interval.high() * 100) + "%" : Text.NONE);
      assertThat(Text.minutes(v)).isEqualTo(!Double.isFinite(v) ? Text.NONE : v < 1 ? format("%.0f s", v * 60)
          : v < 120 ? format("%.0f min", v) : format("%.1f h", v / 60));
      assertThat(Text.usd(v)).isEqualTo(!Double.isFinite(v) ? Text.NONE
          : v != 0 && Math.abs(v) < 0.01 ? format("$%.4f", v) : format("$%,.2f", v));
      assertThat(Text.ratio(v)).isEqualTo(!Double.isFinite(v) ? Text.NONE
          : v >= 100 ? format("%,.0f×", v) : format("%.2f×", v));
      if (Double.isFinite(v) && Math.abs(v) < 0x1p62) {
        assertThat(Text.count((long) v)).isEqualTo(format("%,d", (long) v));
      }
    }
  }

  @Test
  void aMissingNumberReadsAsADash() {
    assertThat(Text.number(null, 2)).isEqualTo(Text.NONE);
    assertThat(Text.numberInterval(null)).isEqualTo(Text.NONE);
    assertThat(Text.minutes(null)).isEqualTo(Text.NONE);
    assertThat(Text.usd(null)).isEqualTo(Text.NONE);
    assertThat(Text.ratio(null)).isEqualTo(Text.NONE);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** Proportions, differences, minutes, dollars and ratios of the sizes reports show, and the odd ones. */
  private static List<Double> values() {
    SplittableRandom random = new SplittableRandom(20250925);
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.5, 0.125, 0.00125, -0.00049, 0.0005, 0.995, 1.0,
        0.0042, 0.01, 119.96, 120.0, 99.995, 100.0, 1e7, 1.5e9, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY));
    for (int i = 0; i < 5_000; i++) {
      int n = 1 + random.nextInt(400);
      values.add((double) random.nextInt(n + 1) / n);
      values.add((double) (random.nextInt(2 * n + 1) - n) / n);
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(-4, 7)));
    }
    return values;
  }
}
