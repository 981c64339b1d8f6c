package dev.parity.harness.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import okhttp3.Headers;

/**
 * A successful JSON exchange: the response, its timings and the transcript forms of both bodies.
 *
 * @param headers the response headers
 * @param body the parsed response body
 * @param requestTranscript the request body as sent, base64 condensed and keys redacted
 * @param responseTranscript the response body likewise
 * @param latency from sending the request to the last byte of the response
 * @param timeToFirstByte from sending the request to the response's headers
 */
public record Exchange(
    Headers headers, JsonNode body, String requestTranscript, String responseTranscript,
    Duration latency, Duration timeToFirstByte) {

  /** The provider's request id: the {@code x-request-id} or {@code request-id} header, else {@code bodyId}. */
  public String requestId(String bodyId) {
    String header = headers.get("x-request-id");
    if (header == null) {
      header = headers.get("request-id");
    }
    return header != null && !header.isBlank() ? header : bodyId;
  }
}
