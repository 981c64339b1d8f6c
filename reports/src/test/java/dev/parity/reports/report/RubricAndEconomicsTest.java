package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.CriterionScore;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricAndEconomicsTest {

  private static CriterionScore score(String task, String subject, String criterion, double points, double share) {
    return new CriterionScore(task, subject, 0, criterion, points, share, CriterionScore.CHECK, null);
  }

  @Test
  void rubricScoresFollowGdpvalsRuleAndArePairedTaskByTask() {
    List<CriterionScore> scores = List.of(
        // t1: 2 + 1 points and a 1-point penalty. The model earns 2 + ½, the professional 2 + 1 − 1.
        score("t1", "m", "c1", 2, 1), score("t1", "m", "c2", 1, 0.5), score("t1", "m", "c3", -1, 0),
        score("t1", "baseline", "c1", 2, 1), score("t1", "baseline", "c2", 1, 1), score("t1", "baseline", "c3", -1, 1),
        // t2: one 4-point criterion, half met by the model, met by the professional.
        score("t2", "m", "c1", 4, 0.5), score("t2", "baseline", "c1", 4, 1));
    Report report = Judgments.report(new Judgments().human("t1", "m", "g", WIN).input().criterionScores(scores).build());

    RubricResult m = report.rubric().get(0);
    assertThat(m.model()).isEqualTo("m");
    assertThat(m.nTasks()).isEqualTo(2);
    assertThat(m.modelMean()).isCloseTo((2.5 / 3 + 0.5) / 2, within(1e-12));
    assertThat(m.baselineMean()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-12));
    assertThat(m.meanDifference()).isCloseTo((2.5 / 3 - 2.0 / 3 + 0.5 - 1) / 2, within(1e-12));
    // Differences +1/6 (rank 1) and −1/2 (rank 2): W+ = 1, exact two-sided p = 2 × P(W+ ≤ 1) = 1.
    assertThat(m.wilcoxonP()).isEqualTo(1.0);
    assertThat(m.pMethod()).isEqualTo("exact");
    assertThat(report.tasks().get(0).rubricModel()).isCloseTo(2.5 / 3, within(1e-12));
  }

  @Test
  void aScoredCriterionMissingFromTheSuitesRubricIsAnErrorNamingTaskAndCriterion() {
    Suite suite = SampleReports.suite();
    Judgments judgments = new Judgments().human("card-dispute-reply", "m", "g", WIN);
    ReportInput input = judgments.input().suite(suite)
        .criterionScores(List.of(score("card-dispute-reply", "m", "no-such-criterion", 1, 1))).build();

    assertThatThrownBy(() -> Judgments.report(input)).isInstanceOf(InvalidReportInputException.class)
        .hasMessageContaining("task 'card-dispute-reply'").hasMessageContaining("no-such-criterion");
  }

  /** card-dispute-reply: the professional took 55 minutes at $19.08 an hour. */
  private static ReportInput.Builder oneTask(Double... graderMinutes) {
    Suite suite = SampleReports.suite();
    Task task = suite.task("card-dispute-reply").orElseThrow();
    Judgments judgments = new Judgments().in(task.sector(), task.occupation().title())
        .human(task.id(), "m", "h1", WIN, graderMinutes[0], null)
        .human(task.id(), "m", "h2", LOSS, graderMinutes[1], null);
    ReportProvenance.RunInfo run = new ReportProvenance.RunInfo("r", suite.name(), suite.version(),
        suite.contentHash(), "completed", Instant.EPOCH, Instant.EPOCH, List.of("m"), null, 0);
    return judgments.input().suite(suite)
        .attempts(run, List.of(new ReportInput.MeasuredAttempt("r", "m", task.id(), 0, 5, 0.5)), false);
  }

  @Test
  void speedAndCostFollowGdpvalsWorkflowsWithReviewTimeFromTheGraders() {
    Report report = Judgments.report(oneTask(10.0, 20.0).build());

    EconomicsResult e = report.economics().stream().filter(r -> r.level() == Level.OVERALL).findFirst().orElseThrow();
    assertThat(e.humanMinutes()).isEqualTo(55);
    assertThat(e.modelMinutes()).isEqualTo(5);
    assertThat(e.reviewMinutes()).isEqualTo(15);
    assertThat(e.reviewSource()).isEqualTo("graders");
    assertThat(e.winOrTieRate()).isEqualTo(0.5);
    assertThat(e.speed().naive()).isCloseTo(11, within(1e-12));
    assertThat(e.speed().tryOnce()).isCloseTo(55 / (5 + 15 + 0.5 * 55), within(1e-12));
    assertThat(e.speed().tryN()).isCloseTo(55 / (20 * 0.875 / 0.5 + 0.125 * 55), within(1e-12));
    assertThat(e.speed().n()).isEqualTo(3);
    double hourly = 19.08;
    assertThat(e.humanCostUsd()).isCloseTo(55 / 60.0 * hourly, within(1e-9));
    assertThat(e.cost().naive()).isCloseTo(55 / 60.0 * hourly / 0.5, within(1e-9));
    assertThat(e.cost().tryOnce()).isCloseTo(55 / 60.0 * hourly
        / (0.5 + 15 / 60.0 * hourly + 0.5 * 55 / 60.0 * hourly), within(1e-9));
    // The interval of w spans [0, 1] with two judgments on one task: the ratio's range follows it.
    assertThat(e.speed().tryOnceCi().low()).isLessThan(e.speed().tryOnce());
    assertThat(e.speed().tryOnceCi().high()).isGreaterThanOrEqualTo(e.speed().tryOnce());
  }

  @Test
  void aReviewTimeGivenByTheUserWinsOverTheGradersMinutes() {
    Report report = Report.compute(oneTask(10.0, 20.0).build(),
        ReportSettings.defaults().withResamples(500).withReviewMinutes(30.0), Runnable::run);

    EconomicsResult e = report.economics().get(0);
    assertThat(e.reviewSource()).isEqualTo("user");
    assertThat(e.speed().tryOnce()).isCloseTo(55 / (5 + 30 + 27.5), within(1e-12));
  }

  @Test
  void withoutAnyReviewTimeOnlyTheNaiveRatiosAreGivenAndTheNotesSayWhy() {
    Report report = Judgments.report(oneTask(null, null).build());

    EconomicsResult e = report.economics().get(0);
    assertThat(e.reviewMinutes()).isNull();
    assertThat(e.speed().naive()).isNotNull();
    assertThat(e.speed().tryOnce()).isNull();
    assertThat(report.notes()).anyMatch(n -> n.startsWith("No review time"));
  }
}
