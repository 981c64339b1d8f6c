package dev.parity.harness.client;

import dev.parity.core.ParityException;

/** A call to a model failed; see {@link RetryableCallException} and {@link FatalCallException}. */
public abstract sealed class ModelCallException extends ParityException
    permits RetryableCallException, FatalCallException {
  private static final long serialVersionUID = 1L;
  private final CallFailure failure;

  ModelCallException(CallFailure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  /** What kind of failure this was. */
  public CallFailure failure() {
    return failure;
  }
}
