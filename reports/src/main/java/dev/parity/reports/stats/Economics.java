package dev.parity.reports.stats;

/**
 * GDPval's three speed and cost ratios: how much faster (or cheaper) a task gets done when a
 * model tries it first, compared with the professional doing it alone.
 *
 * <p><b>Units.</b> Every amount is in one unit, chosen by the caller: minutes for speed, or money
 * (say, US dollars) for cost. H is the professional's time (or cost: minutes × hourly wage / 60)
 * to do the task alone; M is the model's time (or API cost) for one attempt; R is the
 * professional's time (or cost) to review one attempt; w is the probability that an attempt is
 * good enough as it is, taken as the model's win-or-tie rate. The workflows assume, as GDPval
 * does, that a rejected attempt costs its review and nothing else, and that the professional
 * then does the task from scratch.
 *
 * <p>Pure functions; each returns the expected time (or cost) with the model next to H, and
 * their {@link Estimate#ratio() ratio} H over it: above 1 the model helps.
 */
public final class Economics {
  private Economics() {}

  /**
   * What a workflow costs in expectation against doing the task alone.
   *
   * @param alone H, the professional alone
   * @param withModel the expected time (or cost) of the workflow with the model
   */
  public record Estimate(double alone, double withModel) {

    /** H over the workflow's expected time (or cost): how many times faster (or cheaper). */
    public double ratio() {
      return alone / withModel;
    }
  }

  /** The naive ratio H/M: the model's attempt against the professional's work, nothing else. */
  public static Estimate naive(double humanAlone, double modelAttempt) {
    checkAmount("human time or cost", humanAlone);
    checkAmount("model time or cost", modelAttempt);
    return new Estimate(humanAlone, modelAttempt);
  }

  /**
   * "Try once, review, then fix": the model tries once, the professional reviews, and redoes the
   * task when the attempt is not good enough: M + R + (1 − w)·H.
   */
  public static Estimate tryOnceThenFix(
      double humanAlone, double modelAttempt, double review, double winOrTieRate) {
    return tryNTimesThenFix(humanAlone, modelAttempt, review, winOrTieRate, 1);
  }

  /**
   * "Try n times, review each, then fix": up to n attempts, each reviewed, stopping at the first
   * good one; if none is, the professional does the task: (M + R)·(1 − (1 − w)ⁿ)/w + (1 − w)ⁿ·H,
   * which is n·(M + R) + H when w = 0. With n = 1 this is {@link #tryOnceThenFix}.
   *
   * @throws IllegalArgumentException if an amount is negative or not finite, w is not in [0, 1]
   *     or n &lt; 1
   */
  public static Estimate tryNTimesThenFix(
      double humanAlone, double modelAttempt, double review, double winOrTieRate, int attempts) {
    checkAmount("human time or cost", humanAlone);
    checkAmount("model time or cost", modelAttempt);
    checkAmount("review time or cost", review);
    if (!(winOrTieRate >= 0 && winOrTieRate <= 1)) {
      throw new IllegalArgumentException("win-or-tie rate must be in [0, 1], got " + winOrTieRate);
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    double allFail = Math.pow(1 - winOrTieRate, attempts);
    // Expected attempts made: Σₖ₌₀ⁿ⁻¹ (1 − w)ᵏ = (1 − (1 − w)ⁿ)/w, or n when w = 0.
    double expectedAttempts = winOrTieRate == 0 ? attempts : (1 - allFail) / winOrTieRate;
    return new Estimate(
        humanAlone, (modelAttempt + review) * expectedAttempts + allFail * humanAlone);
  }

  private static void checkAmount(String name, double amount) {
    if (!(amount >= 0 && Double.isFinite(amount))) {
      throw new IllegalArgumentException(name + " must be finite and not negative, got " + amount);
    }
  }
}
