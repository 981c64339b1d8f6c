package dev.parity.harness.run;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import java.time.Duration;
import java.util.List;

/**
 * Hears what a run does, for progress display. Called from the runner's threads, concurrently:
 * implementations must be thread-safe and quick. Every method does nothing by default.
 */
public interface RunListener {
  /** Hears nothing. */
  RunListener NONE = new RunListener() {};

  /**
   * The run starts (or resumes).
   *
   * @param models each model's attempts: total in the run, already ended, and to make now
   */
  default void started(String runId, boolean resumed, List<ModelProgress> models) {}

  /** An attempt ended, one way or the other, and was recorded. */
  default void attemptEnded(Attempt attempt) {}

  /** A call failed and will be tried again after {@code wait}. */
  default void retrying(AttemptKey attempt, CallFailure failure, Duration wait) {}

  /** A model was stopped: none of its calls can succeed (rejected key, unknown model). */
  default void modelStopped(String model, String message) {}

  /** The run ended (or stopped), and everything was recorded. */
  default void ended(RunOutcome outcome) {}

  /**
   * One model's attempts at the start.
   *
   * @param model the model's name
   * @param total its attempts in the run
   * @param done those already ended and not to be made again
   * @param paid what it has cost so far
   */
  record ModelProgress(String model, int total, int done, Spend paid) {}
}
