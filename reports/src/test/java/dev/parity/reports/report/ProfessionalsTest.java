package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfessionalsTest {
  @Test
  void everyProfessionalCountsAsOnePlayerBesideTheModels() {
    Report report = new Judgments()
        .human("t1", "human:p1", "g1", WIN).human("t1", "human:p2", "g2", TIE).human("t2", "human:p1", "g2", LOSS)
        .human("t1", "m", "g1", LOSS).human("t2", "m", "g2", LOSS).report();

    List<GroupResult> overall = report.groups(Level.OVERALL);
    assertThat(overall).extracting(GroupResult::model).containsExactlyInAnyOrder("m", "professionals");
    GroupResult professionals = overall.stream().filter(g -> g.model().equals("professionals")).findFirst().orElseThrow();
    assertThat(professionals.nJudgments()).isEqualTo(3);
    assertThat(professionals.nTasks()).isEqualTo(2);
    assertThat(List.of(professionals.wins(), professionals.ties(), professionals.losses())).containsExactly(1, 1, 1);
  }

  @Test
  void theProfessionalsMeasuredMinutesAndCostStandBesideTheModels() {
    Suite suite = SampleReports.suite();
    Task task = suite.task("card-dispute-reply").orElseThrow();
    Judgments judgments = new Judgments().in(task.sector(), task.occupation().title())
        .human(task.id(), "human:p1", "h1", WIN, 10.0, null).human(task.id(), "human:p2", "h2", TIE, 10.0, null);
    ReportProvenance.RunInfo run = new ReportProvenance.RunInfo("q3-baselines", suite.name(), suite.version(),
        suite.contentHash(), "completed", Instant.EPOCH, Instant.EPOCH, List.of("human:p1", "human:p2"), null, 0);
    Report report = Judgments.report(judgments.input().suite(suite).attempts(run, List.of(
        new ReportInput.MeasuredAttempt("q3-baselines", "human:p1", task.id(), 0, 40, 16.0),
        new ReportInput.MeasuredAttempt("q3-baselines", "human:p2", task.id(), 0, 60, 24.0)), false).build());

    EconomicsResult e = report.economics().stream().filter(r -> r.level() == Level.OVERALL).findFirst().orElseThrow();
    assertThat(e.model()).isEqualTo("professionals");
    assertThat(e.modelMinutes()).isEqualTo(50);
    assertThat(e.modelCostUsd()).isEqualTo(20);
    assertThat(e.humanMinutes()).as("the suite's baseline").isEqualTo(55);
  }
}
