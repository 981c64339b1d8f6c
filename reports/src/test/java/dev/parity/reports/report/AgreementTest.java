package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

  /** t1: humans win and tie, the judge win; t2: humans both loss, the judge win. */
  private static List<AgreementResult> twoItems() {
    return new Judgments()
        .human("t1", "m", "h1", WIN).human("t1", "m", "h2", TIE).judge("t1", "m", "judge", WIN)
        .human("t2", "m", "h1", LOSS).human("t2", "m", "h2", LOSS).judge("t2", "m", "judge", WIN)
        .report().agreement();
  }

  @Test
  void humansAmongThemselvesGiveTheFiguresWorkedOutByHand() {
    AgreementResult humans = twoItems().get(0);

    assertThat(humans.kind()).isEqualTo("human_human");
    assertThat(humans.judge()).isNull();
    assertThat(humans.sample().items()).isEqualTo(2);
    assertThat(humans.sample().graders()).isEqualTo(2);
    assertThat(humans.figures().gdpval()).isEqualTo(0.75);              // (1 − ½ + 1) / 2
    assertThat(humans.figures().percent()).isEqualTo(0.5);              // t2 agrees, t1 does not
    assertThat(humans.figures().percentWithoutTies()).isEqualTo(1.0);   // only t2 has no tie
    assertThat(humans.figures().leaveOneOut()).isEqualTo(0.5);          // both right on t2, both wrong on t1
    assertThat(humans.sample().fleissItems()).isEqualTo(2);
    assertThat(humans.belowHumanAgreement()).isFalse();
  }

  @Test
  void aJudgeIsComparedWithTheHumansOfTheSameItemsButTwoItemsAreTooFewToFlagIt() {
    AgreementResult judge = twoItems().get(1);

    assertThat(judge.kind()).isEqualTo("model_human");
    assertThat(judge.judge()).isEqualTo("judge");
    assertThat(judge.sample().graders()).isEqualTo(3);
    assertThat(judge.figures().gdpval()).isEqualTo(0.375);              // t1: (1 + ½)/2; t2: 0
    assertThat(judge.figures().percent()).isEqualTo(0.25);              // 1 of 4 pairs
    assertThat(judge.figures().percentWithoutTies()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(judge.figures().leaveOneOut()).isEqualTo(0.25);          // t1: a split majority, ½; t2: 0
    // Resamples: t1 twice (¼) gives 0.75 − 0.5; t2 twice (¼) 0 − 1; one of each (½) 0.375 − 0.75.
    assertThat(judge.differenceFromHumans().estimate()).isEqualTo(-0.375);
    assertThat(judge.differenceFromHumans().ci()).isEqualTo(new Interval(-1, 0.25));
    assertThat(judge.belowHumanAgreement()).isFalse();
  }

  @Test
  void aVerdictGivenFromTheOtherSideOfAPairIsTurnedRoundBeforeComparing() {
    List<AgreementResult> agreement = new Judgments()
        .versus("t1", "a", "b", "h1", WIN)
        .versus("t1", "b", "a", "h2", LOSS)
        .human("t1", "a", "h1", WIN)
        .report().agreement();

    assertThat(agreement).hasSize(1);
    assertThat(agreement.get(0).sample().items()).isEqualTo(1);
    assertThat(agreement.get(0).figures().percent()).isEqualTo(1.0);
  }

  @Test
  void noItemGradedTwiceMeansNoAgreementFigures() {
    assertThat(new Judgments().human("t1", "m", "h1", WIN).human("t2", "m", "h2", LOSS).report().agreement())
        .isEmpty();
  }
}
