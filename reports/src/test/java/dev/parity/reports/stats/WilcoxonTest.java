package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.reports.stats.WilcoxonSignedRankTest.PValueMethod;
import dev.parity.reports.stats.WilcoxonSignedRankTest.Result;
import dev.parity.reports.stats.WilcoxonSignedRankTest.ZeroMethod;
import org.junit.jupiter.api.Test;

class WilcoxonTest {

  @Test
  void normalApproximationMatchesSciPyForSixtyTiedDifferencesWithZeros() {
    JsonNode ref = References.load("wilcoxon-normal.json");
    double[] d = StatsVectors.Case.doubles(ref.get("d"));
    JsonNode expected = ref.get("expected");
    double rel = ref.get("tolerance").get("rel").asDouble();
    for (ZeroMethod zeros : ZeroMethod.values()) {
      for (boolean cc : new boolean[] {true, false}) {
        String key = zeros.name().toLowerCase(java.util.Locale.ROOT) + (cc ? "_cc" : "_nocc");
        Result result = WilcoxonSignedRankTest.withDefaults().with(zeros)
            .with(PValueMethod.NORMAL).withContinuityCorrection(cc).test(d);
        double two = expected.get(key + "_p_two_sided").asDouble();
        double greater = expected.get(key + "_p_greater").asDouble();
        assertThat(result.pTwoSided()).as(key).isCloseTo(two, within(rel * two));
        assertThat(result.pGreater()).as(key).isCloseTo(greater, within(rel * greater));
      }
    }
  }

  @Test
  void autoIsExactUpToFiftyNonZeroDifferencesAndNormalAbove() {
    double[] fifty = new double[52];
    for (int i = 0; i < fifty.length; i++) {
      fifty[i] = i < 2 ? 0 : (i % 3 == 0 ? -i : i);
    }
    Result exact = WilcoxonSignedRankTest.withDefaults().test(fifty);
    assertThat(exact.method()).isEqualTo(PValueMethod.EXACT);
    assertThat(exact.zeros()).isEqualTo(2);
    double[] fiftyOne = fifty.clone();
    fiftyOne[0] = 100;
    assertThat(WilcoxonSignedRankTest.withDefaults().test(fiftyOne).method())
        .isEqualTo(PValueMethod.NORMAL);
  }

  @Test
  void exactPValuesAgreeWithTheNormalApproximationForLargeSamples() {
    double[] d = new double[200];
    for (int i = 0; i < d.length; i++) {
      d[i] = (i % 7) - 2.5 + (i % 3 == 0 ? 1 : 0);
    }
    Result exact = WilcoxonSignedRankTest.withDefaults().with(PValueMethod.EXACT).test(d);
    Result normal = WilcoxonSignedRankTest.withDefaults().with(PValueMethod.NORMAL).test(d);
    assertThat(exact.pTwoSided()).isCloseTo(normal.pTwoSided(), within(0.01));
    assertThat(exact.pGreater() + exact.pLess()).isGreaterThan(1);
  }

  @Test
  void pairsTestTheirDifferencesXMinusY() {
    Result paired = WilcoxonSignedRankTest.withDefaults().test(
        new double[] {0.9, 0.7, 0.8, 0.6}, new double[] {0.5, 0.7, 0.3, 0.4});
    assertThat(paired.zeros()).isEqualTo(1);
    assertThat(paired.wPlus()).isEqualTo(6);
    assertThat(paired.wMinus()).isZero();
    // 3 positive differences of 3: exact one-sided p = 1/8.
    assertThat(paired.pGreater()).isCloseTo(0.125, within(1e-15));
  }

  @Test
  void allZeroDifferencesGiveNoEvidence() {
    Result result = WilcoxonSignedRankTest.withDefaults().test(new double[] {0, 0, 0});
    assertThat(result.pTwoSided()).isEqualTo(1);
    assertThat(result.z()).isNaN();
  }

  @Test
  void badInputIsRefusedWithWhatWasWrong() {
    WilcoxonSignedRankTest test = WilcoxonSignedRankTest.withDefaults();
    assertThatThrownBy(() -> test.test(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 1");
    assertThatThrownBy(() -> test.test(new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pairs");
    assertThatThrownBy(() -> test.test(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("difference 1");
  }
}
