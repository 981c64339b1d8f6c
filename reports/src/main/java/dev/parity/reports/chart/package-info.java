/**
 * Small SVG charts for the report, written as markup with no graphics toolkit (no AWT, no fonts
 * to load): {@link dev.parity.reports.chart.IntervalPlot} (estimates with confidence intervals
 * and a parity line), {@link dev.parity.reports.chart.StackedBars} (wins, ties and losses) and
 * {@link dev.parity.reports.chart.TrendChart} (a value by release date).
 *
 * <p>Every chart is a {@link dev.parity.reports.chart.Tag}: markup whose text and attribute values
 * are escaped, that cannot hold a script or an event handler, and links nowhere outside the page,
 * so a chart of user-named things (models, occupations) is safe to inline in a self-contained
 * HTML file. Charts carry their colours on their elements and an accessible name ({@code <title>},
 * {@code aria-label}). Text widths are estimated from character counts; long labels are cut with
 * an ellipsis and shown whole in the tooltip.
 *
 * <p>{@link dev.parity.reports.chart.Decimals} writes numbers with fixed decimals, for the charts
 * and the report's text, as {@code String.format} does but without its cost.
 */
package dev.parity.reports.chart;
