package dev.parity.harness.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The record of one call, for the attempt and its transcript.
 *
 * @param providerModel the model name and version the provider reports serving; may be null
 * @param requestId the provider's request id; may be null
 * @param finishReason why the answer ended, classified
 * @param rawFinishReason the provider's own word for it (e.g. {@code end_turn}); may be null
 * @param usage the tokens the provider reports
 * @param costUsd the call's cost in US dollars; null when the price is unknown (never 0 for unknown)
 * @param latency from sending the request to the end of the answer
 * @param timeToFirstByte from sending the request to the first byte of the response; may be null
 * @param httpAttempts how many HTTP requests this answer took (the runner sets it across retries)
 * @param requestBody the request body as sent, keys redacted, large base64 replaced by its digest
 * @param responseBody the response body as received, large base64 replaced by its digest
 */
public record CallRecord(
    String providerModel,
    String requestId,
    FinishReason finishReason,
    String rawFinishReason,
    Usage usage,
    Double costUsd,
    Duration latency,
    Duration timeToFirstByte,
    int httpAttempts,
    String requestBody,
    String responseBody) {

  public CallRecord {
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(latency, "latency");
  }

  /** This record with the number of HTTP attempts the runner counted. */
  public CallRecord withHttpAttempts(int attempts) {
    return new CallRecord(providerModel, requestId, finishReason, rawFinishReason, usage, costUsd,
        latency, timeToFirstByte, attempts, requestBody, responseBody);
  }
}
