package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task bootstrap of every group of one model's tasks (overall, per sector, per occupation, …)
 * from the same resamples: each resample draws as many of the model's tasks as it has, with
 * replacement, and each group's replicate is its score and win-or-tie rate over the drawn tasks
 * that belong to it. One draw of the tasks serves every group and both rates, where a bootstrap per
 * group and rate made each draw its own (docs/design/0006-shared-task-resamples.md).
 *
 * <p>A group's number of drawn tasks then varies from resample to resample (binomially, around its
 * size) instead of being fixed: its replicates are those of the model's whole sample of tasks, as
 * the data were collected. The intervals agree with a bootstrap of the group alone up to the
 * resampling noise, and cover as well (see {@code SharedTaskBootstrapTest}). A resample that draws
 * no task of a small group gives no replicate for it; that group's interval rests on the others.
 *
 * <p>Cost per resample: one draw per task (shared by the models with as many tasks: {@link
 * #resample(List, Weighting, BootstrapSettings)}), then each group summed once, from the groups
 * that partition it where there are such, else from its tasks or cells of tasks ({@link GroupSums}:
 * about three terms per task for the report's five levels). Instances are immutable and
 * thread-safe; the seed is in the settings, so the same data give the same intervals.
 */
public final class SharedTaskBootstrap {
  /** The rates computed per group. */
  public enum Rate {
    /** Win 1, tie ½, loss 0: GDPval's score. */
    SCORE(0.5),
    /** Win or tie 1, loss 0. */
    WIN_OR_TIE(1);

    private final double tie;

    Rate(double tie) {
      this.tie = tie;
    }
  }

  private final Weighting weighting;
  private final BootstrapSettings settings;
  /** Per rate and group: its estimate and tasks as a bootstrap of the group alone would give them. */
  private final ClusteredValues[][] values;
  /** The groups' replicates (intervals select their quantiles). */
  private final GroupSums replicates;
  /**
   * The expanded percentile levels found so far, shared by the bootstraps resampled together: groups
   * of as many tasks (every occupation of every model, say) expand a level alike, and each
   * expansion is a t quantile found by root finding.
   */
  private final Map<ExpandedLevel, Double> expandedLevels;

  /** A nominal level for a number of tasks, whose expanded level is the same wherever it is asked. */
  private record ExpandedLevel(double level, int tasks) {}

  private SharedTaskBootstrap(Weighting weighting, BootstrapSettings settings, ClusteredValues[][] values,
      GroupSums replicates, Map<ExpandedLevel, Double> expandedLevels) {
    this.weighting = weighting;
    this.settings = settings;
    this.values = values;
    this.replicates = replicates;
    this.expandedLevels = expandedLevels;
  }

  /**
   * Resamples a model's tasks and computes every group's replicates.
   *
   * @param tasks the model's tasks, each with its verdicts; tasks without a judgment are never drawn
   * @param groups each group's members, as indices into {@code tasks}; each group needs a task with
   *     a judgment
   * @throws IllegalArgumentException if a group has no task with a judgment
   * @throws IndexOutOfBoundsException if a member is not an index into {@code tasks}
   */
  public static SharedTaskBootstrap resample(List<OutcomeCounts> tasks, List<int[]> groups, Weighting weighting,
      BootstrapSettings settings) {
    return resample(List.of(new Sample(tasks, groups)), weighting, settings).get(0);
  }

  /**
   * One model's tasks and its groups, as {@link #resample(List, List, Weighting, BootstrapSettings)}
   * takes them.
   */
  public record Sample(List<OutcomeCounts> tasks, List<int[]> groups) {}

  /**
   * Resamples several models' tasks, each as {@link #resample(List, List, Weighting,
   * BootstrapSettings)} would alone, with the same results to the bit. A model's draws depend only
   * on the seed and its number of tasks with a judgment, so models with as many such tasks draw the
   * same task indices: those are drawn once and summed for each model, where drawing them again per
   * model cost most of the report's bootstrap (a bounded draw costs more than the sums it feeds).
   *
   * @return each sample's bootstrap, in the samples' order
   * @throws IllegalArgumentException if a group has no task with a judgment
   */
  public static List<SharedTaskBootstrap> resample(List<Sample> samples, Weighting weighting,
      BootstrapSettings settings) {
    int rates = Rate.values().length;
    List<GroupSums> sums = new ArrayList<>(samples.size());
    Map<Integer, List<GroupSums>> byTasks = new LinkedHashMap<>();
    for (Sample sample : samples) {
      GroupSums s = new GroupSums(sample.tasks(), sample.groups(), weighting);
      sums.add(s);
      byTasks.computeIfAbsent(s.tasks(), n -> new ArrayList<>()).add(s);
    }
    byTasks.forEach((tasks, sharing) -> resample(tasks, sharing, settings));
    List<SharedTaskBootstrap> bootstraps = new ArrayList<>(samples.size());
    Map<ExpandedLevel, Double> expandedLevels = new ConcurrentHashMap<>();
    for (int m = 0; m < samples.size(); m++) {
      List<OutcomeCounts> tasks = samples.get(m).tasks();
      List<int[]> groups = samples.get(m).groups();
      ClusteredValues[][] values = new ClusteredValues[rates][groups.size()];
      for (int g = 0; g < groups.size(); g++) {
        List<OutcomeCounts> members = Arrays.stream(groups.get(g)).mapToObj(tasks::get).toList();
        for (Rate rate : Rate.values()) {
          values[rate.ordinal()][g] = TaskBootstrap.values(members, weighting, rate.tie);
        }
      }
      bootstraps.add(new SharedTaskBootstrap(weighting, settings, values, sums.get(m), expandedLevels));
    }
    return bootstraps;
  }

  /**
   * Fills the replicates of every {@code sharing} model (each with {@code tasks} tasks to draw)
   * from one stream of draws, the same task indices as a stream per model: per resample, how many
   * times each task was drawn, counted once, then each model's groups summed over those counts.
   */
  private static void resample(int tasks, List<GroupSums> sharing, BootstrapSettings settings) {
    int b = settings.resamples();
    sharing.forEach(s -> s.start(b));
    int[] counts = new int[tasks];
    Draws draws = new Draws(settings.seed());
    for (int r = 0; r < b; r++) {
      draws.count(counts);
      for (GroupSums s : sharing) {
        s.add(counts, r);
      }
      Arrays.fill(counts, 0);
    }
  }

  /**
   * The memory that {@link #resample} holds for {@code sample}'s replicates until its intervals are
   * read: 8 bytes per group and resample when its sums fit in one long (both rates from it), 16 when not.
   */
  public static long replicateBytes(Sample sample, Weighting weighting, int resamples) {
    return (long) GroupSums.bytesPerReplicate(sample.tasks(), weighting) * sample.groups().size() * resamples;
  }

  /** How the groups' rates are weighted. */
  public Weighting weighting() {
    return weighting;
  }

  /**
   * Group {@code group}'s rate with its expanded percentile interval (as {@link
   * TaskBootstrap#expandedTasks}) at {@code level}; the replicates are the same at every level. A
   * group that no resample drew (possible with very few resamples) gets an interval of no width at
   * its estimate: the bootstrap cannot tell.
   */
  public BootstrapInterval interval(int group, Rate rate, double level) {
    return intervals(group, rate, level).get(0);
  }

  /**
   * As {@link #interval} at each of {@code levels}, in their order, the replicates' order
   * statistics selected from one copy for all of them.
   */
  public List<BootstrapInterval> intervals(int group, Rate rate, double... levels) {
    double[] drawn = replicates.replicates(group, rate == Rate.SCORE ? GroupSums.SCORE : GroupSums.WIN_OR_TIE);
    ClusteredValues data = values[rate.ordinal()][group];
    if (drawn.length == 0) {
      drawn = new double[] {data.estimate()};
    }
    List<BootstrapSettings> at = Arrays.stream(levels).mapToObj(settings::withLevel).toList();
    double[] expanded = Arrays.stream(levels).map(level -> expandedLevels.computeIfAbsent(
        new ExpandedLevel(level, data.tasks()), key -> TaskBootstrap.expandedLevel(key.level(), key.tasks()))).toArray();
    return TaskBootstrap.intervalsAt(data, drawn, at, expanded, Resampling.TASKS);
  }
}
