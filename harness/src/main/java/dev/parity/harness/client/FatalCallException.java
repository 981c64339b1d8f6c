package dev.parity.harness.client;

/** A call that would fail the same way if tried again, with the provider's own message. */
public final class FatalCallException extends ModelCallException {
  private static final long serialVersionUID = 1L;
  private final int httpStatus;

  /**
   * @param httpStatus the HTTP status, or 0 when the failure did not come from HTTP
   */
  public FatalCallException(CallFailure failure, int httpStatus, String message, Throwable cause) {
    super(failure, message, cause);
    if (failure.isRetryable()) {
      throw new IllegalArgumentException(failure + " is retryable");
    }
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
