package dev.parity.reports.stats;

import java.util.Arrays;

/**
 * Logistic regression of a weighted response in [0, 1] on several covariates, by Newton's method
 * with step halving, with a ridge penalty on the slopes and none on the intercept: it maximises
 * Σ wᵢ (yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)) − (λ/2) Σⱼ βⱼ², pᵢ = σ(β₀ + Σⱼ βⱼ xᵢⱼ). A response of ½
 * (a tie) counts as half a success and half a failure. The penalty keeps the fit finite when a
 * covariate separates the responses (a judge that always picks the longer deliverable), where the
 * unpenalised maximum does not exist. Time horizons fit it unpenalised, length control penalised.
 * Stateless.
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
    return fit(Design.of(x, y.length), y, weight, ridge, start);
  }

  /**
   * As {@link #fit(double[][], double[], double[], double, double[])}, on covariates laid out once
   * for fits that differ only in their weights (bootstrap refits: a row not drawn weighs zero and
   * adds nothing, so the sums are those of the drawn rows alone, in the same order).
   */
  static double[] fit(Design x, double[] y, double[] weight, double ridge, double[] start) {
    int p = x.p();
    double[] design = x.values();
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
    Pass pass = new Pass(p, allRows(y.length), y.length);
    pass.run(design, y, weight, ridge, beta, true);
    double[] step = new double[p];
    double scale = 1;
    double[] previous = beta.clone();
    double previousObjective = pass.objective;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      // One pass gives the objective, gradient and curvature at beta; a step that lowered the
      // objective is halved from where it started instead of followed by a new Newton step.
      if (iteration > 0 && pass.objective < previousObjective - 1e-12 * Math.abs(previousObjective)
          && scale > 1e-9) {
        scale /= 2;
        for (int j = 0; j < p; j++) {
          beta[j] = previous[j] + scale * step[j];
        }
        pass.run(design, y, weight, ridge, beta, true);
        continue;
      }
      System.arraycopy(pass.solve(), 0, step, 0, p);
      double change = 0;
      double size = 1;
      for (int j = 0; j < p; j++) {
        change = Math.max(change, Math.abs(step[j]));
        size += Math.abs(beta[j]);
      }
      if (change < TOLERANCE * size) {
        break;
      }
      System.arraycopy(beta, 0, previous, 0, p);
      previousObjective = pass.objective;
      scale = 1;
      for (int j = 0; j < p; j++) {
        beta[j] += step[j];
      }
      pass.run(design, y, weight, ridge, beta, true);
    }
    return beta;
  }

  /**
   * {@code steps} plain Newton steps from {@code start}, without step halving or a convergence
   * test: the one-step (or few-step) bootstrap refit of a model from the full data's fit (see
   * {@code TimeHorizon.bootstrap}). Newton's method converges quadratically near the maximum, so
   * from a start as near as a full-data fit is to a resample's maximum each step squares the
   * relative error. Arguments as in {@link #fit(Design, double[], double[], double, double[])};
   * {@code start} is required.
   */
  static double[] newtonSteps(Design x, double[] y, double[] weight, double ridge, double[] start, int steps) {
    return newtonSteps(x, y, weight, ridge, start, null, steps, allRows(y.length),
        y.length);
  }

  /**
   * As {@link #newtonSteps(Design, double[], double[], double, double[], int)}, the first step
   * reading each row's σ(η) at {@code start} from {@code startProbabilities} ({@link
   * #probabilities} of the same start and rows; null: computed) instead of an exponential per row:
   * bootstrap refits all start at the full data's fit, so that step's probabilities are the same
   * for every resample, and only the weights differ. The same doubles either way. Only the rows
   * at [0, rowCount) of {@code rows} are read: they must hold every row of non-zero weight, in
   * ascending order (a bootstrap refit's drawn rows, without a pass over the third not drawn).
   */
  static double[] newtonSteps(Design x, double[] y, double[] weight, double ridge, double[] start,
      double[] startProbabilities, int steps, int[] rows, int rowCount) {
    int p = start.length;
    double[] design = x.values();
    double[] beta = start.clone();
    Pass pass = new Pass(p, rows, rowCount);
    for (int step = 0; step < steps; step++) {
      if (step == 0 && startProbabilities != null) {
        pass.runAt(design, y, weight, ridge, beta, startProbabilities);
      } else {
        pass.run(design, y, weight, ridge, beta, false);
      }
      double[] d = pass.solve();
      for (int j = 0; j < p; j++) {
        beta[j] += d[j];
      }
    }
    return beta;
  }

  /** Each row's σ(η) at {@code beta}, as a pass computes it. */
  static double[] probabilities(Design x, double[] beta) {
    double[] design = x.values();
    int p = x.p();
    double[] probabilities = new double[design.length / p];
    for (int i = 0; i < probabilities.length; i++) {
      double eta = eta(design, i * p, beta, p);
      probabilities[i] = probability(eta, Math.exp(-Math.abs(eta)));
    }
    return probabilities;
  }

  /** Row {@code at}'s linear predictor: the coefficients times its intercept and covariates, in order. */
  private static double eta(double[] design, int at, double[] beta, int p) {
    double eta = 0;
    for (int j = 0; j < p; j++) {
      eta += beta[j] * design[at + j];
    }
    return eta;
  }

  /** σ(η) from e = exp(−|η|), without overflow. */
  private static double probability(double eta, double e) {
    return eta >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  /**
   * Covariates laid out for the fit: each row with a leading 1 for the intercept, in one array, so
   * that the inner loops run without a branch.
   *
   * @param values row i's intercept and covariates at [i·p, (i + 1)·p)
   * @param p the number of coefficients: the intercept and one slope per covariate
   */
  record Design(double[] values, int p) {
    /** {@code rows} rows of covariates {@code x}, all of the same length. */
    static Design of(double[][] x, int rows) {
      int p = x.length == 0 ? 1 : x[0].length + 1;
      double[] design = new double[rows * p];
      for (int i = 0; i < rows; i++) {
        design[i * p] = 1;
        System.arraycopy(x[i], 0, design, i * p + 1, p - 1);
      }
      return new Design(design, p);
    }
  }

  static double sigmoid(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }

  /** Every row, ascending: a pass over the whole data rather than a resample's drawn rows. */
  private static int[] allRows(int rows) {
    int[] all = new int[rows];
    Arrays.setAll(all, i -> i);
    return all;
  }

  /**
   * The penalised log-likelihood, its gradient and its negated Hessian (lower triangle) at one
   * point; the log-likelihood only when asked (a fixed number of steps does not need it, and its
   * logarithm is a third of a row's cost).
   */
  private static final class Pass {
    final int p;
    /** The rows a pass reads, at [0, rowCount): every row of non-zero weight, ascending. */
    final int[] rows;
    final int rowCount;
    final double[] gradient;
    final double[][] hessian;
    double objective;

    Pass(int p, int[] rows, int rowCount) {
      this.p = p;
      this.rows = rows;
      this.rowCount = rowCount;
      this.gradient = new double[p];
      this.hessian = new double[p][p];
    }

    void run(double[] design, double[] y, double[] weight, double ridge, double[] beta, boolean withObjective) {
      if (p == 2 && !withObjective) {
        runWithOneCovariate(design, y, weight, ridge, beta, null);
        return;
      }
      clear();
      double sum = 0;
      for (int r = 0; r < rowCount; r++) {
        int i = rows[r];
        if (weight[i] == 0) {
          continue;
        }
        int at = i * p;
        double eta = eta(design, at, beta, p);
        // y·log σ(η) + (1 − y)·log σ(−η) and σ(η), from one exponential, without overflow.
        double e = Math.exp(-Math.abs(eta));
        if (withObjective) {
          double logP = eta >= 0 ? -Math.log1p(e) : eta - Math.log1p(e);
          sum += weight[i] * (y[i] * logP + (1 - y[i]) * (logP - eta));
        }
        addRow(design, at, weight[i], y[i], probability(eta, e));
      }
      penalise(ridge, beta, sum);
    }

    /** As {@link #run} without the objective, at the point whose rows' σ(η) are {@code probabilities}. */
    void runAt(double[] design, double[] y, double[] weight, double ridge, double[] beta, double[] probabilities) {
      if (p == 2) {
        runWithOneCovariate(design, y, weight, ridge, beta, probabilities);
        return;
      }
      clear();
      for (int r = 0; r < rowCount; r++) {
        int i = rows[r];
        if (weight[i] != 0) {
          addRow(design, i * p, weight[i], y[i], probabilities[i]);
        }
      }
      penalise(ridge, beta, 0);
    }

    /**
     * {@link #run} without the objective (or {@link #runAt}, given {@code probabilities}) for an
     * intercept and one covariate, as time horizons fit: the same terms added in the same order,
     * so the same doubles, but the sums held in locals rather than in arrays, which the report's
     * compiler (C1) loads and stores for every row.
     */
    private void runWithOneCovariate(double[] design, double[] y, double[] weight, double ridge, double[] beta,
        double[] probabilities) {
      double b0 = beta[0];
      double b1 = beta[1];
      double g0 = 0;
      double g1 = 0;
      double h00 = 0;
      double h10 = 0;
      double h11 = 0;
      int[] rows = this.rows;
      for (int r = 0, count = rowCount; r < count; r++) {
        int i = rows[r];
        double w = weight[i];
        if (w == 0) {
          continue;
        }
        double x0 = design[2 * i];
        double x1 = design[2 * i + 1];
        double prob;
        if (probabilities != null) {
          prob = probabilities[i];
        } else {
          double eta = 0;
          eta += b0 * x0;
          eta += b1 * x1;
          prob = probability(eta, Math.exp(-Math.abs(eta)));
        }
        double residual = w * (y[i] - prob);
        double curvature = w * prob * (1 - prob);
        g0 += residual * x0;
        double cx0 = curvature * x0;
        h00 += cx0 * x0;
        g1 += residual * x1;
        double cx1 = curvature * x1;
        h10 += cx1 * x0;
        h11 += cx1 * x1;
      }
      gradient[0] = g0;
      gradient[1] = g1;
      hessian[0][0] = h00;
      hessian[0][1] = 0;
      hessian[1][0] = h10;
      hessian[1][1] = h11;
      penalise(ridge, beta, 0);
    }

    private void clear() {
      Arrays.fill(gradient, 0);
      for (double[] row : hessian) {
        Arrays.fill(row, 0);
      }
    }

    /** A row's share of the gradient and the negated Hessian. */
    private void addRow(double[] design, int at, double weight, double y, double prob) {
      double residual = weight * (y - prob);
      double curvature = weight * prob * (1 - prob);
      for (int j = 0; j < p; j++) {
        double xj = design[at + j];
        gradient[j] += residual * xj;
        double cx = curvature * xj;
        double[] hj = hessian[j];
        for (int k = 0; k <= j; k++) {
          hj[k] += cx * design[at + k];
        }
      }
    }

    private void penalise(double ridge, double[] beta, double sum) {
      for (int j = 1; j < p; j++) {
        sum -= ridge / 2 * beta[j] * beta[j];
        gradient[j] -= ridge * beta[j];
        hessian[j][j] += ridge;
      }
      objective = sum;
    }

    /** The Newton step: solves H·d = g for the symmetric positive definite H by Cholesky. */
    double[] solve() {
      double[][] l = new double[p][p];
      for (int j = 0; j < p; j++) {
        double diagonal = hessian[j][j];
        for (int k = 0; k < j; k++) {
          diagonal -= l[j][k] * l[j][k];
        }
        // A covariate without variation among weighted rows leaves H singular: callers drop those.
        l[j][j] = Math.sqrt(Math.max(diagonal, 1e-300));
        for (int i = j + 1; i < p; i++) {
          double value = hessian[i][j];
          for (int k = 0; k < j; k++) {
            value -= l[i][k] * l[j][k];
          }
          l[i][j] = value / l[j][j];
        }
      }
      double[] z = new double[p];
      for (int i = 0; i < p; i++) {
        double value = gradient[i];
        for (int k = 0; k < i; k++) {
          value -= l[i][k] * z[k];
        }
        z[i] = value / l[i][i];
      }
      double[] d = new double[p];
      for (int i = p - 1; i >= 0; i--) {
        double value = z[i];
        for (int k = i + 1; k < p; k++) {
          value -= l[k][i] * d[k];
        }
        d[i] = value / l[i][i];
      }
      return d;
    }
  }
}
