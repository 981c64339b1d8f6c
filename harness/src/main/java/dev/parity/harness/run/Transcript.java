package dev.parity.harness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.agent.AgentRecorder;
import dev.parity.harness.agent.AgentRun;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.agent.ToolExecution;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.CallError;
import dev.parity.tasks.SuiteLoader;
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
 */
final class Transcript implements AgentRecorder {
  static final int FORMAT_VERSION = 2;
  private static final ObjectMapper JSON = SuiteLoader.mapper();

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final List<Map<String, Object>> failedCalls = new ArrayList<>();
  private final List<Map<String, Object>> turns = new ArrayList<>();

  Transcript() {
    root.put("format_version", FORMAT_VERSION);
  }

  void request(ModelRequest request, String instructionsVersion) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instructions_version", instructionsVersion);
    json.put("task_id", request.taskId());
    json.put("sample", request.sample());
    json.put("system", request.system());
    json.put("text", request.text());
    json.put("attachments", request.attachments().stream().map(a -> Map.of(
        "name", a.name(), "format", a.format().id(), "sha256", a.sha256())).toList());
    json.put("formats", request.formats().stream().map(FileFormat::id).toList());
    json.put("timeout_ms", request.timeout().toMillis());
    root.put("request", json);
    root.put("failed_calls", failedCalls);
  }

  void call(CallError error) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("try", error.tryNumber());
    json.put("failure", error.failure().name());
    json.put("message", error.message());
    json.put("retry_wait_ms", error.retryWait() == null ? null : error.retryWait().toMillis());
    json.put("at", error.at().toString());
    failedCalls.add(json);
  }

  void answer(CallRecord call) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("provider_model", call.providerModel());
    json.put("request_id", call.requestId());
    json.put("finish_reason", call.finishReason().name());
    json.put("raw_finish_reason", call.rawFinishReason());
    json.put("usage", call.usage());
    json.put("cost_usd", call.costUsd());
    json.put("latency_ms", call.latency().toMillis());
    json.put("time_to_first_byte_ms", call.timeToFirstByte() == null ? null : call.timeToFirstByte().toMillis());
    json.put("request_body", call.requestBody());
    json.put("response_body", call.responseBody());
    root.put("answer", json);
  }

  /** Starts the agent part: the attempt's settings and the sandbox its tools ran in. */
  void agent(AgentSettings settings) {
    Map<String, Object> json = new LinkedHashMap<>(settings.definition());
    json.put("turns", turns);
    root.put("agent", json);
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
    root.put("agent_end", json);
  }

  void cachedFrom(AttemptKey source) {
    root.put("cached_from", Map.of("run_id", source.runId(), "model", source.model(),
        "task_id", source.taskId(), "sample", source.sample()));
  }

  synchronized byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a transcript", e);
    }
  }
}
