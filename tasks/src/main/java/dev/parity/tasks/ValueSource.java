package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a number about human work comes from: Parity's one vocabulary for minutes, wages and
 * anything else a statistic could be built on. Statistics use {@link #MEASURED} and
 * {@link #REPORTED} figures; they leave {@link #ESTIMATED} ones out or label them, and never treat
 * {@link #UNKNOWN} as zero.
 */
public enum ValueSource {
  /** Timed or counted by Parity itself, e.g. a professional's timed attempt. */
  MEASURED,
  /** Stated by whoever did the work or contributed the task. */
  REPORTED,
  /** Worked out from something else, which the value names (e.g. a wage statistic). */
  ESTIMATED,
  /** Not known: no value. */
  UNKNOWN;

  /** The name in files: {@code measured}, {@code reported}, {@code estimated}, {@code unknown}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source named {@code id}, as in files. */
  @JsonCreator
  public static ValueSource of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** Whether statistics may use a value of this source as it is: measured or reported. */
  public boolean isFirstHand() {
    return this == MEASURED || this == REPORTED;
  }
}
