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
 * Responses API function calling: {@code tools: [{type: function, name, description,
 * parameters}]}; the answer's {@code function_call} output items ({@code call_id}, {@code name},
 * {@code arguments} as a JSON string); each earlier answer's whole {@code output} sent back as
 * input items as it came — {@code reasoning} items included, with their
 * {@code encrypted_content}, which Parity asks for ({@code include}) because it does not store
 * responses at OpenAI ({@code store: false}) — followed by one {@code function_call_output} item
 * ({@code call_id}, {@code output}) per result, and render's page images in a user message
 * ({@code input_image}) after them.
 */
final class ResponsesTools {
  private ResponsesTools() {}

  static void add(ObjectNode body, ArrayNode input, Conversation conversation) {
    for (Conversation.Turn turn : conversation.turns()) {
      Json.parse(turn.state()).forEach(input::add);
      for (ToolResult result : turn.results()) {
        input.addObject().put("type", "function_call_output").put("call_id", result.call().id())
            .put("output", result.output());
      }
      List<String> images = turn.results().stream().flatMap(r -> r.imagesBase64().stream()).toList();
      if (!images.isEmpty()) {
        ArrayNode content = input.addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "input_text").put("text", ChatTools.PAGES);
        images.forEach(image -> content.addObject().put("type", "input_image")
            .put("image_url", "data:image/png;base64," + image));
      }
    }
    ArrayNode tools = body.putArray("tools");
    for (ToolSpec spec : conversation.tools()) {
      tools.addObject().put("type", "function").put("name", spec.name()).put("description", spec.description())
          .set("parameters", Json.parse(spec.parameters()));
    }
    body.putArray("include").add("reasoning.encrypted_content");
  }

  /** The {@code function_call} items of an answer's {@code output}, in order. */
  static List<ToolCall> calls(JsonNode output) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode item : output) {
      if (item.path("type").asText().equals("function_call")) {
        JsonNode arguments = item.path("arguments");
        String callId = Json.text(item.path("call_id"));
        calls.add(new ToolCall(callId != null ? callId : "call_" + calls.size(), item.path("name").asText(""),
            arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "" : arguments.toString()));
      }
    }
    return calls;
  }
}
