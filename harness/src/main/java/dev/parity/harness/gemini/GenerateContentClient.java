package dev.parity.harness.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.internal.Endpoint;
import dev.parity.harness.client.internal.Exchange;
import dev.parity.harness.client.internal.Json;
import dev.parity.harness.client.internal.UserContent;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1beta/models/{model}:generateContent}: the instructions as
 * {@code system_instruction}, the references as {@code inline_data} parts (PDFs and images, base64)
 * or text, then the request text; parameters in {@code generationConfig}.
 *
 * <p>A blocked prompt comes back with no candidates and a {@code promptFeedback}, a blocked answer
 * with {@code finishReason: SAFETY} (or another safety reason): both are refusals, with HTTP 200.
 * Thought summaries ({@code thought: true} parts) are not part of the answer. Gemini counts thinking
 * tokens apart from {@code candidatesTokenCount}; the record's output count adds them, so that it
 * means the same as every other provider's.
 */
final class GenerateContentClient implements ModelClient {
  private static final Set<String> SAFETY_REASONS =
      Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY");

  private final ModelConfig config;
  private final Thinking thinking;
  private final Endpoint endpoint;

  GenerateContentClient(ModelConfig config, Thinking thinking, Endpoint endpoint) {
    this.config = config;
    this.thinking = thinking;
    this.endpoint = endpoint;
  }

  /** The model id without the {@code models/} prefix Google's own listings use. */
  static String modelId(ModelConfig config) {
    return config.model().startsWith("models/") ? config.model().substring("models/".length()) : config.model();
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public boolean takesTools() {
    return true;
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    Exchange exchange = endpoint.http().post(
        endpoint.resolve("v1beta/models/" + modelId(config) + ":generateContent"), endpoint.headers(),
        body(request), request.timeout());
    return answer(exchange);
  }

  private ObjectNode body(ModelRequest request) {
    ObjectNode body = Json.object();
    if (request.system() != null && !request.system().isBlank()) {
      body.putObject("system_instruction").putArray("parts").addObject().put("text", request.system());
    }
    ArrayNode contents = body.putArray("contents");
    ArrayNode parts = contents.addObject().put("role", "user").putArray("parts");
    for (UserContent.Part part : UserContent.of(request, config.acceptedFormats())) {
      if (part instanceof UserContent.Text text) {
        parts.addObject().put("text", text.text());
      } else if (part instanceof UserContent.File file) {
        parts.addObject().putObject("inline_data")
            .put("mime_type", file.attachment().format().mediaType())
            .put("data", file.base64());
      }
    }
    if (request.conversation() != null) {
      GeminiTools.add(body, contents, request.conversation());
    }
    ModelConfig.Parameters parameters = config.parameters();
    ObjectNode generation = Json.object();
    if (parameters.maxOutputTokens() != null) {
      generation.put("maxOutputTokens", parameters.maxOutputTokens());
    }
    if (parameters.temperature() != null) {
      generation.put("temperature", parameters.temperature());
    }
    if (parameters.seed() != null) {
      generation.put("seed", parameters.seed());
    }
    if (thinking != null) {
      thinking.writeTo(generation);
    }
    if (!generation.isEmpty()) {
      body.set("generationConfig", generation);
    }
    return body;
  }

  private ModelAnswer answer(Exchange exchange) {
    JsonNode body = exchange.body();
    JsonNode candidate = body.path("candidates").path(0);
    StringBuilder text = new StringBuilder();
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (!part.path("thought").asBoolean(false) && part.has("text")) {
        text.append(part.path("text").asText());
      }
    }
    FinishReason finish;
    String reason;
    if (candidate.isMissingNode()) {
      JsonNode feedback = body.path("promptFeedback");
      reason = "blocked:" + feedback.path("blockReason").asText("UNSPECIFIED");
      finish = feedback.isMissingNode() ? FinishReason.OTHER : FinishReason.REFUSED;
    } else {
      reason = Json.text(candidate.path("finishReason"));
      finish = finish(reason);
    }
    JsonNode usage = body.path("usageMetadata");
    Long thoughts = Json.count(usage.path("thoughtsTokenCount"));
    Usage tokens = new Usage(
        Json.count(usage.path("promptTokenCount")),
        Json.sum(Json.count(usage.path("candidatesTokenCount")), thoughts),
        thoughts,
        Json.count(usage.path("cachedContentTokenCount")));
    CallRecord record = new CallRecord(
        Json.text(body.path("modelVersion")),
        exchange.requestId(Json.text(body.path("responseId"))),
        finish,
        reason,
        tokens,
        endpoint.cost(tokens),
        exchange.latency(),
        exchange.timeToFirstByte(),
        1,
        exchange.requestTranscript(),
        exchange.responseTranscript());
    JsonNode answerParts = candidate.path("content").path("parts");
    return new ModelAnswer(endpoint.http().redact(text.toString()), List.of(), record,
        GeminiTools.calls(answerParts), Json.write(answerParts.isArray() ? answerParts : Json.array()));
  }

  private static FinishReason finish(String reason) {
    if (reason == null) {
      return FinishReason.OTHER;
    }
    if (SAFETY_REASONS.contains(reason)) {
      return FinishReason.REFUSED;
    }
    return switch (reason) {
      case "STOP" -> FinishReason.COMPLETED;
      case "MAX_TOKENS" -> FinishReason.LENGTH;
      default -> FinishReason.OTHER;
    };
  }
}
