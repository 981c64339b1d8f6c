package dev.parity.harness.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.agent.AgentRecorder;
import dev.parity.harness.agent.AgentRun;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.agent.ToolExecution;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.Usage;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.CallError;
import dev.parity.tasks.SuiteLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened during one attempt, kept as a JSON blob: the request as built (attachments by
 * digest), every failed call, and the answering call's record with the raw bodies the client
 * kept (keys already redacted by the client); for an agent attempt, its settings, every turn and
 * every tool call, and how the loop ended. Format version 2 (version 1 had no agent part); see
 * docs/design/0001-store.md and docs/agents.md.
 *
 * <p>The parts every attempt has are kept as they came and streamed when the transcript is written,
 * in the order and form the maps of earlier versions had, without a map or a serializer lookup per
 * value (benchmarks/README.md, "The attempt path, eighth pass"); the agent parts are maps, written by
 * the {@link ObjectMapper}.
 */
final class Transcript implements AgentRecorder {
  static final int FORMAT_VERSION = 2;
  private static final ObjectMapper JSON = SuiteLoader.mapper();

  private ModelRequest request;
  private String instructionsVersion;
  private final List<CallError> failedCalls = new ArrayList<>();
  private CallRecord answer;
  /** The agent part's settings and turns; null for a plain attempt. */
  private Map<String, Object> agent;
  private final List<Map<String, Object>> turns = new ArrayList<>();
  private Map<String, Object> agentEnd;
  private AttemptKey cachedFrom;

  void request(ModelRequest request, String instructionsVersion) {
    this.request = request;
    this.instructionsVersion = instructionsVersion;
  }

  void call(CallError error) {
    failedCalls.add(error);
  }

  void answer(CallRecord call) {
    answer = call;
  }

  /** Starts the agent part: the attempt's settings and the sandbox its tools ran in. */
  void agent(AgentSettings settings) {
    Map<String, Object> json = new LinkedHashMap<>(settings.definition());
    json.put("turns", turns);
    agent = json;
  }

  @Override
  public synchronized void turn(int turn, ModelAnswer answer, CallRecord call) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("turn", turn);
    json.put("text", answer.text());
    json.put("tool_calls", answer.toolCalls().stream().map(c -> Map.of("id", c.id(), "name", c.name(),
        "arguments", c.arguments())).toList());
    json.put("provider_model", call.providerModel());
    json.put("request_id", call.requestId());
    json.put("finish_reason", call.finishReason().name());
    json.put("usage", call.usage());
    json.put("cost_usd", call.costUsd());
    json.put("latency_ms", call.latency().toMillis());
    // Each request repeats the whole conversation: only the answers are kept per turn.
    json.put("response_body", call.responseBody());
    json.put("tool_results", new ArrayList<Map<String, Object>>());
    turns.add(json);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized void toolCall(int turn, ToolExecution execution) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", execution.result().call().id());
    json.put("name", execution.result().call().name());
    json.put("arguments", execution.result().call().arguments());
    json.put("output", execution.result().output());
    json.put("error", execution.result().error());
    json.put("exit_code", execution.exitCode());
    json.put("duration_ms", execution.duration().toMillis());
    json.put("workspace_full", execution.workspaceFull());
    json.put("images", execution.result().images().size());
    json.put("cpu_ms", execution.resources() == null ? null : execution.resources().cpuMillis());
    json.put("peak_memory_kb", execution.resources() == null ? null : execution.resources().peakMemoryKb());
    ((List<Map<String, Object>>) turns.get(turn - 1).get("tool_results")).add(json);
  }

  /** Ends the agent part: why the loop stopped and what it spent. */
  void agentEnd(AgentRun run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("end", run.end().name().toLowerCase(java.util.Locale.ROOT));
    json.put("turns", run.turns());
    json.put("tool_calls", run.toolCalls());
    json.put("sandbox_cpu_ms", run.sandbox() == null ? null : run.sandbox().cpuMillis());
    json.put("sandbox_peak_memory_kb", run.sandbox() == null ? null : run.sandbox().peakMemoryKb());
    json.put("usage", run.usage());
    json.put("cost_usd", run.costUsd());
    json.put("files", run.files().stream().map(f -> Map.of("path", f.path(), "size_bytes", f.content().length))
        .toList());
    agentEnd = json;
  }

  void cachedFrom(AttemptKey source) {
    cachedFrom = source;
  }

  synchronized byte[] toJson() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + (answer == null ? 0
        : length(answer.requestBody()) + length(answer.responseBody())) + (request == null ? 0
        : length(request.system()) + request.text().length()));
    try (JsonGenerator json = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("format_version", FORMAT_VERSION);
      if (request != null) {
        writeRequest(json);
        json.writeArrayFieldStart("failed_calls");
        for (CallError error : failedCalls) {
          writeFailedCall(json, error);
        }
        json.writeEndArray();
      }
      if (agent != null) {
        json.writeFieldName("agent");
        JSON.writeValue(json, agent);
      }
      if (answer != null) {
        writeAnswer(json);
      }
      if (agentEnd != null) {
        json.writeFieldName("agent_end");
        JSON.writeValue(json, agentEnd);
      }
      if (cachedFrom != null) {
        json.writeObjectFieldStart("cached_from");
        json.writeStringField("run_id", cachedFrom.runId());
        json.writeStringField("model", cachedFrom.model());
        json.writeStringField("task_id", cachedFrom.taskId());
        json.writeNumberField("sample", cachedFrom.sample());
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a transcript", e);
    }
    return bytes.toByteArray();
  }

  private void writeRequest(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("request");
    json.writeStringField("instructions_version", instructionsVersion);
    json.writeStringField("task_id", request.taskId());
    json.writeNumberField("sample", request.sample());
    json.writeStringField("system", request.system());
    json.writeStringField("text", request.text());
    json.writeArrayFieldStart("attachments");
    for (Attachment attachment : request.attachments()) {
      json.writeStartObject();
      json.writeStringField("name", attachment.name());
      json.writeStringField("format", attachment.format().id());
      json.writeStringField("sha256", attachment.sha256());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("formats");
    for (FileFormat format : request.formats()) {
      json.writeString(format.id());
    }
    json.writeEndArray();
    json.writeNumberField("timeout_ms", request.timeout().toMillis());
    json.writeEndObject();
  }

  private static void writeFailedCall(JsonGenerator json, CallError error) throws IOException {
    json.writeStartObject();
    json.writeNumberField("try", error.tryNumber());
    json.writeStringField("failure", error.failure().name());
    json.writeStringField("message", error.message());
    writeMillis(json, "retry_wait_ms", error.retryWait());
    json.writeStringField("at", error.at().toString());
    json.writeEndObject();
  }

  private void writeAnswer(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("answer");
    json.writeStringField("provider_model", answer.providerModel());
    json.writeStringField("request_id", answer.requestId());
    json.writeStringField("finish_reason", answer.finishReason().name());
    json.writeStringField("raw_finish_reason", answer.rawFinishReason());
    Usage usage = answer.usage();
    json.writeObjectFieldStart("usage");
    writeCount(json, "input_tokens", usage.inputTokens());
    writeCount(json, "output_tokens", usage.outputTokens());
    writeCount(json, "reasoning_tokens", usage.reasoningTokens());
    writeCount(json, "cached_input_tokens", usage.cachedInputTokens());
    json.writeEndObject();
    json.writeFieldName("cost_usd");
    if (answer.costUsd() == null) {
      json.writeNull();
    } else {
      json.writeNumber(answer.costUsd());
    }
    writeMillis(json, "latency_ms", answer.latency());
    writeMillis(json, "time_to_first_byte_ms", answer.timeToFirstByte());
    json.writeStringField("request_body", answer.requestBody());
    json.writeStringField("response_body", answer.responseBody());
    json.writeEndObject();
  }

  private static void writeCount(JsonGenerator json, String name, Long count) throws IOException {
    json.writeFieldName(name);
    if (count == null) {
      json.writeNull();
    } else {
      json.writeNumber(count);
    }
  }

  /** {@code duration} in whole milliseconds, or null. */
  private static void writeMillis(JsonGenerator json, String name, Duration duration) throws IOException {
    json.writeFieldName(name);
    if (duration == null) {
      json.writeNull();
    } else {
      json.writeNumber(duration.toMillis());
    }
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}
