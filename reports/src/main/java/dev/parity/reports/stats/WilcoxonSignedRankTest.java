package dev.parity.reports.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Wilcoxon signed-rank test of paired values (say, the rubric scores of the model's and the
 * human's deliverables on the same tasks): is the median difference zero?
 *
 * <p>Differences are d = x − y; their absolute values get average ranks (ties share them).
 * Zero differences are handled as SciPy's {@code zero_method}:
 * <ul>
 *   <li>{@link ZeroMethod#WILCOX} (Wilcoxon 1945; R, SciPy's default): drop zeros, then rank;
 *   <li>{@link ZeroMethod#PRATT} (Pratt 1959): rank with the zeros, then drop them;
 *   <li>{@link ZeroMethod#ZSPLIT}: rank with the zeros and give half of their ranks to each sign.
 * </ul>
 *
 * <p>p-values:
 * <ul>
 *   <li>{@link PValueMethod#EXACT}: the exact conditional distribution of W⁺ given the ranks, every
 *       non-zero difference taking either sign with probability ½ — exact with ties too (as R's
 *       {@code coin} and {@code exactRankTests}; SciPy's and Commons Math's exact p ignore ties).
 *       It costs O(n³) for n non-zero differences;
 *   <li>{@link PValueMethod#NORMAL}: the normal approximation exactly as SciPy computes it: mean
 *       n(n + 1)/4 and variance n(n + 1)(2n + 1)/24 with n counting the zeros for PRATT (minus
 *       their share, after Cureton 1967) and ZSPLIT, minus Σ(t³ − t)/48 over groups of t tied
 *       ranks; with continuity correction, 0.5 towards the mean;
 *   <li>{@link PValueMethod#AUTO} (the default): exact with at most 50 non-zero differences, normal
 *       above (SciPy's threshold).
 * </ul>
 * Two-sided p = min(1, 2·min(P(W⁺ ≥ w), P(W⁺ ≤ w))). Checked against R and SciPy in {@code
 * stats-vectors.json} for all three zero rules. (Commons Math 3.6.1 ranks zeros as negative,
 * ignores ties in its exact p and corrects for continuity the wrong way: do not use it.)
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WilcoxonSignedRankTest {
  /** The largest number of non-zero differences for which {@link PValueMethod#AUTO} is exact. */
  public static final int AUTO_EXACT_LIMIT = 50;

  /** How zero differences count; see the class comment. */
  public enum ZeroMethod { WILCOX, PRATT, ZSPLIT }

  /** How p-values are computed; see the class comment. */
  public enum PValueMethod { AUTO, EXACT, NORMAL }

  /**
   * A test's outcome.
   *
   * @param pairs all pairs, zeros included
   * @param zeros pairs whose difference is zero
   * @param wPlus W⁺, the sum of the ranks of positive differences (plus half the zeros' ranks
   *     for ZSPLIT)
   * @param wMinus W⁻, likewise for negative differences
   * @param z the standardized statistic (W⁺ − mean)/sd without continuity correction; NaN when
   *     every difference is zero
   * @param pTwoSided the two-sided p-value
   * @param pGreater the p-value against "x tends to exceed y"
   * @param pLess the p-value against "x tends to fall below y"
   * @param method EXACT or NORMAL: how the p-values were computed (never AUTO)
   * @param zeroMethod how zeros counted
   * @param continuityCorrection whether normal p-values were corrected for continuity
   */
  public record Result(
      int pairs, int zeros, double wPlus, double wMinus, double z, double pTwoSided,
      double pGreater, double pLess, PValueMethod method, ZeroMethod zeroMethod,
      boolean continuityCorrection) {}

  private final ZeroMethod zeroMethod;
  private final PValueMethod pValueMethod;
  private final boolean continuityCorrection;

  private WilcoxonSignedRankTest(ZeroMethod zeroMethod, PValueMethod pValueMethod,
      boolean continuityCorrection) {
    this.zeroMethod = Objects.requireNonNull(zeroMethod, "zeroMethod");
    this.pValueMethod = Objects.requireNonNull(pValueMethod, "pValueMethod");
    this.continuityCorrection = continuityCorrection;
  }

  /** WILCOX zeros, AUTO p-values, with continuity correction: SciPy's and R's defaults. */
  public static WilcoxonSignedRankTest withDefaults() {
    return new WilcoxonSignedRankTest(ZeroMethod.WILCOX, PValueMethod.AUTO, true);
  }

  /** This test with zeros counted by {@code method}. */
  public WilcoxonSignedRankTest with(ZeroMethod method) {
    return new WilcoxonSignedRankTest(method, pValueMethod, continuityCorrection);
  }

  /** This test with p-values computed by {@code method}. */
  public WilcoxonSignedRankTest with(PValueMethod method) {
    return new WilcoxonSignedRankTest(zeroMethod, method, continuityCorrection);
  }

  /** This test with or without continuity correction of normal p-values. */
  public WilcoxonSignedRankTest withContinuityCorrection(boolean correct) {
    return new WilcoxonSignedRankTest(zeroMethod, pValueMethod, correct);
  }

  /**
   * Tests the pairs (x[i], y[i]).
   *
   * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold a value
   *     that is not finite
   */
  public Result test(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "paired samples differ in length: " + x.length + " and " + y.length);
    }
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i] - y[i];
    }
    return test(d);
  }

  /** Tests the differences d[i] against zero; as {@link #test(double[], double[])}. */
  public Result test(double[] differences) {
    if (differences.length == 0) {
      throw new IllegalArgumentException("no pairs to test");
    }
    for (int i = 0; i < differences.length; i++) {
      if (!Double.isFinite(differences[i])) {
        throw new IllegalArgumentException("difference " + i + " is not finite: " + differences[i]);
      }
    }
    int zeros = (int) Arrays.stream(differences).filter(v -> v == 0).count();
    double[] ranked = zeroMethod == ZeroMethod.WILCOX
        ? Arrays.stream(differences).filter(v -> v != 0).toArray()
        : differences;
    double[] ranks = averageRanksOfAbsolute(ranked);
    double wPlus = 0;
    double wMinus = 0;
    double zeroRanks = 0;
    int nonZero = 0;
    for (int i = 0; i < ranked.length; i++) {
      if (ranked[i] > 0) {
        wPlus += ranks[i];
      } else if (ranked[i] < 0) {
        wMinus += ranks[i];
      } else {
        zeroRanks += ranks[i];
      }
      nonZero += ranked[i] != 0 ? 1 : 0;
    }
    if (zeroMethod == ZeroMethod.ZSPLIT) {
      wPlus += zeroRanks / 2;
      wMinus += zeroRanks / 2;
    }
    if (nonZero == 0) {
      return new Result(differences.length, zeros, wPlus, wMinus, Double.NaN, 1, 1, 1,
          pValueMethod == PValueMethod.NORMAL ? PValueMethod.NORMAL : PValueMethod.EXACT,
          zeroMethod, continuityCorrection);
    }
    Normal normal = normal(ranked, ranks, zeros);
    double z = (wPlus - normal.mean) / normal.sd;
    boolean exact = pValueMethod == PValueMethod.EXACT
        || (pValueMethod == PValueMethod.AUTO && nonZero <= AUTO_EXACT_LIMIT);
    double pGreater;
    double pLess;
    if (exact) {
      double shift = zeroMethod == ZeroMethod.ZSPLIT ? zeroRanks / 2 : 0;
      double[] tails = exactTails(ranked, ranks, wPlus - shift);
      pGreater = tails[0];
      pLess = tails[1];
    } else {
      double cc = continuityCorrection ? 0.5 : 0;
      pGreater = StandardNormal.survival((wPlus - normal.mean - cc) / normal.sd);
      pLess = StandardNormal.cdf((wPlus - normal.mean + cc) / normal.sd);
    }
    double pTwoSided = exact
        ? Math.min(1, 2 * Math.min(pGreater, pLess))
        : twoSidedNormal(wPlus, normal);
    return new Result(differences.length, zeros, wPlus, wMinus, z, pTwoSided, pGreater, pLess,
        exact ? PValueMethod.EXACT : PValueMethod.NORMAL, zeroMethod, continuityCorrection);
  }

  private double twoSidedNormal(double wPlus, Normal normal) {
    // As SciPy and R: 0.5 towards the mean, even when that overshoots it (|W⁺ − mean| < 0.5).
    double deviation = wPlus - normal.mean;
    if (continuityCorrection) {
      deviation -= 0.5 * Math.signum(deviation);
    }
    return Math.min(1, 2 * StandardNormal.survival(Math.abs(deviation) / normal.sd));
  }

  private record Normal(double mean, double sd) {}

  /** SciPy's mean and tie-corrected sd of W⁺ under the null. */
  private Normal normal(double[] ranked, double[] ranks, int zeros) {
    double n = ranked.length;
    double mean = n * (n + 1) / 4;
    double variance = n * (n + 1) * (2 * n + 1);
    double[] tieRanks = ranks;
    if (zeroMethod == ZeroMethod.PRATT) {
      double z = zeros;
      mean -= z * (z + 1) / 4;
      variance -= z * (z + 1) * (2 * z + 1);
      tieRanks = nonZeroRanks(ranked, ranks);
    }
    variance -= 0.5 * tieSum(tieRanks);
    return new Normal(mean, Math.sqrt(variance / 24));
  }

  private static double[] nonZeroRanks(double[] ranked, double[] ranks) {
    double[] kept = new double[ranks.length];
    int n = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (ranked[i] != 0) {
        kept[n++] = ranks[i];
      }
    }
    return Arrays.copyOf(kept, n);
  }

  /** Σ (t³ − t) over groups of t equal ranks. */
  private static double tieSum(double[] ranks) {
    double[] sorted = ranks.clone();
    Arrays.sort(sorted);
    double sum = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      sum += t * t * t - t;
      i = j;
    }
    return sum;
  }

  /**
   * P(W ≥ w) and P(W ≤ w) where W is the sum of the non-zero differences' ranks, each counted
   * with probability ½. Ranks are multiples of ½, so doubled ranks index the distribution.
   */
  private static double[] exactTails(double[] ranked, double[] ranks, double observed) {
    int total = 0;
    int[] doubled = new int[ranks.length];
    int n = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (ranked[i] != 0) {
        doubled[n] = (int) Math.round(2 * ranks[i]);
        total += doubled[n++];
      }
    }
    double[] distribution = new double[total + 1];
    distribution[0] = 1;
    int reach = 0;
    for (int i = 0; i < n; i++) {
      int r = doubled[i];
      reach += r;
      for (int s = reach; s >= 0; s--) {
        distribution[s] = 0.5 * distribution[s] + (s >= r ? 0.5 * distribution[s - r] : 0);
      }
    }
    int w = (int) Math.round(2 * observed);
    double greater = 0;
    double less = 0;
    for (int s = 0; s <= total; s++) {
      if (s >= w) {
        greater += distribution[s];
      }
      if (s <= w) {
        less += distribution[s];
      }
    }
    return new double[] {Math.min(1, greater), Math.min(1, less)};
  }

  /** Average ranks (1-based) of |values|, ties sharing the mean of their ranks. */
  private static double[] averageRanksOfAbsolute(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(Math.abs(values[a]), Math.abs(values[b])));
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j < order.length && Math.abs(values[order[j]]) == Math.abs(values[order[i]])) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        ranks[order[k]] = rank;
      }
      i = j;
    }
    return ranks;
  }
}
