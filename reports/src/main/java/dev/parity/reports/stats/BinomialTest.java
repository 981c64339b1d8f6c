package dev.parity.reports.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The exact binomial test of k successes in n trials against a success probability p₀, and the
 * sign test against parity built on it.
 *
 * <p>The two-sided p-value is R's {@code binom.test}: the sum of P(X = i) over every i with
 * P(X = i) ≤ P(X = k)·(1 + 10⁻⁷) (the relative tolerance keeps outcomes whose probabilities
 * differ from P(X = k) only by rounding), capped at 1. Apache Commons Math 3.6.1 and Commons
 * Statistics 1.1 both get this wrong on some inputs (n = 100, k = 60: they return 0.0460 instead
 * of 0.0569, dropping the opposite tail; Commons Math also returns 1.2256 for n = 12, k = 6), so
 * this is our own, checked against R and SciPy in {@code stats-vectors.json}.
 *
 * @param successes k
 * @param trials n
 * @param nullProbability p₀
 * @param pTwoSided the two-sided p-value
 * @param pGreater P(X ≥ k): the p-value against "the success probability exceeds p₀"
 * @param pLess P(X ≤ k): the p-value against "the success probability is below p₀"
 */
public record BinomialTest(
    int successes, int trials, double nullProbability, double pTwoSided, double pGreater,
    double pLess) {

  private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

  /**
   * Tests {@code successes} of {@code trials} against {@code nullProbability}.
   *
   * @throws IllegalArgumentException if successes is not in [0, trials] or nullProbability is
   *     not in [0, 1]
   */
  public static BinomialTest exact(int successes, int trials, double nullProbability) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
    if (!(nullProbability >= 0 && nullProbability <= 1)) {
      throw new IllegalArgumentException("null probability must be in [0, 1], got " + nullProbability);
    }
    BinomialDistribution x = BinomialDistribution.of(trials, nullProbability);
    double pLess = x.cumulativeProbability(successes);
    double pGreater = successes == 0 ? 1 : x.survivalProbability(successes - 1);
    return new BinomialTest(
        successes, trials, nullProbability, twoSided(x, successes), pGreater, pLess);
  }

  /**
   * The sign test against parity: wins against losses with ties dropped (Dixon &amp; Mood 1946),
   * an exact binomial test of the wins among decisive judgments against ½. A model at parity wins
   * as often as it loses; ties carry no information about which side is better.
   *
   * <p>With no decisive judgment at all the test has nothing to go on: every p-value is 1.
   */
  public static BinomialTest signTest(OutcomeCounts counts) {
    return exact(counts.wins(), counts.decisive(), 0.5);
  }

  /** R's binom.test two-sided p-value; the pmf is monotone on each side of n·p, so search it. */
  private static double twoSided(BinomialDistribution x, int k) {
    int n = x.getNumberOfTrials();
    double m = n * x.getProbabilityOfSuccess();
    if (k == m) {
      return 1;
    }
    double threshold = x.probability(k) * RELATIVE_TOLERANCE;
    double p;
    if (k < m) {
      // y = how many i in [ceil(m), n] have P(X = i) <= threshold: they form a suffix.
      int first = firstAtMost(x, (int) Math.ceil(m), n, threshold);
      p = x.cumulativeProbability(k) + (first > n ? 0 : x.survivalProbability(first - 1));
    } else {
      // How many i in [0, floor(m)] have P(X = i) <= threshold: they form a prefix.
      int last = lastAtMost(x, 0, (int) Math.floor(m), threshold);
      p = (last < 0 ? 0 : x.cumulativeProbability(last)) + x.survivalProbability(k - 1);
    }
    return Math.min(1, p);
  }

  /** The first i in [from, to] with pmf(i) <= threshold, pmf non-increasing there; to + 1 if none. */
  private static int firstAtMost(BinomialDistribution x, int from, int to, double threshold) {
    int lo = from;
    int hi = to + 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x.probability(mid) <= threshold) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The last i in [from, to] with pmf(i) <= threshold, pmf non-decreasing there; from − 1 if none. */
  private static int lastAtMost(BinomialDistribution x, int from, int to, double threshold) {
    int lo = from - 1;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (x.probability(mid) <= threshold) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
