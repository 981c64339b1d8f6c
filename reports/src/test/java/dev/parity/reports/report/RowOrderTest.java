package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.judgments.CriterionScore;
import dev.parity.judgments.Judgment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * No figure of a whole report depends on the order of its input rows or on the threads it is
 * computed on: every level of groups (whose intervals come from one resample of each model's
 * tasks), ratings, agreement, judge gating, position bias, horizons and economics.
 */
class RowOrderTest {
  private static final ReportSettings SETTINGS = ReportSettings.defaults().withResamples(1_000);

  private static <T> List<T> shuffled(List<T> list, long seed) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  private static List<String> json(ReportInput input, java.util.concurrent.Executor executor) {
    return JsonReport.toJson(Report.compute(input, SETTINGS, executor)).lines().toList();
  }

  @Test
  void shufflingEveryInputListOfAReportWithEveryLevelOfGroupsChangesNoFigure() {
    ReportInput input = SampleReports.input(false);
    List<Judgment> judgments = shuffled(input.judgments(), 16);
    List<CriterionScore> scores = shuffled(input.criterionScores(), 17);
    ReportInput reordered = new ReportInput(judgments, scores, input.suite(), shuffled(input.attempts(), 18),
        input.runs(), input.releaseDates(), input.unmeasured(), input.sources(), input.features(), input.generatedAt());
    List<String> inOrder = json(input, Runnable::run);

    assertThat(Report.compute(input, SETTINGS, Runnable::run).groups()).extracting(GroupResult::level)
        .contains(Level.OVERALL, Level.SECTOR, Level.OCCUPATION, Level.FILE_TYPE, Level.TASK_LENGTH);
    assertThat(judgments).isNotEqualTo(input.judgments());
    assertThat(json(reordered, Runnable::run)).containsExactlyElementsOf(inOrder);
  }

  @Test
  void aReportComputedOnTwoThreadsIsTheReportComputedOnOne() {
    ReportInput input = SampleReports.input(false);
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      assertThat(json(input, pool)).containsExactlyElementsOf(json(input, Runnable::run));
    } finally {
      pool.shutdown();
    }
  }
}
