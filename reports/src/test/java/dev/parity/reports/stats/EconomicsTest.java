package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EconomicsTest {
  // A 400-minute task; the model takes 10 minutes; reviewing takes 40; 50% win-or-tie.
  private static final double H = 400;
  private static final double M = 10;
  private static final double R = 40;

  @Test
  void naiveRatioIsHumanTimeOverModelTime() {
    assertThat(Economics.naive(H, M).ratio()).isEqualTo(40);
  }

  @Test
  void tryOnceThenFixPaysTheAttemptTheReviewAndTheFixWhenNeeded() {
    Economics.Estimate once = Economics.tryOnceThenFix(H, M, R, 0.5);
    assertThat(once.withModel()).isEqualTo(10 + 40 + 0.5 * 400);
    assertThat(once.ratio()).isEqualTo(400.0 / 250);
  }

  @Test
  void tryNTimesStopsAtTheFirstGoodAttempt() {
    // n = 3: attempts made 1 + ½ + ¼ = 1.75, all three fail with probability ⅛.
    Economics.Estimate thrice = Economics.tryNTimesThenFix(H, M, R, 0.5, 3);
    assertThat(thrice.withModel()).isCloseTo(50 * 1.75 + 400.0 / 8, within(1e-12));
    assertThat(Economics.tryNTimesThenFix(H, M, R, 0.5, 1))
        .isEqualTo(Economics.tryOnceThenFix(H, M, R, 0.5));
  }

  @Test
  void aModelThatNeverSucceedsOnlyAddsItsCost() {
    assertThat(Economics.tryNTimesThenFix(H, M, R, 0, 3).withModel()).isEqualTo(3 * 50 + 400);
    assertThat(Economics.tryNTimesThenFix(H, M, R, 1, 3).withModel()).isEqualTo(50);
  }

  @Test
  void nonsenseInputIsRefusedByName() {
    assertThatThrownBy(() -> Economics.tryOnceThenFix(H, M, -1, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("review");
    assertThatThrownBy(() -> Economics.tryOnceThenFix(H, M, R, 1.2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("win-or-tie rate");
    assertThatThrownBy(() -> Economics.tryNTimesThenFix(H, M, R, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
  }
}
