package dev.parity.harness.gemini;

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
 * Gemini function calling: {@code tools: [{functionDeclarations: [{name, description,
 * parameters}]}]} (the schema without {@code additionalProperties}, which the OpenAPI subset of
 * {@code parameters} does not take); the answer's {@code functionCall} parts ({@code name},
 * {@code args} as an object, an {@code id} on newer models); each earlier answer sent back as a
 * {@code model} turn with its {@code parts} exactly as they came — so each {@code thoughtSignature},
 * a sibling of the part it was minted for, goes back where it was, as Gemini 3 requires with
 * function calls — followed by one {@code user} turn of {@code functionResponse} parts
 * ({@code name}, the call's {@code id} when it had one, {@code response: {output}} or
 * {@code {error}}), then render's pages as {@code inline_data} parts.
 */
final class GeminiTools {
  /** Ids Parity made up for calls Gemini gave none; they are never sent back. */
  private static final String MADE_UP = "parity-call-";

  private GeminiTools() {}

  static void add(ObjectNode body, ArrayNode contents, Conversation conversation) {
    for (Conversation.Turn turn : conversation.turns()) {
      contents.addObject().put("role", "model").set("parts", Json.parse(turn.state()));
      ArrayNode parts = contents.addObject().put("role", "user").putArray("parts");
      for (ToolResult result : turn.results()) {
        ObjectNode response = parts.addObject().putObject("functionResponse").put("name", result.call().name());
        if (!result.call().id().startsWith(MADE_UP)) {
          response.put("id", result.call().id());
        }
        response.putObject("response").put(result.error() ? "error" : "output", result.output());
      }
      // render's pages follow the function responses as inline images of the same turn.
      turn.results().stream().flatMap(r -> r.imagesBase64().stream()).forEach(image -> parts.addObject()
          .putObject("inline_data").put("mime_type", "image/png").put("data", image));
    }
    ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
    for (ToolSpec spec : conversation.tools()) {
      declarations.addObject().put("name", spec.name()).put("description", spec.description())
          .set("parameters", withoutAdditionalProperties(Json.parse(spec.parameters())));
    }
  }

  /** The {@code functionCall} parts of an answer's {@code parts}, in order. */
  static List<ToolCall> calls(JsonNode parts) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode part : parts) {
      JsonNode call = part.path("functionCall");
      if (call.isObject()) {
        String id = Json.text(call.path("id"));
        JsonNode args = call.path("args");
        calls.add(new ToolCall(id != null ? id : MADE_UP + calls.size(), call.path("name").asText(""),
            args.isMissingNode() ? "{}" : args.toString()));
      }
    }
    return calls;
  }

  private static JsonNode withoutAdditionalProperties(JsonNode schema) {
    if (schema instanceof ObjectNode object) {
      object.remove("additionalProperties");
      object.forEach(GeminiTools::withoutAdditionalProperties);
    }
    return schema;
  }
}
