package dev.parity.harness.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building request trees and reading counts and texts from response trees that may lack them. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static com.fasterxml.jackson.databind.node.ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * The JSON tree of {@code text} that Parity itself wrote (a tool's schema, a turn's state).
   *
   * @throws IllegalStateException when it is not JSON, which is a bug of whoever wrote it
   */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + text, e);
    }
  }

  /** {@code node} as compact JSON text. */
  public static String write(JsonNode node) {
    return node.toString();
  }

  /** The number at {@code node}, or null when it is missing, null or not a number. */
  public static Long count(JsonNode node) {
    return node != null && node.isNumber() ? node.asLong() : null;
  }

  /** The text at {@code node}, or null when it is missing, null or empty. */
  public static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText() : null;
  }

  /** {@code a + b}, null only when both are. */
  public static Long sum(Long a, Long b) {
    // Spelled out: a conditional expression mixing Long and long would unbox a null.
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a + b;
  }
}
