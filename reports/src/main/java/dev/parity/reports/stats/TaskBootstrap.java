package dev.parity.reports.stats;

import java.util.List;
import java.util.Objects;

/**
 * The task-clustered bootstrap: percentile intervals for win rates and scores that do not count
 * the repeated grades and samples of one task as independent evidence.
 *
 * <p>Each element of the input is one task's judgments (of one model in one group); a resample
 * draws as many tasks as there are, with replacement, and with {@link
 * Resampling#TASKS_THEN_JUDGMENTS} (the default) then redraws each drawn task's judgments with
 * replacement. The statistic of a resample is its mean over judgments, so a task weighs as many
 * judgments as it has, as in the estimate itself. The interval is the percentile interval with
 * R-7 quantiles. Resampling is exact but fast (see {@code ClusteredValues}): 10,000 resamples of
 * 100,000 judgments take a fraction of a second.
 *
 * <p>Instances are immutable and thread-safe; every call with the same data gives the same
 * interval, since the seed is in the settings.
 */
public final class TaskBootstrap {
  private final BootstrapSettings settings;
  private final Resampling resampling;

  private TaskBootstrap(BootstrapSettings settings, Resampling resampling) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.resampling = Objects.requireNonNull(resampling, "resampling");
  }

  /** Resamples tasks, then judgments within each drawn task: the default. */
  public static TaskBootstrap twoStage(BootstrapSettings settings) {
    return new TaskBootstrap(settings, Resampling.TASKS_THEN_JUDGMENTS);
  }

  /** Resamples whole tasks only, each with its judgments as observed. */
  public static TaskBootstrap tasksOnly(BootstrapSettings settings) {
    return new TaskBootstrap(settings, Resampling.TASKS);
  }

  /**
   * The win-or-tie rate over all judgments of all tasks, with its interval.
   *
   * @param tasks one element per task: that task's verdicts
   * @throws IllegalArgumentException if no task has a judgment
   */
  public BootstrapInterval winOrTieRate(List<OutcomeCounts> tasks) {
    return interval(ClusteredValues.ofCounts(tasks, 1, 1));
  }

  /** GDPval's score (win 1, tie ½, loss 0) over all judgments, with its interval; as above. */
  public BootstrapInterval score(List<OutcomeCounts> tasks) {
    return interval(ClusteredValues.ofCounts(tasks, 1, 0.5));
  }

  /**
   * The mean of any per-judgment values (rubric scores, paired differences), with its interval.
   *
   * @param tasks one array per task: the values of that task's judgments; empty arrays are left
   *     out
   * @throws IllegalArgumentException if no task has a value, or a value is not finite
   */
  public BootstrapInterval mean(List<double[]> tasks) {
    return interval(ClusteredValues.of(tasks));
  }

  private BootstrapInterval interval(ClusteredValues data) {
    double[] sorted = data.sortedReplicates(settings.resamples(), resampling, settings.seed());
    return new BootstrapInterval(data.estimate(),
        Quantiles.percentileInterval(sorted, settings.level()), standardDeviation(sorted),
        resampling, settings);
  }

  static double standardDeviation(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
