package dev.parity.reports.stats;

/**
 * The Wilson score interval for a proportion, without continuity correction.
 *
 * <p><b>It treats every judgment as independent.</b> Judgments of one task (several graders,
 * several samples of a model) are not independent evidence, so with clustered judgments this
 * interval is too narrow; report it labelled as such, next to {@link TaskBootstrap}'s interval,
 * which resamples tasks.
 *
 * <p>With z = Φ⁻¹(1 − (1 − level)/2), the bounds are {@code center ± z/(n + z²)·√(k(n − k)/n +
 * z²/4)} with {@code center = (k + z²/2)/(n + z²)}; the lower bound is exactly 0 when k = 0 and
 * the upper exactly 1 when k = n (rounding would otherwise leave 1e-17 and 0.9999999999999998).
 * Checked against R and SciPy in {@code stats-vectors.json}.
 *
 * @param successes k, in [0, trials]
 * @param trials n, at least 1
 * @param level the coverage, in (0, 1)
 * @param z the critical value used
 * @param center the interval's midpoint (not the observed proportion k/n)
 * @param interval the bounds
 */
public record WilsonInterval(
    int successes, int trials, double level, double z, double center, ConfidenceInterval interval) {

  /** The 95% interval for {@code successes} of {@code trials}. */
  public static WilsonInterval of(int successes, int trials) {
    return of(successes, trials, 0.95);
  }

  /**
   * The interval at the given coverage.
   *
   * @throws IllegalArgumentException if trials &lt; 1, successes is not in [0, trials] or level is
   *     not in (0, 1)
   */
  public static WilsonInterval of(int successes, int trials, double level) {
    ConfidenceInterval.checkLevel(level);
    if (trials < 1 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials and trials >= 1, got " + successes + " of " + trials);
    }
    double z = StandardNormal.twoSidedCritical(level);
    double n = trials;
    double k = successes;
    double z2 = z * z;
    double center = (k + z2 / 2) / (n + z2);
    return new WilsonInterval(successes, trials, level, z, center, bounds(k / n, trials, level));
  }

  /**
   * The Wilson bounds for an observed proportion that need not be a whole number of successes
   * (a mean of scores in [0, 1] over {@code trials} tasks, say): the same formula with k = pn. The
   * lower bound is exactly 0 when the proportion is 0, the upper exactly 1 when it is 1.
   *
   * @throws IllegalArgumentException if trials &lt; 1, the proportion is not in [0, 1] or level
   *     is not in (0, 1)
   */
  public static ConfidenceInterval bounds(double proportion, int trials, double level) {
    ConfidenceInterval.checkLevel(level);
    if (trials < 1 || !(proportion >= 0 && proportion <= 1)) {
      throw new IllegalArgumentException(
          "need a proportion in [0, 1] and trials >= 1, got " + proportion + " of " + trials);
    }
    double z = StandardNormal.twoSidedCritical(level);
    double n = trials;
    double k = proportion * n;
    double z2 = z * z;
    double center = (k + z2 / 2) / (n + z2);
    double half = z / (n + z2) * Math.sqrt(k * (n - k) / n + z2 / 4);
    double low = proportion == 0 ? 0 : Math.max(0, center - half);
    double high = proportion == 1 ? 1 : Math.min(1, center + half);
    return new ConfidenceInterval(low, high, level);
  }

  /** The 95% interval of the win-or-tie rate (wins + ties of all judgments). */
  public static WilsonInterval winOrTieRate(OutcomeCounts counts) {
    return of(counts.winsOrTies(), counts.total());
  }

  /** How this interval was computed, in words for a report's methods section. */
  public String method() {
    return "Wilson score interval, " + ConfidenceInterval.percent(level) + "%, treating judgments as independent";
  }

  /** The lower bound. */
  public double low() {
    return interval.low();
  }

  /** The upper bound. */
  public double high() {
    return interval.high();
  }
}
