package dev.parity.harness.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How one sandboxed command ended.
 *
 * @param exitCode the command's exit code; 128 + the signal when a signal killed it; -1 when it was
 *     killed at the wall-time limit
 * @param stdout what it printed, cut at the limit (then {@link #stdoutTruncated()} is true)
 * @param stderr what it printed on standard error, cut the same way
 * @param stdoutTruncated whether stdout was cut
 * @param stderrTruncated whether stderr was cut
 * @param timedOut whether the wall-time limit killed it
 * @param workspaceFull whether the workspace held more than its limit after the call
 * @param duration how long it ran
 * @param resources the CPU time and peak memory of its processes; null when they could not be
 *     measured (see {@link CallMeter})
 */
public record Execution(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
    boolean stderrTruncated, boolean timedOut, boolean workspaceFull, Duration duration, ResourceUse resources) {
  public Execution {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(duration, "duration");
  }

  /** An execution whose resources were not measured. */
  public Execution(int exitCode, String stdout, String stderr, boolean stdoutTruncated, boolean stderrTruncated,
      boolean timedOut, boolean workspaceFull, Duration duration) {
    this(exitCode, stdout, stderr, stdoutTruncated, stderrTruncated, timedOut, workspaceFull, duration, null);
  }
}
