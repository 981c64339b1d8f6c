package dev.parity.benchmarks.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.ItemBootstrap;
import dev.parity.reports.stats.RatingMatrix;
import dev.parity.reports.stats.WeightedAgreement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * The agreement part of the report at GDPval's scale, on one thread: the rating matrices of {@link
 * ReportData}'s 118,800 judgments ({@link ReportData.Shape#GDPVAL}: 13,200 items, 8 of 40 human
 * graders and one model judge on each), with the report's 1,000 item resamples.
 *
 * <p>What is measured: {@link #agreement} is the report's {@code agreement}: every figure among
 * the humans and of the judge against them, from the matrices to one figure vector per resample
 * ({@link WeightedAgreement} prepared, then summed per resample); {@link #judgeGating} is the
 * report's {@code judge_gating}: the same per occupation (44 of 300 items), the ratios only, as
 * the report computes them; {@link #judgeGatingEveryFigure} is what judge gating cost when it
 * computed every figure (the baseline, and the version before's way). Building the matrices from
 * judgments and sorting the replicates into intervals are not in (a few percent of the whole).
 *
 * <p>Pitfalls avoided: the matrices are built once per trial in {@link #setUp}, outside the
 * measurement; every figure of every resample is added into a checksum that is returned, so JMH
 * consumes it and no resample can be optimised away; the seed is fixed, so every invocation does
 * the same work. The report runs with C1 only ({@code ./parity}'s options for {@code report}); JMH
 * forks with the JVM's defaults unless given {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class AgreementBenchmark {
  private static final String JUDGE = GraderType.MODEL.id() + ":" + ReportData.JUDGE;
  private static final BootstrapSettings RESAMPLES = BootstrapSettings.of(20250925).withResamples(1_000);

  /** Every item: humans' columns, then the judge's. */
  private RatingMatrix all;
  private RatingMatrix humans;
  /** Per occupation, its items in {@link #all}. */
  private final List<int[]> occupations = new ArrayList<>();

  @Setup
  public void setUp() {
    ReportData data = ReportData.of(ReportData.Shape.GDPVAL, new SplittableRandom(2026));
    RatingMatrix.Builder builder = RatingMatrix.builder();
    Map<String, List<Integer>> byOccupation = new LinkedHashMap<>();
    Map<String, Integer> itemIndex = new LinkedHashMap<>();
    for (Judgment j : data.judgments()) {
      String item = j.taskId() + "\u0000" + j.model() + "\u0000" + j.sample();
      builder.add(item, j.graderType().id() + ":" + j.grader(), j.outcome());
      itemIndex.computeIfAbsent(item, k -> {
        byOccupation.computeIfAbsent(j.occupation(), o -> new ArrayList<>()).add(itemIndex.size());
        return itemIndex.size();
      });
    }
    RatingMatrix built = builder.build();
    int[] items = IntStream.range(0, built.items().size()).toArray();
    int judge = built.graders().indexOf(JUDGE);
    int[] humanColumns = IntStream.range(0, built.graders().size()).filter(g -> g != judge).toArray();
    int[] columns = Arrays.copyOf(humanColumns, humanColumns.length + 1);
    columns[humanColumns.length] = judge;
    all = built.select(items, columns);
    humans = built.select(items, humanColumns);
    byOccupation.values().forEach(list -> occupations.add(list.stream().mapToInt(Integer::intValue).toArray()));
  }

  @Benchmark
  public double agreement() {
    return resampled(all.items().size(), WeightedAgreement.among(humans), WeightedAgreement.ofGrader(all, JUDGE));
  }

  @Benchmark
  public double judgeGating() {
    double checksum = 0;
    for (int[] items : occupations) {
      RatingMatrix occupation = all.select(items, everyGrader());
      RatingMatrix occupationHumans = humans.select(items, IntStream.range(0, humans.graders().size()).toArray());
      checksum += resampled(items.length, WeightedAgreement.among(occupationHumans, WeightedAgreement.Scope.RATIOS),
          WeightedAgreement.ofGrader(occupation, JUDGE, WeightedAgreement.Scope.RATIOS));
    }
    return checksum;
  }

  /**
   * Through the factories without a scope, which the version before has too: this method and
   * {@link #agreement} run against its classes put first on the class path (benchmarks/README.md).
   */
  @Benchmark
  public double judgeGatingEveryFigure() {
    double checksum = 0;
    for (int[] items : occupations) {
      RatingMatrix occupation = all.select(items, everyGrader());
      RatingMatrix occupationHumans = humans.select(items, IntStream.range(0, humans.graders().size()).toArray());
      checksum += resampled(items.length, WeightedAgreement.among(occupationHumans),
          WeightedAgreement.ofGrader(occupation, JUDGE));
    }
    return checksum;
  }

  private int[] everyGrader() {
    return IntStream.range(0, all.graders().size()).toArray();
  }

  /** Both figure vectors on every resample, added up (NaNs left out). */
  private static double resampled(int n, WeightedAgreement among, WeightedAgreement judge) {
    int[] weights = new int[n];
    double[] checksum = {0};
    ItemBootstrap.forEach(n, RESAMPLES, drawn -> {
      Arrays.fill(weights, 0);
      for (int i : drawn) {
        weights[i]++;
      }
      for (double f : among.figures(weights)) {
        checksum[0] += Double.isNaN(f) ? 0 : f;
      }
      for (double f : judge.figures(weights)) {
        checksum[0] += Double.isNaN(f) ? 0 : f;
      }
    });
    return checksum[0];
  }
}
