package dev.parity.reports.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The smallest difference from parity that a group of n tasks could detect: the smallest d such
 * that the two-sided exact binomial test against ½ at level α rejects with probability at least
 * {@code power} when the true rate is ½ + d (or ½ − d: the test is symmetric).
 *
 * <p><b>Method: exact</b>, not a normal approximation. The rejection region is that of {@link
 * BinomialTest#exact} (every k whose two-sided p-value is at most α), and the power is the
 * binomial probability of that region; d is found by bisection, power being increasing in d. The
 * normal approximation is optimistic exactly where it matters, for small groups: at n = 194 it
 * promises 80% power against 60% while the exact test has 76% (R and SciPy values in
 * {@code stats-vectors.json}).
 *
 * <p><b>n is the number of tasks</b>, each taken as one independent trial. A task with several
 * judgments is better evidence than one coin flip, so this is conservative for such groups; it
 * is not a count of judgments, which are not independent.
 *
 * <p>The exact test's power is a sawtooth in n (the attainable levels jump), so d is too: 0.263
 * at 28 tasks, 0.271 at 29, 0.249 at 30 (values R gives too; see the tests' {@code reference/}).
 *
 * <p><b>Too few tasks to tell</b> means fewer than {@value #TOO_FEW_TASKS}: from 35 tasks on,
 * and never below, the test has 80% power against any rate of 75% or more (or 25% or less), so
 * below it even a model that wins three times out of four may look like parity. Under 6 tasks no
 * difference at all is detectable: 5 wins of 5 have p = 0.0625.
 *
 * @param tasks n
 * @param alpha the test's two-sided level
 * @param power the required power
 * @param difference d, in (0, ½]; NaN when the test can never reject with n trials
 * @param tooFewToTell whether there are fewer than {@value #TOO_FEW_TASKS} tasks
 */
public record MinimumDetectableDifference(
    int tasks, double alpha, double power, double difference, boolean tooFewToTell) {

  /** The two-sided level of the test. */
  public static final double ALPHA = 0.05;
  /** The power required. */
  public static final double POWER = 0.8;
  /**
   * Groups with fewer tasks are "too few to tell": from this size on, every detectable difference
   * is at most 0.25 (and at 34 tasks it is 0.253).
   */
  public static final int TOO_FEW_TASKS = 35;

  /**
   * The detectable difference for a group of {@code tasks} tasks, at α = 0.05 (two-sided) and
   * 80% power.
   *
   * @throws IllegalArgumentException if tasks &lt; 0
   */
  public static MinimumDetectableDifference forTasks(int tasks) {
    if (tasks < 0) {
      throw new IllegalArgumentException("tasks must not be negative, got " + tasks);
    }
    double alpha = ALPHA;
    double power = POWER;
    int c = criticalCount(tasks, alpha);
    double d = Double.NaN;
    if (c >= 0) {
      double lo = 0;
      double hi = 0.5;
      while (hi - lo > 1e-12) {
        double mid = (lo + hi) / 2;
        if (power(tasks, c, 0.5 + mid) >= power) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      d = hi;
    }
    return new MinimumDetectableDifference(tasks, alpha, power, d, tasks < TOO_FEW_TASKS);
  }

  /**
   * The power of the two-sided exact binomial test against ½ at level {@code alpha} with
   * {@code trials} trials when the true probability is {@code p}.
   */
  public static double exactPower(int trials, double p, double alpha) {
    checkProbability("alpha", alpha);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    int c = criticalCount(trials, alpha);
    return c < 0 ? 0 : power(trials, c, p);
  }

  /** P(X ≤ c) + P(X ≥ n − c) for X ~ Binomial(n, p): the rejection region is symmetric. */
  private static double power(int n, int c, double p) {
    BinomialDistribution x = BinomialDistribution.of(n, p);
    return x.cumulativeProbability(c) + x.survivalProbability(n - c - 1);
  }

  /**
   * The largest k below n/2 whose two-sided p-value is at most α; −1 when there is none. The
   * p-value grows towards n/2, so this is a binary search.
   */
  private static int criticalCount(int n, double alpha) {
    int lo = -1;
    int hi = (n - 1) / 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (BinomialTest.exact(mid, n, 0.5).pTwoSided() <= alpha) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static void checkProbability(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
    }
  }
}
