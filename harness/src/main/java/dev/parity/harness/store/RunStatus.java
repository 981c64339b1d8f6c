package dev.parity.harness.store;

import java.util.Arrays;
import java.util.Locale;

/** Where a run stands. Every state but {@link #COMPLETED} can be resumed. */
public enum RunStatus {
  /** Started and not ended, its process alive (or a run recorded before heartbeats; a resume carries on). */
  RUNNING,
  /** Every attempt ended; some may have failed, and a resume retries those. */
  COMPLETED,
  /** No attempt could start without passing the budget. */
  STOPPED_BUDGET,
  /** Interrupted by the user (Ctrl-C). */
  STOPPED_INTERRUPTED,
  /** Every model with work left was stopped (rejected key, unknown model). */
  STOPPED_MODEL,
  /**
   * Never stored: how a {@link #RUNNING} run reads once its heartbeat is older than three intervals,
   * because its process died ({@code kill -9}, a crash, a lost machine); see {@link Run#statusAt}.
   * A resume carries on as from {@code running}.
   */
  ABANDONED;

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
