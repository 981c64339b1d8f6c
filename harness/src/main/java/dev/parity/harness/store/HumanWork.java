package dev.parity.harness.store;

import java.time.Duration;
import java.util.Objects;

/**
 * What a professional's attempt took (contestant {@code human:<id>}): the time measured on the
 * server, the time they stated they spent outside the work page, and what it cost. Immutable.
 *
 * @param measured the active time from Start to Submit, pauses excluded, measured on the server
 * @param outsideMinutes the minutes the professional stated they spent outside the page, 0 or more
 * @param pauses how many times the clock was paused
 * @param hourlyWageUsd the professional's hourly wage in US dollars, greater than zero
 * @param aiTools the AI tools the professional declared using, in their words; empty for none
 * @param notes the professional's notes to the reviewers; may be empty
 */
public record HumanWork(Duration measured, double outsideMinutes, int pauses, double hourlyWageUsd, String aiTools,
    String notes) {
  public HumanWork {
    Objects.requireNonNull(measured, "measured");
    if (measured.isNegative()) {
      throw new IllegalArgumentException("measured time < 0: " + measured);
    }
    if (!(outsideMinutes >= 0) || Double.isInfinite(outsideMinutes)) {
      throw new IllegalArgumentException("outside minutes must be 0 or more, not " + outsideMinutes);
    }
    if (!(hourlyWageUsd > 0) || Double.isInfinite(hourlyWageUsd)) {
      throw new IllegalArgumentException("the hourly wage must be greater than zero, not " + hourlyWageUsd);
    }
    aiTools = Objects.requireNonNullElse(aiTools, "");
    notes = Objects.requireNonNullElse(notes, "");
  }

  /** The measured minutes: server-side active time. Reports use these. */
  public double measuredMinutes() {
    return measured.toMillis() / 60_000.0;
  }

  /** The reported minutes: measured plus the stated time outside the page, shown beside the measured. */
  public double reportedMinutes() {
    return measuredMinutes() + outsideMinutes;
  }

  /** What the measured time cost: measured hours × hourly wage. */
  public double costUsd() {
    return measuredMinutes() / 60.0 * hourlyWageUsd;
  }
}
