package dev.parity.benchmarks.stats;

import dev.parity.reports.stats.BootstrapInterval;
import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.OutcomeCounts;
import dev.parity.reports.stats.TaskBootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The task-clustered bootstrap of a win-or-tie rate over 100,000 judgments with 10,000
 * resamples (the default), on one thread: the cost of one interval in a report.
 *
 * <p>What is measured: {@link TaskBootstrap#winOrTieRate} from per-task counts to the finished
 * interval, so grouping tasks into patterns, the 10,000 resamples and the percentile sort are all
 * in. The target is one second. The baseline, {@link #naiveWinOrTieRate}, is the literal
 * algorithm on flat arrays: it draws every judgment of every resample, 10⁹ draws here.
 *
 * <p>Three shapes of the same 100,000 judgments, because the cost depends on the number of
 * distinct task patterns, not of judgments: 1,000 tasks of ~100 judgments (many distinct
 * patterns), 10,000 tasks of ~10 and 100,000 single-judgment tasks (few patterns, resampled as
 * binomial counts). Each task has its own difficulty, so the tasks differ as real ones do.
 *
 * <p>Pitfalls avoided: the data are built once per trial in {@link #setUp}, outside the
 * measurement; the interval is returned, so JMH consumes it and the work cannot be optimised
 * away; the seed is fixed, so every invocation does the same work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class TaskBootstrapBenchmark {
  private static final int JUDGMENTS = 100_000;

  @Param({"1000", "10000", "100000"})
  public int tasks;

  private List<OutcomeCounts> counts;
  private TaskBootstrap bootstrap;
  /** Per task, its judgments as 1 (win or tie) or 0, for the naive baseline. */
  private int[][] judgments;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(2026);
    counts = new ArrayList<>(tasks);
    int perTask = JUDGMENTS / tasks;
    for (int t = 0; t < tasks; t++) {
      double win = random.nextDouble(0.1, 0.6);
      double tie = random.nextDouble(0, 0.25);
      int w = 0;
      int ties = 0;
      int l = 0;
      for (int j = 0; j < perTask; j++) {
        double u = random.nextDouble();
        if (u < win) {
          w++;
        } else if (u < win + tie) {
          ties++;
        } else {
          l++;
        }
      }
      counts.add(OutcomeCounts.of(w, ties, l));
    }
    judgments = new int[tasks][];
    for (int t = 0; t < tasks; t++) {
      OutcomeCounts c = counts.get(t);
      judgments[t] = new int[c.total()];
      java.util.Arrays.fill(judgments[t], 0, c.winsOrTies(), 1);
    }
    bootstrap = TaskBootstrap.twoStage(BootstrapSettings.of(7L));
  }

  @Benchmark
  public BootstrapInterval winOrTieRate() {
    return bootstrap.winOrTieRate(counts);
  }

  /**
   * The baseline: the two-stage bootstrap as usually written, one random draw per task and per
   * judgment of every resample, then a sort for the percentiles. Fewer iterations: one call takes
   * seconds.
   */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  @Fork(1)
  public double[] naiveWinOrTieRate() {
    SplittableRandom random = new SplittableRandom(7L);
    int resamples = BootstrapSettings.DEFAULT_RESAMPLES;
    double[] replicates = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      long wins = 0;
      long n = 0;
      for (int i = 0; i < tasks; i++) {
        int[] task = judgments[random.nextInt(tasks)];
        for (int j = 0; j < task.length; j++) {
          wins += task[random.nextInt(task.length)];
        }
        n += task.length;
      }
      replicates[b] = (double) wins / n;
    }
    java.util.Arrays.sort(replicates);
    return new double[] {replicates[249], replicates[9_749]};
  }
}
