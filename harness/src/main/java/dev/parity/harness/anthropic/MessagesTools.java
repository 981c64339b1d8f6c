package dev.parity.harness.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.Conversation;
import dev.parity.harness.client.ToolCall;
import dev.parity.harness.client.ToolResult;
import dev.parity.harness.client.ToolSpec;
import dev.parity.harness.client.internal.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages API tool use: {@code tools: [{name, description, input_schema}]}; the answer's
 * {@code tool_use} blocks ({@code id}, {@code name}, {@code input} as an object); each earlier
 * answer sent back as the assistant message with its whole {@code content} as it came —
 * {@code thinking} blocks with their {@code signature} and {@code redacted_thinking} blocks
 * included, which the API requires to continue a turn with thinking — followed by one user
 * message of {@code tool_result} blocks ({@code tool_use_id}, {@code content}, {@code is_error}),
 * whose content holds render's pages as {@code image} blocks.
 */
final class MessagesTools {
  private MessagesTools() {}

  static void add(ObjectNode body, ArrayNode messages, Conversation conversation) {
    for (Conversation.Turn turn : conversation.turns()) {
      messages.addObject().put("role", "assistant").set("content", Json.parse(turn.state()));
      ArrayNode results = messages.addObject().put("role", "user").putArray("content");
      for (ToolResult result : turn.results()) {
        ObjectNode block = results.addObject().put("type", "tool_result").put("tool_use_id", result.call().id())
            .put("is_error", result.error());
        if (result.images().isEmpty()) {
          block.put("content", result.output());
        } else {
          // A tool result takes image blocks: render's pages go with its text.
          ArrayNode content = block.putArray("content");
          content.addObject().put("type", "text").put("text", result.output());
          result.imagesBase64().forEach(image -> content.addObject().put("type", "image").putObject("source")
              .put("type", "base64").put("media_type", "image/png").put("data", image));
        }
      }
    }
    ArrayNode tools = body.putArray("tools");
    for (ToolSpec spec : conversation.tools()) {
      tools.addObject().put("name", spec.name()).put("description", spec.description())
          .set("input_schema", Json.parse(spec.parameters()));
    }
  }

  /** The {@code tool_use} blocks of an answer's {@code content}, in order. */
  static List<ToolCall> calls(JsonNode content) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      if (block.path("type").asText().equals("tool_use")) {
        JsonNode input = block.path("input");
        calls.add(new ToolCall(block.path("id").asText("toolu_" + calls.size()), block.path("name").asText(""),
            input.isMissingNode() ? "{}" : input.toString()));
      }
    }
    return calls;
  }
}
