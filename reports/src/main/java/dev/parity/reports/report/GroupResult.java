package dev.parity.reports.report;

/**
 * One model's results against the professionals' deliverables in one group of tasks.
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
 * @param winRate wins over judgments
 * @param winOrTieRate wins and ties over judgments: the headline
 * @param score GDPval's score: win 1, tie ½, loss 0, averaged over judgments
 * @param ciWilson the 95% Wilson interval of the win-or-tie rate, treating judgments as
 *     independent (too narrow when tasks have several judgments)
 * @param ciBootstrap the 95% percentile interval of the win-or-tie rate from the task bootstrap
 *     (tasks resampled, then judgments within them)
 * @param signTestWins tasks the model won more often than it lost (the sign test's successes)
 * @param signTestLosses tasks the model lost more often than it won
 * @param signTestP the exact two-sided sign test of those tasks against parity, ties dropped
 * @param pHolm {@code signTestP} adjusted by Holm across the groups of this level for this model
 * @param pBh {@code signTestP} adjusted by Benjamini–Hochberg likewise
 * @param minimumDetectableDifference the smallest distance from parity (as a proportion) that
 *     {@code nTasks} tasks detect with 80% power at α = 0.05; null when none is detectable
 * @param tooFewToTell whether the group has fewer tasks than it takes to tell a model at 75%
 *     from one at parity (35)
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
    double winRate,
    double winOrTieRate,
    double score,
    Interval ciWilson,
    Interval ciBootstrap,
    int signTestWins,
    int signTestLosses,
    double signTestP,
    double pHolm,
    double pBh,
    Double minimumDetectableDifference,
    boolean tooFewToTell) {}
