package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.agent.AgentRun;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.agent.ToolExecution;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.ToolCall;
import dev.parity.harness.client.ToolResult;
import dev.parity.harness.client.Usage;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.CallError;
import dev.parity.tasks.SuiteLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A transcript is written byte for byte as the maps of earlier versions were (format version 2),
 * so that what is stored, and the blob's name, stay the same.
 */
class TranscriptTest {
  private static final ModelRequest REQUEST = new ModelRequest("T1", 2, "Answer \"well\".\n\té 😀", "Write\u0001 it.",
      List.of(new Attachment("brief.pdf", FileFormat.PDF, Path.of("brief.pdf"), "ab".repeat(32))),
      List.of(FileFormat.MD, FileFormat.DOCX), Duration.ofMinutes(3));
  private static final CallRecord ANSWER = new CallRecord("m-2025", "req-1", FinishReason.COMPLETED, "stop",
      new Usage(120L, 30L, null, 0L), 0.00125, Duration.ofMillis(812), Duration.ofMillis(95), 1,
      "{\"model\":\"m\",\"messages\":[]}", "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}");
  private static final CallError FAILED = new CallError(1, CallFailure.RATE_LIMITED, "HTTP 429: slow down",
      Duration.ofMillis(1500), Instant.parse("2026-12-06T12:00:00.123Z"));
  private static final CallError FAILED_AT_ONCE = new CallError(2, CallFailure.SERVER_ERROR, null, null,
      Instant.parse("2026-12-06T12:00:02Z"));

  @Test
  void anAnsweredAttemptIsWrittenAsBefore() {
    new Both().request(REQUEST, "envelope-v1").call(FAILED).call(FAILED_AT_ONCE).answer(ANSWER).assertWrittenAsBefore();
  }

  @Test
  void anAnswerWithoutCountsOrTimesIsWrittenAsBefore() {
    CallRecord bare = new CallRecord(null, null, FinishReason.OTHER, null, Usage.UNKNOWN, null, Duration.ZERO, null, 1,
        null, null);
    ModelRequest noSystem = new ModelRequest("T2", 0, null, "text", List.of(), List.of(FileFormat.XLSX),
        Duration.ofSeconds(1));

    new Both().request(noSystem, "v").answer(bare).assertWrittenAsBefore();
  }

  @Test
  void aFailedAndACachedAttemptAreWrittenAsBefore() {
    new Both().request(REQUEST, "envelope-v1").call(FAILED).assertWrittenAsBefore();
    new Both().request(REQUEST, "envelope-v1").cachedFrom(new AttemptKey("run-1", "openai:gpt-5", "T1", 0))
        .assertWrittenAsBefore();
  }

  @Test
  void anAgentAttemptKeepsItsPartsInTheirPlaces() throws Exception {
    AgentSettings settings = AgentSettings.of("python", SandboxBackend.Kind.BUBBLEWRAP);
    ModelAnswer turn = new ModelAnswer("looking", List.of(), ANSWER,
        List.of(new ToolCall("call-1", "python", "{}")), "{}");
    ToolExecution execution = new ToolExecution(new ToolResult(new ToolCall("call-1", "python", "{}"), "1\n", false),
        0, Duration.ofMillis(40), false, false);
    AgentRun run = new AgentRun(AgentRun.End.ANSWERED, null, "done", ANSWER, new Usage(5L, 6L, null, null), null, 1, 1,
        List.of(), List.of(), 1, null);
    Transcript transcript = new Transcript();
    transcript.request(REQUEST, "envelope-v1");
    transcript.agent(settings);
    transcript.turn(1, turn, ANSWER);
    transcript.toolCall(1, execution);
    transcript.agentEnd(run);

    ObjectMapper json = SuiteLoader.mapper();
    JsonNode written = json.readTree(transcript.toJson());
    List<String> parts = new ArrayList<>();
    written.fieldNames().forEachRemaining(parts::add);
    Map<String, Object> agent = new LinkedHashMap<>(settings.definition());
    agent.put("turns", written.get("agent").get("turns"));
    assertThat(parts).containsExactly("format_version", "request", "failed_calls", "agent", "agent_end");
    assertThat(written.get("agent").toString()).isEqualTo(json.writeValueAsString(agent));
    assertThat(written.get("agent").get("turns").get(0).get("tool_results").get(0).get("output").asText())
        .isEqualTo("1\n");
    assertThat(written.get("agent_end").get("usage").toString())
        .isEqualTo("{\"input_tokens\":5,\"output_tokens\":6,\"reasoning_tokens\":null,\"cached_input_tokens\":null}");
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** The same steps given to this version's transcript and to the earlier one. */
  private record Both(Transcript now, Earlier before) {
    Both() {
      this(new Transcript(), new Earlier());
    }

    Both request(ModelRequest request, String instructionsVersion) {
      now.request(request, instructionsVersion);
      before.request(request, instructionsVersion);
      return this;
    }

    Both call(CallError error) {
      now.call(error);
      before.call(error);
      return this;
    }

    Both answer(CallRecord call) {
      now.answer(call);
      before.answer(call);
      return this;
    }

    Both cachedFrom(AttemptKey source) {
      now.cachedFrom(source);
      before.cachedFrom(source);
      return this;
    }

    void assertWrittenAsBefore() {
      assertThat(text(now.toJson())).isEqualTo(text(before.toJson()));
    }
  }

  /**
   * A transcript as versions before the eighth pass built it: maps written by the mapper. Their
   * attachments and cached_from were immutable maps, whose order changed from one JVM to the next;
   * here, and now, they are in the order they were listed in.
   */
  private static final class Earlier {
    private static final ObjectMapper JSON = SuiteLoader.mapper();
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, Object>> failedCalls = new ArrayList<>();

    Earlier() {
      root.put("format_version", Transcript.FORMAT_VERSION);
    }

    void request(ModelRequest request, String instructionsVersion) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("instructions_version", instructionsVersion);
      json.put("task_id", request.taskId());
      json.put("sample", request.sample());
      json.put("system", request.system());
      json.put("text", request.text());
      json.put("attachments", request.attachments().stream().map(a -> ordered("name", a.name(),
          "format", a.format().id(), "sha256", a.sha256())).toList());
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
      root.put("cached_from", ordered("run_id", source.runId(), "model", source.model(), "task_id", source.taskId(),
          "sample", source.sample()));
    }

    byte[] toJson() {
      try {
        return JSON.writeValueAsBytes(root);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(e);
      }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
      return map;
    }
  }
}
