package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.Weighting;
import org.junit.jupiter.api.Test;

/** The scenarios of issue 12: the verdict reads the score, never the win-or-tie rate against 50%. */
class VerdictTest {

  /** {@code tasks} tasks, each judged by {@code graders.length} graders as given. */
  private static Judgments eachTask(int tasks, String model, Outcome... graders) {
    Judgments judgments = new Judgments();
    for (int t = 0; t < tasks; t++) {
      for (int g = 0; g < graders.length; g++) {
        judgments.human("t" + t, model, "g" + g, graders[g]);
      }
    }
    return judgments;
  }

  private static GroupResult overall(Report report, String model) {
    return report.group(Level.OVERALL, Grouping.ALL_TASKS, model).orElseThrow();
  }

  @Test
  void aModelExactlyAsGoodAsTheProfessionalsWithTiesIsNotDistinguishableNotAboveParity() {
    // 30% wins, 40% ties, 30% losses on each of 40 tasks: win-or-tie 70%, score 50%.
    Judgments judgments = new Judgments();
    for (int t = 0; t < 40; t++) {
      Outcome[] ten = {WIN, WIN, WIN, TIE, TIE, TIE, TIE, LOSS, LOSS, LOSS};
      // Shift the pattern per task so tasks differ, keeping the mix.
      for (int g = 0; g < 10; g++) {
        judgments.human("t" + t, "tied", "g" + g, ten[(g + t) % 10]);
      }
    }
    GroupResult g = overall(judgments.report(), "tied");

    assertThat(g.score()).isCloseTo(0.5, within(1e-12));
    assertThat(g.winOrTieRate()).isCloseTo(0.7, within(1e-12));
    assertThat(g.verdict()).isEqualTo(Reading.NOT_DISTINGUISHABLE);
    assertThat(g.scoreCi().low()).isLessThan(0.5);
    assertThat(g.scoreCi().high()).isGreaterThan(0.5);
  }

  @Test
  void aClearlyWorseModelWithManyTiesIsWorseThoughItsWinOrTieRateIsAbove50() {
    // 15% wins, 50% ties, 35% losses over 60 tasks: win-or-tie 65%, score 40%.
    Judgments judgments = new Judgments();
    Outcome[] twenty = new Outcome[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = i < 3 ? WIN : i < 13 ? TIE : LOSS;
    }
    for (int t = 0; t < 60; t++) {
      // One judgment per task, cycling the mix, as in the example.
      judgments.human("t" + t, "worse", "g", twenty[(t * 7) % 20]);
    }
    GroupResult g = overall(judgments.report(), "worse");

    assertThat(g.winOrTieRate()).isCloseTo(0.65, within(1e-12));
    assertThat(g.score()).isCloseTo(0.40, within(1e-12));
    assertThat(g.verdict()).isEqualTo(Reading.WORSE);
    assertThat(g.scoreCi().high()).isLessThan(0.5);
    assertThat(Text.verdict(g)).isEqualTo("worse than the professionals");
  }

  @Test
  void aJudgeThatAlwaysPicksTheSameSideMakesEveryPairATieAndNoModelIsAboveParity() {
    // Total position bias: on 220 tasks, every pair a tie.
    Report report = eachTask(220, "m", TIE).report();
    GroupResult g = overall(report, "m");

    assertThat(g.score()).isEqualTo(0.5);
    assertThat(g.winOrTieRate()).isEqualTo(1.0);
    assertThat(g.verdict()).isEqualTo(Reading.NOT_DISTINGUISHABLE);
    assertThat(g.scoreCiMethod()).as("every task scores ½: the bootstrap has no width").isEqualTo("wilson_tasks");
    assertThat(g.scoreCi().high() - g.scoreCi().low()).isGreaterThan(0.1);
    assertThat(g.winOrTieCi().high() - g.winOrTieCi().low()).as("never 100.0–100.0%").isGreaterThan(0);
    assertThat(g.winRateWithoutTies()).isNaN();
  }

  @Test
  void oneTaskGivesAnEstimateAndAWideIntervalButNoVerdict() {
    GroupResult g = overall(eachTask(1, "m", WIN, WIN, WIN).report(), "m");

    assertThat(g.score()).isEqualTo(1.0);
    assertThat(g.verdict()).isEqualTo(Reading.TOO_FEW_TASKS);
    assertThat(g.scoreCi().low()).isLessThan(0.25);
    assertThat(g.scoreCi().high()).isEqualTo(1.0);
    assertThat(Text.percentInterval(g.scoreCi())).isNotEqualTo("100.0–100.0%");
  }

  @Test
  void allLossesOnManyTasksAreWorseWithAnIntervalThatIsNotZeroToZero() {
    GroupResult g = overall(eachTask(40, "m", LOSS, LOSS).report(), "m");

    assertThat(g.score()).isEqualTo(0.0);
    assertThat(g.verdict()).isEqualTo(Reading.WORSE);
    assertThat(g.scoreCi().low()).isEqualTo(0.0);
    assertThat(g.scoreCi().high()).isBetween(0.02, 0.15);
  }

  @Test
  void everyTaskWeighsTheSameUnlessPerJudgmentWeightingIsAsked() {
    // t0 won by 9 graders; t1 and t2 lost by one grader each.
    Judgments judgments = eachTask(1, "m", WIN, WIN, WIN, WIN, WIN, WIN, WIN, WIN, WIN)
        .human("t1", "m", "g0", LOSS).human("t2", "m", "g0", LOSS);

    GroupResult byTask = overall(judgments.report(), "m");
    GroupResult byJudgment = overall(Report.compute(judgments.input().build(),
        ReportSettings.defaults().withResamples(1_000).withWeighting(Weighting.JUDGMENT), Runnable::run), "m");

    assertThat(byTask.score()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(byJudgment.score()).isCloseTo(9.0 / 11, within(1e-12));
    assertThat(byJudgment.weighting()).isEqualTo(Weighting.JUDGMENT);
  }

  @Test
  void withinALevelTheVerdictReadsTheIntervalAdjustedForTheNumberOfGroups() {
    Judgments judgments = new Judgments();
    for (int s = 0; s < 5; s++) {
      judgments.in("Sector " + s, "Occupation " + s);
      for (int t = 0; t < 25; t++) {
        judgments.human("s" + s + "t" + t, "m", "g", t < 17 ? WIN : LOSS);
      }
    }
    Report report = judgments.report();
    GroupResult sector = report.group(Level.SECTOR, "Sector 0", "m").orElseThrow();
    GroupResult overall = overall(report, "m");

    assertThat(sector.scoreCiAdjusted().low()).isLessThan(sector.scoreCi().low());
    assertThat(sector.scoreCiAdjusted().high()).isGreaterThanOrEqualTo(sector.scoreCi().high());
    assertThat(overall.scoreCiAdjusted()).as("a family of one").isEqualTo(overall.scoreCi());
  }

  @Test
  void twoTasksGiveWilsonsIntervalOverTasksNotABootstrapSpanningJustTheirScores() {
    Judgments judgments = new Judgments().human("t1", "m", "g1", WIN).human("t1", "m", "g2", LOSS)
        .human("t2", "m", "g1", LOSS).human("t2", "m", "g2", TIE);
    GroupResult g = overall(judgments.report(), "m");

    assertThat(g.score()).isCloseTo(0.375, within(1e-12));
    assertThat(g.scoreCiMethod()).isEqualTo("wilson_tasks");
    assertThat(g.scoreCi().low()).isLessThan(0.1);
    assertThat(g.scoreCi().high()).isGreaterThan(0.8);
  }
}
