package dev.parity.harness.store;

import java.util.Arrays;
import java.util.Locale;

/** Where a run stands. Every state but {@link #COMPLETED} can be resumed. */
public enum RunStatus {
  /** Started and not ended (or its process died; a resume carries on). */
  RUNNING,
  /** Every attempt ended; some may have failed, and a resume retries those. */
  COMPLETED,
  /** No attempt could start without passing the budget. */
  STOPPED_BUDGET,
  /** Interrupted by the user (Ctrl-C). */
  STOPPED_INTERRUPTED,
  /** Every model with work left was stopped (rejected key, unknown model). */
  STOPPED_MODEL;

  /** The name in the store: {@code stopped_budget}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How it reads on screen: {@code stopped: budget}. */
  public String display() {
    return id().replace("stopped_", "stopped: ");
  }

  /** The status stored as {@code id}. */
  public static RunStatus fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown run status \"" + id + "\""));
  }
}
