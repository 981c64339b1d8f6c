package dev.parity.harness.client;

/** What went wrong with a call, the same for every provider. */
public enum CallFailure {
  RATE_LIMITED(true),
  SERVER_ERROR(true),
  OVERLOADED(true),
  TIMEOUT(true),
  CONNECTION(true),
  /** The response arrived but its body could not be parsed. */
  INVALID_RESPONSE(true),
  AUTHENTICATION(false),
  PERMISSION(false),
  /** The model id (or the endpoint) does not exist. */
  NOT_FOUND(false),
  BAD_REQUEST(false),
  /** The request is larger than the model's context window or the API accepts. */
  CONTEXT_TOO_LONG(false),
  /** The account's quota, credit or spend limit is used up (OpenAI insufficient_quota, HTTP 402). */
  BILLING(false),
  /** The answer could not be produced for a reason of the client's own (a replay with no answer). */
  UNAVAILABLE(false);

  private final boolean retryable;

  CallFailure(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean isRetryable() {
    return retryable;
  }

  /**
   * Whether every later call to the same model will fail the same way (bad key, no such model, no
   * money left).
   */
  public boolean stopsTheModel() {
    return this == AUTHENTICATION || this == PERMISSION || this == NOT_FOUND || this == BILLING;
  }
}
