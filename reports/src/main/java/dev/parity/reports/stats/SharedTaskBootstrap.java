package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
 * #resample(List, Weighting, BootstrapSettings)}) and one sum per group and cell of tasks sharing the
 * same groups, whatever the number of groups. Instances are immutable and thread-safe; the seed is in
 * the settings, so the same data give the same intervals.
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
  /** Per rate and group: the finite replicates, in resample order (intervals select their quantiles). */
  private final double[][][] replicates;

  private SharedTaskBootstrap(Weighting weighting, BootstrapSettings settings, ClusteredValues[][] values,
      double[][][] replicates) {
    this.weighting = weighting;
    this.settings = settings;
    this.values = values;
    this.replicates = replicates;
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
    List<Draws> draws = new ArrayList<>(samples.size());
    Map<Integer, List<Draws>> byTasks = new LinkedHashMap<>();
    for (Sample sample : samples) {
      Draws d = new Draws(sample.tasks(), sample.groups(), weighting);
      draws.add(d);
      byTasks.computeIfAbsent(d.tasks, n -> new ArrayList<>()).add(d);
    }
    byTasks.forEach((tasks, sharing) -> Draws.resample(tasks, sharing, settings));
    List<SharedTaskBootstrap> bootstraps = new ArrayList<>(samples.size());
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
      double[][][] replicates = draws.get(m).replicates;
      for (double[][] rate : replicates) {
        for (int g = 0; g < rate.length; g++) {
          rate[g] = finite(rate[g]);
        }
      }
      bootstraps.add(new SharedTaskBootstrap(weighting, settings, values, replicates));
    }
    return bootstraps;
  }

  /** The replicates that are numbers (NaN: a resample that drew no task of the group), in their order. */
  private static double[] finite(double[] replicates) {
    int finite = 0;
    for (double r : replicates) {
      if (!Double.isNaN(r)) {
        replicates[finite++] = r;
      }
    }
    return finite == replicates.length ? replicates : Arrays.copyOf(replicates, finite);
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
    double[] drawn = replicates[rate.ordinal()][group];
    ClusteredValues data = values[rate.ordinal()][group];
    if (drawn.length == 0) {
      drawn = new double[] {data.estimate()};
    }
    List<BootstrapSettings> at = Arrays.stream(levels).mapToObj(settings::withLevel).toList();
    return TaskBootstrap.intervals(data, drawn, at, Resampling.TASKS, true);
  }

  /**
   * One model's tasks grouped into cells of tasks in the same groups, and, while resampling, one
   * resample's sums and every resample's replicates. Confined to the thread that resamples.
   *
   * <p>The sums sit side by side (a task's score, win-or-tie and weight at 3t, 3t + 1, 3t + 2; a
   * cell's and a group's likewise) and the cells' groups in one array, so that the report's JIT (C1,
   * which neither hoists nor vectorises) reads one array per sum where three were read.
   */
  private static final class Draws {
    private static final int SCORE = 0;
    private static final int WIN_OR_TIE = 1;
    private static final int WEIGHT = 2;
    private static final int SUMS = 3;

    private final int tasks;
    private final int[] cellOf;
    /** Per drawable task: its score, win-or-tie and weight. */
    private final double[] values;
    /** The groups of cell c at [groupStart[c], groupStart[c + 1]). */
    private final int[] groupsOfCells;
    private final int[] groupStart;
    private final int groupCount;
    private double[] cellSums;
    private double[] groupSums;
    /** Per rate, per group, per resample: the group's rate over the resample's drawn tasks (NaN: none drawn). */
    private double[][][] replicates;

    Draws(List<OutcomeCounts> all, List<int[]> groups, Weighting weighting) {
      int[][] groupsOfTask = groupsOfTask(all.size(), groups);
      Map<List<Integer>, Integer> cells = new HashMap<>();
      int[] taskOf = new int[all.size()];
      int[] cellOf = new int[all.size()];
      int drawable = 0;
      for (int t = 0; t < all.size(); t++) {
        if (all.get(t).total() == 0) {
          continue;
        }
        List<Integer> key = Arrays.stream(groupsOfTask[t]).boxed().toList();
        Integer cell = cells.computeIfAbsent(key, k -> cells.size());
        taskOf[drawable] = t;
        cellOf[drawable++] = cell;
      }
      this.tasks = drawable;
      this.cellOf = Arrays.copyOf(cellOf, drawable);
      int[][] groupsOfCell = new int[cells.size()][];
      cells.forEach((key, cell) -> groupsOfCell[cell] = key.stream().mapToInt(Integer::intValue).toArray());
      this.groupStart = new int[groupsOfCell.length + 1];
      for (int c = 0; c < groupsOfCell.length; c++) {
        groupStart[c + 1] = groupStart[c] + groupsOfCell[c].length;
      }
      this.groupsOfCells = Arrays.stream(groupsOfCell).flatMapToInt(Arrays::stream).toArray();
      this.groupCount = groups.size();
      this.values = new double[drawable * SUMS];
      for (int i = 0; i < drawable; i++) {
        OutcomeCounts c = all.get(taskOf[i]);
        for (Rate rate : Rate.values()) {
          double points = c.wins() + rate.tie * c.ties();
          // A task weighs one with task weighting (its mean), its judgments with judgment weighting.
          values[i * SUMS + (rate == Rate.SCORE ? SCORE : WIN_OR_TIE)] =
              weighting == Weighting.TASK ? points / c.total() : points;
        }
        values[i * SUMS + WEIGHT] = weighting == Weighting.TASK ? 1 : c.total();
      }
    }

    private static int[][] groupsOfTask(int tasks, List<int[]> groups) {
      int[] count = new int[tasks];
      for (int[] members : groups) {
        for (int t : members) {
          count[t]++;
        }
      }
      int[][] result = new int[tasks][];
      for (int t = 0; t < tasks; t++) {
        result[t] = new int[count[t]];
        count[t] = 0;
      }
      for (int g = 0; g < groups.size(); g++) {
        for (int t : groups.get(g)) {
          result[t][count[t]++] = g;
        }
      }
      return result;
    }

    /**
     * Fills every {@code sharing} model's {@link #replicates} (each with {@code tasks} tasks to
     * draw) from one stream of draws: per resample, the task indices drawn once, then each model's
     * sums over them in the order drawn (the same doubles as a stream per model).
     */
    static void resample(int tasks, List<Draws> sharing, BootstrapSettings settings) {
      int b = settings.resamples();
      for (Draws d : sharing) {
        d.replicates = new double[Rate.values().length][d.groupCount][b];
        d.cellSums = new double[(d.groupStart.length - 1) * SUMS];
        d.groupSums = new double[d.groupCount * SUMS];
      }
      int[] drawn = new int[tasks];
      SplittableRandom random = new SplittableRandom(settings.seed());
      for (int r = 0; r < b; r++) {
        for (int i = 0; i < tasks; i++) {
          drawn[i] = random.nextInt(tasks);
        }
        for (Draws d : sharing) {
          d.add(drawn, r);
        }
      }
    }

    /** Resample r's replicates, from its drawn task indices; leaves the sums at zero. */
    private void add(int[] drawn, int r) {
      int[] cellOf = this.cellOf;
      double[] values = this.values;
      double[] cellSums = this.cellSums;
      double[] groupSums = this.groupSums;
      int[] groupsOfCells = this.groupsOfCells;
      int[] groupStart = this.groupStart;
      for (int t : drawn) {
        int cell = cellOf[t] * SUMS;
        int task = t * SUMS;
        cellSums[cell] += values[task];
        cellSums[cell + 1] += values[task + 1];
        cellSums[cell + 2] += values[task + 2];
      }
      for (int c = 0, cells = groupStart.length - 1; c < cells; c++) {
        int cell = c * SUMS;
        double weight = cellSums[cell + WEIGHT];
        if (weight == 0) {
          continue;
        }
        double score = cellSums[cell + SCORE];
        double winOrTie = cellSums[cell + WIN_OR_TIE];
        cellSums[cell] = 0;
        cellSums[cell + 1] = 0;
        cellSums[cell + 2] = 0;
        for (int k = groupStart[c], end = groupStart[c + 1]; k < end; k++) {
          int group = groupsOfCells[k] * SUMS;
          groupSums[group + SCORE] += score;
          groupSums[group + WIN_OR_TIE] += winOrTie;
          groupSums[group + WEIGHT] += weight;
        }
      }
      double[][] score = replicates[Rate.SCORE.ordinal()];
      double[][] winOrTie = replicates[Rate.WIN_OR_TIE.ordinal()];
      for (int g = 0; g < groupCount; g++) {
        int group = g * SUMS;
        double weight = groupSums[group + WEIGHT];
        boolean drawnAny = weight > 0;
        score[g][r] = drawnAny ? groupSums[group + SCORE] / weight : Double.NaN;
        winOrTie[g][r] = drawnAny ? groupSums[group + WIN_OR_TIE] / weight : Double.NaN;
        groupSums[group] = 0;
        groupSums[group + 1] = 0;
        groupSums[group + 2] = 0;
      }
    }
  }
}
