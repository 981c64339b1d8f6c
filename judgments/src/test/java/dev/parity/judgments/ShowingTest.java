package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShowingTest {
  @Test
  void aHumanSawTheDeliverableOnASideAndAJudgeInBothOrders() {
    assertThat(Showing.onSide(Side.LEFT).side()).isEqualTo(Side.LEFT);
    assertThat(Showing.onSide(Side.LEFT).outcome(Order.FIRST)).isEmpty();

    Showing judged = Showing.inBothOrders(Outcome.WIN, Outcome.TIE);
    assertThat(judged.outcome(Order.FIRST)).contains(Outcome.WIN);
    assertThat(judged.outcome(Order.SECOND)).contains(Outcome.TIE);
    assertThat(judged.side()).isNull();
  }

  @Test
  void nothingIsKnownAboutHowAVersion1JudgmentWasShown() {
    assertThat(Showing.UNKNOWN.isKnown()).isFalse();
    assertThat(Showing.onSide(Side.RIGHT).isKnown()).isTrue();
    assertThat(Showing.inBothOrders(Outcome.LOSS, Outcome.LOSS).isKnown()).isTrue();
  }

  @Test
  void aDeliverableShownOnASideWasNotAlsoShownInAJudgeCallsOrder() {
    assertThatThrownBy(() -> new Showing(Side.LEFT, Outcome.WIN, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
