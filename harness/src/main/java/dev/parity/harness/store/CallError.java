package dev.parity.harness.store;

import dev.parity.harness.client.CallFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One failed call of an attempt, whether it was retried or ended the attempt.
 *
 * @param tryNumber which call of the attempt, from 1, counted across resumes
 * @param failure what went wrong
 * @param message the provider's or the client's message; may be null
 * @param retryWait how long the runner waited before the next call; null when it did not retry
 * @param at when the call failed
 */
public record CallError(int tryNumber, CallFailure failure, String message, Duration retryWait, Instant at) {
  public CallError {
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(at, "at");
  }
}
