package dev.parity.reports.stats;

import java.util.random.RandomGenerator;

/**
 * Exact draws from Binomial(n, p) in O(1) expected time, so that a bootstrap can draw "how many
 * of these 7,600 resampled judgments are wins" at once instead of drawing 7,600 judgments.
 *
 * <p>Small means (n·min(p, 1 − p) &lt; 10) use inversion (Kachitvichyanukul &amp; Schmeiser's
 * BINV); larger ones use Hörmann's (1993) transformed rejection with squeeze, BTRS, the method
 * of TensorFlow and PyTorch. Both are exact: every draw follows the binomial distribution, not an
 * approximation of it. {@code BinomialSamplerTest} checks the frequencies against the pmf.
 */
final class BinomialSampler {
  private static final double INVERSION_LIMIT = 10;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  /** log(k!) − ((k + ½)·log(k + 1) − (k + 1) + ½·log(2π)) for k = 0..9, the Stirling remainder. */
  private static final double[] STIRLING_TAIL = new double[10];

  static {
    double logFactorial = 0;
    for (int k = 0; k < STIRLING_TAIL.length; k++) {
      logFactorial += k == 0 ? 0 : Math.log(k);
      STIRLING_TAIL[k] = logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_TWO_PI);
    }
  }

  private BinomialSampler() {}

  /** One draw of Binomial(n, p); n ≥ 0, p in [0, 1]. */
  static long sample(RandomGenerator random, long n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - sample(random, n, 1 - p);
    }
    return n * p < INVERSION_LIMIT ? inversion(random, n, p) : btrs(random, n, p);
  }

  private static long inversion(RandomGenerator random, long n, double p) {
    double q = 1 - p;
    double s = p / q;
    double a = (n + 1) * s;
    double start = Math.exp(n * Math.log1p(-p));
    while (true) {
      double r = start;
      double u = random.nextDouble();
      long x = 0;
      while (u > r) {
        u -= r;
        x++;
        if (x > n) {
          break; // rounding left u above the total mass: draw again
        }
        r *= a / x - s;
      }
      if (x <= n) {
        return x;
      }
    }
  }

  private static long btrs(RandomGenerator random, long n, double p) {
    double q = 1 - p;
    double spq = Math.sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double r = p / q;
    double alpha = (2.83 + 5.1 / b) * spq;
    long m = (long) Math.floor((n + 1) * p);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + c);
      if (k < 0 || k > n) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      // Accept when v·alpha/(a/us² + b) <= f(k)/f(m), the pmf ratio, here in logs.
      if (Math.log(v * alpha / (a / (us * us) + b)) <= logPmfRatio(n, r, k, m)) {
        return k;
      }
    }
  }

  /** log(P(X = k)/P(X = m)) for X ~ Binomial(n, p), r = p/(1 − p), by Stirling's series. */
  static double logPmfRatio(long n, double r, long k, long m) {
    return (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1)))
        + (n + 1) * Math.log((double) (n - m + 1) / (n - k + 1))
        + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1))
        + stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
  }

  /** The Stirling remainder of log(k!), by table for small k and by its series above. */
  private static double stirlingTail(long k) {
    if (k < STIRLING_TAIL.length) {
      return STIRLING_TAIL[(int) k];
    }
    double kp1 = k + 1.0;
    double kp1sq = kp1 * kp1;
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / kp1;
  }
}
