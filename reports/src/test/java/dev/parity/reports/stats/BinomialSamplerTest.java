package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialSamplerTest {

  @ParameterizedTest(name = "n={0}, p={1}")
  @CsvSource({"30, 0.4", "100, 0.5", "5000, 0.37", "1000000, 0.3"})
  void rejectionStepUsesTheExactPmfRatio(int n, double p) {
    // The acceptance test of the rejection sampler must be the true pmf ratio: a small error
    // there skews the draws too little for a frequency test to see.
    BinomialDistribution binomial = BinomialDistribution.of(n, p);
    int m = (int) Math.floor((n + 1) * p);
    double sd = Math.sqrt(n * p * (1 - p));
    for (int k = (int) Math.max(0, m - 6 * sd); k <= Math.min(n, m + 6 * sd); k++) {
      double exact = binomial.logProbability(k) - binomial.logProbability(m);
      assertThat(BinomialSampler.logPmfRatio(n, p / (1 - p), k, m))
          .as("k = %d", k).isCloseTo(exact, within(1e-9 * (1 + Math.abs(exact))));
    }
  }

  /** Inversion (small n·p), rejection (large), p above ½ (by symmetry), and huge n. */
  @ParameterizedTest(name = "n={0}, p={1}")
  @CsvSource({"1, 0.5", "7, 0.3", "40, 0.1", "100, 0.5", "250, 0.97", "3000, 0.02",
      "5000, 0.37", "1000000, 0.3"})
  void drawsFollowTheBinomialDistribution(long n, double p) {
    int draws = 100_000;
    SplittableRandom random = new SplittableRandom(n * 31 + (long) (p * 1000));
    BinomialDistribution binomial = BinomialDistribution.of((int) n, p);
    // Bins of the support holding at least ~50 expected draws each, tails pooled.
    int lo = binomial.inverseCumulativeProbability(250.0 / draws);
    int hi = binomial.inverseSurvivalProbability(250.0 / draws);
    long[] observed = new long[hi - lo + 3];
    for (int i = 0; i < draws; i++) {
      long x = BinomialSampler.sample(random, n, p);
      assertThat(x).isBetween(0L, n);
      observed[x < lo ? 0 : x > hi ? observed.length - 1 : (int) (x - lo + 1)]++;
    }
    double chiSquare = 0;
    int bins = 0;
    for (int b = 0; b < observed.length; b++) {
      double prob = b == 0 ? (lo == 0 ? 0 : binomial.cumulativeProbability(lo - 1))
          : b == observed.length - 1 ? binomial.survivalProbability(hi)
          : binomial.probability(lo + b - 1);
      if (prob == 0) {
        assertThat(observed[b]).isZero();
        continue;
      }
      double expected = prob * draws;
      chiSquare += (observed[b] - expected) * (observed[b] - expected) / expected;
      bins++;
    }
    // A correct sampler fails this one time in a million.
    double critical = ChiSquaredDistribution.of(Math.max(1, bins - 1)).inverseSurvivalProbability(1e-6);
    assertThat(chiSquare).isLessThan(critical);
  }
}
