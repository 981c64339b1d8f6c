package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.testing.ScriptedToolServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity run --tools}, in-process, against a scripted tool-calling server and a real sandbox,
 * and what {@code run show} and {@code parity report} make of it: an attempt that ends without a
 * deliverable is a loss against the professionals, shown with the model's failure rate and the
 * run's limits; a failure of the infrastructure is no loss; a run made without a sandbox is labelled.
 */
class AgentRunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final ScriptedToolServer script = new ScriptedToolServer();
  private Path suite;
  private String db;
  private String model;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(script);
    server.start();
    suite = folder.resolve("suite");
    dev.parity.harness.testing.TestSuites.write(suite, 1);
    db = folder.resolve("store/parity.db").toString();
    model = "openai-compatible:m@" + server.url("/v1");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void anAgentRunMakesItsDeliverableWithTheToolsAndRecordsTheSettings() throws Exception {
    script.toolCalls("shell", JSON.createObjectNode().put("command",
            "printf '# Memo\\n\\nThe quarter went well.\\n' > outputs/memo.md && ls outputs").toString())
        .toolCalls("submit", "{}");

    CommandRun run = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", "r1", "--tools", "python,shell", "--max-turns", "5", "--sandboxes", "2");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Run r1 completed: 1 of 1 attempts ended (1 completed");
    assertThat(script.requests()).hasSize(2);
    assertThat(script.requests().get(1)).contains("memo.md", "exit code: 0");
    JsonNode show = JSON.readTree(CommandRun.of("run", "show", "r1", "--db", db, "--json").out());
    assertThat(show.at("/attempts/completed").asInt()).isEqualTo(1);
    assertThat(show.at("/agent/tools").toString()).contains("python", "shell", "submit");
    assertThat(show.at("/agent/max_turns").asInt()).isEqualTo(5);
    assertThat(show.at("/agent/toolset").asText()).contains("python-docx");
    assertThat(CommandRun.of("run", "show", "r1", "--db", db).out())
        .contains("  agent        tools list_files, python, read_file, shell, submit; at most 5 turns and 1800s"
            + " an attempt; sandbox bubblewrap")
        .contains("  toolset      python 3.").contains("  no deliverable none")
        .contains("  tools        list_files, python, read_file, shell, submit\n", "  ended        completed 1\n",
            "  work         2 turns, 2 tool calls; sandbox CPU ");
    assertThat(show.at("/models/0/agent/turns").asInt()).isEqualTo(2);
    assertThat(show.at("/models/0/agent/tool_calls").asInt()).isEqualTo(2);
    assertThat(show.at("/models/0/agent/ends/completed").asInt()).isEqualTo(1);
    assertThat(show.at("/models/0/agent/sandbox_peak_memory_kb").asLong()).isPositive();
  }

  @Test
  void runShowCountsTheAttemptsThatEndedWithoutADeliverableByReason() throws Exception {
    script.toolCalls("list_files", "{}").toolCalls("list_files", "{}");

    CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--run-id", "r2",
        "--tools", "python", "--max-turns", "2");

    String show = CommandRun.of("run", "show", "r2", "--db", db).out();
    assertThat(show).contains("no_deliverable 1", "  no deliverable turn_limit 1");
  }

  @Test
  void aModelsFileGivesAModelItsOwnToolsAndTheCommandLineWins() throws Exception {
    Path models = Files.writeString(folder.resolve("models.yaml"), """
        models:
          - {name: m, provider: openai-compatible, model: m, base_url: "%s", tools: [shell]}
        """.formatted(server.url("/v1")));
    script.text("no files").text("no files");

    CommandRun own = CommandRun.of("run", "--suite", suite.toString(), "--models", models.toString(), "--db", db,
        "--run-id", "own");
    CommandRun overridden = CommandRun.of("run", "--suite", suite.toString(), "--models", models.toString(), "--db",
        db, "--run-id", "cli", "--tools", "python");

    assertThat(own.exitCode()).as(own.out() + own.err()).isZero();
    assertThat(overridden.exitCode()).as(overridden.out() + overridden.err()).isZero();
    assertThat(JSON.readTree(script.requests().get(0)).path("tools").toString()).contains("\"shell\"")
        .doesNotContain("\"python\"");
    assertThat(JSON.readTree(script.requests().get(1)).path("tools").toString()).contains("\"python\"")
        .doesNotContain("\"shell\"");
    assertThat(CommandRun.of("run", "show", "own", "--db", db).out())
        .contains("  tools        list_files, read_file, shell, submit\n");
  }

  @Test
  void anUnknownToolIsAUsageErrorThatListsTheTools() {
    CommandRun run = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--tools", "python,browser");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown tool browser", "python, shell");
    assertThat(script.requests()).isEmpty();
  }

  @Test
  void limitsWithoutToolsAreAUsageError() {
    CommandRun run = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--max-turns", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("add --tools");
  }

  @Test
  void anAttemptThatSubmitsNoFilesIsALossAndAFailedCallIsNone() throws Exception {
    script.toolCalls("list_files", "{}").toolCalls("submit", "{}");
    // The second model's server is not there: its attempt fails for good, the infrastructure's fault.
    run("ag", "--model", "openai-compatible:down@http://127.0.0.1:1/v1", "--max-retries", "0");

    JsonNode report = report("ag");

    JsonNode overall = overall(report, "openai-compatible:m");
    assertThat(overall.path("losses").asInt()).isEqualTo(1);
    assertThat(overall.path("wins").asInt() + overall.path("ties").asInt()).isZero();
    assertThat(overall.path("score").asDouble()).isZero();
    assertThat(overall(report, "openai-compatible:down")).as("a failed call is not a loss").isNull();
    JsonNode agent = report.at("/provenance/runs/0/agent");
    assertThat(agent.path("max_turns").asInt()).isEqualTo(50);
    assertThat(agent.path("unsafe_no_sandbox").asBoolean()).isFalse();
    assertThat(agent.at("/failures/0/model").asText()).isEqualTo("openai-compatible:m");
    assertThat(agent.at("/failures/0/no_deliverable/no_files").asInt()).isEqualTo(1);
    assertThat(agent.at("/failures/1/ended").asInt()).as("the failed attempt did not end as the model's").isZero();
    String markdown = Files.readString(folder.resolve("out-ag/report.md"));
    assertThat(markdown).contains("  - agent run ag: 1 of 1 attempts (100%) ended without a deliverable (no\\_files 1),"
        + " counted as losses; at most 50 turns, 1800 s an attempt").doesNotContain("Tools ran without a sandbox");
    assertThat(Files.readString(folder.resolve("out-ag/report.html")))
        .contains("agent run ag: 1 of 1 attempts (100%) ended without a deliverable (no_files 1), counted as losses;"
            + " at most 50 turns, 1800 s an attempt; tools list_files, python, read_file, submit; sandbox bubblewrap")
        .doesNotContain("id=\"unsafe-no-sandbox\"");
  }

  @Test
  void aRunWhoseToolsRanWithoutASandboxIsLabelledInEveryReportFile() throws Exception {
    script.text("I cannot make files.");
    run("unsafe", "--unsafe-no-sandbox");

    JsonNode report = report("unsafe");

    assertThat(report.at("/provenance/runs/0/agent/unsafe_no_sandbox").asBoolean()).isTrue();
    assertThat(report.at("/provenance/runs/0/agent/sandbox").asText()).isEqualTo("none");
    assertThat(Files.readString(folder.resolve("out-unsafe/report.md")))
        .contains("> **Tools ran without a sandbox (--unsafe-no-sandbox) in run unsafe:");
    assertThat(Files.readString(folder.resolve("out-unsafe/report.html")))
        .contains("id=\"unsafe-no-sandbox\"", "Tools ran without a sandbox (--unsafe-no-sandbox) in run unsafe");
  }

  /** Runs the suite with the scripted model and {@code --tools python}, and {@code more}. */
  private void run(String id, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", id, "--tools", "python"));
    args.addAll(List.of(more));
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
  }

  private JsonNode report(String id) throws Exception {
    CommandRun report = CommandRun.of("report", "--run", id, "--db", db, "--out",
        folder.resolve("out-" + id).toString(), "--bootstrap", "200");
    assertThat(report.exitCode()).as(report.out() + report.err()).isZero();
    return JSON.readTree(folder.resolve("out-" + id + "/report.json").toFile());
  }

  private static JsonNode overall(JsonNode report, String model) {
    for (JsonNode group : report.path("groups")) {
      if (group.path("level").asText().equals("overall") && group.path("model").asText().equals(model)) {
        return group;
      }
    }
    return null;
  }
}
