package dev.parity.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The charts' geometry, read back from the SVG they write. */
class ChartsTest {
  static final double WIDTH = 600;

  @Test
  void anIntervalPlotPutsEachEstimateAndIntervalWhereTheAxisSays() {
    Document svg = parse(IntervalPlot.svg("rates", Axis.percent(), new IntervalPlot.Reference(0.5, "parity"),
        List.of(new IntervalPlot.Row("a", 0.5, 0.25, 0.75, "50%", false),
            new IntervalPlot.Row("b", 1.0, 0.8, 1.0, "100%", false)), WIDTH));

    Element reference = svg.selectFirst("line.reference");
    Elements estimates = svg.select("circle.estimate");
    Elements intervals = svg.select("line.interval");
    double parityX = number(reference, "x1");
    assertThat(number(estimates.get(0), "cx")).isCloseTo(parityX, within(0.01));
    // The plot spans [left, right] for [0, 1]: 0.25 and 0.75 sit a quarter in from each end.
    double left = number(intervals.get(0), "x1");
    double right = number(intervals.get(0), "x2");
    assertThat((left + right) / 2).isCloseTo(parityX, within(0.01));
    double full = (right - left) * 2;
    assertThat(number(estimates.get(1), "cx")).isCloseTo(parityX + full / 2, within(0.02));
    assertThat(number(svg.selectFirst("svg"), "height")).isEqualTo(IntervalPlot.TOP + 2 * IntervalPlot.ROW_HEIGHT + IntervalPlot.BOTTOM);
    assertThat(svg.selectFirst("svg > title").text()).isEqualTo("rates");
    assertThat(svg.selectFirst("svg").attr("role")).isEqualTo("img");
  }

  @Test
  void aMutedRowIsGreyAndDashedAndARowWithoutDataSaysSo() {
    Document svg = parse(IntervalPlot.svg("rates", Axis.percent(), null,
        List.of(new IntervalPlot.Row("few", 0.6, 0.1, 0.9, "", true),
            new IntervalPlot.Row("none", Double.NaN, Double.NaN, Double.NaN, "", false)), WIDTH));

    Element muted = svg.selectFirst("g.muted line.interval");
    assertThat(muted.attr("stroke-dasharray")).isNotEmpty();
    assertThat(muted.attr("stroke")).isEqualTo(Style.MUTED);
    assertThat(svg.select("g.row").get(1).text()).contains("no data");
    assertThat(svg.select("line.reference")).isEmpty();
  }

  @Test
  void aLongLabelIsCutWithAnEllipsisAndShownWholeInItsTooltip() {
    String label = "Purchasing Agents, Except Wholesale, Retail, and Farm Products and many more words";
    Document svg = parse(IntervalPlot.svg("rates", Axis.percent(), null,
        List.of(new IntervalPlot.Row(label, 0.5, 0.4, 0.6, "", false)), WIDTH));

    Element row = svg.selectFirst("g.row");
    assertThat(row.selectFirst("title").text()).startsWith(label);
    assertThat(row.selectFirst("text").text()).endsWith("…").hasSizeLessThan(label.length());
  }

  @Test
  void stackedBarsSplitEachBarByItsShares() {
    Document svg = parse(StackedBars.svg("wtl", StackedBars.winsTiesLosses(),
        List.of(new StackedBars.Bar("m", List.of(2.0, 1.0, 1.0), ""),
            new StackedBars.Bar("empty", List.of(0.0, 0.0, 0.0), "")), 0.5, WIDTH));

    Elements parts = svg.select("g.bar").get(0).select("rect.part");
    assertThat(parts).hasSize(3);
    double wins = number(parts.get(0), "width");
    assertThat(number(parts.get(1), "width")).isCloseTo(wins / 2, within(0.02));
    assertThat(number(parts.get(2), "width")).isCloseTo(wins / 2, within(0.02));
    assertThat(parts.get(0).attr("fill")).isEqualTo(Style.WIN);
    assertThat(svg.select("g.bar").get(1).text()).contains("no data");
    assertThat(number(svg.selectFirst("line.reference"), "x1"))
        .isCloseTo(number(parts.get(0), "x") + wins, within(0.02));
  }

  @Test
  void aBarWithTheWrongNumberOfPartsIsRefused() {
    assertThatThrownBy(() -> StackedBars.svg("wtl", StackedBars.winsTiesLosses(),
        List.of(new StackedBars.Bar("m", List.of(1.0), "")), Double.NaN, WIDTH))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 3 parts");
  }

  @Test
  void aTrendJoinsItsPointsInDateOrderAndDrawsTheParityLine() {
    Document svg = parse(TrendChart.svg("trend", Axis.percent(), List.of(
        new TrendChart.Point("later", LocalDate.of(2025, 8, 1), 0.6, 0.5, 0.7),
        new TrendChart.Point("earlier", LocalDate.of(2024, 5, 1), 0.3, 0.2, 0.4)), 0.5, "parity", WIDTH, 300));

    Elements points = svg.select("g.point");
    assertThat(points.get(0).selectFirst("title").text()).startsWith("earlier");
    double x0 = number(points.get(0).selectFirst("circle"), "cx");
    double x1 = number(points.get(1).selectFirst("circle"), "cx");
    assertThat(x0).isLessThan(x1);
    assertThat(svg.selectFirst("path.trend").attr("d")).startsWith("M" + Tag.number(x0)).contains(" L" + Tag.number(x1));
    // y grows downwards: the parity line lies between the two estimates.
    double parity = number(svg.selectFirst("line.reference"), "y1");
    assertThat(number(points.get(0).selectFirst("circle"), "cy")).isGreaterThan(parity);
    assertThat(number(points.get(1).selectFirst("circle"), "cy")).isLessThan(parity);
  }

  @Test
  void anAxisSpanningAnyRangeGetsRoundTicksThatCoverIt() {
    Axis axis = Axis.spanning(751, 1012);

    // (1012 − 751)/5 = 52.2, rounded up to a step of 100.
    assertThat(axis.ticks()).containsExactly(700.0, 800.0, 900.0, 1000.0, 1100.0);
    assertThat(axis.low()).isEqualTo(700);
    assertThat(axis.high()).isEqualTo(1100);
    assertThat(Axis.spanning(0.2, 0.9).ticks()).containsExactly(0.2, 0.4, 0.6, 0.8, 1.0);
    assertThat(axis.format().apply(1000)).isEqualTo("1,000");
    assertThat(Axis.spanning(5, 5).low()).isLessThan(5);
  }

  @Test
  void axisLabelsReadAsStringFormatWritesThemWithTheStepsDecimals() {
    assertThat(Axis.spanning(0.2, 0.9).format().apply(0.6000000000000001)).isEqualTo("0.6");
    assertThat(Axis.spanning(-0.013, 0.004).format().apply(-0.005)).isEqualTo("-0.005");
    assertThat(Axis.spanning(1_200, 98_000).format().apply(60_000)).isEqualTo("60,000");
    assertThat(Axis.spanning(0, 3e7).format().apply(-0.0)).isEqualTo("-0");
    assertThat(Axis.spanning(0, 1).format().apply(0.25)).isEqualTo("0.3");
  }

  private static Document parse(Tag svg) {
    return Jsoup.parse(svg.toString());
  }

  private static double number(Element element, String attribute) {
    return Double.parseDouble(element.attr(attribute));
  }
}
