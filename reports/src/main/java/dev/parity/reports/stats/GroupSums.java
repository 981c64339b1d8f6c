package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One model's groups summed over a resample given as how many times each task was drawn: each
 * group's score, win-or-tie and weight sums, in the order {@link SumPlan} chose, from which {@link
 * SharedTaskBootstrap} takes the replicates. Confined to the thread that resamples.
 *
 * <p>That order is not the order of the draws, so the values summed are made exact where they can
 * be: with judgment weighting a task's score is a whole number of halves and its weight its
 * judgments; with task weighting its rates are written over a common denominator (the least
 * common multiple of twice the tasks' judgments) with that denominator as its weight. Sums of such
 * whole numbers are exact in any order, so a replicate is the exact ratio rounded once: the same
 * whatever the order, and, with judgment weighting, the same doubles as summing the draws one by
 * one did. Only a task weighting whose common denominator passes 2⁵³ over the number of tasks
 * (tasks with many different numbers of judgments) sums each task's mean as a double, exact but
 * for the last bits. When every sum fits in 21 bits (a resample's draws times the largest value),
 * the three are added as one long, three lanes of 21 bits: one multiplication per task instead of
 * three (docs/design/0006-shared-task-resamples.md).
 */
final class GroupSums {
  static final int SCORE = 0;
  static final int WIN_OR_TIE = 1;
  private static final int WEIGHT = 2;
  private static final int SUMS = 3;
  /** Every whole number up to 2⁵³ is a double. */
  private static final long EXACT = 1L << 53;
  private static final int LANE = 21;
  private static final long LANE_MASK = (1L << LANE) - 1;

  private final int tasks;
  private final int groupCount;
  private final SumPlan plan;
  /** Per drawable task: its score and win-or-tie numerators and its weight, as doubles; null when packed. */
  private final double[] values;
  /** Per drawable task: the same three, packed in 21-bit lanes (score highest); null when they do not fit. */
  private final long[] packed;
  /** Per node of the plan: its three sums in the current resample, as {@link #values} or {@link #packed} holds them. */
  private final double[] sums;
  private final long[] packedSums;
  /** Per group, per resample: its sums, packed (as {@link #packed}); null unless packed. */
  private long[][] packedReplicates;
  /** Per rate, per group, per resample: its rate, NaN if the resample drew none of its tasks; null when packed. */
  private double[][][] replicates;

  /**
   * @param all the model's tasks; those without a judgment are never drawn
   * @param groups each group's members, as indices into {@code all}
   * @throws IndexOutOfBoundsException if a member is not an index into {@code all}
   */
  GroupSums(List<OutcomeCounts> all, List<int[]> groups, Weighting weighting) {
    int[] drawableOf = new int[all.size()];
    List<OutcomeCounts> drawn = new ArrayList<>(all.size());
    for (int t = 0; t < all.size(); t++) {
      drawableOf[t] = all.get(t).total() == 0 ? -1 : drawn.size();
      if (drawableOf[t] >= 0) {
        drawn.add(all.get(t));
      }
    }
    this.tasks = drawn.size();
    this.groupCount = groups.size();
    int[][] members = new int[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      members[g] = Arrays.stream(groups.get(g)).map(t -> drawableOf[t]).filter(t -> t >= 0).toArray();
    }
    this.plan = SumPlan.of(tasks, members);
    double[] values = values(drawn, weighting);
    this.packed = packed(values, tasks);
    this.values = packed == null ? values : null;
    this.sums = packed == null ? new double[plan.nodes() * SUMS] : null;
    this.packedSums = packed == null ? null : new long[plan.nodes()];
  }

  /** The bytes that {@link #start} takes per group and resample for {@code tasks} weighted so. */
  static int bytesPerReplicate(List<OutcomeCounts> tasks, Weighting weighting) {
    List<OutcomeCounts> drawn = tasks.stream().filter(c -> c.total() > 0).toList();
    return packed(values(drawn, weighting), drawn.size()) != null ? Long.BYTES : 2 * Double.BYTES;
  }

  /** The tasks that can be drawn: those with a judgment. */
  int tasks() {
    return tasks;
  }

  int groupCount() {
    return groupCount;
  }

  /** Makes room for {@code resamples} resamples' replicates, forgetting any kept. */
  void start(int resamples) {
    if (packed != null) {
      packedReplicates = new long[groupCount][resamples];
    } else {
      replicates = new double[2][groupCount][resamples];
    }
  }

  /**
   * Sums every group over resample r, which drew task t {@code counts[t]} times (the counts add up
   * to {@link #tasks}), and keeps its replicates.
   */
  void add(int[] counts, int r) {
    int[] nodeOfGroup = plan.nodeOfGroup();
    if (packed != null) {
      sumPacked(counts);
      for (int g = 0; g < groupCount; g++) {
        packedReplicates[g][r] = packedSums[nodeOfGroup[g]];
      }
      return;
    }
    sumValues(counts);
    for (int g = 0; g < groupCount; g++) {
      int s = nodeOfGroup[g] * SUMS;
      double weight = sums[s + WEIGHT];
      replicates[SCORE][g][r] = weight > 0 ? sums[s + SCORE] / weight : Double.NaN;
      replicates[WIN_OR_TIE][g][r] = weight > 0 ? sums[s + WIN_OR_TIE] / weight : Double.NaN;
    }
  }

  /**
   * Group g's {@link #SCORE} or {@link #WIN_OR_TIE} replicates in resample order, but for the
   * resamples that drew none of its tasks; a new array. Safe from any thread once the resamples are done.
   */
  double[] replicates(int group, int rate) {
    if (packed == null) {
      double[] all = replicates[rate][group];
      return Arrays.stream(all).filter(r -> !Double.isNaN(r)).toArray();
    }
    long[] kept = packedReplicates[group];
    int shift = LANE * (WEIGHT - rate);
    double[] finite = new double[kept.length];
    int n = 0;
    for (long s : kept) {
      long weight = s & LANE_MASK;
      if (weight > 0) {
        finite[n++] = (double) ((s >>> shift) & LANE_MASK) / weight;
      }
    }
    return n == finite.length ? finite : Arrays.copyOf(finite, n);
  }

  private void sumPacked(int[] counts) {
    long[] packed = this.packed;
    long[] sums = this.packedSums;
    int[] terms = plan.terms();
    int[] termStart = plan.termStart();
    int n = 0;
    for (int leaves = plan.leaves(); n < leaves; n++) {
      long sum = 0;
      for (int k = termStart[n], end = termStart[n + 1]; k < end; k++) {
        int t = terms[k];
        sum += counts[t] * packed[t];
      }
      sums[n] = sum;
    }
    for (int nodes = plan.nodes(); n < nodes; n++) {
      long sum = 0;
      for (int k = termStart[n], end = termStart[n + 1]; k < end; k++) {
        sum += sums[terms[k]];
      }
      sums[n] = sum;
    }
  }

  private void sumValues(int[] counts) {
    double[] values = this.values;
    double[] sums = this.sums;
    int[] terms = plan.terms();
    int[] termStart = plan.termStart();
    int n = 0;
    for (int leaves = plan.leaves(); n < leaves; n++) {
      double score = 0;
      double winOrTie = 0;
      double weight = 0;
      for (int k = termStart[n], end = termStart[n + 1]; k < end; k++) {
        int t = terms[k];
        double c = counts[t];
        int v = t * SUMS;
        score += c * values[v];
        winOrTie += c * values[v + 1];
        weight += c * values[v + 2];
      }
      store(sums, n, score, winOrTie, weight);
    }
    for (int nodes = plan.nodes(); n < nodes; n++) {
      double score = 0;
      double winOrTie = 0;
      double weight = 0;
      for (int k = termStart[n], end = termStart[n + 1]; k < end; k++) {
        int part = terms[k] * SUMS;
        score += sums[part];
        winOrTie += sums[part + 1];
        weight += sums[part + 2];
      }
      store(sums, n, score, winOrTie, weight);
    }
  }

  private static void store(double[] sums, int node, double score, double winOrTie, double weight) {
    int s = node * SUMS;
    sums[s] = score;
    sums[s + 1] = winOrTie;
    sums[s + 2] = weight;
  }

  /** Per task: score and win-or-tie numerators and weight, whole numbers where they can be (class comment). */
  private static double[] values(List<OutcomeCounts> tasks, Weighting weighting) {
    long denominator = weighting == Weighting.TASK ? commonDenominator(tasks) : 0;
    double[] values = new double[tasks.size() * SUMS];
    for (int t = 0; t < tasks.size(); t++) {
      OutcomeCounts c = tasks.get(t);
      int v = t * SUMS;
      if (weighting == Weighting.JUDGMENT) {
        // Twice the points and judgments: whole numbers, and the same ratio.
        values[v] = 2L * c.wins() + c.ties();
        values[v + 1] = 2L * (c.wins() + c.ties());
        values[v + 2] = 2L * c.total();
      } else if (denominator > 0) {
        // (wins + ties / 2) / total = (2 wins + ties) · (denominator / (2 total)) / denominator
        long unit = denominator / (2L * c.total());
        values[v] = (2L * c.wins() + c.ties()) * unit;
        values[v + 1] = 2L * (c.wins() + c.ties()) * unit;
        values[v + 2] = denominator;
      } else {
        values[v] = (c.wins() + 0.5 * c.ties()) / c.total();
        values[v + 1] = (double) (c.wins() + c.ties()) / c.total();
        values[v + 2] = 1;
      }
    }
    return values;
  }

  /**
   * The least common multiple of twice the tasks' judgments if sums over it stay exact (a sum is at
   * most the number of draws times it), else 0.
   */
  private static long commonDenominator(List<OutcomeCounts> tasks) {
    long limit = EXACT / Math.max(1, tasks.size());
    long lcm = 1;
    for (OutcomeCounts c : tasks) {
      long twice = 2L * c.total();
      long factor = lcm / gcd(lcm, twice);
      if (factor > limit / twice) {
        return 0;
      }
      lcm = factor * twice;
    }
    return lcm;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }

  /**
   * The values packed three to a long, if they are whole numbers and no sum of a resample's {@code
   * draws} draws can carry out of its lane; else null.
   */
  private static long[] packed(double[] values, int draws) {
    long largest = (LANE_MASK) / Math.max(1, draws);
    long[] packed = new long[values.length / SUMS];
    for (int t = 0; t < packed.length; t++) {
      long word = 0;
      for (int k = 0; k < SUMS; k++) {
        double v = values[t * SUMS + k];
        if (v != Math.rint(v) || v > largest) {
          return null;
        }
        word = (word << LANE) | (long) v;
      }
      packed[t] = word;
    }
    return packed;
  }
}
