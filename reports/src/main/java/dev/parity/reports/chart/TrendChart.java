package dev.parity.reports.chart;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A value over time: one point per item at its date (a model at its release date), with its
 * interval as a vertical whisker, the points joined in date order, and an optional horizontal
 * reference line (parity at 50%).
 */
public final class TrendChart {
  static final double LEFT = 46;
  static final double RIGHT = 24;
  static final double TOP = 16;
  static final double BOTTOM = 40;

  private TrendChart() {}

  /**
   * One point.
   *
   * @param label what it is, written beside the point
   * @param date where it goes on the time axis
   * @param estimate its value
   * @param low its interval's lower bound; NaN for none
   * @param high its interval's upper bound; NaN for none
   */
  public record Point(String label, LocalDate date, double estimate, double low, double high) {
    public Point {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(date, "date");
      if (!Double.isFinite(estimate)) {
        throw new IllegalArgumentException("point '" + label + "' has no finite value");
      }
    }
  }

  /**
   * The chart as an SVG element.
   *
   * @param reference the value of a horizontal reference line; NaN for none
   * @param referenceLabel what the line means
   * @throws IllegalArgumentException if there is no point
   */
  public static Tag svg(String title, Axis axis, List<Point> points, double reference,
      String referenceLabel, double width, double height) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a trend needs at least one point");
    }
    List<Point> sorted = points.stream().sorted(Comparator.comparing(Point::date)).toList();
    long first = sorted.get(0).date().toEpochDay();
    long last = sorted.get(sorted.size() - 1).date().toEpochDay();
    // Pad the time axis so that a single date, or points at the ends, are not on the frame.
    long pad = Math.max(30, (last - first) / 10);
    Axis time = new Axis(first - pad, last + pad, List.of(), d -> LocalDate.ofEpochDay((long) d).toString());
    double left = LEFT;
    double right = width - RIGHT;
    double top = TOP;
    double bottom = height - BOTTOM;
    Tag svg = Style.svg(title, width, height);
    for (double tick : axis.ticks()) {
      double y = axis.position(tick, bottom, top);
      svg.add(Style.line(left, y, right, y, Style.GRID, 1));
      svg.add(Style.text(left - 6, y + 4, axis.format().apply(tick), "end")
          .attr("fill", Style.MUTED_TEXT).attr("font-size", 11));
    }
    svg.add(Style.line(left, bottom, right, bottom, Style.MUTED, 1));
    if (Double.isFinite(reference)) {
      double y = axis.position(reference, bottom, top);
      svg.add(Style.line(left, y, right, y, Style.REFERENCE, 1.5).attr("stroke-dasharray", "4 3")
          .attr("class", "reference"));
      svg.add(Style.text(right, y - 4, referenceLabel, "end").attr("fill", Style.REFERENCE)
          .attr("font-size", 10));
    }
    StringBuilder path = new StringBuilder();
    for (Point p : sorted) {
      double x = time.position(p.date().toEpochDay(), left, right);
      double y = axis.position(p.estimate(), bottom, top);
      path.append(path.length() == 0 ? "M" : " L").append(Tag.number(x)).append(' ').append(Tag.number(y));
    }
    svg.add(Tag.of("path").attr("d", path.toString()).attr("fill", "none")
        .attr("stroke", Style.INTERVAL).attr("stroke-width", 1.5).attr("class", "trend"));
    for (Point p : sorted) {
      double x = time.position(p.date().toEpochDay(), left, right);
      Tag g = svg.child("g").attr("class", "point");
      g.child("title", p.label() + " (" + p.date() + "): " + axis.format().apply(p.estimate()));
      if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
        g.add(Style.line(x, axis.position(p.low(), bottom, top), x, axis.position(p.high(), bottom, top),
            Style.INTERVAL, 3).attr("class", "interval"));
      }
      double y = axis.position(p.estimate(), bottom, top);
      g.add(Tag.of("circle").attr("cx", x).attr("cy", y).attr("r", 4.5).attr("fill", Style.ESTIMATE)
          .attr("class", "estimate"));
      g.add(Style.text(x + 7, y - 6, Style.fit(p.label(), 160), "start").attr("font-size", 11));
      g.add(Style.text(x, bottom + 16, p.date().toString(), "middle").attr("fill", Style.MUTED_TEXT)
          .attr("font-size", 10));
    }
    return svg;
  }
}
