package dev.parity.reports.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A linear value axis: its domain, where its ticks go and how they read.
 *
 * @param low the smallest value shown
 * @param high the largest value shown, above {@code low}
 * @param ticks the values that get a grid line and a label, within [low, high]
 * @param format how a value reads on the axis and beside a point
 */
public record Axis(double low, double high, List<Double> ticks, DoubleFunction<String> format) {

  /** @throws IllegalArgumentException if the domain is empty or not finite */
  public Axis {
    if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
      throw new IllegalArgumentException("an axis needs low < high, both finite: " + low + ", " + high);
    }
    ticks = List.copyOf(ticks);
  }

  /** Proportions from 0 to 1, read as percentages, ticks every 25%. */
  public static Axis percent() {
    return new Axis(0, 1, List.of(0.0, 0.25, 0.5, 0.75, 1.0), Axis::percentText);
  }

  /**
   * Numbers spanning at least [min, max], widened to round ticks (1, 2 or 5 times a power of
   * ten, about five of them).
   *
   * @throws IllegalArgumentException if min or max is not finite
   */
  public static Axis spanning(double min, double max) {
    if (!(Double.isFinite(min) && Double.isFinite(max))) {
      throw new IllegalArgumentException("an axis needs finite bounds: " + min + ", " + max);
    }
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double step = niceStep((max - min) / 5);
    long first = (long) Math.floor(min / step);
    long last = (long) Math.ceil(max / step);
    List<Double> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      // k × step in decimal, so that 3 × 0.2 is 0.6 and not 0.6000000000000001.
      ticks.add(BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(step)).doubleValue());
    }
    double low = ticks.get(0);
    double high = ticks.get(ticks.size() - 1);
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
    return new Axis(low, high, ticks, v -> Decimals.grouped(v, decimals));
  }

  /** Where {@code value} falls between {@code from} (at low) and {@code to} (at high), clamped. */
  double position(double value, double from, double to) {
    double clamped = Math.max(low, Math.min(high, value));
    return from + (clamped - low) / (high - low) * (to - from);
  }

  /** A proportion as a whole percentage: 0.4567 reads {@code 46%}. */
  public static String percentText(double proportion) {
    return Math.round(proportion * 100) + "%";
  }

  private static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }
}
