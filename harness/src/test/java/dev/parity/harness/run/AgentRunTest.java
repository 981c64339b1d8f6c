package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.ParityException;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.ScriptedToolServer;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import mockwebserver3.MockWebServer;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent runs end to end: the runner, the real Chat Completions client against a scripted fake
 * server on 127.0.0.1, and real tool calls in a bubblewrap sandbox. Time limits use a manual clock
 * the fake server moves; nothing here waits for the clock.
 */
class AgentRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WRITE_DOCX = """
      import docx
      notes = open('inputs/notes.txt').read()
      document = docx.Document()
      document.add_heading('Quarterly memo', 1)
      document.add_paragraph(notes)
      document.save('outputs/memo.docx')
      print('saved')
      """;

  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final ScriptedToolServer script = new ScriptedToolServer();
  private final ManualClock clock = new ManualClock();
  private Store store;
  private Suite suite;
  private SandboxBackend sandboxes;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(script);
    server.start();
    store = Store.open(folder.resolve("parity.db"));
    suite = suite(folder.resolve("suite"));
    // The sandbox's user must pass through the test's folder to reach its workspace.
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
    sandboxes = LocalSandboxBackend.bubblewrap(folder.resolve("sandboxes"));
  }

  @AfterEach
  void tearDown() {
    store.close();
    server.close();
  }

  @Test
  void aModelReadsTheReferenceWritesADocxWithPythonAndSubmits() throws Exception {
    script.toolCalls("read_file", "{\"path\": \"inputs/notes.txt\"}")
        .toolCalls("python", JSON.createObjectNode().put("code", WRITE_DOCX).toString())
        .toolCalls("submit", "{}");

    run(agent("python,shell"));

    Attempt attempt = only();
    assertThat(attempt.status()).as(String.valueOf(attempt.failure())).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(attempt.answer().usage().inputTokens()).isEqualTo(300);
    assertThat(attempt.answer().usage().outputTokens()).isEqualTo(60);
    assertThat(attempt.calls().httpAttempts()).isEqualTo(3);
    List<AttemptFile> files = store.files(attempt.key());
    assertThat(files).extracting(AttemptFile::name).containsExactly("memo.docx");
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(store.blobs().get(files.get(0).sha256())));
        XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
      assertThat(text.getText()).contains("Quarterly memo", "Revenue grew 12% in Q3.");
    }
    // The second request carries the first turn and its tool result; the third the python run.
    JsonNode second = JSON.readTree(script.requests().get(1));
    assertThat(second.path("tools")).extracting(t -> t.path("function").path("name").asText())
        .containsExactly("list_files", "read_file", "python", "shell", "submit");
    JsonNode toolMessage = second.path("messages").get(second.path("messages").size() - 1);
    assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
    assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_1_0");
    assertThat(toolMessage.path("content").asText()).isEqualTo("Revenue grew 12% in Q3.");
    assertThat(script.requests().get(2)).contains("exit code: 0", "saved");
    JsonNode transcript = JSON.readTree(store.blobs().get(attempt.calls().transcriptSha256()));
    assertThat(transcript.path("format_version").asInt()).isEqualTo(2);
    assertThat(transcript.path("agent").path("turns")).hasSize(3);
    assertThat(transcript.path("agent").path("turns").get(1).path("tool_results").get(0).path("exit_code").asInt())
        .isZero();
    assertThat(transcript.path("agent_end").path("end").asText()).isEqualTo("submitted");
  }

  @Test
  void theAttemptRecordsItsTurnsToolCallsAndTheSandboxsCpuAndPeakMemory() throws Exception {
    String work = "x = b'x' * 120_000_000\nprint(sum(i * i for i in range(3_000_000)))";
    script.toolCalls("python", JSON.createObjectNode().put("code", work).toString(), "list_files", "{}")
        .toolCalls("python", JSON.createObjectNode().put("code", WRITE_DOCX).toString())
        .toolCalls("submit", "{}");

    run(agent("python"));

    Attempt attempt = only();
    assertThat(attempt.status()).as(String.valueOf(attempt.failure())).isEqualTo(AttemptStatus.COMPLETED);
    assertThat(attempt.agent().turns()).isEqualTo(3);
    assertThat(attempt.agent().toolCalls()).isEqualTo(4);
    assertThat(attempt.agent().sandboxCpuMs()).isGreaterThan(100);
    assertThat(attempt.agent().sandboxPeakMemoryKb()).as("the largest python's peak, not a sum")
        .isBetween(120_000L, 1_000_000L);
    assertThat(attempt.agent().spentUsage().inputTokens()).isEqualTo(300);
    assertThat(attempt.agentEnd()).isEqualTo("completed");
    JsonNode transcript = JSON.readTree(store.blobs().get(attempt.calls().transcriptSha256()));
    JsonNode first = transcript.at("/agent/turns/0/tool_results");
    assertThat(first.get(0).path("peak_memory_kb").asLong()).isGreaterThan(120_000);
    assertThat(first.get(0).path("cpu_ms").asLong()).isPositive();
    assertThat(first.get(1).path("cpu_ms").isNull()).as("list_files runs nothing in the sandbox").isTrue();
    assertThat(transcript.at("/agent_end/tool_calls").asInt()).isEqualTo(4);
    assertThat(transcript.at("/agent_end/sandbox_cpu_ms").asLong()).isEqualTo(attempt.agent().sandboxCpuMs());
    java.io.StringWriter jsonl = new java.io.StringWriter();
    dev.parity.harness.store.AttemptExport.write(store, store.findRun("r1").orElseThrow(),
        dev.parity.harness.store.AttemptExport.Format.JSONL, jsonl);
    JsonNode row = JSON.readTree(jsonl.toString());
    assertThat(row.path("agent_end").asText()).isEqualTo("completed");
    assertThat(row.path("agent_turns").asInt()).isEqualTo(3);
    assertThat(row.path("agent_tool_calls").asInt()).isEqualTo(4);
    assertThat(row.path("sandbox_cpu_seconds").asDouble()).isEqualTo(attempt.agent().sandboxCpuMs() / 1000.0);
    assertThat(row.path("sandbox_peak_memory_kb").asLong()).isEqualTo(attempt.agent().sandboxPeakMemoryKb());
    assertThat(row.path("spent_input_tokens").asLong()).isEqualTo(300);
  }

  @Test
  void renderShowsTheModelThePagesOfItsOwnDocx() throws Exception {
    script.toolCalls("python", JSON.createObjectNode().put("code", WRITE_DOCX).toString())
        .toolCalls("render", "{\"path\": \"outputs/memo.docx\"}")
        .toolCalls("submit", "{}");

    run(agent("python,render"));

    assertThat(only().status()).isEqualTo(AttemptStatus.COMPLETED);
    JsonNode third = JSON.readTree(script.requests().get(2));
    JsonNode messages = third.path("messages");
    JsonNode tool = messages.get(messages.size() - 2);
    assertThat(tool.path("role").asText()).isEqualTo("tool");
    assertThat(tool.path("content").asText()).startsWith("outputs/memo.docx: 1 page, shown as images");
    JsonNode pages = messages.get(messages.size() - 1);
    assertThat(pages.path("role").asText()).isEqualTo("user");
    String url = pages.path("content").get(1).path("image_url").path("url").asText();
    assertThat(url).startsWith("data:image/png;base64,");
    byte[] png = java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
    assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isPositive();
    JsonNode transcript = JSON.readTree(store.blobs().get(only().calls().transcriptSha256()));
    assertThat(transcript.path("agent").path("turns").get(1).path("tool_results").get(0).path("images").asInt())
        .isEqualTo(1);
  }

  @Test
  void aModelThatNeverSubmitsEndsAtTheTurnLimitWithNoDeliverable() {
    for (int i = 0; i < 5; i++) {
      script.toolCalls("list_files", "{}");
    }

    run(agent("python").withMaxTurns(3));

    Attempt attempt = only();
    assertThat(attempt.status()).isEqualTo(AttemptStatus.NO_DELIVERABLE);
    assertThat(attempt.failure().type()).isEqualTo("turn_limit");
    assertThat(script.requests()).hasSize(3);
    assertThat(attempt.status().isModelOutcome()).isTrue();
    assertThat(attempt.agentEnd()).isEqualTo("turn_limit");
  }

  @Test
  void aTextAnswerWithoutFilesIsNoDeliverable() {
    script.text("Here is the memo: revenue grew.");

    run(agent("python"));

    Attempt attempt = only();
    assertThat(attempt.status()).isEqualTo(AttemptStatus.NO_DELIVERABLE);
    assertThat(attempt.failure().type()).isEqualTo("no_files");
  }

  @Test
  void theAttemptEndsAtItsTimeLimit() {
    for (int i = 0; i < 5; i++) {
      script.toolCalls("list_files", "{}");
    }
    script.onRequest(body -> clock.advance(Duration.ofMinutes(20)));

    run(agent("python"));

    Attempt attempt = only();
    assertThat(attempt.status()).isEqualTo(AttemptStatus.NO_DELIVERABLE);
    assertThat(attempt.failure().type()).isEqualTo("time_limit");
    assertThat(script.requests()).hasSize(2);
  }

  @Test
  void malformedToolCallsGetAToolErrorAndTheLoopGoesOn() throws Exception {
    script.toolCalls("delete_everything", "{}", "python", "{not json", "shell", "{\"command\": \"echo hi\"}",
        "python", "{\"source\": \"print(1)\"}")
        .toolCalls("submit", "{}");

    run(agent("python"));

    JsonNode second = JSON.readTree(script.requests().get(1));
    List<String> results = new java.util.ArrayList<>();
    second.path("messages").forEach(m -> {
      if (m.path("role").asText().equals("tool")) {
        results.add(m.path("content").asText());
      }
    });
    assertThat(results).hasSize(4);
    assertThat(results.get(0)).startsWith("error: unknown tool 'delete_everything'");
    assertThat(results.get(1)).startsWith("error: the arguments of python are not JSON");
    assertThat(results.get(2)).as("shell was not offered").startsWith("error: unknown tool 'shell'");
    assertThat(results.get(3)).isEqualTo("error: python needs the argument 'code' (a string)");
    assertThat(only().status()).isEqualTo(AttemptStatus.NO_DELIVERABLE);
    assertThat(only().failure().type()).isEqualTo("no_files");
  }

  @Test
  void aResumeWithOtherToolsIsRefused() {
    script.text("no files");
    run(agent("python"));

    assertThatThrownBy(() -> run(agent("python,shell"))).isInstanceOf(RunMismatchException.class)
        .hasMessageContaining("agent settings");
  }

  @Test
  void aModelsOwnToolsFromTheModelsFileAreTheOnesItIsOffered() throws Exception {
    script.text("no files");

    run(agent("python"), model().withTools(List.of("list_files", "read_file", "shell", "submit")));

    JsonNode first = JSON.readTree(script.requests().get(0));
    assertThat(first.path("tools")).extracting(t -> t.path("function").path("name").asText())
        .containsExactly("list_files", "read_file", "shell", "submit");
    JsonNode transcript = JSON.readTree(store.blobs().get(only().calls().transcriptSha256()));
    assertThat(transcript.path("agent").path("tools")).extracting(JsonNode::asText)
        .containsExactly("list_files", "read_file", "shell", "submit");
    assertThat(store.findRun("r1").orElseThrow().models().get(0).tools())
        .containsExactly("list_files", "read_file", "shell", "submit");
  }

  @Test
  void aResumeWithAModelsOtherToolsIsRefusedNamingTheModel() {
    script.text("no files");
    run(agent("python"), model().withTools(List.of("list_files", "read_file", "shell", "submit")));

    assertThatThrownBy(() -> run(agent("python"), model().withTools(List.of("list_files", "read_file", "submit"))))
        .isInstanceOf(RunMismatchException.class).hasMessageContaining("model openai-compatible:m: tools was");
    assertThatThrownBy(() -> run(agent("python"), model())).isInstanceOf(RunMismatchException.class)
        .hasMessageContaining("tools was");
  }

  @Test
  void aModelWithToolsOfItsOwnNeedsAnAgentRun() {
    ModelClients clients = ModelClients.builder().registerInstalled().environment(name -> null).build();
    Runner runner = Runner.builder(store, clients::create).clock(clock).sandboxes(sandboxes).build();

    assertThatThrownBy(() -> runner.run(new RunPlan("r1", suite, List.of(model().withTools(List.of("submit"))),
        RunSettings.DEFAULT), new RunControl())).isInstanceOf(ParityException.class)
        .hasMessageContaining("have tools of their own");
    assertThat(script.requests()).isEmpty();
  }

  @Test
  void theRunRecordsTheToolsetAndAResumeWithAnotherIsRefused() {
    script.text("no files");
    run(agent("python"));

    AgentSettings recorded = RunSettings.of(store.findRun("r1").orElseThrow()).agent();
    assertThat(recorded.toolset().python()).isNotNull();
    assertThat(recorded.toolset().libraries().get("python-docx")).isNotNull();
    SandboxBackend real = sandboxes;
    sandboxes = new OtherToolset(real);

    assertThatThrownBy(() -> run(agent("python"))).isInstanceOf(RunMismatchException.class)
        .hasMessageContaining("toolset").hasMessageContaining("9.9.9");
  }

  /** A sandbox whose toolset probe answers with another python-docx version. */
  private static final class OtherToolset implements SandboxBackend {
    private final SandboxBackend real;

    OtherToolset(SandboxBackend real) {
      this.real = real;
    }

    @Override
    public Kind kind() {
      return real.kind();
    }

    @Override
    public Optional<String> problem() {
      return real.problem();
    }

    @Override
    public dev.parity.harness.sandbox.Sandbox prepare(List<InputFile> inputs,
        dev.parity.harness.sandbox.SandboxLimits limits) {
      dev.parity.harness.sandbox.Sandbox sandbox = real.prepare(inputs, limits);
      return new dev.parity.harness.sandbox.Sandbox() {
        @Override
        public dev.parity.harness.sandbox.Execution exec(List<String> command, String stdin)
            throws InterruptedException {
          dev.parity.harness.sandbox.Execution execution = sandbox.exec(command, stdin);
          return new dev.parity.harness.sandbox.Execution(execution.exitCode(),
              execution.stdout().replaceAll("\"python-docx\": \"[^\"]*\"", "\"python-docx\": \"9.9.9\""),
              execution.stderr(), false, false, false, false, execution.duration());
        }

        @Override
        public List<String> listFiles() {
          return sandbox.listFiles();
        }

        @Override
        public byte[] read(String path) {
          return sandbox.read(path);
        }

        @Override
        public List<WorkspaceFile> copyOut() {
          return sandbox.copyOut();
        }

        @Override
        public Kind kind() {
          return sandbox.kind();
        }

        @Override
        public void close() {
          sandbox.close();
        }
      };
    }
  }

  @Test
  void aPlainAnswerNeverServesAnAgentAttemptFromTheCache() {
    ModelConfig model = model();
    ModelRequestsAreKeyed keyed = new ModelRequestsAreKeyed(model);

    assertThat(keyed.plain()).isNotEqualTo(keyed.agent(agent("python")));
    assertThat(keyed.agent(agent("python"))).isNotEqualTo(keyed.agent(agent("python,shell")));
    assertThat(keyed.agent(agent("python"))).isEqualTo(keyed.agent(agent("python").withSandboxes(8)));
    assertThat(keyed.agent(agent("python").forModelTools(List.of("list_files", "read_file", "shell", "submit"))))
        .as("a model's own tools key its answers").isEqualTo(keyed.agent(agent("shell")));
  }

  @Test
  void withoutAWorkingSandboxTheRunIsRefusedWithADoctorHint() {
    SandboxBackend broken = new dev.parity.harness.testing.UnusableSandboxes("bwrap is not on the PATH");
    sandboxes = broken;

    assertThatThrownBy(() -> run(agent("python"))).isInstanceOf(ParityException.class)
        .hasMessageContaining("bwrap is not on the PATH", "parity doctor", "--unsafe-no-sandbox");
    assertThat(script.requests()).isEmpty();
  }

  /** The cache keys of one task's request, plain and as agent attempts. */
  private final class ModelRequestsAreKeyed {
    private final ModelConfig model;
    private final TaskRequests requests = new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1));

    ModelRequestsAreKeyed(ModelConfig model) {
      this.model = model;
    }

    String plain() {
      return CacheKey.forModel(model, null, FormatConversion.OFF).of(requests.request(suite.tasks().get(0), 0));
    }

    String agent(AgentSettings agent) {
      return CacheKey.forModel(model, agent, FormatConversion.OFF).of(requests.request(suite.tasks().get(0), 0));
    }
  }

  private static AgentSettings agent(String tools) {
    return AgentSettings.of(tools, SandboxBackend.Kind.BUBBLEWRAP);
  }

  private void run(AgentSettings agent) {
    run(agent, model());
  }

  private void run(AgentSettings agent, ModelConfig model) {
    ModelClients clients = ModelClients.builder().registerInstalled().environment(name -> null).build();
    Runner runner = Runner.builder(store, clients::create).clock(clock).sleeper(new RecordingSleeper(clock))
        .random(new Random(3)).sandboxes(sandboxes).build();
    runner.run(new RunPlan("r1", suite, List.of(model), RunSettings.DEFAULT.withAgent(agent)), new RunControl());
  }

  private ModelConfig model() {
    return ModelSpecs.parse("openai-compatible:m@" + server.url("/v1"));
  }

  private Attempt only() {
    return store.attempts("r1").get(0);
  }

  private static Suite suite(Path root) throws Exception {
    Path task = Files.createDirectories(root.resolve("tasks/T0001/references"));
    Files.writeString(root.resolve("suite.json"), "{\"name\": \"agent-suite\", \"version\": \"1.0\", \"format_version\": 1}\n");
    Files.writeString(task.resolve("notes.txt"), "Revenue grew 12% in Q3.");
    Files.writeString(task.getParent().resolve("baseline.md"), "# Memo\n\nRevenue grew.\n");
    Files.writeString(task.getParent().resolve("task.json"), """
        {
          "id": "T0001",
          "title": "Quarterly memo",
          "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
          "sector": "Finance and Insurance",
          "request": {"from": "Director", "text": "Task T0001: write the quarterly memo as a Word document."},
          "references": [{"file": "references/notes.txt", "description": "my notes"}],
          "deliverable": {"formats": ["docx"]},
          "baseline": {"files": ["baseline.md"], "minutes": 60, "hourly_wage_usd": 50},
          "rubric": [{"id": "memo", "criterion": "It is a memo.", "points": 1}]
        }
        """);
    return SuiteLoader.create().load(root);
  }
}
