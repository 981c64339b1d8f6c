package dev.parity.reports.stats;

import java.util.Objects;

/**
 * One task's verdicts with the time the human professional took on it: the input of {@link
 * TimeHorizon}.
 *
 * @param baselineMinutes the professional's minutes on the task, positive
 * @param counts the model's verdicts on the task
 */
public record TimedOutcomes(double baselineMinutes, OutcomeCounts counts) {

  /** @throws IllegalArgumentException if the minutes are not positive and finite */
  public TimedOutcomes {
    if (!(baselineMinutes > 0 && Double.isFinite(baselineMinutes))) {
      throw new IllegalArgumentException(
          "baseline minutes must be positive and finite, got " + baselineMinutes);
    }
    Objects.requireNonNull(counts, "counts");
  }
}
