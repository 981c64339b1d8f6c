package dev.parity.harness.call;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one call through {@link ModelCaller} ended, retries included: answered, failed, not made
 * because the model was stopped, or not made because the budget is used up. Never thrown: every
 * end is a value with the HTTP attempts it took and when it started and ended.
 */
public sealed interface CallOutcome {
  /** The HTTP attempts and the timing of the call. */
  CallLog log();

  /** The model answered. */
  record Answered(ModelAnswer answer, CallLog log) implements CallOutcome {
    public Answered {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(log, "log");
    }
  }

  /**
   * The call failed for good.
   *
   * @param failure what went wrong the last time
   * @param message the provider's or the client's message (for a client bug, the exception)
   * @param why whether the retries were used up, the failure cannot pass, or the client has a bug
   * @param stoppedTheModel whether this failure stopped the model (told once, by the first call
   *     that stopped it); see {@link ModelCaller#stopMessage()}
   */
  record Failed(CallFailure failure, String message, Why why, boolean stoppedTheModel, CallLog log)
      implements CallOutcome {
    public Failed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(log, "log");
    }
  }

  /** Why a call failed for good. */
  enum Why {
    /** A failure that may pass (429, 5xx, timeout) came back more often than the retries allow. */
    RETRIES_USED_UP,
    /** A failure that cannot pass by asking again (a bad request, a rejected key). */
    FATAL,
    /** The client threw something other than a model-call exception: a bug in the client. */
    CLIENT_BUG
  }

  /** No call was (or no further call was) made: the model had been stopped. */
  record Stopped(String reason, CallLog log) implements CallOutcome {}

  /** No call was (or no further call was) made: the budget is used up. */
  record OverBudget(CallLog log) implements CallOutcome {}

  /**
   * What one call through the path did.
   *
   * @param httpAttempts how many times the model was called (0 when nothing was sent)
   * @param failedTries every HTTP attempt that failed, in order
   * @param startedAt when the call started (before waiting for a slot)
   * @param endedAt when it ended
   */
  record CallLog(int httpAttempts, List<FailedTry> failedTries, Instant startedAt, Instant endedAt) {
    public CallLog {
      failedTries = List.copyOf(failedTries);
    }
  }

  /**
   * One HTTP attempt that failed.
   *
   * @param tryNumber which HTTP attempt of the call, from 1
   * @param failure what went wrong
   * @param message the provider's or the client's message; may be null
   * @param retryWait how long the path waited before trying again; null when it did not
   * @param at when it failed
   */
  record FailedTry(int tryNumber, CallFailure failure, String message, Duration retryWait, Instant at) {
    public FailedTry {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(at, "at");
    }
  }
}
