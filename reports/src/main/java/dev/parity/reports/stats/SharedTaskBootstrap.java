package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.HashMap;
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
 * <p>Cost per resample: one draw per task and one sum per group and cell of tasks sharing the same
 * groups, whatever the number of groups. Instances are immutable and thread-safe; the seed is in
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
    int rates = Rate.values().length;
    ClusteredValues[][] values = new ClusteredValues[rates][groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      List<OutcomeCounts> members = Arrays.stream(groups.get(g)).mapToObj(tasks::get).toList();
      for (Rate rate : Rate.values()) {
        values[rate.ordinal()][g] = TaskBootstrap.values(members, weighting, rate.tie);
      }
    }
    double[][][] replicates = new Draws(tasks, groups, weighting).replicates(settings);
    for (double[][] rate : replicates) {
      for (int g = 0; g < rate.length; g++) {
        rate[g] = finite(rate[g]);
      }
    }
    return new SharedTaskBootstrap(weighting, settings, values, replicates);
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
    double[] drawn = replicates[rate.ordinal()][group];
    ClusteredValues data = values[rate.ordinal()][group];
    if (drawn.length == 0) {
      drawn = new double[] {data.estimate()};
    }
    return TaskBootstrap.interval(data, drawn, settings.withLevel(level), Resampling.TASKS, true);
  }

  /** The tasks of every group grouped into cells of tasks in the same groups, and one resample's sums. */
  private static final class Draws {
    private final int tasks;
    private final int[] cellOf;
    private final double[][] numerator;
    private final double[] denominator;
    private final int[][] groupsOfCell;
    private final int groupCount;

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
      this.groupsOfCell = new int[cells.size()][];
      cells.forEach((key, cell) -> groupsOfCell[cell] = key.stream().mapToInt(Integer::intValue).toArray());
      this.groupCount = groups.size();
      this.numerator = new double[Rate.values().length][drawable];
      this.denominator = new double[drawable];
      for (int i = 0; i < drawable; i++) {
        OutcomeCounts c = all.get(taskOf[i]);
        for (Rate rate : Rate.values()) {
          double points = c.wins() + rate.tie * c.ties();
          // A task weighs one with task weighting (its mean), its judgments with judgment weighting.
          numerator[rate.ordinal()][i] = weighting == Weighting.TASK ? points / c.total() : points;
        }
        denominator[i] = weighting == Weighting.TASK ? 1 : c.total();
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

    /** Per rate, per group, per resample: the group's rate over the resample's drawn tasks (NaN: none drawn). */
    double[][][] replicates(BootstrapSettings settings) {
      int b = settings.resamples();
      int cells = groupsOfCell.length;
      double[][][] replicates = new double[Rate.values().length][groupCount][b];
      double[] cellScore = new double[cells];
      double[] cellWinOrTie = new double[cells];
      double[] cellWeight = new double[cells];
      double[] groupScore = new double[groupCount];
      double[] groupWinOrTie = new double[groupCount];
      double[] groupWeight = new double[groupCount];
      double[] score = numerator[Rate.SCORE.ordinal()];
      double[] winOrTie = numerator[Rate.WIN_OR_TIE.ordinal()];
      SplittableRandom random = new SplittableRandom(settings.seed());
      for (int r = 0; r < b; r++) {
        for (int i = 0; i < tasks; i++) {
          int t = random.nextInt(tasks);
          int cell = cellOf[t];
          cellScore[cell] += score[t];
          cellWinOrTie[cell] += winOrTie[t];
          cellWeight[cell] += denominator[t];
        }
        for (int c = 0; c < cells; c++) {
          if (cellWeight[c] == 0) {
            continue;
          }
          for (int g : groupsOfCell[c]) {
            groupScore[g] += cellScore[c];
            groupWinOrTie[g] += cellWinOrTie[c];
            groupWeight[g] += cellWeight[c];
          }
        }
        for (int g = 0; g < groupCount; g++) {
          boolean drawn = groupWeight[g] > 0;
          replicates[Rate.SCORE.ordinal()][g][r] = drawn ? groupScore[g] / groupWeight[g] : Double.NaN;
          replicates[Rate.WIN_OR_TIE.ordinal()][g][r] = drawn ? groupWinOrTie[g] / groupWeight[g] : Double.NaN;
        }
        Arrays.fill(cellScore, 0);
        Arrays.fill(cellWinOrTie, 0);
        Arrays.fill(cellWeight, 0);
        Arrays.fill(groupScore, 0);
        Arrays.fill(groupWinOrTie, 0);
        Arrays.fill(groupWeight, 0);
      }
      return replicates;
    }
  }
}
