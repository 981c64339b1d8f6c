package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.testing.ScriptedToolServer;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity run --tools}, in-process, against a scripted tool-calling server and a real sandbox. */
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
}
