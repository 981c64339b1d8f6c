package dev.parity.harness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.CallRecord;
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
 * kept (keys already redacted by the client). Format version 1; see docs/design/0001-store.md.
 */
final class Transcript {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = SuiteLoader.mapper();

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final List<Map<String, Object>> failedCalls = new ArrayList<>();

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

  void cachedFrom(AttemptKey source) {
    root.put("cached_from", Map.of("run_id", source.runId(), "model", source.model(),
        "task_id", source.taskId(), "sample", source.sample()));
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a transcript", e);
    }
  }
}
