package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.store.Contestant;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.judgments.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Position bias: simulated graders and judges with and without a preference for a position. */
class PositionBiasTest {
  private static final int TASKS = 40;

  /**
   * 40 tasks, the model better on a random half. A fair human sees the sides at random and judges
   * by quality; a human who always picks the left; a fair judge (right in both orders); a judge
   * that always answers "A", whatever it is shown.
   */
  private static List<Judgment> simulated(long seed) {
    Random random = new Random(seed);
    List<Judgment> list = new ArrayList<>();
    for (int t = 0; t < TASKS; t++) {
      String task = "t" + t;
      Outcome truth = random.nextBoolean() ? WIN : LOSS;
      Side fairSide = random.nextBoolean() ? Side.LEFT : Side.RIGHT;
      list.add(judgment(task, "fair-expert", GraderType.HUMAN, truth, Showing.onSide(fairSide)));
      Side leftSide = random.nextBoolean() ? Side.LEFT : Side.RIGHT;
      list.add(judgment(task, "left-expert", GraderType.HUMAN, leftSide == Side.LEFT ? WIN : LOSS,
          Showing.onSide(leftSide)));
      list.add(judgment(task, "fair-judge", GraderType.MODEL, truth, Showing.inBothOrders(truth, truth)));
      // "A" every time: the contestant wins when shown first and loses when shown second.
      list.add(judgment(task, "always-a", GraderType.MODEL, TIE, Showing.inBothOrders(WIN, LOSS)));
    }
    return list;
  }

  private static Judgment judgment(String task, String grader, GraderType type, Outcome outcome, Showing showing) {
    return new Judgment(task, Contestant.model("m"), Judgment.BASELINE, grader, type, outcome, 0,
        "Accountants and Auditors", "Finance and Insurance", null, null, showing);
  }

  private static Report report(List<Judgment> judgments) {
    return Judgments.report(ReportInput.builder(Judgments.NOW)
        .judgments(new Source("judgments", "test", false), judgments).build());
  }

  private static PositionBiasResult of(Report report, String grader) {
    return report.positionBias().stream().filter(r -> r.grader().equals(grader)).findFirst().orElseThrow();
  }

  @Test
  void aJudgeThatAlwaysAnswersAIsFlaggedAndWarnedAboutOnTop() {
    Report report = report(simulated(1));
    PositionBiasResult judge = of(report, "always-a");

    assertThat(judge.choices()).isEqualTo(new PositionBiasResult.Choices(2 * TASKS, 0, 0));
    assertThat(judge.firstShare()).isEqualTo(1.0);
    assertThat(judge.biased()).isTrue();
    assertThat(judge.consistency().share()).isZero();
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("Judge always-a chose the deliverable "
        + "shown first (A) in 100.0% of 80 decisive calls"));
    assertThat(HtmlReport.render(report, List.of())).contains("id=\"warnings\"", "Judge always-a chose");
    assertThat(MarkdownReport.render(report)).contains("> **Before reading the figures:**", "> - Judge always-a");
  }

  @Test
  void aHumanWhoAlwaysPicksTheLeftIsFlagged() {
    PositionBiasResult human = of(report(simulated(2)), "left-expert");

    assertThat(human.graderType()).isEqualTo("human");
    assertThat(human.choices().first()).isEqualTo(TASKS);
    assertThat(human.consistency()).isNull();
    assertThat(human.biased()).isTrue();
  }

  @Test
  void fairGradersAndJudgesAreNotFlagged() {
    Report report = report(simulated(3));
    PositionBiasResult judge = of(report, "fair-judge");
    PositionBiasResult human = of(report, "fair-expert");

    assertThat(judge.choices().first()).isEqualTo(TASKS).isEqualTo(judge.choices().second());
    assertThat(judge.p()).isEqualTo(1.0);
    assertThat(judge.consistency().share()).isEqualTo(1.0);
    assertThat(judge.biased()).isFalse();
    assertThat(human.biased()).isFalse();
    assertThat(human.firstShareCi().low()).isLessThan(0.5);
    assertThat(report.warnings()).noneMatch(w -> w.contains("fair-"));
  }

  @Test
  void theTestIsAdjustedForTheNumberOfGradersTested() {
    // 8 of 8 decisive choices for the left: p = 2/256 alone, but Holm over three graders triples it
    // for the smallest; with two fair graders of 8 judgments each it is still 3 × 0.0078 = 0.023.
    List<Judgment> list = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      list.add(judgment("t" + t, "h-left", GraderType.HUMAN, WIN, Showing.onSide(Side.LEFT)));
      list.add(judgment("t" + t, "h-fair", GraderType.HUMAN, t % 2 == 0 ? WIN : LOSS, Showing.onSide(Side.LEFT)));
      list.add(judgment("t" + t, "h-tie", GraderType.HUMAN, TIE, Showing.onSide(Side.RIGHT)));
    }
    Report report = report(list);
    PositionBiasResult left = of(report, "h-left");

    assertThat(left.p()).isEqualTo(2.0 / 256);
    assertThat(left.pHolm()).isEqualTo(3 * 2.0 / 256);
    assertThat(left.biased()).isTrue();
    assertThat(of(report, "h-tie").firstShare()).isNull();
    assertThat(of(report, "h-tie").p()).isEqualTo(1.0);
  }

  @Test
  void judgmentsWithoutSidesAreLeftOutWithANote() {
    List<Judgment> list = new ArrayList<>(simulated(4));
    list.add(new Judgment("t0", "m", Judgment.BASELINE, "old-expert", GraderType.HUMAN, WIN, 0,
        "Accountants and Auditors", "Finance and Insurance", null, null));
    Report report = report(list);

    assertThat(report.positionBias()).extracting(PositionBiasResult::grader)
        .containsExactly("fair-expert", "left-expert", "always-a", "fair-judge");
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("1 judgment records neither the side"));
  }

  @Test
  void theOrderOfTheJudgmentsChangesNoFigure() {
    List<Judgment> list = simulated(5);
    List<Judgment> shuffled = new ArrayList<>(list);
    Collections.shuffle(shuffled, new Random(9));

    assertThat(report(shuffled).positionBias()).isEqualTo(report(list).positionBias());
  }
}
