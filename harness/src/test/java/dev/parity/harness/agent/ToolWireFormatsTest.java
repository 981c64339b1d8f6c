package dev.parity.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.testing.TestClients;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.sandbox.SandboxLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool loop over each provider's own tool-calling format, against a fake server on 127.0.0.1
 * that answers with a tool call carrying the provider's reasoning state, then with submit; the
 * python call runs for real in a bubblewrap sandbox. Each test checks what the second request sent
 * back: the reasoning state exactly as it came, and the tool's result in the provider's shape.
 */
class ToolWireFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CODE = "open('outputs/a.txt', 'w').write('hi'); print('wrote it')";

  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    server.start();
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
    sandbox = LocalSandboxBackend.bubblewrap(folder.resolve("sandboxes")).prepare(List.of(), SandboxLimits.DEFAULTS);
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
    server.close();
  }

  @Test
  void anthropicThinkingBlocksGoBackWithTheirSignaturesAndResultsAsToolResultBlocks() throws Exception {
    String code = JSON.writeValueAsString(CODE);
    enqueue("""
        {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5", "stop_reason": "tool_use",
         "content": [{"type": "thinking", "thinking": "Write the file.", "signature": "sig-EqQBCgIYAh"},
                     {"type": "text", "text": "Writing it."},
                     {"type": "tool_use", "id": "toolu_01", "name": "python", "input": {"code": %s}}],
         "usage": {"input_tokens": 10, "output_tokens": 5}}""".formatted(code),
        """
        {"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5", "stop_reason": "tool_use",
         "content": [{"type": "tool_use", "id": "toolu_02", "name": "submit", "input": {}}],
         "usage": {"input_tokens": 20, "output_tokens": 3}}""");

    AgentRun run = run(TestClients.config("anthropic", "claude-sonnet-4-5", server.url("/").toString()));

    assertSubmittedWithTheFile(run);
    List<JsonNode> requests = requests();
    assertThat(requests.get(0).path("tools").get(2).path("input_schema").path("required").get(0).asText())
        .isEqualTo("code");
    JsonNode messages = requests.get(1).path("messages");
    assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(messages.get(1).path("content").get(0).path("signature").asText()).isEqualTo("sig-EqQBCgIYAh");
    JsonNode result = messages.get(2).path("content").get(0);
    assertThat(result.path("type").asText()).isEqualTo("tool_result");
    assertThat(result.path("tool_use_id").asText()).isEqualTo("toolu_01");
    assertThat(result.path("content").asText()).contains("exit code: 0", "wrote it");
    assertThat(result.path("is_error").asBoolean()).isFalse();
  }

  @Test
  void openAiResponsesReasoningItemsGoBackWithTheirEncryptedContentBeforeTheFunctionCallOutput() throws Exception {
    String arguments = JSON.writeValueAsString(JSON.createObjectNode().put("code", CODE).toString());
    enqueue("""
        {"id": "resp_1", "status": "completed", "model": "gpt-5",
         "output": [{"type": "reasoning", "id": "rs_1", "summary": [], "encrypted_content": "gAAAAenc123"},
                    {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "python", "arguments": %s}],
         "usage": {"input_tokens": 10, "output_tokens": 5}}""".formatted(arguments),
        """
        {"id": "resp_2", "status": "completed", "model": "gpt-5",
         "output": [{"type": "function_call", "id": "fc_2", "call_id": "call_2", "name": "submit", "arguments": "{}"}],
         "usage": {"input_tokens": 20, "output_tokens": 3}}""");

    AgentRun run = run(TestClients.config("openai", "gpt-5", server.url("/v1").toString()));

    assertSubmittedWithTheFile(run);
    List<JsonNode> requests = requests();
    assertThat(requests.get(0).path("include").get(0).asText()).isEqualTo("reasoning.encrypted_content");
    assertThat(requests.get(0).path("tools").get(0).path("type").asText()).isEqualTo("function");
    JsonNode input = requests.get(1).path("input");
    assertThat(input.get(1).path("type").asText()).isEqualTo("reasoning");
    assertThat(input.get(1).path("encrypted_content").asText()).isEqualTo("gAAAAenc123");
    assertThat(input.get(2).path("type").asText()).isEqualTo("function_call");
    assertThat(input.get(3).path("type").asText()).isEqualTo("function_call_output");
    assertThat(input.get(3).path("call_id").asText()).isEqualTo("call_1");
    assertThat(input.get(3).path("output").asText()).contains("wrote it");
  }

  @Test
  void geminiThoughtSignaturesGoBackOnTheirPartsAndResultsAsFunctionResponses() throws Exception {
    String code = JSON.writeValueAsString(CODE);
    enqueue("""
        {"candidates": [{"content": {"role": "model", "parts": [
            {"text": "Thinking it over.", "thought": true},
            {"functionCall": {"name": "python", "args": {"code": %s}}, "thoughtSignature": "CiQB0e2Kb7sig"}]},
          "finishReason": "STOP"}],
         "usageMetadata": {"promptTokenCount": 10, "candidatesTokenCount": 5}, "modelVersion": "gemini-3-pro"}"""
            .formatted(code),
        """
        {"candidates": [{"content": {"role": "model", "parts": [{"functionCall": {"name": "submit", "args": {}}}]},
          "finishReason": "STOP"}],
         "usageMetadata": {"promptTokenCount": 20, "candidatesTokenCount": 3}, "modelVersion": "gemini-3-pro"}""");

    AgentRun run = run(TestClients.config("gemini", "gemini-3-pro", server.url("/").toString()));

    assertSubmittedWithTheFile(run);
    List<JsonNode> requests = requests();
    JsonNode declarations = requests.get(0).path("tools").get(0).path("functionDeclarations");
    assertThat(declarations.findValuesAsText("name")).contains("python", "submit");
    assertThat(declarations.findValue("additionalProperties")).isNull();
    JsonNode contents = requests.get(1).path("contents");
    assertThat(contents.get(1).path("role").asText()).isEqualTo("model");
    assertThat(contents.get(1).path("parts").get(1).path("thoughtSignature").asText()).isEqualTo("CiQB0e2Kb7sig");
    JsonNode response = contents.get(2).path("parts").get(0).path("functionResponse");
    assertThat(response.path("name").asText()).isEqualTo("python");
    assertThat(response.has("id")).as("Gemini gave the call no id").isFalse();
    assertThat(response.path("response").path("output").asText()).contains("wrote it");
  }

  private void assertSubmittedWithTheFile(AgentRun run) {
    assertThat(run.end()).as(String.valueOf(run.failedCall())).isEqualTo(AgentRun.End.SUBMITTED);
    assertThat(run.turns()).isEqualTo(2);
    assertThat(run.usage().inputTokens()).isEqualTo(30);
    assertThat(run.files()).singleElement().satisfies(file -> {
      assertThat(file.path()).isEqualTo("a.txt");
      assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("hi");
    });
  }

  private AgentRun run(dev.parity.harness.client.ModelConfig config) throws InterruptedException {
    ModelClient client = TestClients.registry().create(config);
    try (ModelCaller caller = ModelCaller.create(client, 0)) {
      AgentLoop loop = new AgentLoop(caller, AgentSettings.of("python", SandboxBackend.Kind.BUBBLEWRAP),
          Clock.systemUTC(), null);
      return loop.run(TestClients.request("Task t1: write a.txt"), sandbox, Budget.unlimitedReservation(), 100,
          (failure, wait) -> { }, AgentRecorder.NONE);
    }
  }

  private void enqueue(String... bodies) {
    for (String body : bodies) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body)
          .build());
    }
  }

  private List<JsonNode> requests() throws Exception {
    List<JsonNode> requests = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      requests.add(JSON.readTree(server.takeRequest().getBody().string(StandardCharsets.UTF_8)));
    }
    return requests;
  }
}
