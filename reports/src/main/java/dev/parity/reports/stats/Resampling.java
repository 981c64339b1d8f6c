package dev.parity.reports.stats;

/** What a task-clustered bootstrap resamples. */
public enum Resampling {
  /**
   * Two stages: draw tasks with replacement, then, within each drawn task, draw its judgments with
   * replacement. The second stage carries the uncertainty of a task's own verdict (which graders,
   * which samples of the model happened to be drawn), so a task judged once is not taken as
   * settled. The default.
   */
  TASKS_THEN_JUDGMENTS,

  /**
   * One stage, the classic cluster bootstrap: draw tasks with replacement, each with all of its
   * judgments as observed.
   */
  TASKS
}
