package dev.parity.harness.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a transcript may hold of a request or response body: secrets replaced by
 * {@value #REDACTED}, and base64 payloads of {@value #LARGE_BASE64} characters or more (attached
 * PDFs, images) replaced by {@code <sha256:HEX N bytes>} of the bytes they encode, which is the same
 * digest {@link dev.parity.harness.client.Attachment#sha256()} gives the file.
 */
public final class Transcripts {
  public static final String REDACTED = "[redacted]";
  static final int LARGE_BASE64 = 1024;
  /** Bodies that are not JSON (an HTML error page) are kept up to this many characters. */
  static final int MAX_RAW_CHARS = 100_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_\\-\\r\\n]+={0,2}");

  private Transcripts() {}

  /** {@code text} with every secret in {@code secrets} replaced; null stays null. */
  public static String redact(String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        result = result.replace(secret, REDACTED);
      }
    }
    return result;
  }

  /** The transcript form of a JSON body: base64 condensed, then secrets redacted. */
  public static String of(JsonNode body, List<String> secrets) {
    return redact(write(condense(body)), secrets);
  }

  /**
   * The transcript form of a JSON body that was just written as {@code written} (by a default
   * {@link ObjectMapper}), as {@link #of(JsonNode, List)} gives it: a body with nothing to condense
   * (no attachment) is not written a second time.
   */
  public static String of(JsonNode body, String written, List<String> secrets) {
    JsonNode condensed = condense(body);
    return redact(condensed == body ? written : write(condensed), secrets);
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The transcript form of a body that may not be JSON: condensed if it parses, else cut to size. */
  public static String ofRaw(String body, List<String> secrets) {
    if (body == null) {
      return null;
    }
    try {
      return of(MAPPER.readTree(body), secrets);
    } catch (JsonProcessingException e) {
      String kept = body.length() > MAX_RAW_CHARS
          ? body.substring(0, MAX_RAW_CHARS) + "… [" + (body.length() - MAX_RAW_CHARS) + " more characters]"
          : body;
      return redact(kept, secrets);
    }
  }

  /**
   * {@code node} with every large base64 string replaced by its digest: a copy of what changes, and
   * {@code node} itself when nothing does (most bodies, which are then not copied).
   */
  static JsonNode condense(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = null;
      int index = 0;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = condense(field.getValue());
        if (copy == null && value != field.getValue()) {
          copy = MAPPER.createObjectNode();
          Iterator<Map.Entry<String, JsonNode>> earlier = node.properties().iterator();
          for (int i = 0; i < index; i++) {
            Map.Entry<String, JsonNode> same = earlier.next();
            copy.set(same.getKey(), same.getValue());
          }
        }
        if (copy != null) {
          copy.set(field.getKey(), value);
        }
        index++;
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = condense(node.get(i));
        if (copy == null && element != node.get(i)) {
          copy = MAPPER.createArrayNode();
          for (int j = 0; j < i; j++) {
            copy.add(node.get(j));
          }
        }
        if (copy != null) {
          copy.add(element);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isTextual() && node.asText().length() >= LARGE_BASE64) {
      String text = node.asText();
      String condensed = condense(text);
      return condensed == text ? node : new TextNode(condensed);
    }
    return node;
  }

  private static String condense(String text) {
    String prefix = "";
    String payload = text;
    int comma = text.indexOf(',');
    if (text.startsWith("data:") && comma > 0 && text.substring(0, comma).endsWith(";base64")) {
      prefix = text.substring(0, comma + 1);
      payload = text.substring(comma + 1);
    }
    if (!BASE64.matcher(payload).matches()) {
      return text;
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(payload.replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException notBase64) {
      return text;
    }
    return prefix + "<sha256:" + sha256(bytes) + " " + bytes.length + " bytes>";
  }

  /** The hex sha256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
