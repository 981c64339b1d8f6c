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
    Builder builder = new Builder();
    for (int t = 0; t < taskValues.size(); t++) {
      double[] sorted = taskValues.get(t).clone();
      for (double value : sorted) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("task " + t + " has a value that is not finite: " + value);
        }
      }
      Arrays.sort(sorted);
      int[] ones = new int[sorted.length];
      Arrays.fill(ones, 1);
      builder.add(Pattern.of(sorted, ones));
    }
    return builder.build();
  }

  /**
   * Groups tasks given as verdict counts, a win worth {@code win}, a tie {@code tie} and a loss
   * 0 (0 ≤ tie ≤ win), without materialising a value per judgment.
   *
   * @throws IllegalArgumentException if no task has a judgment
   */
  static ClusteredValues ofCounts(List<OutcomeCounts> tasks, double win, double tie) {
    double[] ascending = {0, tie, win};
    Builder builder = new Builder();
    for (OutcomeCounts c : tasks) {
      builder.add(Pattern.of(ascending, new int[] {c.losses(), c.ties(), c.wins()}));
    }
    return builder.build();
  }

  /** A task's distinct values, ascending, with how many judgments have each. */
  private record Pattern(double[] values, int[] counts) {

    /** From values sorted ascending: merges equal values and drops values no judgment has. */
    static Pattern of(double[] ascending, int[] counts) {
      double[] v = new double[ascending.length];
      int[] c = new int[ascending.length];
      int distinct = 0;
      for (int i = 0; i < ascending.length; i++) {
        if (counts[i] == 0) {
          continue;
        }
        if (distinct > 0 && v[distinct - 1] == ascending[i]) {
          c[distinct - 1] += counts[i];
        } else {
          v[distinct] = ascending[i];
          c[distinct++] = counts[i];
        }
      }
      return new Pattern(Arrays.copyOf(v, distinct), Arrays.copyOf(c, distinct));
    }

    int size() {
      int size = 0;
      for (int count : counts) {
        size += count;
      }
      return size;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pattern p && Arrays.equals(values, p.values) && Arrays.equals(counts, p.counts);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }
  }

  /** Collects tasks into patterns. */
  private static final class Builder {
    private final Map<Pattern, Integer> index = new HashMap<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();
    private final List<Integer> multiplicity = new ArrayList<>();
    private int[] patternOfTask = new int[16];
    private int tasks;
    private double total;
    private long judgments;

    void add(Pattern pattern) {
      int size = pattern.size();
      if (size == 0) {
        return;
      }
      Integer k = index.get(pattern);
      if (k == null) {
        k = values.size();
        index.put(pattern, k);
        values.add(pattern.values());
        counts.add(pattern.counts());
        multiplicity.add(0);
      }
      multiplicity.set(k, multiplicity.get(k) + 1);
      if (tasks == patternOfTask.length) {
        patternOfTask = Arrays.copyOf(patternOfTask, tasks * 2);
      }
      patternOfTask[tasks++] = k;
      for (int v = 0; v < pattern.values().length; v++) {
        total += pattern.values()[v] * pattern.counts()[v];
      }
      judgments += size;
    }

    ClusteredValues build() {
      if (tasks == 0) {
        throw new IllegalArgumentException("no task has a judgment: nothing to resample");
      }
      return new ClusteredValues(tasks, total / judgments, Arrays.copyOf(patternOfTask, tasks),
          values, counts, multiplicity.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /** The tasks with a judgment. */
  int tasks() {
    return tasks;
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
