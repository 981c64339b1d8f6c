package dev.parity.benchmarks.stats;

import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.BradleyTerry;
import dev.parity.reports.stats.BradleyTerryIntervals;
import dev.parity.reports.stats.BradleyTerryRatings;
import dev.parity.reports.stats.Comparisons;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bradley–Terry ratings of 50 players (49 models and the human baseline) from 100,000 pairwise
 * judgments over 1,000 tasks, on one thread.
 *
 * <ul>
 *   <li>{@link #fromJudgments}: what a report pays, aggregating the 100,000 judgments into
 *       {@link Comparisons} and fitting; the baseline to beat is one second.
 *   <li>{@link #fit}: the fit alone on aggregated comparisons (Newton's method on the 50 × 50
 *       win matrix, after the existence check).
 *   <li>{@link #bootstrap}: intervals from 1,000 task resamples, each re-aggregated and refitted.
 * </ul>
 *
 * <p>Judgments: half against the baseline (GDPval's design), half between two random models;
 * true strengths spread over ±2 logits, one in five judgments a tie.
 *
 * <p>Pitfalls avoided: judgments are generated once per trial in {@link #setUp}, outside the
 * measurement; results are returned, so JMH consumes them; names come from small pools, as they
 * would from a file, so aggregation cost is that of hashing, not of building strings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class BradleyTerryBenchmark {
  private static final int PLAYERS = 50;
  private static final int TASKS = 1_000;
  private static final int JUDGMENTS = 100_000;
  private static final String BASELINE = "human";

  private String[] task;
  private String[] player;
  private String[] opponent;
  private Outcome[] outcome;
  private Comparisons comparisons;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(50);
    String[] names = new String[PLAYERS];
    double[] strength = new double[PLAYERS];
    names[0] = BASELINE;
    for (int p = 1; p < PLAYERS; p++) {
      names[p] = "model-" + p;
      strength[p] = random.nextDouble(-2, 2);
    }
    String[] taskNames = new String[TASKS];
    for (int t = 0; t < TASKS; t++) {
      taskNames[t] = "task-" + t;
    }
    task = new String[JUDGMENTS];
    player = new String[JUDGMENTS];
    opponent = new String[JUDGMENTS];
    outcome = new Outcome[JUDGMENTS];
    for (int j = 0; j < JUDGMENTS; j++) {
      int a = 1 + random.nextInt(PLAYERS - 1);
      int b = random.nextBoolean() ? 0 : 1 + random.nextInt(PLAYERS - 1);
      if (b == a) {
        b = 0;
      }
      double p = 1 / (1 + Math.exp(strength[b] - strength[a]));
      double u = random.nextDouble();
      task[j] = taskNames[random.nextInt(TASKS)];
      player[j] = names[a];
      opponent[j] = names[b];
      outcome[j] = u < 0.2 ? Outcome.TIE : random.nextDouble() < p ? Outcome.WIN : Outcome.LOSS;
    }
    comparisons = aggregate();
  }

  private Comparisons aggregate() {
    Comparisons.Builder builder = Comparisons.builder();
    for (int j = 0; j < JUDGMENTS; j++) {
      builder.add(task[j], player[j], opponent[j], outcome[j]);
    }
    return builder.build();
  }

  @Benchmark
  public BradleyTerryRatings fromJudgments() {
    return BradleyTerry.fit(aggregate(), BASELINE);
  }

  @Benchmark
  public BradleyTerryRatings fit() {
    return BradleyTerry.fit(comparisons, BASELINE);
  }

  @Benchmark
  public BradleyTerryIntervals bootstrap() {
    return BradleyTerry.bootstrap(comparisons, BASELINE, BootstrapSettings.of(7L).withResamples(1_000));
  }
}
