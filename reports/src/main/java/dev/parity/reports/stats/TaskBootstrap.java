package dev.parity.reports.stats;

import java.util.List;
import java.util.Objects;

/**
 * The task-clustered bootstrap: percentile intervals for win rates and scores that do not count
 * the repeated grades and samples of one task as independent evidence.
 *
 * <p>Each element of the input is one task's judgments (of one model in one group); a resample
 * draws as many tasks as there are, with replacement, each with its judgments as observed ({@link
 * #tasksOnly}, what reports use), or with {@link Resampling#TASKS_THEN_JUDGMENTS} ({@link
 * #twoStage}) then redraws each drawn task's judgments with replacement. The two-stage bootstrap
 * counts the within-task variation twice (once in the spread of the tasks' means, once in the
 * redraw), so its intervals are too wide when judgments of one task disagree a lot: about 25% too
 * wide, 99% coverage for a nominal 95%, at a within-task correlation near 0 (see {@code
 * TaskBootstrapCoverageTest}). It stays for comparison and for the published reference values.
 * The statistic of a resample is its mean over judgments (a task weighs as many judgments as it
 * has) or, with {@link Weighting#TASK}, the mean over tasks of each task's mean. The interval is the percentile interval with
 * R-7 quantiles. Resampling is exact but fast (see {@code ClusteredValues}): 10,000 resamples of
 * 100,000 judgments take a fraction of a second.
 *
 * <p>Instances are immutable and thread-safe; every call with the same data gives the same
 * interval, since the seed is in the settings.
 */
public final class TaskBootstrap {
  private final BootstrapSettings settings;
  private final Resampling resampling;
  private final boolean expanded;

  private TaskBootstrap(BootstrapSettings settings, Resampling resampling, boolean expanded) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.resampling = Objects.requireNonNull(resampling, "resampling");
    this.expanded = expanded;
  }

  /** Resamples tasks, then judgments within each drawn task: too wide, kept for comparison. */
  public static TaskBootstrap twoStage(BootstrapSettings settings) {
    return new TaskBootstrap(settings, Resampling.TASKS_THEN_JUDGMENTS, false);
  }

  /** Resamples whole tasks only, each with its judgments as observed; plain percentile interval. */
  public static TaskBootstrap tasksOnly(BootstrapSettings settings) {
    return new TaskBootstrap(settings, Resampling.TASKS, false);
  }

  /**
   * Resamples whole tasks only, with Hesterberg's expanded percentile interval: the one reports
   * use. A percentile interval is too narrow with few tasks (it ignores that n tasks show only
   * (n − 1)/n of their spread, and uses z where t belongs): 92–94% coverage for a nominal 95% at
   * 30 tasks, 85% at 5. The expanded interval takes the percentiles at the level whose normal
   * critical value is √(n/(n − 1))·t(n − 1), n the tasks: 96.3% at 30 tasks, 99.8% at 5, and
   * covers close to 95% at any number of tasks (Hesterberg, "What teachers should know about the
   * bootstrap", The American Statistician 69(4), 2015, section 6; see TaskBootstrapCoverageTest).
   * The interval records the nominal level.
   */
  public static TaskBootstrap expandedTasks(BootstrapSettings settings) {
    return new TaskBootstrap(settings, Resampling.TASKS, true);
  }

  /**
   * The percentile level that expands a nominal {@code level} interval for {@code tasks} tasks:
   * 2Φ(√(n/(n − 1))·t_{n−1}(1 − α/2)) − 1, at most 1 − 10⁻¹²; the nominal level for fewer than
   * 2 tasks.
   */
  public static double expandedLevel(double level, int tasks) {
    if (tasks < 2) {
      return level;
    }
    double t = org.apache.commons.statistics.distribution.TDistribution.of(tasks - 1)
        .inverseCumulativeProbability(1 - (1 - level) / 2);
    double z = Math.sqrt((double) tasks / (tasks - 1)) * t;
    // With 2 or 3 tasks (and a level adjusted for many groups) this is 1 to double precision:
    // the interval then spans the smallest to the largest resample.
    return Math.min(1 - 2 * StandardNormal.survival(z), 1 - 1e-12);
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
   * GDPval's score (win 1, tie ½, loss 0) weighted as asked, with its interval.
   *
   * @throws IllegalArgumentException if no task has a judgment
   */
  public BootstrapInterval score(List<OutcomeCounts> tasks, Weighting weighting) {
    return interval(values(tasks, weighting, 0.5));
  }

  /** The win-or-tie rate weighted as asked, with its interval; as above. */
  public BootstrapInterval winOrTieRate(List<OutcomeCounts> tasks, Weighting weighting) {
    return interval(values(tasks, weighting, 1));
  }

  /** The values a rate with a tie worth {@code tie} (a win 1) is the mean of, weighted as asked. */
  static ClusteredValues values(List<OutcomeCounts> tasks, Weighting weighting, double tie) {
    return weighting == Weighting.TASK ? perTask(tasks, tie) : ClusteredValues.ofCounts(tasks, 1, tie);
  }

  /** Each task's mean value as one value: a task weighs one, whatever its judgments. */
  private static ClusteredValues perTask(List<OutcomeCounts> tasks, double tie) {
    List<double[]> means = new java.util.ArrayList<>(tasks.size());
    for (OutcomeCounts c : tasks) {
      if (c.total() > 0) {
        means.add(new double[] {(c.wins() + tie * c.ties()) / c.total()});
      }
    }
    return ClusteredValues.of(means);
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
    return interval(data, data.sortedReplicates(settings.resamples(), resampling, settings.seed()), settings,
        resampling, expanded);
  }

  /**
   * The interval of {@code data}'s estimate from its replicates (in any order, none NaN):
   * percentile, or expanded for {@code data}'s number of tasks; it records the nominal level.
   */
  static BootstrapInterval interval(ClusteredValues data, double[] replicates, BootstrapSettings settings,
      Resampling resampling, boolean expanded) {
    return intervals(data, replicates, List.of(settings), resampling, expanded).get(0);
  }

  /**
   * The intervals of {@code data}'s estimate at each of {@code settings}' levels, from the same
   * replicates: as {@link #interval} gives each, from one copy of the replicates partitioned once
   * for all the order statistics (a report reads two levels of every group).
   */
  static List<BootstrapInterval> intervals(ClusteredValues data, double[] replicates, List<BootstrapSettings> settings,
      Resampling resampling, boolean expanded) {
    double[] levels = settings.stream()
        .mapToDouble(s -> expanded ? expandedLevel(s.level(), data.tasks()) : s.level()).toArray();
    return intervalsAt(data, replicates, settings, levels, resampling);
  }

  /**
   * As {@link #intervals}, the percentiles of each of {@code settings} taken at the level of the
   * same place in {@code levels} (its own, or expanded).
   */
  static List<BootstrapInterval> intervalsAt(ClusteredValues data, double[] replicates, List<BootstrapSettings> settings,
      double[] levels, Resampling resampling) {
    ConfidenceInterval[] intervals = Quantiles.percentileIntervalsOfUnsorted(replicates, levels);
    double standardDeviation = standardDeviation(replicates);
    List<BootstrapInterval> result = new java.util.ArrayList<>(levels.length);
    for (int i = 0; i < levels.length; i++) {
      BootstrapSettings at = settings.get(i);
      result.add(new BootstrapInterval(data.estimate(),
          new ConfidenceInterval(intervals[i].low(), intervals[i].high(), at.level()), standardDeviation,
          resampling, at));
    }
    return result;
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
