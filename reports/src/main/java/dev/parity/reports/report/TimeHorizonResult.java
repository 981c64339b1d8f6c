package dev.parity.reports.report;

/**
 * A model's time horizon (after METR): the professional's task length, in minutes, at which the
 * model wins or ties half the time — given only within the range of task lengths observed.
 *
 * @param model the model
 * @param status {@code estimated}; {@code beyond_data} (the fit puts the horizon outside the
 *     lengths observed: shorter than the shortest task or longer than the longest, where the data
 *     say nothing); {@code separated} (length splits wins-or-ties from losses perfectly, so no
 *     finite fit exists) or {@code one_length} (every task has the same length)
 * @param minutes the horizon; null unless estimated within the data
 * @param ci the 95% task-bootstrap percentile interval in minutes, each bound null when it lies
 *     beyond the data (below the shortest task or above the longest); null when no resample could
 *     be estimated
 * @param dataLowMinutes the shortest task's professional minutes
 * @param dataHighMinutes the longest task's
 * @param lowMinutes the least the 50% point can be, given the data
 * @param highMinutes the most it can be; null when unbounded
 * @param slopePerDoubling the change in log-odds of winning or tying per doubling of task length;
 *     negative when the model fades on longer tasks; null unless fitted
 * @param nTasks tasks with a judgment and a known length
 * @param nJudgments their judgments
 * @param unfitResamples bootstrap resamples whose horizon could not be estimated
 */
public record TimeHorizonResult(
    String model,
    String status,
    Double minutes,
    Bounds ci,
    double dataLowMinutes,
    double dataHighMinutes,
    Double lowMinutes,
    Double highMinutes,
    Double slopePerDoubling,
    int nTasks,
    long nJudgments,
    int unfitResamples) {

  /**
   * An interval whose bounds may lie beyond the data.
   *
   * @param low the lower bound; null when below the data
   * @param high the upper bound; null when above the data
   */
  public record Bounds(Double low, Double high) {}
}
