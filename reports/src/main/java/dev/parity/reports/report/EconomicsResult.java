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
 * @param humanMinutesSources where H comes from, and the tasks left out for want of first-hand figures
 * @param modelMinutes M: the model's minutes for one attempt (the answering call's latency); for
 *     the professionals, their measured minutes (active time on the work page)
 * @param modelReportedMinutes for the professionals, their reported minutes (measured plus the
 *     time they stated they spent outside the page), shown beside M; null for a model
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
    MinutesSources humanMinutesSources,
    Double modelMinutes,
    Double modelReportedMinutes,
    Double modelCostUsd,
    Double reviewMinutes,
    String reviewSource,
    double winOrTieRate,
    Ratios speed,
    Ratios cost) {

  /**
   * Where the professionals' minutes behind H come from, counted in tasks: measured (a timed
   * baseline, e.g. one exported from a baseline campaign) or reported (stated by the professional
   * or the suite's author). Tasks with a measured attempt whose minutes or wage are only estimated,
   * or unknown, are left out of the figures and counted here.
   *
   * @param measured tasks whose minutes were measured
   * @param reported tasks whose minutes were reported
   * @param leftOutEstimated tasks left out: minutes or wage estimated
   * @param leftOutUnknown tasks left out: minutes or wage unknown
   */
  public record MinutesSources(int measured, int reported, int leftOutEstimated, int leftOutUnknown) {
    /** {@code measured}, {@code reported}, or {@code 3 measured, 9 reported}. */
    public String label() {
      if (reported == 0) {
        return "measured";
      }
      return measured == 0 ? "reported" : measured + " measured, " + reported + " reported";
    }
  }

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
