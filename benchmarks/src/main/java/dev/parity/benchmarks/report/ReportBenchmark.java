package dev.parity.benchmarks.report;

import dev.parity.reports.report.HtmlReport;
import dev.parity.reports.report.JsonReport;
import dev.parity.reports.report.MarkdownReport;
import dev.parity.reports.report.Report;
import dev.parity.reports.report.ReportInput;
import dev.parity.reports.report.ReportSettings;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole report at GDPval's scale, on one thread: 1,320 tasks in 44 occupations of 9 sectors,
 * 10 models, 9 judgments per model and task (8 human graders from a pool of 40, each on a random
 * side, and a model judge asked in both orders: 118,800 judgments), one measured attempt per model
 * and task, release dates ({@link ReportData}, {@link ReportData.Shape#GDPVAL}).
 *
 * <p>What is measured: {@link #compute} is {@link Report#compute} from the input to the finished
 * report — grouping (overall, 9 sectors, 44 occupations, file types, 4 length buckets: 640 groups),
 * a 5,000-resample task bootstrap per model (the default) shared by its groups, an exact sign test per group
 * with Holm and BH adjustment, position bias, judge gating,
 * Bradley–Terry ratings with 1,000 refits, agreement (humans, and the judge against them), ten
 * time horizons with 1,000 refits each, economics per group; {@link #computeAndRender} adds
 * report.html, report.md and report.json as strings; {@link #computeOnTwoThreads} computes as
 * {@code parity report} does on a 2-core machine. {@code bootstrap} = 1,000 shows the cost of
 * the win-rate bootstraps, which dominate. The baseline to compare with is the target: one
 * second.
 *
 * <p>Pitfalls avoided: the input is built once per trial in {@link #setUp}, outside the
 * measurement; results are returned, so JMH consumes them; every seed is fixed, so every
 * invocation does the same work; but for {@link #computeOnTwoThreads}, the executor runs on the
 * calling thread, so this is one core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ReportBenchmark {
  @Param({"5000", "10000", "1000"})
  public int bootstrap;

  private ReportInput input;
  private ReportSettings settings;
  private ForkJoinPool twoThreads;

  @Setup
  public void setUp() {
    input = input(new SplittableRandom(2026));
    settings = ReportSettings.defaults().withResamples(bootstrap);
    twoThreads = new ForkJoinPool(2);
  }

  @TearDown
  public void tearDown() {
    twoThreads.shutdown();
  }

  @Benchmark
  public Report compute() {
    return Report.compute(input, settings, Runnable::run);
  }

  /** As {@code parity report} computes on this project's 2-core machine: groups and horizons in parallel. */
  @Benchmark
  public Report computeOnTwoThreads() {
    return Report.compute(input, settings, twoThreads);
  }

  @Benchmark
  public int computeAndRender() {
    Report report = Report.compute(input, settings, Runnable::run);
    return HtmlReport.render(report, input.judgments()).length() + MarkdownReport.render(report).length()
        + JsonReport.toJson(report).length();
  }

  /** The input described in the class comment; public for a quick timing outside JMH. */
  public static ReportInput input(SplittableRandom random) {
    return ReportData.of(ReportData.Shape.GDPVAL, random).input();
  }
}
