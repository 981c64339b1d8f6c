package dev.parity.graders.baseline;

import java.util.Locale;

/** Where a professional's piece of work stands. */
public enum WorkStatus {
  /** Not started: the clock has not run. */
  OPEN,
  /** Started, the clock running. */
  RUNNING,
  /** Started, the clock paused. */
  PAUSED,
  /** Handed in: an attempt of the run. */
  SUBMITTED;

  /** The lower-case name the store and the pages use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WorkStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
