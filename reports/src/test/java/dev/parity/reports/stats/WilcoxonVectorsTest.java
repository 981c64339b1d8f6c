package dev.parity.reports.stats;

import dev.parity.reports.stats.WilcoxonSignedRankTest.PValueMethod;
import dev.parity.reports.stats.WilcoxonSignedRankTest.Result;
import dev.parity.reports.stats.WilcoxonSignedRankTest.ZeroMethod;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Wilcoxon signed-rank test under every zero rule and p-value method, against R and SciPy. */
class WilcoxonVectorsTest {

  static List<StatsVectors.Case> cases() {
    return StatsVectors.cases("wilcoxon_signed_rank");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signedRankTestMatchesRAndSciPy(StatsVectors.Case c) {
    double[] d = differences(c);
    WilcoxonSignedRankTest test = WilcoxonSignedRankTest.withDefaults();
    Result exact = test.with(PValueMethod.EXACT).test(d);
    Result corrected = test.with(PValueMethod.NORMAL).test(d);
    Result uncorrected = test.with(PValueMethod.NORMAL).withContinuityCorrection(false).test(d);
    StatsVectors.Expectations e = c.expect()
        .check("n_total", exact.pairs())
        .check("n_zeros", exact.zeros())
        .check("n_used", exact.pairs() - exact.zeros())
        .check("W_plus", exact.wPlus())
        .check("W_minus", exact.wMinus())
        .check("scipy_two_sided_statistic_min_Wplus_Wminus", Math.min(exact.wPlus(), exact.wMinus()))
        .check("exact_conditional_p_two_sided", exact.pTwoSided())
        .check("exact_conditional_p_greater", exact.pGreater())
        .check("approx_nocc_z", uncorrected.z())
        .check("approx_nocc_p_two_sided", uncorrected.pTwoSided())
        .check("approx_nocc_p_greater", uncorrected.pGreater())
        .check("approx_cc_p_two_sided", corrected.pTwoSided())
        .check("approx_cc_p_greater", corrected.pGreater())
        .skip("variance_tie_corrected", "the variance is internal; it is checked through z");
    if (exact.zeros() == 0 && c.expected.has("exact_p_two_sided")) {
      // Without ties or zeros the classical signed-rank distribution is the conditional one.
      e.check("exact_p_two_sided", exact.pTwoSided())
          .check("exact_p_greater", exact.pGreater())
          .check("exact_p_less", exact.pLess());
    }

    WilcoxonSignedRankTest pratt = test.with(ZeroMethod.PRATT);
    Result prattExact = pratt.with(PValueMethod.EXACT).test(d);
    Result prattUncorrected = pratt.with(PValueMethod.NORMAL).withContinuityCorrection(false).test(d);
    e.check("pratt_W_plus", prattExact.wPlus())
        .check("pratt_exact_conditional_p_two_sided", prattExact.pTwoSided())
        .check("pratt_approx_nocc_z", prattUncorrected.z())
        .check("pratt_approx_nocc_p_two_sided", prattUncorrected.pTwoSided())
        .check("pratt_approx_cc_p_two_sided",
            pratt.with(PValueMethod.NORMAL).test(d).pTwoSided());

    WilcoxonSignedRankTest zsplit = test.with(ZeroMethod.ZSPLIT).with(PValueMethod.NORMAL);
    e.check("zsplit_W_plus", zsplit.test(d).wPlus())
        .check("zsplit_approx_cc_p_two_sided", zsplit.test(d).pTwoSided())
        .check("zsplit_approx_nocc_p_two_sided",
            zsplit.withContinuityCorrection(false).test(d).pTwoSided())
        .verify();
  }

  private static double[] differences(StatsVectors.Case c) {
    if (c.input.has("d")) {
      return c.doubles("d");
    }
    double[] x = c.doubles("x");
    double[] y = c.doubles("y");
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i] - y[i];
    }
    return d;
  }
}
