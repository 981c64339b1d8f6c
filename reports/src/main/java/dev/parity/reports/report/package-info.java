/**
 * The report: every figure Parity computes about models against professionals, each with its
 * interval and the method that made it, and the files that present them.
 *
 * <h2>Computing a report</h2>
 * Collect the input with {@link dev.parity.reports.report.ReportInput#builder}: judgments from any
 * source (a store, a campaign, a CSV file read with {@code JudgmentsCsv}, a list), rubric scores,
 * the suite, and runs with their attempts; then {@link dev.parity.reports.report.Report#compute}
 * with {@link dev.parity.reports.report.ReportSettings} (bootstrap resamples and seed, review time,
 * tries) and an executor for the independent bootstraps. The statistics themselves are
 * {@link dev.parity.reports.stats}'s; this package decides what is computed over which judgments,
 * and says what could not be computed ({@link dev.parity.reports.report.Report#notes()}).
 *
 * <h2>What a report holds</h2>
 * {@link dev.parity.reports.report.Report} is also the layout of report.json (docs/report-format.md):
 * {@link dev.parity.reports.report.GroupResult} per model and group (overall, sector, occupation,
 * deliverable file type, task length), {@link dev.parity.reports.report.RubricResult},
 * {@link dev.parity.reports.report.Rating} with {@link dev.parity.reports.report.RatingsFit},
 * {@link dev.parity.reports.report.AgreementResult} per pair of grader kinds,
 * {@link dev.parity.reports.report.TimeHorizonResult}, {@link dev.parity.reports.report.EconomicsResult},
 * {@link dev.parity.reports.report.TrendPoint}, {@link dev.parity.reports.report.TaskResult} and
 * {@link dev.parity.reports.report.ReportProvenance}. A figure the data cannot give is null, never
 * a made-up number.
 *
 * <h2>Presenting it</h2>
 * {@link dev.parity.reports.report.HtmlReport} (one self-contained page, charts from {@link
 * dev.parity.reports.chart}), {@link dev.parity.reports.report.MarkdownReport}, {@link
 * dev.parity.reports.report.JsonReport}, and {@link dev.parity.reports.report.ReportFiles}, which
 * writes them with judgments.csv and attempts.csv into a folder.
 *
 * <p>Everything here is immutable once built and safe to share between threads; builders are not.
 */
package dev.parity.reports.report;
