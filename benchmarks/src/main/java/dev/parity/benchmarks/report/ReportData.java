package dev.parity.benchmarks.report;

import dev.parity.documents.FileFormat;
import dev.parity.harness.store.Contestant;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.judgments.Side;
import dev.parity.reports.report.ReportInput;
import dev.parity.reports.report.ReportProvenance;
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

/**
 * Synthetic report data of a given shape, the same for the JMH benchmark ({@link ReportBenchmark})
 * and the whole-command one ({@link ReportFilesWriter}, {@code benchmarks/report-benchmark.sh}):
 * tasks in occupations of sectors, models of rising skill, and per model and task a number of human
 * graders drawn from a pool (each on a random side) and one model judge asked in both orders.
 * Longer tasks are harder, and each task has its own difficulty. Every figure is drawn from one
 * seeded generator, so a shape and a seed always give the same data.
 *
 * @param suite the tasks
 * @param judgments every judgment
 * @param attempts one measured attempt per model and task
 * @param models the models' names
 */
public record ReportData(Suite suite, List<Judgment> judgments, List<ReportInput.MeasuredAttempt> attempts,
    List<String> models) {
  static final int SECTORS = 9;
  static final int GRADER_POOL = 40;
  static final String JUDGE = "judge:gpt-5";
  static final FileFormat[] FORMATS = {FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX, FileFormat.PDF,
      FileFormat.MD, FileFormat.CSV};

  /**
   * How much data.
   *
   * @param occupations occupations, spread over {@value ReportData#SECTORS} sectors
   * @param tasksPerOccupation tasks in each occupation
   * @param models models judged on every task
   * @param humansPerItem human judgments of each model on each task (plus one judge's)
   */
  public record Shape(int occupations, int tasksPerOccupation, int models, int humansPerItem) {
    /** GDPval's scale: 1,320 tasks, 10 models, 8 humans and a judge per item: 118,800 judgments. */
    public static final Shape GDPVAL = new Shape(44, 30, 10, 8);

    /** The number of tasks. */
    public int tasks() {
      return occupations * tasksPerOccupation;
    }

    /** The number of judgments. */
    public long judgments() {
      return (long) tasks() * models * (humansPerItem + 1);
    }
  }

  /** Data of {@code shape} drawn from {@code random}. */
  public static ReportData of(Shape shape, SplittableRandom random) {
    List<Task> tasks = tasks(shape, random);
    Suite suite = new Suite("report-benchmark", "1.0", null, null, null, tasks, "sha256:benchmark");
    List<Judgment> judgments = new ArrayList<>();
    List<ReportInput.MeasuredAttempt> attempts = new ArrayList<>();
    List<String> models = new ArrayList<>();
    for (int m = 0; m < shape.models(); m++) {
      String model = "model-" + m;
      models.add(model);
      double skill = 0.25 + 0.5 * m / Math.max(1, shape.models() - 1);
      for (Task task : tasks) {
        double p = Math.min(0.95, Math.max(0.05, skill + random.nextDouble(-0.2, 0.2)
            - 0.05 * Math.log(task.baseline().minutes().value() / 120)));
        int first = random.nextInt(GRADER_POOL);
        for (int g = 0; g < shape.humansPerItem(); g++) {
          judgments.add(judgment(task, model, "expert-" + (first + g) % GRADER_POOL, GraderType.HUMAN,
              outcome(random, p), random.nextDouble(10, 60),
              Showing.onSide(random.nextBoolean() ? Side.LEFT : Side.RIGHT)));
        }
        Outcome verdict = outcome(random, p);
        judgments.add(judgment(task, model, JUDGE, GraderType.MODEL, verdict, null,
            Showing.inBothOrders(verdict, verdict)));
        attempts.add(new ReportInput.MeasuredAttempt("bench", model, task.id(), 0, random.nextDouble(1, 20),
            random.nextDouble(0.01, 2)));
      }
    }
    return new ReportData(suite, judgments, attempts, models);
  }

  /** The whole input: judgments, suite, the run's attempts and the models' release dates. */
  public ReportInput input() {
    ReportProvenance.RunInfo run = new ReportProvenance.RunInfo("bench", suite.name(), suite.version(),
        suite.contentHash(), "completed", Instant.EPOCH, Instant.EPOCH, models, null, 0);
    ReportInput.Builder builder = ReportInput.builder(Instant.EPOCH).suite(suite)
        .judgments(new Source("judgments", "benchmark", false), judgments)
        .attempts(run, attempts, false);
    for (int m = 0; m < models.size(); m++) {
      builder.releaseDate(models.get(m), LocalDate.of(2023, 1, 1).plusMonths(3L * m));
    }
    return builder.build();
  }

  private static List<Task> tasks(Shape shape, SplittableRandom random) {
    List<Task> tasks = new ArrayList<>();
    for (int o = 0; o < shape.occupations(); o++) {
      Occupation occupation = new Occupation("Occupation " + o, String.format("%02d-%04d.00", 11 + o % 40, o));
      String sector = "Sector " + (o % SECTORS);
      for (int t = 0; t < shape.tasksPerOccupation(); t++) {
        double minutes = Math.exp(random.nextDouble(Math.log(30), Math.log(1200)));
        List<FileFormat> formats = random.nextInt(4) == 0
            ? List.of(FORMATS[random.nextInt(FORMATS.length)], FileFormat.XLSX)
            : List.of(FORMATS[random.nextInt(FORMATS.length)]);
        tasks.add(new Task("t" + o + "-" + t, "Task " + t + " of occupation " + o, occupation, sector,
            new TaskRequest("Manager", "Please prepare the deliverable."), List.of(),
            new DeliverableSpec(formats.stream().distinct().toList(), null),
            new Baseline(List.of("baseline/deliverable.md"), minutes, random.nextDouble(20, 90), null, null),
            List.of(), null, List.of(), null));
      }
    }
    return tasks;
  }

  private static Outcome outcome(SplittableRandom random, double winOrTie) {
    double u = random.nextDouble();
    return u < winOrTie * 0.6 ? Outcome.WIN : u < winOrTie ? Outcome.TIE : Outcome.LOSS;
  }

  private static Judgment judgment(Task task, String model, String grader, GraderType type, Outcome outcome,
      Double minutes, Showing showing) {
    return new Judgment(task.id(), Contestant.model(model), Judgment.BASELINE, grader, type, outcome, 0,
        task.occupation().title(), task.sector(), minutes, null, showing);
  }
}
