package dev.parity.harness.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.HostedTool;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.internal.Endpoint;
import dev.parity.harness.client.internal.Exchange;
import dev.parity.harness.client.internal.Json;
import dev.parity.harness.client.internal.UserContent;
import java.util.List;

/**
 * {@code POST /responses}: the instructions as {@code instructions}, the references and the
 * request as one user message of {@code input_file}, {@code input_image} and {@code input_text}
 * parts, and {@code store: false} so that OpenAI keeps no copy of evaluation data. The Responses API
 * has no seed; a configured one is not sent.
 *
 * <p>A model with {@code +code_interpreter} gets OpenAI's code interpreter as its one tool (with a
 * line saying where to save files) and its answer's files are those it saved in the container
 * ({@link ContainerFiles}).
 */
final class ResponsesClient implements ModelClient {
  private final ModelConfig config;
  private final Endpoint endpoint;

  ResponsesClient(ModelConfig config, Endpoint endpoint) {
    this.config = config;
    this.endpoint = endpoint;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  /** A model with the code interpreter works in OpenAI's container, not with Parity's tools. */
  @Override
  public boolean takesTools() {
    return !hosted();
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    Exchange exchange = endpoint.http().post(endpoint.resolve("responses"), endpoint.headers(), body(request),
        request.timeout());
    ModelAnswer answer = answer(exchange);
    if (!hosted()) {
      return answer;
    }
    return new ModelAnswer(answer.text(), ContainerFiles.fetch(endpoint, exchange.body().path("output"),
        request.timeout()), answer.record(), answer.toolCalls(), answer.state());
  }

  private boolean hosted() {
    return config.hostedTools().contains(HostedTool.CODE_INTERPRETER);
  }

  private ObjectNode body(ModelRequest request) {
    ObjectNode body = Json.object().put("model", config.apiModel());
    String system = request.system() == null ? "" : request.system();
    if (hosted()) {
      system = system.isBlank() ? ContainerFiles.INSTRUCTIONS : ContainerFiles.INSTRUCTIONS + "\n\n" + system;
      body.putArray("tools").add(Json.parse(ContainerFiles.TOOL));
    }
    if (!system.isBlank()) {
      body.put("instructions", system);
    }
    ArrayNode input = body.putArray("input");
    ArrayNode content = input.addObject().put("role", "user").putArray("content");
    for (UserContent.Part part : UserContent.of(request, config.acceptedFormats())) {
      if (part instanceof UserContent.Text text) {
        content.addObject().put("type", "input_text").put("text", text.text());
      } else if (part instanceof UserContent.File file && file.attachment().format() == FileFormat.PDF) {
        content.addObject().put("type", "input_file")
            .put("filename", file.attachment().name())
            .put("file_data", file.dataUrl());
      } else if (part instanceof UserContent.File file) {
        content.addObject().put("type", "input_image").put("image_url", file.dataUrl());
      }
    }
    if (request.conversation() != null) {
      ResponsesTools.add(body, input, request.conversation());
    }
    ModelConfig.Parameters parameters = config.parameters();
    if (parameters.maxOutputTokens() != null) {
      body.put("max_output_tokens", parameters.maxOutputTokens());
    }
    if (parameters.temperature() != null) {
      body.put("temperature", parameters.temperature());
    }
    if (parameters.reasoningEffort() != null) {
      body.putObject("reasoning").put("effort", parameters.reasoningEffort());
    }
    body.put("store", false);
    return body;
  }

  private ModelAnswer answer(Exchange exchange) {
    JsonNode body = exchange.body();
    String status = body.path("status").asText("");
    if (status.equals("failed")) {
      throw failed(body.path("error"));
    }
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    for (JsonNode item : body.path("output")) {
      if (!item.path("type").asText().equals("message")) {
        continue; // reasoning items and tool calls carry no answer text
      }
      for (JsonNode part : item.path("content")) {
        switch (part.path("type").asText()) {
          case "output_text" -> text.append(part.path("text").asText());
          case "refusal" -> refusal.append(part.path("refusal").asText());
          default -> { }
        }
      }
    }
    String reason = Json.text(body.path("incomplete_details").path("reason"));
    FinishReason finish = switch (status) {
      case "completed" -> refusal.isEmpty() ? FinishReason.COMPLETED : FinishReason.REFUSED;
      // The spec's own example says max_tokens where its enum says max_output_tokens: accept both.
      case "incomplete" -> "content_filter".equals(reason) ? FinishReason.REFUSED
          : "max_output_tokens".equals(reason) || "max_tokens".equals(reason) ? FinishReason.LENGTH
          : FinishReason.OTHER;
      default -> FinishReason.OTHER;
    };
    JsonNode usage = body.path("usage");
    Usage tokens = new Usage(
        Json.count(usage.path("input_tokens")),
        Json.count(usage.path("output_tokens")),
        Json.count(usage.path("output_tokens_details").path("reasoning_tokens")),
        Json.count(usage.path("input_tokens_details").path("cached_tokens")));
    CallRecord record = new CallRecord(
        Json.text(body.path("model")),
        exchange.requestId(Json.text(body.path("id"))),
        finish,
        reason == null ? status : status + ":" + reason,
        tokens,
        endpoint.cost(tokens),
        exchange.latency(),
        exchange.timeToFirstByte(),
        1,
        exchange.requestTranscript(),
        exchange.responseTranscript());
    String answer = text.isEmpty() && !refusal.isEmpty() ? refusal.toString() : text.toString();
    return new ModelAnswer(endpoint.http().redact(answer), List.of(), record,
        ResponsesTools.calls(body.path("output")), Json.write(body.path("output")));
  }

  /** A response that failed after the HTTP exchange succeeded, as the status would have said. */
  private RuntimeException failed(JsonNode error) {
    String code = error.path("code").asText("");
    String message = config.name() + ": the response failed: " + code + ": " + error.path("message").asText("");
    return switch (code) {
      case "server_error" -> new RetryableCallException(CallFailure.SERVER_ERROR, message, null, null);
      case "rate_limit_exceeded" -> new RetryableCallException(CallFailure.RATE_LIMITED, message, null, null);
      default -> new FatalCallException(CallFailure.BAD_REQUEST, 200, message, null);
    };
  }
}
