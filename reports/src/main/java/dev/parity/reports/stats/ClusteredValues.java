package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Judgment values grouped by task, compressed for resampling: tasks with the same multiset of
 * values form one pattern, and a bootstrap resample only needs, per pattern, how many of its
 * tasks were drawn and how many of each value their redrawn judgments hold. Both are binomial
 * draws ({@link BinomialSampler}), so one resample costs O(patterns), not O(judgments): that is
 * what makes 10,000 resamples of 100,000 judgments take well under a second.
 *
 * <p>Why it is exact: drawing c copies of a task with n judgments and redrawing each copy's n
 * judgments with replacement is nc independent draws from that task's values, so the count of
 * each value is multinomial, drawn as a chain of binomials; and the copies of each pattern among
 * G tasks drawn uniformly are multinomial too.
 */
final class ClusteredValues {
  /** Draw tasks one by one when there are at most this many tasks per pattern; else by pattern. */
  private static final int DIRECT_DRAWS_PER_PATTERN = 4;

  private final int tasks;
  private final double estimate;
  private final int[] patternOfTask;
  private final int[] multiplicity;
  private final int[] size;
  private final double[] sum;
  private final double[][] values;
  private final int[][] counts;

  private ClusteredValues(int tasks, double estimate, int[] patternOfTask, List<double[]> values,
      List<int[]> counts, int[] multiplicity) {
    this.tasks = tasks;
    this.estimate = estimate;
    this.patternOfTask = patternOfTask;
    this.multiplicity = multiplicity;
    this.values = values.toArray(double[][]::new);
    this.counts = counts.toArray(int[][]::new);
    int patterns = this.values.length;
    this.size = new int[patterns];
    this.sum = new double[patterns];
    for (int k = 0; k < patterns; k++) {
      for (int v = 0; v < this.values[k].length; v++) {
        size[k] += this.counts[k][v];
        sum[k] += this.counts[k][v] * this.values[k][v];
      }
    }
  }

  /**
   * Groups the tasks' values; tasks without judgments are left out (they carry no evidence).
   *
   * @throws IllegalArgumentException if no task has a judgment, or a value is not finite
   */
  static ClusteredValues of(List<double[]> taskValues) {
    Map<String, Integer> patternIndex = new HashMap<>();
    List<double[]> patternValues = new ArrayList<>();
    List<int[]> patternCounts = new ArrayList<>();
    List<Integer> multiplicity = new ArrayList<>();
    int[] patternOfTask = new int[taskValues.size()];
    int tasks = 0;
    double total = 0;
    long judgments = 0;
    for (int t = 0; t < taskValues.size(); t++) {
      double[] sorted = taskValues.get(t).clone();
      if (sorted.length == 0) {
        continue;
      }
      Arrays.sort(sorted);
      int distinct = 0;
      double[] vals = new double[sorted.length];
      int[] cnts = new int[sorted.length];
      for (double value : sorted) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("task " + t + " has a value that is not finite: " + value);
        }
        total += value;
        if (distinct > 0 && vals[distinct - 1] == value) {
          cnts[distinct - 1]++;
        } else {
          vals[distinct] = value;
          cnts[distinct++] = 1;
        }
      }
      judgments += sorted.length;
      double[] v = Arrays.copyOf(vals, distinct);
      int[] c = Arrays.copyOf(cnts, distinct);
      String key = Arrays.toString(v) + Arrays.toString(c);
      Integer k = patternIndex.get(key);
      if (k == null) {
        k = patternValues.size();
        patternIndex.put(key, k);
        patternValues.add(v);
        patternCounts.add(c);
        multiplicity.add(0);
      }
      multiplicity.set(k, multiplicity.get(k) + 1);
      patternOfTask[tasks++] = k;
    }
    if (tasks == 0) {
      throw new IllegalArgumentException("no task has a judgment: nothing to resample");
    }
    return new ClusteredValues(tasks, total / judgments, Arrays.copyOf(patternOfTask, tasks),
        patternValues, patternCounts, multiplicity.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The mean over all judgments (each task weighs as many judgments as it has). */
  double estimate() {
    return estimate;
  }

  /** The means of {@code resamples} bootstrap resamples, sorted ascending. */
  double[] sortedReplicates(int resamples, Resampling resampling, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int patterns = multiplicity.length;
    boolean direct = tasks <= DIRECT_DRAWS_PER_PATTERN * patterns;
    int[] copies = new int[patterns];
    double[] replicates = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      if (direct) {
        Arrays.fill(copies, 0);
        for (int i = 0; i < tasks; i++) {
          copies[patternOfTask[random.nextInt(tasks)]]++;
        }
      } else {
        drawPatternCopies(random, copies);
      }
      double total = 0;
      long judgments = 0;
      for (int k = 0; k < patterns; k++) {
        int c = copies[k];
        if (c == 0) {
          continue;
        }
        judgments += (long) c * size[k];
        total += resampling == Resampling.TASKS ? c * sum[k] : redrawnSum(random, k, c);
      }
      replicates[b] = total / judgments;
    }
    Arrays.sort(replicates);
    return replicates;
  }

  /** Multinomial counts of each pattern among {@code tasks} uniform draws, as a binomial chain. */
  private void drawPatternCopies(SplittableRandom random, int[] copies) {
    long draws = tasks;
    int remaining = tasks;
    for (int k = 0; k < copies.length; k++) {
      int c = (int) BinomialSampler.sample(random, draws, (double) multiplicity[k] / remaining);
      copies[k] = c;
      draws -= c;
      remaining -= multiplicity[k];
    }
  }

  /** The sum of c·n judgments drawn with replacement from pattern k's values. */
  private double redrawnSum(SplittableRandom random, int k, int c) {
    double[] vals = values[k];
    int[] cnts = counts[k];
    long trials = (long) c * size[k];
    int remainingWeight = size[k];
    double total = 0;
    for (int v = 0; v < vals.length - 1 && trials > 0; v++) {
      long x = BinomialSampler.sample(random, trials, (double) cnts[v] / remainingWeight);
      total += x * vals[v];
      trials -= x;
      remainingWeight -= cnts[v];
    }
    return total + trials * vals[vals.length - 1];
  }
}
