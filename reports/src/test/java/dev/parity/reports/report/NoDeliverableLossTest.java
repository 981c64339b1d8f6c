package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An agent attempt that ended without a deliverable is a loss against the professionals in the
 * win rates whoever the primary graders are, and no grader's verdict anywhere else.
 */
class NoDeliverableLossTest {

  @Test
  void itCountsAsALossBesideTheHumansVerdictsAndIsNoJudge() {
    Judgments judgments = new Judgments()
        .human("t0", "m", "g1", WIN).human("t1", "m", "g1", WIN)
        .judge("t2", "m", ReportInput.NO_DELIVERABLE, LOSS);

    Report report = judgments.report();

    GroupResult overall = report.group(Level.OVERALL, Grouping.ALL_TASKS, "m").orElseThrow();
    assertThat(overall.wins()).isEqualTo(2);
    assertThat(overall.losses()).as("the humans are the primary graders, yet the failure counts").isEqualTo(1);
    assertThat(overall.nTasks()).isEqualTo(3);
    assertThat(report.provenance().graders()).isEqualTo("human");
    assertThat(report.provenance().modelGraders()).as("no model judged anything").isZero();
    assertThat(report.provenance().judgments()).as("graders' judgments only").isEqualTo(2);
  }
}
