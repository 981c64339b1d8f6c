package dev.parity.reports.stats;

/**
 * Logistic regression of a weighted response in [0, 1] on several covariates, by Newton's method
 * with step halving, with a ridge penalty on the slopes and none on the intercept: it maximises
 * Σ wᵢ (yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)) − (λ/2) Σⱼ βⱼ², pᵢ = σ(β₀ + Σⱼ βⱼ xᵢⱼ). A response of ½
 * (a tie) counts as half a success and half a failure. The penalty keeps the fit finite when a
 * covariate separates the responses (a judge that always picks the longer deliverable), where the
 * unpenalised maximum does not exist. Stateless.
 */
final class LogisticRegression {
  private static final int MAX_ITERATIONS = 200;
  private static final double TOLERANCE = 1e-12;

  private LogisticRegression() {}

  /**
   * The coefficients: the intercept, then one slope per covariate.
   *
   * @param x one row of covariates per observation, all rows of the same length
   * @param y responses in [0, 1]; their weighted mean must be strictly between 0 and 1 (else the
   *     intercept is infinite)
   * @param weight each observation's weight, zero or more
   * @param ridge λ, greater than zero when a covariate may separate the responses
   * @param start where Newton's method starts (a fit of similar data: a bootstrap's full-data fit
   *     saves it steps); null to start from the intercept-only fit
   */
  static double[] fit(double[][] x, double[] y, double[] weight, double ridge, double[] start) {
    int p = x.length == 0 ? 1 : x[0].length + 1;
    double[] beta = new double[p];
    if (start != null) {
      System.arraycopy(start, 0, beta, 0, p);
    } else {
      double totalW = 0;
      double totalY = 0;
      for (int i = 0; i < y.length; i++) {
        totalW += weight[i];
        totalY += weight[i] * y[i];
      }
      beta[0] = Math.log(totalY / (totalW - totalY));
    }
    double objective = objective(x, y, weight, ridge, beta);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int i = 0; i < y.length; i++) {
        if (weight[i] == 0) {
          continue;
        }
        double prob = sigmoid(eta(x[i], beta));
        double residual = weight[i] * (y[i] - prob);
        double curvature = weight[i] * prob * (1 - prob);
        for (int j = 0; j < p; j++) {
          double xj = j == 0 ? 1 : x[i][j - 1];
          gradient[j] += residual * xj;
          for (int k = 0; k <= j; k++) {
            hessian[j][k] += curvature * xj * (k == 0 ? 1 : x[i][k - 1]);
          }
        }
      }
      for (int j = 1; j < p; j++) {
        gradient[j] -= ridge * beta[j];
        hessian[j][j] += ridge;
      }
      double[] step = solve(hessian, gradient);
      double scale = 1;
      double[] next = new double[p];
      double nextObjective;
      do {
        for (int j = 0; j < p; j++) {
          next[j] = beta[j] + scale * step[j];
        }
        nextObjective = objective(x, y, weight, ridge, next);
        scale /= 2;
      } while (nextObjective < objective - 1e-12 * Math.abs(objective) && scale > 1e-9);
      double change = 0;
      double size = 1;
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]));
        size += Math.abs(next[j]);
      }
      System.arraycopy(next, 0, beta, 0, p);
      objective = nextObjective;
      if (change < TOLERANCE * size) {
        break;
      }
    }
    return beta;
  }

  static double sigmoid(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }

  private static double eta(double[] row, double[] beta) {
    double eta = beta[0];
    for (int j = 1; j < beta.length; j++) {
      eta += beta[j] * row[j - 1];
    }
    return eta;
  }

  private static double objective(double[][] x, double[] y, double[] weight, double ridge, double[] beta) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      if (weight[i] == 0) {
        continue;
      }
      double eta = eta(x[i], beta);
      // y·log σ(η) + (1 − y)·log σ(−η), without overflow.
      double logP = eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
      sum += weight[i] * (y[i] * logP + (1 - y[i]) * (logP - eta));
    }
    for (int j = 1; j < beta.length; j++) {
      sum -= ridge / 2 * beta[j] * beta[j];
    }
    return sum;
  }

  /** Solves H·d = g for the symmetric positive definite H given by its lower triangle (Cholesky). */
  private static double[] solve(double[][] lower, double[] g) {
    int n = g.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double diagonal = lower[j][j];
      for (int k = 0; k < j; k++) {
        diagonal -= l[j][k] * l[j][k];
      }
      // A covariate without variation among weighted rows leaves H singular: callers drop those.
      l[j][j] = Math.sqrt(Math.max(diagonal, 1e-300));
      for (int i = j + 1; i < n; i++) {
        double value = lower[i][j];
        for (int k = 0; k < j; k++) {
          value -= l[i][k] * l[j][k];
        }
        l[i][j] = value / l[j][j];
      }
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double value = g[i];
      for (int k = 0; k < i; k++) {
        value -= l[i][k] * z[k];
      }
      z[i] = value / l[i][i];
    }
    double[] d = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double value = z[i];
      for (int k = i + 1; k < n; k++) {
        value -= l[k][i] * d[k];
      }
      d[i] = value / l[i][i];
    }
    return d;
  }
}
