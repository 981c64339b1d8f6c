package dev.parity.reports.report;

import dev.parity.reports.stats.Weighting;

/**
 * One model's results against the professionals' deliverables in one group of tasks
 * (report.json format version 3; see docs/report-format.md).
 *
 * <p>The verdict rests on the score alone. The win-or-tie rate is GDPval's figure, shown for
 * comparison with GDPval and never compared with 50% on its own: ties would count as wins.
 *
 * <p>Flat rather than split into parts, so that a table library reads it as one row per group;
 * the names say which figure each interval belongs to.
 *
 * @param level how the group was formed
 * @param name the group: the sector, occupation, file type or length bucket; {@code All tasks}
 *     for the overall level
 * @param model the model
 * @param nTasks tasks with at least one judgment
 * @param nJudgments judgments
 * @param wins judgments the model won
 * @param ties judgments judged as good as the professional's
 * @param losses judgments the model lost
 * @param weighting how judgments are weighted in the rates and the score: every task the same
 *     (the default), or every judgment the same
 * @param score (wins + ties/2) / judgments, weighted as {@code weighting} says: the headline
 * @param scoreCi its 95% interval: the task bootstrap (whole tasks resampled); with fewer than 5
 *     tasks, or when that has no width (every task with the same score), the Wilson interval over
 *     tasks instead, as {@code scoreCiMethod} says
 * @param scoreCiMethod {@code bootstrap} or {@code wilson_tasks}
 * @param scoreCiAdjusted the score's interval adjusted for the groups of this level for this
 *     model (Bonferroni: level 1 − 0.05/k for k groups); the same as {@code scoreCi} overall
 * @param verdict what the adjusted interval says: better, worse, not distinguishable, or too few
 *     tasks to tell
 * @param winOrTieRate (wins + ties) / judgments, weighted likewise: GDPval's figure, for comparison
 * @param winOrTieCi its 95% interval, made as the score's
 * @param winRate wins / judgments, weighted likewise
 * @param winRateWithoutTies wins / (wins + losses), weighted likewise; NaN when every judgment was
 *     a tie
 * @param ciWilson the 95% Wilson interval of the win-or-tie rate, treating judgments as
 *     independent (too narrow when tasks have several judgments)
 * @param signTestWins tasks the model won more often than it lost (the sign test's successes)
 * @param signTestLosses tasks the model lost more often than it won
 * @param signTestP the exact two-sided sign test of those tasks against parity, ties dropped
 * @param pHolm {@code signTestP} adjusted by Holm across the groups of this level for this model
 * @param pBh {@code signTestP} adjusted by Benjamini–Hochberg likewise
 * @param minimumDetectableDifference the smallest distance from parity (as a proportion) that
 *     {@code nTasks} tasks detect with 80% power at α = 0.05; null when none is detectable
 * @param tooFewToTell whether the group has fewer than {@link ReportSettings#MINIMUM_TASKS} tasks:
 *     then it has no verdict
 */
public record GroupResult(
    Level level,
    String name,
    String model,
    int nTasks,
    int nJudgments,
    int wins,
    int ties,
    int losses,
    Weighting weighting,
    double score,
    Interval scoreCi,
    String scoreCiMethod,
    Interval scoreCiAdjusted,
    Reading verdict,
    double winOrTieRate,
    Interval winOrTieCi,
    double winRate,
    double winRateWithoutTies,
    Interval ciWilson,
    int signTestWins,
    int signTestLosses,
    double signTestP,
    double pHolm,
    double pBh,
    Double minimumDetectableDifference,
    boolean tooFewToTell) {}
