package dev.parity.harness.client;

import java.time.Duration;
import java.util.Optional;

/** A call that may succeed if tried again, with the wait the server asked for, if any. */
public final class RetryableCallException extends ModelCallException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;

  public RetryableCallException(CallFailure failure, String message, Duration retryAfter, Throwable cause) {
    super(failure, message, cause);
    if (!failure.isRetryable()) {
      throw new IllegalArgumentException(failure + " is not retryable");
    }
    this.retryAfter = retryAfter;
  }

  /** The wait the server asked for (Retry-After, retry-after-ms, rate-limit reset headers). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
