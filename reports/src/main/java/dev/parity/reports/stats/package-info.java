/**
 * Statistics of judgments: how often models win against professionals, how sure that is, how far
 * graders agree, how models rank, how long a task they can take over, and what that saves.
 *
 * <p>Everything here is a pure function of its input returning an immutable value (records, in
 * the manner of Caffeine's {@code CacheStats}); randomness comes only from a seed in {@link
 * dev.parity.reports.stats.BootstrapSettings}, recorded in every result that used it. A figure
 * that the data cannot give is {@code NaN} (a rate of no judgments), an explicit status ({@link
 * dev.parity.reports.stats.TimeHorizon.Status}) or an {@link
 * dev.parity.reports.stats.UnableToFitException} naming who is concerned — never a made-up 0 or
 * a huge finite number. Invalid arguments throw {@link IllegalArgumentException} saying which
 * and why.
 *
 * <h2>Win rates and their uncertainty, per model and group</h2>
 * <ul>
 *   <li>{@link dev.parity.reports.stats.OutcomeCounts}: wins, ties, losses; win rate,
 *       win-or-tie rate (the headline), GDPval's score (win 1, tie ½, loss 0).
 *   <li>{@link dev.parity.reports.stats.WilsonInterval}: the interval that treats judgments as
 *       independent — label it so.
 *   <li>{@link dev.parity.reports.stats.TaskBootstrap}: percentile intervals that resample
 *       tasks, then judgments within them (B = 10,000 by default), for the win-or-tie rate, the
 *       score or any per-judgment mean.
 *   <li>{@link dev.parity.reports.stats.ClusterRobustMean}: CR0/CR1/CR2 standard errors with
 *       tasks as clusters, and the design effect.
 *   <li>{@link dev.parity.reports.stats.BinomialTest}: the exact binomial test (R's {@code
 *       binom.test}) and the sign test against parity, ties dropped; {@link
 *       dev.parity.reports.stats.PValueAdjustment} for Holm and Benjamini–Hochberg across groups.
 *   <li>{@link dev.parity.reports.stats.MinimumDetectableDifference}: the smallest difference
 *       from parity a group's tasks could detect (exact, 80% power, α = 0.05), and "too few
 *       tasks to tell" under 35 tasks.
 * </ul>
 *
 * <h2>Rubric scores</h2>
 * {@link dev.parity.reports.stats.RubricScore#gdpval} scores a deliverable; {@link
 * dev.parity.reports.stats.WilcoxonSignedRankTest} compares model and baseline scores task by
 * task, with SciPy's zero rules and an exact p-value that is right with ties.
 *
 * <h2>Ratings across models</h2>
 * {@link dev.parity.reports.stats.Comparisons} collects pairwise judgments by task; {@link
 * dev.parity.reports.stats.BradleyTerry} fits Elo-scale ratings with the baseline at 1000 and
 * bootstraps them over tasks.
 *
 * <h2>Agreement between graders</h2>
 * {@link dev.parity.reports.stats.RatingMatrix} holds items × graders (verdicts as scores 1, ½,
 * 0); over it, {@link dev.parity.reports.stats.GdpvalAgreement}, {@link
 * dev.parity.reports.stats.PercentAgreement}, {@link dev.parity.reports.stats.LeaveOneOutAgreement}
 * and {@link dev.parity.reports.stats.CohenKappa} each have {@code among} (all graders) or {@code
 * ofGrader} (one judge against the others); {@link dev.parity.reports.stats.FleissKappa} and
 * {@link dev.parity.reports.stats.KrippendorffAlpha} measure all graders at once.
 *
 * <h2>Time horizon and economics</h2>
 * {@link dev.parity.reports.stats.TimeHorizon} fits the task length at which the model wins or
 * ties half the time, with a task bootstrap; {@link dev.parity.reports.stats.Economics} computes
 * GDPval's three speed and cost ratios.
 *
 * <h2>How each is checked</h2>
 * Tests compare every method with values computed independently in R and SciPy: the project's
 * shared reference vectors (copied to {@code src/test/resources/stats-vectors.json}, checked key
 * by key within each case's tolerance) and, for what they do not cover, values made by the
 * scripts in {@code src/test/resources/reference/} and committed with them.
 */
package dev.parity.reports.stats;
