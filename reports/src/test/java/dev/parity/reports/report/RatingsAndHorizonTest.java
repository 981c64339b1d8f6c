package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.Judgment;
import org.junit.jupiter.api.Test;

class RatingsAndHorizonTest {

  @Test
  void aTieCountsAsHalfAWinToEachSide() {
    Report report = new Judgments().human("t1", "m", "g", WIN).human("t2", "m", "g", TIE).report();

    // 1.5 wins to 0.5: odds of 3 to 1.
    assertThat(report.ratings().get(0).rating()).isCloseTo(1000 + 400 * Math.log10(3), within(1e-6));
  }

  @Test
  void aModelThatWinsThreeOfFourAgainstTheBaselineIsRated400Log10Of3Above() {
    Report report = new Judgments()
        .human("t1", "m", "g", WIN).human("t2", "m", "g", WIN).human("t3", "m", "g", WIN)
        .human("t4", "m", "g", LOSS).report();

    Rating m = report.ratings().get(0);
    assertThat(m.player()).isEqualTo("m");
    // Two players: the maximum-likelihood odds are 3 to 1, so 1000 + 400·log10(3).
    assertThat(m.rating()).isCloseTo(1000 + 400 * Math.log10(3), within(1e-6));
    Rating baseline = report.ratings().get(1);
    assertThat(baseline.player()).isEqualTo(Judgment.BASELINE);
    assertThat(baseline.rating()).isEqualTo(1000);
    assertThat(report.mainRatingsFit().problem()).isNull();
    assertThat(report.mainRatingsFit().unfitResamples()).isPositive();  // resamples of four won tasks
  }

  @Test
  void aModelThatWonEveryJudgmentHasNoFiniteRatingAndTheReportSaysWhy() {
    Report report = new Judgments().human("t1", "m", "g", WIN).human("t2", "m", "g", WIN).report();

    assertThat(report.ratings()).isEmpty();
    assertThat(report.mainRatingsFit().problem()).isNotBlank();
    assertThat(report.mainRatingsFit().players()).contains("m");
    assertThat(report.notes()).anyMatch(n -> n.startsWith("No ratings: "));
  }

  @Test
  void withoutASuiteThereIsNoTimeHorizonAndTheNotesSayWhy() {
    Report report = new Judgments().human("t1", "m", "g", WIN).report();

    assertThat(report.timeHorizon()).isEmpty();
    assertThat(report.notes()).anyMatch(n -> n.startsWith("No suite:"));
  }

  @Test
  void onTheSampleSuiteAModelThatOnlyWinsShortTasksHasASeparatedHorizonBracketedByTheData() {
    Judgments judgments = new Judgments();
    SampleReports.suite().tasks().forEach(t ->
        judgments.in(t.sector(), t.occupation().title()).human(t.id(), "m", "g", t.baseline().minutes().value() <= 150 ? WIN : LOSS));
    Report report = Judgments.report(judgments.input().suite(SampleReports.suite()).build());

    TimeHorizonResult horizon = report.timeHorizon().get(0);
    assertThat(horizon.status()).isEqualTo("separated");
    assertThat(horizon.minutes()).isNull();
    assertThat(horizon.lowMinutes()).isCloseTo(150, within(1e-9));   // the longest task won
    assertThat(horizon.highMinutes()).isCloseTo(165, within(1e-9));  // the shortest task lost
    assertThat(report.groups(Level.TASK_LENGTH)).extracting(GroupResult::name)
        .containsExactly("0–2 h", "2–4 h", "4–8 h");
  }

  @Test
  void aHorizonTheFitPutsBeyondTheLongestTaskIsBeyondTheDataNotAnExtrapolatedNumber() {
    // Four wins in five on the shorter tasks, three in five on the longer: the fitted 50% point
    // lies far beyond the longest task.
    Judgments judgments = new Judgments();
    SampleReports.suite().tasks().forEach(t -> {
      judgments.in(t.sector(), t.occupation().title());
      int wins = t.baseline().minutes().value() <= 150 ? 4 : 3;
      for (int g = 0; g < 5; g++) {
        judgments.human(t.id(), "m", "g" + g, g < wins ? WIN : LOSS);
      }
    });
    TimeHorizonResult horizon = Judgments.report(judgments.input().suite(SampleReports.suite()).build())
        .timeHorizon().get(0);

    assertThat(horizon.status()).isEqualTo("beyond_data");
    assertThat(horizon.minutes()).isNull();
    assertThat(horizon.slopePerDoubling()).isNegative();
    assertThat(horizon.dataHighMinutes()).isGreaterThan(horizon.dataLowMinutes());
    assertThat(horizon.ci() == null || horizon.ci().high() == null).as("no bound beyond the longest task").isTrue();
    assertThat(Text.horizon(horizon)).isEqualTo("beyond the data");
    assertThat(Text.horizonInterval(horizon)).doesNotContain("4,582");
  }
}
