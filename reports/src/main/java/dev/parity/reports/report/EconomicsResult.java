package dev.parity.reports.report;

/**
 * Speed and cost of one model in one group of tasks, against the professionals alone, by
 * GDPval's three workflows. Amounts are means per task over the group's tasks that have both a
 * professional's time and a measured model attempt; a figure the data cannot give is null.
 *
 * @param level how the group was formed
 * @param name the group
 * @param model the model
 * @param nTasks tasks with a professional's time and a measured attempt
 * @param nAttempts the model's attempts on them
 * @param humanMinutes H: the professional's minutes on a task
 * @param humanCostUsd the professional's cost of a task: minutes × hourly wage
 * @param modelMinutes M: the model's minutes for one attempt (the answering call's latency)
 * @param modelCostUsd the API cost of one attempt; null when the run recorded no cost
 * @param reviewMinutes R: a professional's minutes to review one attempt
 * @param reviewSource where R came from: {@code user} (given), {@code graders} (the human
 *     graders' recorded minutes on these judgments), {@code graders_overall} (on all judgments,
 *     this group having none); null when unknown
 * @param winOrTieRate w: the group's win-or-tie rate
 * @param speed the ratios in time
 * @param cost the ratios in money
 */
public record EconomicsResult(
    Level level,
    String name,
    String model,
    int nTasks,
    int nAttempts,
    double humanMinutes,
    double humanCostUsd,
    Double modelMinutes,
    Double modelCostUsd,
    Double reviewMinutes,
    String reviewSource,
    double winOrTieRate,
    Ratios speed,
    Ratios cost) {

  /**
   * How many times faster (or cheaper) than the professional alone each workflow is; above 1 the
   * model helps. The intervals take w at the bounds of its task-bootstrap interval, holding the
   * times fixed: they show how much the uncertain win-or-tie rate moves the ratio.
   *
   * @param naive H / M: the model's attempt against the professional's work, nothing else
   * @param tryOnce H / (M + R + (1 − w)·H): try once, review, fix by hand when not good enough
   * @param tryOnceCi its range over w's interval
   * @param tryN H / ((M + R)·(1 − (1 − w)ⁿ)/w + (1 − w)ⁿ·H): try up to n times, reviewing each
   * @param tryNCi its range over w's interval
   * @param n the attempts allowed in {@code tryN}
   */
  public record Ratios(
      Double naive, Double tryOnce, Interval tryOnceCi, Double tryN, Interval tryNCi, int n) {}
}
