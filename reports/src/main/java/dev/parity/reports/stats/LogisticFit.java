package dev.parity.reports.stats;

/**
 * Logistic regression of successes on one covariate with grouped data, by Newton's method
 * (iteratively reweighted least squares; the same for the canonical link): P(success) =
 * σ(a + b·x). Callers check separation first, since without it the maximum exists.
 */
final class LogisticFit {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-12;

  final double intercept;
  final double slope;

  private LogisticFit(double intercept, double slope) {
    this.intercept = intercept;
    this.slope = slope;
  }

  /**
   * Fits groups g with covariate x[g], successes s[g] of trials n[g], each counted weight[g]
   * times. x must vary among groups of positive weight, and successes must not be separated.
   */
  static LogisticFit fit(double[] x, double[] s, double[] n, int[] weight) {
    double totalN = 0;
    double totalS = 0;
    double meanX = 0;
    for (int g = 0; g < x.length; g++) {
      totalN += weight[g] * n[g];
      totalS += weight[g] * s[g];
      meanX += weight[g] * n[g] * x[g];
    }
    meanX /= totalN;
    // Centre x so the two coefficients are nearly uncorrelated and Newton's steps well scaled.
    double a = Math.log(totalS / (totalN - totalS));
    double b = 0;
    double logLikelihood = logLikelihood(x, s, n, weight, meanX, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 0;
      double hab = 0;
      double hbb = 0;
      for (int g = 0; g < x.length; g++) {
        if (weight[g] == 0) {
          continue;
        }
        double xc = x[g] - meanX;
        double p = 1 / (1 + Math.exp(-(a + b * xc)));
        double residual = weight[g] * (s[g] - n[g] * p);
        double w = weight[g] * n[g] * p * (1 - p);
        ga += residual;
        gb += residual * xc;
        haa += w;
        hab += w * xc;
        hbb += w * xc * xc;
      }
      double det = haa * hbb - hab * hab;
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double scale = 1;
      double nextA;
      double nextB;
      double next;
      do {
        nextA = a + scale * da;
        nextB = b + scale * db;
        next = logLikelihood(x, s, n, weight, meanX, nextA, nextB);
        scale /= 2;
      } while (next < logLikelihood - 1e-12 * Math.abs(logLikelihood) && scale > 1e-9);
      double change = Math.max(Math.abs(nextA - a), Math.abs(nextB - b));
      a = nextA;
      b = nextB;
      logLikelihood = next;
      if (change < TOLERANCE * (1 + Math.abs(a) + Math.abs(b))) {
        break;
      }
    }
    return new LogisticFit(a - b * meanX, b);
  }

  private static double logLikelihood(
      double[] x, double[] s, double[] n, int[] weight, double meanX, double a, double b) {
    double sum = 0;
    for (int g = 0; g < x.length; g++) {
      if (weight[g] == 0) {
        continue;
      }
      double eta = a + b * (x[g] - meanX);
      // s·log σ(η) + (n − s)·log σ(−η), without overflow.
      double logP = eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
      double logQ = logP - eta;
      sum += weight[g] * (s[g] * logP + (n[g] - s[g]) * logQ);
    }
    return sum;
  }
}
