package dev.parity.reports.report;

/**
 * A model's time horizon (after METR): the professional's task length, in minutes, at which the
 * model wins or ties half the time.
 *
 * @param model the model
 * @param status {@code estimated}, {@code separated} (length splits wins-or-ties from losses
 *     perfectly, so no finite fit exists) or {@code one_length} (every task has the same length)
 * @param minutes the horizon; null unless estimated
 * @param ci the 95% task-bootstrap percentile interval in minutes; null when no resample could be
 *     estimated
 * @param lowMinutes the least the 50% point can be, given the data
 * @param highMinutes the most it can be; null when unbounded
 * @param slopePerDoubling the change in log-odds of winning or tying per doubling of task length;
 *     negative when the model fades on longer tasks; null unless estimated
 * @param nTasks tasks with a judgment and a known length
 * @param nJudgments their judgments
 * @param unfitResamples bootstrap resamples whose horizon could not be estimated
 */
public record TimeHorizonResult(
    String model,
    String status,
    Double minutes,
    Interval ci,
    Double lowMinutes,
    Double highMinutes,
    Double slopePerDoubling,
    int nTasks,
    long nJudgments,
    int unfitResamples) {}
