package dev.parity.benchmarks.report;

import dev.parity.documents.FileFormat;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.reports.report.HtmlReport;
import dev.parity.reports.report.JsonReport;
import dev.parity.reports.report.MarkdownReport;
import dev.parity.reports.report.Report;
import dev.parity.reports.report.ReportInput;
import dev.parity.reports.report.ReportProvenance;
import dev.parity.reports.report.ReportSettings;
import dev.parity.reports.report.Source;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * 10 models, 9 judgments per model and task (8 human graders from a pool of 40, and a model judge:
 * 118,800 judgments), one measured attempt per model and task, release dates.
 *
 * <p>What is measured: {@link #compute} is {@link Report#compute} from the input to the finished
 * report — grouping (overall, 9 sectors, 44 occupations, file types, 4 length buckets: 640 groups),
 * a 10,000-resample task bootstrap and an exact sign test per group with Holm and BH adjustment,
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
  static final int OCCUPATIONS = 44;
  static final int TASKS_PER_OCCUPATION = 30;
  static final int SECTORS = 9;
  static final int MODELS = 10;
  static final int HUMANS_PER_ITEM = 8;
  static final int GRADER_POOL = 40;
  static final FileFormat[] FORMATS = {FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX, FileFormat.PDF,
      FileFormat.MD, FileFormat.CSV};

  @Param({"10000", "1000"})
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
    List<Task> tasks = new ArrayList<>();
    for (int o = 0; o < OCCUPATIONS; o++) {
      Occupation occupation = new Occupation("Occupation " + o, String.format("%02d-%04d.00", 11 + o % 40, o));
      String sector = "Sector " + (o % SECTORS);
      for (int t = 0; t < TASKS_PER_OCCUPATION; t++) {
        double minutes = Math.exp(random.nextDouble(Math.log(30), Math.log(1200)));
        List<FileFormat> formats = random.nextInt(4) == 0
            ? List.of(FORMATS[random.nextInt(FORMATS.length)], FileFormat.XLSX)
            : List.of(FORMATS[random.nextInt(FORMATS.length)]);
        tasks.add(new Task("t" + o + "-" + t, "Task " + t + " of occupation " + o, occupation, sector,
            new TaskRequest("Manager", "Please prepare the deliverable."), List.of(),
            new DeliverableSpec(formats.stream().distinct().toList(), null),
            new Baseline(List.of("baseline/deliverable"), minutes, random.nextDouble(20, 90), null, null),
            List.of(), null, List.of(), null));
      }
    }
    Suite suite = new Suite("gdpval-scale", "1.0", null, null, null, tasks, "sha256:benchmark");
    List<Judgment> judgments = new ArrayList<>();
    List<ReportInput.MeasuredAttempt> attempts = new ArrayList<>();
    List<String> models = new ArrayList<>();
    for (int m = 0; m < MODELS; m++) {
      String model = "model-" + m;
      models.add(model);
      double skill = 0.25 + 0.05 * m;
      for (Task task : tasks) {
        // Longer tasks are harder, and each task has its own difficulty.
        double p = Math.min(0.95, Math.max(0.05, skill + random.nextDouble(-0.2, 0.2)
            - 0.05 * Math.log(task.baseline().minutes().value() / 120)));
        int first = random.nextInt(GRADER_POOL);
        for (int g = 0; g < HUMANS_PER_ITEM; g++) {
          judgments.add(judgment(task, model, "expert-" + (first + g) % GRADER_POOL, GraderType.HUMAN,
              outcome(random, p), random.nextDouble(10, 60)));
        }
        judgments.add(judgment(task, model, "judge:gpt-5", GraderType.MODEL, outcome(random, p), null));
        attempts.add(new ReportInput.MeasuredAttempt("bench", model, task.id(), 0, random.nextDouble(1, 20),
            random.nextDouble(0.01, 2)));
      }
    }
    ReportProvenance.RunInfo run = new ReportProvenance.RunInfo("bench", suite.name(), suite.version(),
        suite.contentHash(), "completed", Instant.EPOCH, Instant.EPOCH, models, null, 0);
    ReportInput.Builder builder = ReportInput.builder(Instant.EPOCH).suite(suite)
        .judgments(new Source("judgments", "benchmark", false), judgments)
        .attempts(run, attempts, false);
    for (int m = 0; m < MODELS; m++) {
      builder.releaseDate(models.get(m), LocalDate.of(2023, 1, 1).plusMonths(3L * m));
    }
    return builder.build();
  }

  private static Outcome outcome(SplittableRandom random, double winOrTie) {
    double u = random.nextDouble();
    return u < winOrTie * 0.6 ? Outcome.WIN : u < winOrTie ? Outcome.TIE : Outcome.LOSS;
  }

  private static Judgment judgment(Task task, String model, String grader, GraderType type, Outcome outcome,
      Double minutes) {
    return new Judgment(task.id(), model, Judgment.BASELINE, grader, type, outcome, 0, task.occupation().title(),
        task.sector(), minutes, null);
  }
}
