package dev.parity.harness.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The parts of an error response every provider has in some shape: OpenAI
 * {@code {error:{message,type,param,code}}}, Anthropic {@code {type:"error",error:{type,message}}},
 * Gemini {@code {error:{code,message,status,details}}}, vLLM and llama.cpp with numeric codes, older
 * servers with a flat object or a bare string.
 *
 * @param message the provider's own message; never null
 * @param type the provider's error type ({@code rate_limit_error}, {@code invalid_request_error}); may be null
 * @param code the provider's error code, as text ({@code context_length_exceeded}, {@code 400}); may be null
 * @param status Gemini's status ({@code RESOURCE_EXHAUSTED}); may be null
 * @param details Gemini's {@code details} list, or Anthropic's {@code details} object; missing when absent
 */
public record ErrorBody(String message, String type, String code, String status, JsonNode details) {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_MESSAGE = 2000;

  /** Reads {@code body} leniently: whatever is not JSON becomes the message, cut to a readable size. */
  public static ErrorBody parse(String body) {
    if (body == null || body.isBlank()) {
      return new ErrorBody("(no error body)", null, null, null, MissingNode.getInstance());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      return new ErrorBody(cut(body.strip().replaceAll("\\s+", " ")), null, null, null, MissingNode.getInstance());
    }
    JsonNode error = root.path("error");
    if (error.isTextual()) {
      return new ErrorBody(cut(error.asText()), null, null, null, MissingNode.getInstance());
    }
    JsonNode source = error.isObject() ? error : root;
    String message = text(source.path("message"));
    return new ErrorBody(
        message == null ? cut(body.strip()) : cut(message),
        text(source.path("type")),
        text(source.path("code")),
        text(source.path("status")),
        source.path("details"));
  }

  /** Whether the type, code, status or an Anthropic {@code details.error_code} is {@code marker}. */
  boolean says(String marker) {
    return marker.equals(type) || marker.equals(code) || marker.equals(status)
        || marker.equals(details.path("error_code").asText(null));
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static String cut(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }
}
