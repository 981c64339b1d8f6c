package dev.parity.reports.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The maximum-likelihood Bradley–Terry fit of a {@link PairwiseMatrix}: the existence check and
 * Newton's method. P(i beats j) = 1/(1 + exp(βⱼ − βᵢ)), β of the anchor fixed at 0; ties are half
 * a win to each side.
 *
 * <p>The maximum exists, and is unique, exactly when the players are strongly connected by
 * "won at least half a comparison against" (Ford 1957; Hunter 2004): otherwise some group never
 * lost to the others and its ratings run off to infinity. A fitter that does not check returns a
 * large finite number (R's glm gives β ≈ 34), so this checks first and names the players.
 */
final class BradleyTerryModel {
  private static final int MAX_ITERATIONS = 200;
  private static final double TOLERANCE = 1e-10;

  private BradleyTerryModel() {}

  /** Why the data cannot be fitted, naming players; null when it can. */
  static UnableToFitException problem(PairwiseMatrix m, int anchor, List<String> names) {
    int p = m.players;
    boolean[] reached = new boolean[p];
    Deque<Integer> queue = new ArrayDeque<>(List.of(anchor));
    reached[anchor] = true;
    while (!queue.isEmpty()) {
      int i = queue.poll();
      for (int j = 0; j < p; j++) {
        if (!reached[j] && m.met(i, j) > 0) {
          reached[j] = true;
          queue.add(j);
        }
      }
    }
    List<String> unreached = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      if (!reached[i]) {
        unreached.add(names.get(i));
      }
    }
    if (!unreached.isEmpty()) {
      return new UnableToFitException("cannot fit Bradley–Terry ratings: "
          + String.join(", ", unreached) + (unreached.size() == 1 ? " has" : " have")
          + " no chain of comparisons to the anchor '" + names.get(anchor) + "', so "
          + (unreached.size() == 1 ? "its rating" : "their ratings") + " relative to it "
          + (unreached.size() == 1 ? "is" : "are") + " undefined", unreached);
    }
    int[] component = strongComponents(m);
    int components = Arrays.stream(component).max().orElse(0) + 1;
    if (components == 1) {
      return null;
    }
    // In the graph of components, a source never lost to outsiders, a sink never beat them.
    boolean[] beatenFromOutside = new boolean[components];
    boolean[] beatsOutside = new boolean[components];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (component[i] != component[j] && m.won(i, j) > 0) {
          beatsOutside[component[i]] = true;
          beatenFromOutside[component[j]] = true;
        }
      }
    }
    List<String> reasons = new ArrayList<>();
    List<String> concerned = new ArrayList<>();
    for (int c = 0; c < components; c++) {
      boolean source = !beatenFromOutside[c];
      boolean sink = !beatsOutside[c];
      if (c == component[anchor] || !(source || sink)) {
        continue;
      }
      List<String> group = new ArrayList<>();
      double played = 0;
      for (int i = 0; i < p; i++) {
        if (component[i] == c) {
          group.add(names.get(i));
          for (int j = 0; j < p; j++) {
            played += component[j] != c ? m.met(i, j) : 0;
          }
        }
      }
      concerned.addAll(group);
      String who = group.size() == 1 ? "'" + group.get(0) + "'" : String.join(", ", group);
      if (group.size() == 1) {
        reasons.add(who + (source ? " won" : " lost") + " every one of its " + (long) played
            + " comparisons, so its rating would be " + (source ? "infinite" : "minus infinity"));
      } else {
        reasons.add(who + (source ? " never lost to" : " never beat or tied") + " a player outside"
            + " their group (" + (long) played + " comparisons), so their ratings would be"
            + " infinitely " + (source ? "above" : "below") + " the others'");
      }
    }
    if (reasons.isEmpty()) {
      // Only the anchor's own component is a source or sink: then every other one is the other.
      for (int i = 0; i < p; i++) {
        if (component[i] != component[anchor]) {
          concerned.add(names.get(i));
        }
      }
      reasons.add("the anchor '" + names.get(anchor) + "' and " + String.join(", ", concerned)
          + " are split: one side never lost to the other");
    }
    return new UnableToFitException(
        "cannot fit Bradley–Terry ratings: " + String.join("; ", reasons), concerned);
  }

  /** Component numbers by Kosaraju's algorithm on the graph i → j when i won against j. */
  private static int[] strongComponents(PairwiseMatrix m) {
    int p = m.players;
    boolean[] seen = new boolean[p];
    int[] finished = new int[p];
    int count = 0;
    for (int start = 0; start < p; start++) {
      if (seen[start]) {
        continue;
      }
      // Iterative depth-first search recording finishing order.
      Deque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {start, 0});
      seen[start] = true;
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        int i = top[0];
        int j = top[1];
        while (j < p && (seen[j] || !(m.won(i, j) > 0))) {
          j++;
        }
        if (j < p) {
          top[1] = j + 1;
          seen[j] = true;
          stack.push(new int[] {j, 0});
        } else {
          stack.pop();
          finished[count++] = i;
        }
      }
    }
    int[] component = new int[p];
    Arrays.fill(component, -1);
    int components = 0;
    for (int f = p - 1; f >= 0; f--) {
      int root = finished[f];
      if (component[root] >= 0) {
        continue;
      }
      Deque<Integer> stack = new ArrayDeque<>(List.of(root));
      component[root] = components;
      while (!stack.isEmpty()) {
        int i = stack.pop();
        for (int j = 0; j < p; j++) {
          if (component[j] < 0 && m.won(j, i) > 0) {
            component[j] = components;
            stack.push(j);
          }
        }
      }
      components++;
    }
    return component;
  }

  /**
   * β maximising the likelihood, β[anchor] = 0, by Newton's method with step halving (the
   * log-likelihood is concave), starting from {@code start} (zeros when null; a bootstrap starts
   * from the full data's estimate, which saves most iterations). The data must have passed
   * {@link #problem}.
   */
  static double[] fit(PairwiseMatrix m, int anchor, double[] start) {
    int p = m.players;
    double[] beta = start == null ? new double[p] : start.clone();
    double[] gradient = new double[p];
    double[] hessian = new double[p * p];
    double logLikelihood = logLikelihood(m, beta);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      Arrays.fill(gradient, 0);
      Arrays.fill(hessian, 0);
      for (int i = 0; i < p; i++) {
        for (int j = i + 1; j < p; j++) {
          double met = m.met(i, j);
          if (met == 0) {
            continue;
          }
          double pij = 1 / (1 + Math.exp(beta[j] - beta[i]));
          double residual = m.won(i, j) - met * pij;
          gradient[i] += residual;
          gradient[j] -= residual;
          double h = met * pij * (1 - pij);
          hessian[i * p + i] += h;
          hessian[j * p + j] += h;
          hessian[i * p + j] -= h;
          hessian[j * p + i] -= h;
        }
      }
      double[] step = solveWithoutAnchor(hessian, gradient, p, anchor);
      double scale = 1;
      double[] next = new double[p];
      double nextLogLikelihood;
      do {
        for (int i = 0; i < p; i++) {
          next[i] = beta[i] + scale * step[i];
        }
        nextLogLikelihood = logLikelihood(m, next);
        scale /= 2;
      } while (nextLogLikelihood < logLikelihood - 1e-12 * Math.abs(logLikelihood) && scale > 1e-9);
      double largest = 0;
      for (int i = 0; i < p; i++) {
        largest = Math.max(largest, Math.abs(next[i] - beta[i]));
      }
      beta = next;
      logLikelihood = nextLogLikelihood;
      if (largest < TOLERANCE) {
        return beta;
      }
    }
    throw new IllegalStateException("Bradley–Terry fit did not converge in " + MAX_ITERATIONS
        + " iterations; the data passed the existence check, so this is a bug");
  }

  private static double logLikelihood(PairwiseMatrix m, double[] beta) {
    double sum = 0;
    for (int i = 0; i < m.players; i++) {
      for (int j = i + 1; j < m.players; j++) {
        if (m.met(i, j) > 0) {
          double d = beta[i] - beta[j];
          // log σ(d) = −log(1 + e^(−d)), computed without overflow on either side.
          sum += m.won(i, j) * logSigmoid(d) + m.won(j, i) * logSigmoid(-d);
        }
      }
    }
    return sum;
  }

  private static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }

  /** Solves H·x = g on every coordinate but the anchor's (x[anchor] = 0) by Cholesky. */
  private static double[] solveWithoutAnchor(double[] h, double[] g, int p, int anchor) {
    int n = p - 1;
    int[] index = new int[n];
    for (int i = 0, k = 0; i < p; i++) {
      if (i != anchor) {
        index[k++] = i;
      }
    }
    double[] l = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = h[index[i] * p + index[j]];
        for (int k = 0; k < j; k++) {
          s -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = i == j ? Math.sqrt(s) : s / l[j * n + j];
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = g[index[i]];
      for (int k = 0; k < i; k++) {
        s -= l[i * n + k] * y[k];
      }
      y[i] = s / l[i * n + i];
    }
    double[] x = new double[p];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * x[index[k]];
      }
      x[index[i]] = s / l[i * n + i];
    }
    return x;
  }
}
