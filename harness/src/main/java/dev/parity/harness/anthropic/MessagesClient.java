package dev.parity.harness.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.HostedTool;
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
import okhttp3.Headers;

/**
 * {@code POST /v1/messages}: the instructions as {@code system}, the references as {@code document}
 * (PDF) and {@code image} blocks with base64 sources, then the request as a {@code text} block.
 *
 * <p>The API requires {@code max_tokens}: when the model's configuration sets none,
 * {@value #DEFAULT_MAX_TOKENS} is sent, which every current Claude model accepts. A reasoning effort
 * is sent as {@code output_config.effort} (Claude Opus 4.5 and later). There is no seed.
 *
 * <p>Anthropic's {@code input_tokens} leaves out the tokens read from and written to its cache;
 * the record's input count adds them back, so that it means the same as every other provider's.
 *
 * <p>A model with {@code +code_execution} gets Anthropic's code execution as its one tool (behind
 * its beta header, with a line saying that the files it makes are delivered) and its answer's files
 * are those the tool's results name ({@link CodeExecutionFiles}). A {@code pause_turn} stop (a long
 * tool run the API paused) is recorded as such and not continued: a client makes one call.
 */
final class MessagesClient implements ModelClient {
  static final int DEFAULT_MAX_TOKENS = 8192;

  private final ModelConfig config;
  private final Endpoint endpoint;

  MessagesClient(ModelConfig config, Endpoint endpoint) {
    this.config = config;
    this.endpoint = endpoint;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  /** A model with code execution works in Anthropic's container, not with Parity's tools. */
  @Override
  public boolean takesTools() {
    return !hosted();
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    Headers headers = hosted()
        ? endpoint.headers().newBuilder().add("anthropic-beta", CodeExecutionFiles.BETAS).build()
        : endpoint.headers();
    Exchange exchange = endpoint.http().post(endpoint.resolve("v1/messages"), headers, body(request),
        request.timeout());
    ModelAnswer answer = answer(exchange);
    if (!hosted()) {
      return answer;
    }
    return new ModelAnswer(answer.text(), CodeExecutionFiles.fetch(endpoint, headers,
        exchange.body().path("content"), request.timeout()), answer.record(), answer.toolCalls(), answer.state());
  }

  private boolean hosted() {
    return config.hostedTools().contains(HostedTool.CODE_EXECUTION);
  }

  private ObjectNode body(ModelRequest request) {
    ModelConfig.Parameters parameters = config.parameters();
    ObjectNode body = Json.object()
        .put("model", config.apiModel())
        .put("max_tokens", parameters.maxOutputTokens() == null ? DEFAULT_MAX_TOKENS : parameters.maxOutputTokens());
    String system = request.system() == null ? "" : request.system();
    if (hosted()) {
      system = system.isBlank() ? CodeExecutionFiles.INSTRUCTIONS : CodeExecutionFiles.INSTRUCTIONS + "\n\n" + system;
      body.putArray("tools").add(Json.parse(CodeExecutionFiles.TOOL));
    }
    if (!system.isBlank()) {
      body.put("system", system);
    }
    ArrayNode messages = body.putArray("messages");
    ArrayNode content = messages.addObject().put("role", "user").putArray("content");
    for (UserContent.Part part : UserContent.of(request, config.acceptedFormats())) {
      if (part instanceof UserContent.Text text) {
        content.addObject().put("type", "text").put("text", text.text());
      } else if (part instanceof UserContent.File file) {
        boolean pdf = file.attachment().format() == FileFormat.PDF;
        ObjectNode block = content.addObject().put("type", pdf ? "document" : "image");
        block.putObject("source")
            .put("type", "base64")
            .put("media_type", file.attachment().format().mediaType())
            .put("data", file.base64());
        if (pdf) {
          block.put("title", file.attachment().name());
        }
      }
    }
    if (request.conversation() != null) {
      MessagesTools.add(body, messages, request.conversation());
    }
    if (parameters.temperature() != null) {
      body.put("temperature", parameters.temperature());
    }
    if (parameters.reasoningEffort() != null) {
      body.putObject("output_config").put("effort", parameters.reasoningEffort());
    }
    return body;
  }

  private ModelAnswer answer(Exchange exchange) {
    JsonNode body = exchange.body();
    StringBuilder text = new StringBuilder();
    for (JsonNode block : body.path("content")) {
      if (block.path("type").asText().equals("text")) {
        text.append(block.path("text").asText());
      }
    }
    String reason = Json.text(body.path("stop_reason"));
    JsonNode usage = body.path("usage");
    Long cacheRead = Json.count(usage.path("cache_read_input_tokens"));
    Long input = Json.sum(Json.sum(Json.count(usage.path("input_tokens")),
        Json.count(usage.path("cache_creation_input_tokens"))), cacheRead);
    Usage tokens = new Usage(input, Json.count(usage.path("output_tokens")), null, cacheRead);
    CallRecord record = new CallRecord(
        Json.text(body.path("model")),
        exchange.requestId(Json.text(body.path("id"))),
        finish(reason),
        reason,
        tokens,
        endpoint.cost(tokens),
        exchange.latency(),
        exchange.timeToFirstByte(),
        1,
        exchange.requestTranscript(),
        exchange.responseTranscript());
    return new ModelAnswer(endpoint.http().redact(text.toString()), List.of(), record,
        MessagesTools.calls(body.path("content")), Json.write(body.path("content")));
  }

  private static FinishReason finish(String reason) {
    if (reason == null) {
      return FinishReason.OTHER;
    }
    return switch (reason) {
      case "end_turn", "stop_sequence", "tool_use" -> FinishReason.COMPLETED;
      case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
      case "refusal" -> FinishReason.REFUSED;
      default -> FinishReason.OTHER;
    };
  }
}
