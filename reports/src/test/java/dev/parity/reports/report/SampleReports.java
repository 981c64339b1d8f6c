package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.CriterionScore;
import dev.parity.judgments.Outcome;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A report with every part filled in, on the sample suite that ships in the repository: two
 * models (one with markup in its name), three human graders and a model judge per task, a
 * hostile rationale, attempts with time and cost, release dates and rubric scores.
 */
final class SampleReports {
  static final Path SAMPLE_SUITE = Path.of("..", "suites", "sample");
  static final String HOSTILE_RATIONALE = "<script>alert(1)</script> & \"quotes\" <img src=http://evil.example/x.png>";
  static final String HOSTILE_MODEL = "model<b>x</b>";

  private SampleReports() {}

  static Suite suite() {
    return SuiteLoader.create().load(SAMPLE_SUITE);
  }

  /** The input: deterministic, from a fixed seed. */
  static ReportInput input(boolean example) {
    Suite suite = suite();
    SplittableRandom random = new SplittableRandom(11);
    List<Judgment> judgments = new ArrayList<>();
    List<ReportInput.MeasuredAttempt> attempts = new ArrayList<>();
    List<CriterionScore> scores = new ArrayList<>();
    String[] models = {"model-a", HOSTILE_MODEL};
    double[] skill = {0.65, 0.35};
    for (Task task : suite.tasks()) {
      for (int m = 0; m < models.length; m++) {
        for (int g = 1; g <= 3; g++) {
          Outcome outcome = draw(random, skill[m]);
          String rationale = task.id().equals("card-dispute-reply") && g == 1 ? HOSTILE_RATIONALE
              : "Grader " + g + " on " + task.id();
          judgments.add(judgment(task, models[m], Judgment.BASELINE, "expert-" + g, GraderType.HUMAN, outcome,
              20.0 + g, rationale));
        }
        judgments.add(judgment(task, models[m], Judgment.BASELINE, "judge:gpt", GraderType.MODEL,
            draw(random, skill[m]), null, null));
        attempts.add(new ReportInput.MeasuredAttempt("run-1", models[m], task.id(), 0, 2.0 + m, 0.05 * (m + 1)));
        for (Criterion c : task.rubric()) {
          scores.add(new CriterionScore(task.id(), models[m], 0, c.id(), c.points(),
              random.nextDouble() < skill[m] ? 1 : 0, CriterionScore.CHECK, null));
        }
      }
      judgments.add(judgment(task, models[0], models[1], "expert-1", GraderType.HUMAN, draw(random, 0.7), 10.0, null));
      for (Criterion c : task.rubric()) {
        scores.add(new CriterionScore(task.id(), CriterionScore.BASELINE, 0, c.id(), c.points(),
            random.nextDouble() < 0.8 ? 1 : 0, CriterionScore.CHECK, null));
      }
    }
    ReportProvenance.RunInfo run = new ReportProvenance.RunInfo("run-1", suite.name(), suite.version(),
        suite.contentHash(), "completed", Instant.parse("2026-11-01T10:00:00Z"),
        Instant.parse("2026-11-01T11:00:00Z"), List.of(models), "0.1.0 (abc)", 2);
    return ReportInput.builder(Judgments.NOW)
        .suite(suite)
        .judgments(new Source("judgments_csv", example ? "judgments.example.csv" : "judgments.csv", example), judgments)
        .criterionScores(scores)
        .attempts(run, attempts, false)
        .releaseDate("model-a", LocalDate.of(2025, 8, 7))
        .releaseDate(HOSTILE_MODEL, LocalDate.of(2024, 5, 13))
        .build();
  }

  static Report report(boolean example) {
    return Report.compute(input(example), ReportSettings.defaults().withResamples(1_000), Runnable::run);
  }

  private static Outcome draw(SplittableRandom random, double winOrTie) {
    double u = random.nextDouble();
    return u < winOrTie * 0.6 ? Outcome.WIN : u < winOrTie ? Outcome.TIE : Outcome.LOSS;
  }

  private static Judgment judgment(Task task, String model, String opponent, String grader, GraderType type,
      Outcome outcome, Double minutes, String rationale) {
    return new Judgment(task.id(), model, opponent, grader, type, outcome, 0, task.occupation().title(),
        task.sector(), minutes, rationale);
  }
}
