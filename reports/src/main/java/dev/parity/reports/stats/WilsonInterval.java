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
    double half = z / (n + z2) * Math.sqrt(k * (n - k) / n + z2 / 4);
    double low = successes == 0 ? 0 : Math.max(0, center - half);
    double high = successes == trials ? 1 : Math.min(1, center + half);
    return new WilsonInterval(
        successes, trials, level, z, center, new ConfidenceInterval(low, high, level));
  }

  /** The 95% interval of the win-or-tie rate (wins + ties of all judgments). */
  public static WilsonInterval winOrTieRate(OutcomeCounts counts) {
    return of(counts.winsOrTies(), counts.total());
  }

  /** How this interval was computed, in words for a report's methods section. */
  public String method() {
    return String.format(java.util.Locale.ROOT,
        "Wilson score interval, %s%%, treating judgments as independent",
        ConfidenceInterval.percent(level));
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
