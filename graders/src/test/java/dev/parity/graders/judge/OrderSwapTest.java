package dev.parity.graders.judge;

import static dev.parity.graders.judge.OrderSwap.Disagreement.THIRD_CALL;
import static dev.parity.graders.judge.OrderSwap.Disagreement.TIE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.judgments.Outcome;
import dev.parity.judgments.PairwiseVerdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderSwapTest {
  @Test
  void agreeingOrdersGiveTheirOutcome() {
    // The model is A first, then B: "A" then "B" both prefer the model.
    assertThat(OrderSwap.combine(PairwiseVerdict.A, PairwiseVerdict.B, TIE)).contains(Outcome.WIN);
    assertThat(OrderSwap.combine(PairwiseVerdict.B, PairwiseVerdict.A, TIE)).contains(Outcome.LOSS);
    assertThat(OrderSwap.combine(PairwiseVerdict.TIE, PairwiseVerdict.TIE, TIE)).contains(Outcome.TIE);
  }

  @Test
  void opposingOrdersBecomeATieOrAskForAThirdCall() {
    // "A" both times: the judge prefers the first position, whatever is there.
    assertThat(OrderSwap.combine(PairwiseVerdict.A, PairwiseVerdict.A, TIE)).contains(Outcome.TIE);
    assertThat(OrderSwap.combine(PairwiseVerdict.A, PairwiseVerdict.A, THIRD_CALL)).isEqualTo(Optional.empty());
  }

  @Test
  void aDecisionThatDoesNotSurviveTheSwapIsATie() {
    assertThat(OrderSwap.combine(PairwiseVerdict.A, PairwiseVerdict.TIE, THIRD_CALL)).contains(Outcome.TIE);
  }

  @Test
  void eachCallIsReadFromTheModelsSide() {
    assertThat(OrderSwap.fromModelSide(PairwiseVerdict.B, false)).isEqualTo(Outcome.WIN);
    assertThat(OrderSwap.fromModelSide(PairwiseVerdict.B, true)).isEqualTo(Outcome.LOSS);
  }
}
