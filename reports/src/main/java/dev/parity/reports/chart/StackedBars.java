package dev.parity.reports.chart;

import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars split into parts that add up to a whole — for a model, the shares of its
 * judgments won, tied and lost — with a legend on top and an optional reference line.
 *
 * <p>Each bar is scaled to its own total, so bars of groups of different sizes compare as
 * shares; a bar with a total of zero is left empty and says so.
 */
public final class StackedBars {
  static final double ROW_HEIGHT = 24;
  static final double TOP = 34;
  static final double BOTTOM = 8;
  static final double MAX_LABEL_WIDTH = 260;
  static final double NOTE_WIDTH = 90;

  private StackedBars() {}

  /**
   * A kind of part, the same in every bar.
   *
   * @param name its name in the legend, e.g. {@code wins}
   * @param colour its fill, a CSS colour
   */
  public record Part(String name, String colour) {}

  /**
   * One bar.
   *
   * @param label what the bar is
   * @param values the size of each part, in the order of the chart's parts, none negative
   * @param note the text at the bar's right end; may be empty
   */
  public record Bar(String label, List<Double> values, String note) {
    public Bar {
      Objects.requireNonNull(label, "label");
      values = List.copyOf(values);
      if (values.stream().anyMatch(v -> !(v >= 0) || !Double.isFinite(v))) {
        throw new IllegalArgumentException("bar '" + label + "' has a part that is negative or not finite");
      }
      note = note == null ? "" : note;
    }
  }

  /** Parts for wins, ties and losses in the report's colours. */
  public static List<Part> winsTiesLosses() {
    return List.of(new Part("wins", Style.WIN), new Part("ties", Style.TIE),
        new Part("losses", Style.LOSS));
  }

  /**
   * The bars as an SVG element.
   *
   * @param reference a share at which to draw a dashed line (0.5 for parity); NaN for none
   * @throws IllegalArgumentException if a bar has not one value per part
   */
  public static Tag svg(String title, List<Part> parts, List<Bar> bars, double reference,
      double width) {
    for (Bar bar : bars) {
      if (bar.values().size() != parts.size()) {
        throw new IllegalArgumentException("bar '" + bar.label() + "' has " + bar.values().size()
            + " values for " + parts.size() + " parts");
      }
    }
    double labelWidth = Math.min(MAX_LABEL_WIDTH,
        bars.stream().mapToDouble(b -> Style.width(b.label())).max().orElse(0) + 12);
    double left = labelWidth;
    double right = width - NOTE_WIDTH;
    double height = TOP + bars.size() * ROW_HEIGHT + BOTTOM;
    Tag svg = Style.svg(title, width, height);
    double x = left;
    for (Part part : parts) {
      svg.add(Tag.of("rect").attr("x", x).attr("y", 8).attr("width", 10).attr("height", 10)
          .attr("fill", part.colour()));
      svg.add(Style.text(x + 14, 17, part.name(), "start"));
      x += 14 + Style.width(part.name()) + 16;
    }
    Axis axis = Axis.percent();
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = TOP + i * ROW_HEIGHT;
      Tag g = svg.child("g").attr("class", "bar");
      g.child("title", bar.label() + (bar.note().isEmpty() ? "" : ": " + bar.note()));
      g.add(Style.text(labelWidth - 8, y + ROW_HEIGHT / 2 + 4,
          Style.fit(bar.label(), labelWidth - 12), "end"));
      double total = bar.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total == 0) {
        g.add(Style.text(left, y + ROW_HEIGHT / 2 + 4, "no data", "start").attr("fill", Style.MUTED_TEXT));
        continue;
      }
      double start = 0;
      for (int p = 0; p < parts.size(); p++) {
        double share = bar.values().get(p) / total;
        if (share > 0) {
          double x1 = axis.position(start, left, right);
          double x2 = axis.position(start + share, left, right);
          g.add(Tag.of("rect").attr("x", x1).attr("y", y + 4).attr("width", x2 - x1)
              .attr("height", ROW_HEIGHT - 8).attr("fill", parts.get(p).colour())
              .attr("class", "part"));
        }
        start += share;
      }
      g.add(Style.text(right + 8, y + ROW_HEIGHT / 2 + 4, Style.fit(bar.note(), NOTE_WIDTH - 10), "start"));
    }
    if (Double.isFinite(reference)) {
      double rx = axis.position(reference, left, right);
      svg.add(Style.line(rx, TOP - 2, rx, TOP + bars.size() * ROW_HEIGHT + 2, Style.REFERENCE, 1.5)
          .attr("stroke-dasharray", "4 3").attr("class", "reference"));
    }
    return svg;
  }
}
