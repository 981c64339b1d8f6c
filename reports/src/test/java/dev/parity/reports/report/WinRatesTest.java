package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WinRatesTest {

  /** Three tasks: t1 won twice, t2 tied and lost, t3 lost; t1 and t2 in one sector. */
  private static Judgments threeTasks() {
    return new Judgments()
        .in("Finance and Insurance", "Accountants and Auditors")
        .human("t1", "m", "g1", WIN).human("t1", "m", "g2", WIN)
        .human("t2", "m", "g1", TIE).human("t2", "m", "g2", LOSS)
        .in("Health Care and Social Assistance", "Registered Nurses")
        .human("t3", "m", "g1", LOSS);
  }

  @Test
  void threeTasksGiveTheCountsRatesAndWilsonIntervalWorkedOutByHand() throws Exception {
    JsonNode overall = group(JsonReport.mapper().readTree(JsonReport.toJson(threeTasks().report())),
        "overall", "All tasks");

    assertThat(overall.get("model").asText()).isEqualTo("m");
    assertThat(overall.get("n_tasks").asInt()).isEqualTo(3);
    assertThat(overall.get("n_judgments").asInt()).isEqualTo(5);
    assertThat(overall.get("wins").asInt()).isEqualTo(2);
    assertThat(overall.get("ties").asInt()).isEqualTo(1);
    assertThat(overall.get("losses").asInt()).isEqualTo(2);
    // Each task weighs the same: t1 scores 1, t2 ¼, t3 0.
    assertThat(overall.get("weighting").asText()).isEqualTo("task");
    assertThat(overall.get("win_rate").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(overall.get("win_or_tie_rate").asDouble()).isCloseTo(1.5 / 3, within(1e-12));
    assertThat(overall.get("score").asDouble()).isCloseTo(1.25 / 3, within(1e-12));
    assertThat(overall.get("win_rate_without_ties").asDouble()).isCloseTo(1 / 2.5, within(1e-12));
    // Wilson 95% for 3 of 5, as R's binom::binom.wilson(3, 5): 0.2307 to 0.8824.
    assertThat(overall.get("ci_wilson").get("low").asDouble()).isCloseTo(0.2307, within(1e-4));
    assertThat(overall.get("ci_wilson").get("high").asDouble()).isCloseTo(0.8824, within(1e-4));
    // t1 won, t2 and t3 lost: 1 of 2 decisive tasks, p = 1.
    assertThat(overall.get("sign_test_wins").asInt()).isEqualTo(1);
    assertThat(overall.get("sign_test_losses").asInt()).isEqualTo(2);
    assertThat(overall.get("sign_test_p").asDouble()).isEqualTo(1.0);
    assertThat(overall.get("too_few_to_tell").asBoolean()).isTrue();
    assertThat(overall.get("minimum_detectable_difference").isNull()).isTrue();
    JsonNode bootstrap = overall.get("score_ci");
    assertThat(bootstrap.get("low").asDouble()).isBetween(0.0, 0.42);
    assertThat(bootstrap.get("high").asDouble()).isBetween(0.42, 1.0);
    assertThat(overall.get("verdict").asText()).isEqualTo("too_few_tasks");
  }

  @Test
  void sectorsAndOccupationsEachGetTheirOwnGroup() throws Exception {
    Report report = threeTasks().report();

    GroupResult finance = report.group(Level.SECTOR, "Finance and Insurance", "m").orElseThrow();
    assertThat(finance.nTasks()).isEqualTo(2);
    assertThat(finance.winOrTieRate()).isEqualTo(0.75);
    GroupResult nurses = report.group(Level.OCCUPATION, "Registered Nurses", "m").orElseThrow();
    assertThat(nurses.nJudgments()).isEqualTo(1);
    assertThat(nurses.winOrTieRate()).isEqualTo(0.0);
    assertThat(nurses.scoreCi().high()).as("one task: never a zero-width interval").isGreaterThan(0.5);
    assertThat(report.groups(Level.FILE_TYPE)).as("no suite, no file types").isEmpty();
  }

  @Test
  void theSignTestCountsTasksAndHolmAndBenjaminiHochbergAdjustAcrossSectors() {
    Judgments judgments = new Judgments().in("Retail Trade", "Cashiers");
    for (int t = 1; t <= 6; t++) {
      // Three graders per task, two of them say win: each task is one won task, not three.
      judgments.human("r" + t, "m", "a", WIN).human("r" + t, "m", "b", WIN).human("r" + t, "m", "c", LOSS);
    }
    judgments.in("Information", "Editors").human("i1", "m", "a", LOSS);
    Report report = judgments.report();

    GroupResult retail = report.group(Level.SECTOR, "Retail Trade", "m").orElseThrow();
    GroupResult information = report.group(Level.SECTOR, "Information", "m").orElseThrow();
    assertThat(retail.signTestWins()).isEqualTo(6);
    assertThat(retail.signTestP()).isEqualTo(0.03125);         // 2 × (1/2)^6
    assertThat(information.signTestP()).isEqualTo(1.0);
    assertThat(retail.pHolm()).isEqualTo(0.0625);               // 2 × 0.03125
    assertThat(information.pHolm()).isEqualTo(1.0);
    assertThat(retail.pBh()).isEqualTo(0.0625);                 // 2/1 × 0.03125
    GroupResult overall = report.group(Level.OVERALL, "All tasks", "m").orElseThrow();
    assertThat(overall.signTestP()).isCloseTo(0.125, within(1e-12)); // 6 of 7: 2 × 8/128
    assertThat(overall.pHolm()).as("a family of one").isEqualTo(overall.signTestP());
  }

  @Test
  void aGroupOfTwentyTasksGetsAVerdictAndNineteenDoNot() {
    Judgments twenty = new Judgments();
    for (int t = 0; t < 20; t++) {
      twenty.human("t" + t, "m", "g", t % 2 == 0 ? WIN : LOSS);
    }
    GroupResult overall = twenty.report().group(Level.OVERALL, "All tasks", "m").orElseThrow();
    Judgments nineteen = new Judgments();
    for (int t = 0; t < 19; t++) {
      nineteen.human("t" + t, "m", "g", WIN);
    }
    GroupResult few = nineteen.report().group(Level.OVERALL, "All tasks", "m").orElseThrow();

    assertThat(overall.tooFewToTell()).isFalse();
    assertThat(overall.verdict()).isEqualTo(Reading.NOT_DISTINGUISHABLE);
    assertThat(overall.minimumDetectableDifference()).isBetween(0.25, 0.35);
    assertThat(few.tooFewToTell()).isTrue();
    assertThat(few.verdict()).as("all won, but too few tasks").isEqualTo(Reading.TOO_FEW_TASKS);
    assertThat(few.score()).isEqualTo(1.0);
    assertThat(few.scoreCi().low()).as("estimate and interval are still shown").isLessThan(1.0);
  }

  @Test
  void humanVerdictsMakeTheWinRatesWhenThereAreAnyAndModelJudgesCountOnlyInAgreement() {
    Report report = new Judgments()
        .human("t1", "m", "g1", WIN)
        .judge("t1", "m", "openai:gpt-5", LOSS)
        .report();

    assertThat(report.provenance().graders()).isEqualTo("human");
    assertThat(report.group(Level.OVERALL, "All tasks", "m").orElseThrow().wins()).isEqualTo(1);
    assertThat(report.provenance().humanGraders()).isEqualTo(1);
    assertThat(report.provenance().modelGraders()).isEqualTo(1);
  }

  @Test
  void noJudgmentsAtAllAreRefusedWithAReason() {
    assertThatThrownBy(new Judgments()::report).isInstanceOf(InvalidReportInputException.class)
        .hasMessageContaining("no judgments");
  }

  @Test
  void twoDifferentVerdictsOfOneGraderOnOneItemAreAContradictionNamedInTheError() {
    Judgments twice = new Judgments().human("t1", "m", "g1", WIN).human("t1", "m", "g1", LOSS);

    assertThatThrownBy(twice::report).isInstanceOf(InvalidReportInputException.class)
        .hasMessageContaining("grader 'g1' judged m against baseline on task 't1' (sample 0) twice, win and loss");
  }

  @Test
  void anExactRepeatCountsOnceAndIsNoted() {
    Report report = new Judgments().human("t1", "m", "g1", WIN).human("t1", "m", "g1", WIN).report();

    assertThat(report.group(Level.OVERALL, "All tasks", "m").orElseThrow().nJudgments()).isEqualTo(1);
    assertThat(report.notes()).anyMatch(n -> n.startsWith("1 judgment was read twice"));
  }

  static JsonNode group(JsonNode report, String level, String name) {
    for (JsonNode g : report.get("groups")) {
      if (g.get("level").asText().equals(level) && g.get("name").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no group " + level + "/" + name);
  }
}
