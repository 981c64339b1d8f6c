package dev.parity.harness.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
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
 * {@code POST /chat/completions}: a system message, then one user message whose content is a plain
 * string when every reference went as text, or {@code file}, {@code image_url} and {@code text} parts.
 * An agent turn adds {@code tools}, the earlier assistant messages and their {@code tool} results
 * ({@link ChatTools}). Tolerates what compatible servers leave out ({@code usage}, {@code id}, {@code finish_reason}) and
 * ignores what they add ({@code reasoning}, {@code timings}).
 */
final class ChatClient implements ModelClient {
  private final ModelConfig config;
  private final Endpoint endpoint;
  private final Dialect dialect;

  ChatClient(ModelConfig config, Endpoint endpoint, Dialect dialect) {
    this.config = config;
    this.endpoint = endpoint;
    this.dialect = dialect;
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
    Exchange exchange = endpoint.http().post(endpoint.resolve("chat/completions"), endpoint.headers(),
        body(request), request.timeout());
    return answer(exchange, request.conversation() != null);
  }

  private ObjectNode body(ModelRequest request) {
    ObjectNode body = Json.object().put("model", config.model());
    ArrayNode messages = body.putArray("messages");
    if (request.system() != null && !request.system().isBlank()) {
      messages.addObject().put("role", "system").put("content", request.system());
    }
    ObjectNode user = messages.addObject().put("role", "user");
    List<UserContent.Part> parts = UserContent.of(request, config.acceptedFormats());
    if (UserContent.isTextOnly(parts)) {
      // A plain string is what every server understands; some take no content arrays at all.
      user.put("content", ((UserContent.Text) parts.get(0)).text());
    } else {
      ArrayNode content = user.putArray("content");
      for (UserContent.Part part : parts) {
        if (part instanceof UserContent.Text text) {
          content.addObject().put("type", "text").put("text", text.text());
        } else if (part instanceof UserContent.File file && file.attachment().format() == FileFormat.PDF) {
          content.addObject().put("type", "file").putObject("file")
              .put("filename", file.attachment().name())
              .put("file_data", file.dataUrl());
        } else if (part instanceof UserContent.File file) {
          content.addObject().put("type", "image_url").putObject("image_url").put("url", file.dataUrl());
        }
      }
    }
    if (request.conversation() != null) {
      ChatTools.add(body, messages, request.conversation());
    }
    ModelConfig.Parameters parameters = config.parameters();
    if (parameters.maxOutputTokens() != null) {
      body.put(dialect.maxTokensField, parameters.maxOutputTokens());
    }
    if (parameters.temperature() != null) {
      body.put("temperature", parameters.temperature());
    }
    if (parameters.reasoningEffort() != null) {
      body.put("reasoning_effort", parameters.reasoningEffort());
    }
    if (parameters.seed() != null) {
      body.put("seed", parameters.seed());
    }
    return body;
  }

  /** The answer; with the message as the next turn sends it back when {@code inConversation}. */
  private ModelAnswer answer(Exchange exchange, boolean inConversation) {
    JsonNode body = exchange.body();
    JsonNode choice = body.path("choices").path(0);
    if (choice.isMissingNode()) {
      throw new RetryableCallException(CallFailure.INVALID_RESPONSE,
          config.name() + ": the answer has no choices", null, null);
    }
    JsonNode message = choice.path("message");
    String text = text(message.path("content"));
    String refusal = Json.text(message.path("refusal"));
    String reason = Json.text(choice.path("finish_reason"));
    FinishReason finish = refusal != null ? FinishReason.REFUSED : finish(reason);
    JsonNode usage = body.path("usage");
    Usage tokens = new Usage(
        Json.count(usage.path("prompt_tokens")),
        Json.count(usage.path("completion_tokens")),
        Json.count(usage.path("completion_tokens_details").path("reasoning_tokens")),
        Json.count(usage.path("prompt_tokens_details").path("cached_tokens")));
    CallRecord record = new CallRecord(
        Json.text(body.path("model")),
        exchange.requestId(Json.text(body.path("id"))),
        finish,
        reason,
        tokens,
        endpoint.cost(tokens),
        exchange.latency(),
        exchange.timeToFirstByte(),
        1,
        exchange.requestTranscript(),
        exchange.responseTranscript());
    String answer = text != null ? text : refusal != null ? refusal : "";
    // A plain answer has no next turn: its message is not written again for one.
    return new ModelAnswer(endpoint.http().redact(answer), List.of(), record, ChatTools.calls(message),
        inConversation ? Json.write(message) : null);
  }

  /** The message content: a string, or (from some servers) a list of text parts. */
  private static String text(JsonNode content) {
    if (!content.isArray()) {
      return Json.text(content);
    }
    StringBuilder text = new StringBuilder();
    content.forEach(part -> text.append(part.path("text").asText("")));
    return text.toString();
  }

  private static FinishReason finish(String reason) {
    if (reason == null) {
      return FinishReason.OTHER;
    }
    return switch (reason) {
      case "stop", "tool_calls" -> FinishReason.COMPLETED;
      case "length" -> FinishReason.LENGTH;
      case "content_filter" -> FinishReason.REFUSED;
      default -> FinishReason.OTHER;
    };
  }
}
