package dev.parity.reports.chart;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal interval plot (a forest plot): one row per item, its estimate as a dot and its
 * confidence interval as a bar, against a value axis with an optional reference line — for win
 * rates, the parity line at 50%.
 *
 * <p>A row whose interval is not finite shows its estimate alone; a row whose estimate is not
 * finite shows "no data". Muted rows (groups with too few tasks to tell) are drawn in grey with a
 * dashed interval. Values outside the axis are drawn at its edge.
 */
public final class IntervalPlot {
  static final double ROW_HEIGHT = 24;
  static final double TOP = 30;
  static final double BOTTOM = 10;
  static final double MAX_LABEL_WIDTH = 260;
  static final double NOTE_WIDTH = 130;

  private IntervalPlot() {}

  /**
   * One item of the plot.
   *
   * @param label what the row is, e.g. a model's name; shown cut to fit, whole in its tooltip
   * @param estimate the point estimate
   * @param low the interval's lower bound; NaN for none
   * @param high the interval's upper bound; NaN for none
   * @param note the text at the row's right end, e.g. {@code 46% [38–55%]}; may be empty
   * @param muted whether to draw the row in grey (too few tasks to tell)
   */
  public record Row(String label, double estimate, double low, double high, String note,
      boolean muted) {
    public Row {
      Objects.requireNonNull(label, "label");
      note = note == null ? "" : note;
    }
  }

  /**
   * A vertical reference line.
   *
   * @param value where it stands on the axis
   * @param label what it means, e.g. {@code parity}
   */
  public record Reference(double value, String label) {}

  /**
   * The plot as an SVG element.
   *
   * @param title the chart's accessible name (its {@code <title>} and {@code aria-label})
   * @param reference the reference line; null for none
   * @param width the whole chart's width in pixels
   */
  public static Tag svg(String title, Axis axis, Reference reference, List<Row> rows, double width) {
    double labelWidth = Math.min(MAX_LABEL_WIDTH,
        rows.stream().mapToDouble(r -> Style.width(r.label())).max().orElse(0) + 12);
    double left = labelWidth;
    double right = width - NOTE_WIDTH;
    if (right - left < 120) {
      throw new IllegalArgumentException("a width of " + width + " leaves no room for the plot");
    }
    double height = TOP + rows.size() * ROW_HEIGHT + BOTTOM;
    Tag svg = Style.svg(title, width, height);
    double bottom = TOP + rows.size() * ROW_HEIGHT;
    for (double tick : axis.ticks()) {
      double x = axis.position(tick, left, right);
      svg.add(Style.line(x, TOP - 4, x, bottom, Style.GRID, 1));
      svg.add(Style.text(x, TOP - 8, axis.format().apply(tick), "middle")
          .attr("fill", Style.MUTED_TEXT).attr("font-size", 11));
    }
    if (reference != null) {
      double x = axis.position(reference.value(), left, right);
      svg.add(Style.line(x, TOP - 4, x, bottom, Style.REFERENCE, 1.5)
          .attr("stroke-dasharray", "4 3").attr("class", "reference"));
      svg.add(Style.text(x + 4, bottom + BOTTOM - 1, reference.label(), "start")
          .attr("fill", Style.REFERENCE).attr("font-size", 10));
    }
    for (int i = 0; i < rows.size(); i++) {
      svg.add(row(rows.get(i), axis, TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2, labelWidth, left, right,
          width));
    }
    return svg;
  }

  private static Tag row(Row row, Axis axis, double y, double labelWidth, double left, double right,
      double width) {
    Tag g = Tag.of("g").attr("class", row.muted() ? "row muted" : "row");
    g.child("title", row.label() + (row.note().isEmpty() ? "" : ": " + row.note()));
    String colour = row.muted() ? Style.MUTED : Style.INTERVAL;
    g.add(Style.text(labelWidth - 8, y + 4, Style.fit(row.label(), labelWidth - 12), "end")
        .attr("fill", row.muted() ? Style.MUTED_TEXT : Style.TEXT));
    if (!Double.isFinite(row.estimate())) {
      g.add(Style.text(left, y + 4, "no data", "start").attr("fill", Style.MUTED_TEXT));
      return g;
    }
    if (Double.isFinite(row.low()) && Double.isFinite(row.high())) {
      double x1 = axis.position(row.low(), left, right);
      double x2 = axis.position(row.high(), left, right);
      Tag bar = Style.line(x1, y, x2, y, colour, 4).attr("stroke-linecap", "round")
          .attr("class", "interval");
      if (row.muted()) {
        bar.attr("stroke-dasharray", "5 3").attr("stroke-linecap", "butt");
      }
      g.add(bar);
    }
    g.add(Tag.of("circle").attr("cx", axis.position(row.estimate(), left, right)).attr("cy", y)
        .attr("r", 5).attr("fill", row.muted() ? Style.MUTED : Style.ESTIMATE)
        .attr("stroke", "#ffffff").attr("stroke-width", 1.5).attr("class", "estimate"));
    g.add(Style.text(width - NOTE_WIDTH + 8, y + 4, Style.fit(row.note(), NOTE_WIDTH - 10), "start")
        .attr("fill", row.muted() ? Style.MUTED_TEXT : Style.TEXT));
    return g;
  }
}
