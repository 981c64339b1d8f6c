package dev.parity.harness.openai;

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
 * Chat Completions' function calling: {@code tools: [{type: function, function: {name,
 * description, parameters}}]}; the answer's {@code message.tool_calls[]} ({@code id},
 * {@code function.name}, {@code function.arguments} as a JSON string); each earlier assistant
 * message sent back as it came (with any {@code reasoning_content} a compatible server added),
 * followed by one {@code {role: tool, tool_call_id, content}} message per result, and render's
 * page images in a user message after them (a tool message holds text only).
 */
final class ChatTools {
  /** The text before page images sent in a user message. */
  static final String PAGES = "The pages render drew, in order:";

  private ChatTools() {}

  static void add(ObjectNode body, ArrayNode messages, Conversation conversation) {
    for (Conversation.Turn turn : conversation.turns()) {
      messages.add(Json.parse(turn.state()));
      for (ToolResult result : turn.results()) {
        messages.addObject().put("role", "tool").put("tool_call_id", result.call().id()).put("content",
            result.output());
      }
      // A tool message holds text only: render's pages follow in a user message.
      List<String> images = turn.results().stream().flatMap(r -> r.imagesBase64().stream()).toList();
      if (!images.isEmpty()) {
        ArrayNode content = messages.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", PAGES);
        images.forEach(image -> content.addObject().put("type", "image_url").putObject("image_url")
            .put("url", "data:image/png;base64," + image));
      }
    }
    ArrayNode tools = body.putArray("tools");
    for (ToolSpec spec : conversation.tools()) {
      ObjectNode function = tools.addObject().put("type", "function").putObject("function");
      function.put("name", spec.name()).put("description", spec.description());
      function.set("parameters", Json.parse(spec.parameters()));
    }
  }

  /** The tool calls in an answer's {@code message}, in order; a call without an id gets its position as one. */
  static List<ToolCall> calls(JsonNode message) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      JsonNode arguments = function.path("arguments");
      // The arguments are a JSON string; a few compatible servers send the object itself.
      String text = arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "" : arguments.toString();
      String id = Json.text(call.path("id"));
      calls.add(new ToolCall(id != null ? id : "call_" + calls.size(), function.path("name").asText(""), text));
    }
    return calls;
  }
}
