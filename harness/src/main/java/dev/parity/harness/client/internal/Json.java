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
