package dev.parity.harness.client;

/**
 * Turns one request into one answer over one provider's API: exactly one call, no retries.
 *
 * <p>Everything cross-cutting — retries and backoff, rate limits, concurrency, caching, budget,
 * recording — is the runner's job, once, for every client (see {@code dev.parity.harness.run}).
 * A client only speaks its provider's wire format and classifies what went wrong.
 *
 * <p>Implementations must be safe to call from many threads at once.
 */
public interface ModelClient extends AutoCloseable {

  /** The configuration this client was made from. */
  ModelConfig config();

  /**
   * Sends {@code request} once and returns the answer. A refusal or a content filter is an
   * answer whose {@link CallRecord#finishReason()} says so, not an exception.
   *
   * @throws RetryableCallException when trying again may succeed (429, 5xx, overloaded,
   *     timeouts, connection resets, a body that cannot be parsed), carrying the wait the
   *     server asked for, if any
   * @throws FatalCallException when trying again would fail the same way (400, 401, 403, 404,
   *     context too long), carrying the provider's own message
   */
  ModelAnswer send(ModelRequest request);

  /**
   * Whether this client sends a request's {@link ModelRequest#conversation() conversation} (tools,
   * earlier turns, tool results) in its provider's tool-calling format, so that agent runs can use
   * it. The default is false: such a client would silently drop the tools.
   */
  default boolean takesTools() {
    return false;
  }

  /** Releases what the client holds (connections, processes). The default does nothing. */
  @Override
  default void close() {}
}
