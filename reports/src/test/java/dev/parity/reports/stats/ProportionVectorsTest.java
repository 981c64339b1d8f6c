package dev.parity.reports.stats;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wilson intervals, exact binomial and sign tests, rates, p-value adjustment, quantiles. */
class ProportionVectorsTest {

  static List<StatsVectors.Case> wilson() {
    return StatsVectors.cases("wilson_interval");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wilson")
  void wilsonIntervalMatchesTheReference(StatsVectors.Case c) {
    WilsonInterval w = WilsonInterval.of(c.input.get("successes").asInt(),
        c.input.get("trials").asInt(), c.parameters.get("confidence_level").asDouble());
    c.expect()
        .check("center", w.center())
        .check("lower", w.low())
        .check("upper", w.high())
        .check("z", w.z())
        .verify();
  }

  static List<StatsVectors.Case> binomial() {
    return StatsVectors.cases("binomial_test_exact");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binomial")
  void exactBinomialTestMatchesR(StatsVectors.Case c) {
    BinomialTest test = BinomialTest.exact(c.input.get("successes").asInt(),
        c.input.get("trials").asInt(), c.parameters.get("p0").asDouble());
    StatsVectors.Expectations e = c.expect()
        .check("p_two_sided", test.pTwoSided())
        .check("p_greater", test.pGreater())
        .check("p_less", test.pLess())
        .skip("clopper_pearson", "exact (Clopper–Pearson) intervals are not offered: the report's"
            + " intervals are Wilson's and the task bootstrap's");
    checkRational(e, "p_two_sided_rational", test.pTwoSided());
    e.verify();
  }

  static List<StatsVectors.Case> sign() {
    return StatsVectors.cases("sign_test");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sign")
  void signTestDropsTiesAndMatchesR(StatsVectors.Case c) {
    BinomialTest test = BinomialTest.signTest(counts(c.input));
    StatsVectors.Expectations e = c.expect()
        .check("k", test.successes())
        .check("n_used", test.trials())
        .check("p_two_sided_exact", test.pTwoSided())
        .check("p_greater_exact", test.pGreater())
        .skip("p_two_sided_normal_cc", "the sign test is exact; no normal approximation is offered");
    checkRational(e, "p_two_sided_rational", test.pTwoSided());
    e.verify();
  }

  static List<StatsVectors.Case> winRates() {
    return StatsVectors.cases("win_rates");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("winRates")
  void ratesAndTheirWilsonIntervalsMatchTheReference(StatsVectors.Case c) {
    OutcomeCounts counts = counts(c.input);
    double level = c.parameters.get("confidence_level").asDouble();
    WilsonInterval winOrTie = WilsonInterval.of(counts.winsOrTies(), counts.total(), level);
    WilsonInterval win = WilsonInterval.of(counts.wins(), counts.total(), level);
    WilsonInterval decisive = WilsonInterval.of(counts.wins(), counts.decisive(), level);
    c.expect()
        .check("win_rate", counts.winRate())
        .check("win_or_tie_rate", counts.winOrTieRate())
        .check("win_rate_excluding_ties", counts.winRateExcludingTies())
        .check("tie_half_score", counts.score())
        .check("win_or_tie_wilson_lower", winOrTie.low())
        .check("win_or_tie_wilson_upper", winOrTie.high())
        .check("win_rate_wilson_lower", win.low())
        .check("win_rate_wilson_upper", win.high())
        .check("win_excl_ties_wilson_lower", decisive.low())
        .check("win_excl_ties_wilson_upper", decisive.high())
        .check("sign_test_p_two_sided", BinomialTest.signTest(counts).pTwoSided())
        .skip("tie_half_se_ddof1", "a standard error treating judgments as independent is not"
            + " offered; ClusterRobustMean gives the clustered one")
        .verify();
  }

  static List<StatsVectors.Case> pAdjust() {
    return StatsVectors.cases("p_adjust");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pAdjust")
  void adjustedPValuesMatchRsPAdjustInInputOrder(StatsVectors.Case c) {
    double[] p = c.doubles("p");
    StatsVectors.Expectations e = c.expect();
    checkArray(e, "holm", PValueAdjustment.HOLM.adjust(p));
    checkArray(e, "BH", PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p));
    checkArray(e, "bonferroni", PValueAdjustment.BONFERRONI.adjust(p));
    double alpha = c.parameters.get("alpha").asDouble();
    e.check("n_rejected_holm_0.05", rejected(PValueAdjustment.HOLM.adjust(p), alpha))
        .check("n_rejected_BH_0.05", rejected(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p), alpha))
        .check("n_rejected_bonferroni_0.05", rejected(PValueAdjustment.BONFERRONI.adjust(p), alpha))
        .skip("hochberg", "Hochberg's step-up is not offered (Holm covers family-wise control)")
        .skip("BY", "Benjamini–Yekutieli is not offered (Benjamini–Hochberg covers the FDR)")
        .verify();
  }

  static List<StatsVectors.Case> quantiles() {
    return StatsVectors.cases("quantile");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantiles")
  void quantilesAreRType7(StatsVectors.Case c) {
    double[] sorted = c.doubles("x");
    Arrays.sort(sorted);
    JsonNode probs = c.parameters.get("probs");
    StatsVectors.Expectations e = c.expect();
    for (int i = 0; i < probs.size(); i++) {
      e.check("type7[" + i + "]", Quantiles.r7(sorted, probs.get(i).asDouble()));
    }
    e.skip("type6", "only R-7, the definition of R's and NumPy's defaults, is used").verify();
  }

  static OutcomeCounts counts(JsonNode input) {
    return OutcomeCounts.of(input.get("wins").asInt(), input.get("ties").asInt(),
        input.get("losses").asInt());
  }

  private static void checkArray(StatsVectors.Expectations e, String key, double[] actual) {
    for (int i = 0; i < actual.length; i++) {
      e.check(key + "[" + i + "]", actual[i]);
    }
  }

  private static int rejected(double[] adjusted, double alpha) {
    return (int) Arrays.stream(adjusted).filter(q -> q <= alpha).count();
  }

  /** The exact rational p-value, as a double, when the case has one. */
  private static void checkRational(StatsVectors.Expectations e, String key, double actual) {
    JsonNode rational = e.node(key);
    if (rational.isNull()) {
      e.skip(key, "no exact rational value for this p₀");
      return;
    }
    String[] parts = rational.asText().split("/");
    double exact = new BigDecimal(parts[0])
        .divide(new BigDecimal(parts[1]), MathContext.DECIMAL128).doubleValue();
    e.skip(key, "compared below as a decimal");
    if (Math.abs(exact - actual) > 1e-12 * Math.max(1, exact)) {
      throw new AssertionError(key + ": got " + actual + ", exact " + rational.asText() + " = " + exact);
    }
  }
}
