package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesAndProportionsTest {

  @Test
  void countsGiveTheThreeRatesAndGdpvalsScore() {
    OutcomeCounts counts = OutcomeCounts.of(List.of(Outcome.WIN, Outcome.TIE, Outcome.LOSS,
        Outcome.LOSS, Outcome.WIN, Outcome.TIE, Outcome.TIE, Outcome.LOSS));
    assertThat(counts).isEqualTo(OutcomeCounts.of(2, 3, 3));
    assertThat(counts.winRate()).isEqualTo(0.25);
    assertThat(counts.winOrTieRate()).isEqualTo(0.625);
    assertThat(counts.winRateExcludingTies()).isEqualTo(0.4);
    assertThat(counts.score()).isEqualTo(3.5 / 8);
    assertThat(Outcome.TIE.isWinOrTie()).isTrue();
    assertThat(Outcome.LOSS.isWinOrTie()).isFalse();
    assertThat(counts.plus(Outcome.WIN).plus(OutcomeCounts.of(0, 0, 1)))
        .isEqualTo(OutcomeCounts.of(3, 3, 4));
  }

  @Test
  void ratesOfNothingAreNotANumberRatherThanMadeUp() {
    assertThat(OutcomeCounts.EMPTY.winOrTieRate()).isNaN();
    assertThat(OutcomeCounts.of(0, 4, 0).winRateExcludingTies()).isNaN();
    assertThatThrownBy(() -> OutcomeCounts.of(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ties -1");
  }

  @Test
  void wilsonBoundsAreExactlyZeroAndOneAtTheEdges() {
    assertThat(WilsonInterval.of(0, 10).low()).isZero();
    assertThat(WilsonInterval.of(10, 10).high()).isEqualTo(1.0);
    WilsonInterval headline = WilsonInterval.winOrTieRate(OutcomeCounts.of(45, 20, 55));
    assertThat(headline.successes()).isEqualTo(65);
    assertThat(headline.level()).isEqualTo(0.95);
    assertThat(headline.method())
        .isEqualTo("Wilson score interval, 95%, treating judgments as independent");
    assertThat(WilsonInterval.of(1, 2, 0.9).method()).startsWith("Wilson score interval, 90%,");
    assertThatThrownBy(() -> WilsonInterval.of(3, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 of 2");
    assertThatThrownBy(() -> WilsonInterval.of(1, 2, 95))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("95");
  }

  @Test
  void signTestWithOnlyTiesHasNothingToSay() {
    BinomialTest test = BinomialTest.signTest(OutcomeCounts.of(0, 7, 0));
    assertThat(test.trials()).isZero();
    assertThat(test.pTwoSided()).isEqualTo(1);
  }

  @Test
  void binomialTestKeepsTheOppositeTailThatRoundingWouldDrop() {
    // Commons Math 3.6.1 and Commons Statistics 1.1 both return 0.0460 here.
    assertThat(BinomialTest.exact(60, 100, 0.5).pTwoSided()).isCloseTo(0.05688793364098079, within(1e-15));
    assertThat(BinomialTest.exact(6, 12, 0.5).pTwoSided()).isEqualTo(1);
    assertThat(BinomialTest.exact(0, 5, 0).pTwoSided()).isEqualTo(1);
    assertThat(BinomialTest.exact(2, 5, 0).pTwoSided()).isZero();
  }

  @Test
  void signTestOfAHundredThousandJudgmentsIsExact() {
    // 50,400 wins of 100,000: z ≈ 2.53, so p ≈ 0.0114 by the normal approximation.
    BinomialTest test = BinomialTest.signTest(OutcomeCounts.of(50_400, 3_000, 49_600));
    assertThat(test.pTwoSided()).isCloseTo(0.0114, within(0.0005));
    assertThat(test.pTwoSided()).isCloseTo(2 * test.pGreater(), within(1e-12));
  }

  @Test
  void pValueAdjustmentRefusesValuesThatAreNotProbabilities() {
    assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust(0.2, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-value 1");
    assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.adjust()).isEmpty();
  }

  @Test
  void clusterRobustErrorsOfOneClusterAreUndefinedNotZero() {
    ClusterRobustMean one = ClusterRobustMean.of(List.of(new double[] {1, 0, 1}, new double[0]));
    assertThat(one.clusters()).isEqualTo(1);
    assertThat(one.mean()).isEqualTo(2.0 / 3);
    assertThat(one.standardErrorCr1()).isNaN();
    assertThat(one.standardErrorCr2()).isNaN();
    assertThatThrownBy(() -> ClusterRobustMean.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no values");
  }
}
