package dev.parity.reports.chart;

/**
 * Sizes, colours and text measures shared by the charts. Colours are written on the elements
 * themselves, not by class, so a chart copied out of the report looks the same on its own.
 */
final class Style {
  static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  static final int FONT_SIZE = 12;
  /** An average sans-serif glyph at 12 px is about this wide; there are no font metrics here. */
  static final double CHAR_WIDTH = 6.8;

  static final String TEXT = "#1f2933";
  static final String MUTED_TEXT = "#7b8794";
  static final String GRID = "#e4e7eb";
  static final String INTERVAL = "#2f6fb0";
  static final String ESTIMATE = "#102a43";
  static final String MUTED = "#9aa5b1";
  static final String REFERENCE = "#c0392b";
  static final String WIN = "#2f6fb0";
  static final String TIE = "#b8c2cc";
  static final String LOSS = "#e0823d";

  private Style() {}

  /** The width {@code text} takes at the chart font size, estimated. */
  static double width(String text) {
    return text.length() * CHAR_WIDTH;
  }

  /** {@code text} cut to fit {@code width}, with an ellipsis when cut. */
  static String fit(String text, double width) {
    int max = Math.max(1, (int) Math.floor(width / CHAR_WIDTH + 1e-9));
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }

  /**
   * An SVG root of the given size with an accessible name, its first child a {@code <title>}.
   * Inline in HTML it needs no {@code xmlns}, and leaving it out keeps every URL out of the page.
   */
  static Tag svg(String title, double width, double height) {
    Tag svg = Tag.of("svg").attr("width", width).attr("height", height)
        .attr("viewBox", "0 0 " + Tag.number(width) + " " + Tag.number(height))
        .attr("role", "img").attr("aria-label", title)
        .attr("font-family", FONT).attr("font-size", FONT_SIZE).attr("fill", TEXT);
    svg.child("title", title);
    return svg;
  }

  static Tag text(double x, double y, String text, String anchor) {
    return Tag.of("text", text).attr("x", x).attr("y", y).attr("text-anchor", anchor);
  }

  static Tag line(double x1, double y1, double x2, double y2, String colour, double width) {
    return Tag.of("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2)
        .attr("stroke", colour).attr("stroke-width", width);
  }
}
