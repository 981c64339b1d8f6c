package dev.parity.graders.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The clock of one piece of work, kept on the server: it runs from Start to Pause or Submit
 * whether or not the professional's tab is open, and stands still while paused. Each change takes
 * the time it happens; nothing here reads a clock. Immutable.
 *
 * <p>A change that does not apply (Pause while paused, Start once started, anything after Submit)
 * returns the same time, so a repeated click or a second tab changes nothing. A clock that went
 * backwards adds nothing rather than subtracting.
 *
 * @param status where the work stands
 * @param startedAt when Start was pressed; null while open
 * @param runningSince when the clock last started running; null unless running
 * @param activeBefore the active time before {@code runningSince} (all of it unless running)
 * @param pauses how many times the clock was paused
 */
public record WorkTime(WorkStatus status, Instant startedAt, Instant runningSince, Duration activeBefore, int pauses) {
  /** Work not started. */
  public static final WorkTime NOT_STARTED = new WorkTime(WorkStatus.OPEN, null, null, Duration.ZERO, 0);

  public WorkTime {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(activeBefore, "activeBefore");
    if ((status == WorkStatus.RUNNING) != (runningSince != null)) {
      throw new IllegalArgumentException("the clock runs exactly while the work is running: " + status
          + ", running since " + runningSince);
    }
  }

  /** Starts the clock of work not started. */
  public WorkTime start(Instant now) {
    return status == WorkStatus.OPEN ? new WorkTime(WorkStatus.RUNNING, now, now, activeBefore, pauses) : this;
  }

  /** Stops the clock of running work; the pause is counted. */
  public WorkTime pause(Instant now) {
    return status == WorkStatus.RUNNING
        ? new WorkTime(WorkStatus.PAUSED, startedAt, null, active(now), pauses + 1) : this;
  }

  /** Runs the clock of paused work again. */
  public WorkTime resume(Instant now) {
    return status == WorkStatus.PAUSED ? new WorkTime(WorkStatus.RUNNING, startedAt, now, activeBefore, pauses) : this;
  }

  /** Stops the clock for good: the work is handed in. Work not started cannot be. */
  public WorkTime submit(Instant now) {
    if (status == WorkStatus.OPEN) {
      throw new IllegalStateException("work not started cannot be submitted");
    }
    return status == WorkStatus.SUBMITTED ? this
        : new WorkTime(WorkStatus.SUBMITTED, startedAt, null, active(now), pauses);
  }

  /** The active time at {@code now}: pauses excluded, the running stretch included. */
  public Duration active(Instant now) {
    if (runningSince == null || now.isBefore(runningSince)) {
      return activeBefore;
    }
    return activeBefore.plus(Duration.between(runningSince, now));
  }
}
