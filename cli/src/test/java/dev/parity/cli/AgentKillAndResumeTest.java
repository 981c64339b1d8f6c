package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.ScriptedToolServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent run in a real child JVM killed ({@code kill -9}) in the middle of an attempt, then
 * resumed: the unfinished attempt starts over, what its first try spent stays counted, and a
 * finished attempt is never made again. The fake server holds its answer to the third turn until
 * the kill, so the kill always lands mid-attempt, however slow the machine.
 */
class AgentKillAndResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Each scripted turn reports 100 input and 20 output tokens: at $1 and $2 a million, $0.00014. */
  private static final double TURN_USD = (100 * 1.0 + 20 * 2.0) / 1e6;
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final ScriptedToolServer script = new ScriptedToolServer();
  private Path suite;
  private Path db;
  private Path models;
  private Process child;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(script);
    server.start();
    suite = folder.resolve("suite");
    dev.parity.harness.testing.TestSuites.write(suite, 1);
    db = folder.resolve("parity.db");
    models = Files.writeString(folder.resolve("models.yaml"), """
        models:
          - name: m
            provider: openai-compatible
            model: m
            base_url: %s
            price: {input_per_million: 1.0, output_per_million: 2.0}
        """.formatted(server.url("/v1")));
  }

  @AfterEach
  void tearDown() {
    if (child != null) {
      child.destroyForcibly();
    }
    script.release();
    server.close();
  }

  @Test
  void anAttemptKilledMidwayStartsOverAndWhatItSpentStaysCounted() throws Exception {
    String write = JSON.createObjectNode().put("command", "printf '# Memo\\n' > outputs/memo.md").toString();
    // First try: two turns answered, the third held until the kill. Second try: write, then submit.
    script.toolCalls("list_files", "{}").toolCalls("shell", write).toolCalls("list_files", "{}")
        .toolCalls("shell", write).toolCalls("submit", "{}").holdFrom(3);
    Path log = folder.resolve("first.log");
    child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Main.class.getName(),
        "run", "--suite", suite.toString(), "--models", models.toString(), "--db", db.toString(), "--run-id", "k",
        "--tools", "shell").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    while (!script.awaitHeld(100)) {
      assertThat(child.isAlive()).as("the run ended before its third turn:\n%s", Files.readString(log,
          StandardCharsets.UTF_8)).isTrue();
    }
    child.destroyForcibly();
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    try (Store store = Store.open(db)) {
      Attempt killed = store.attempts("k").get(0);
      assertThat(killed.status()).isEqualTo(AttemptStatus.PENDING);
      assertThat(killed.agent().spentUsd()).as("two turns answered before the kill").isCloseTo(2 * TURN_USD,
          within(1e-12));
      assertThat(killed.paidUsd()).isCloseTo(2 * TURN_USD, within(1e-12));
    }
    script.release();

    CommandRun resumed = CommandRun.of("run", "--run-id", "k", "--db", db.toString(), "--suite", suite.toString());

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
    try (Store store = Store.open(db)) {
      Attempt done = store.attempts("k").get(0);
      assertThat(done.status()).isEqualTo(AttemptStatus.COMPLETED);
      assertThat(done.agent().turns()).as("the second try's turns").isEqualTo(2);
      assertThat(done.answer().costUsd()).as("the second try's cost").isCloseTo(2 * TURN_USD, within(1e-12));
      // The held third turn was never answered to the killed run: 2 + 2 turns.
      assertThat(done.agent().spentUsd()).isCloseTo(4 * TURN_USD, within(1e-12));
      assertThat(done.agent().spentUsage().inputTokens()).isEqualTo(400);
      assertThat(done.agent().spentUsage().outputTokens()).isEqualTo(80);
    }
    JsonNode show = JSON.readTree(CommandRun.of("run", "show", "k", "--db", db.toString(), "--json").out());
    assertThat(show.path("cost_usd").asDouble()).isCloseTo(4 * TURN_USD, within(1e-12));
    assertThat(show.at("/models/0/input_tokens").asLong()).isEqualTo(400);
    int requests = script.requests().size();

    CommandRun again = CommandRun.of("run", "--run-id", "k", "--db", db.toString(), "--suite", suite.toString());

    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(script.requests()).as("a finished agent attempt is never made again").hasSize(requests);
  }
}
