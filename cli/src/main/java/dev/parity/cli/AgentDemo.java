package dev.parity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code parity demo --agent}: one sample task through a replayed tool-using model
 * ({@code suites/sample-answers/agent-model.jsonl}, the {@code replay-agent} format) whose tool calls
 * run for real in a bubblewrap sandbox, offline; where there is no working sandbox it says what to
 * install instead.
 */
final class AgentDemo {
  static final String TASK = "card-dispute-reply";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentDemo() {}

  static int run(Path suite, CommandLine parity, PrintWriter out) {
    Path script = suite.resolveSibling("sample-answers").resolve("agent-model.jsonl");
    if (!Files.isRegularFile(script)) {
      out.println("(no recorded agent turns at " + script + ": the demo stops here)");
      out.flush();
      return 0;
    }
    var problem = LocalSandboxBackend.bubblewrap(LocalSandboxBackend.defaultRoot()).problem();
    if (problem.isPresent()) {
      out.printf("%n== 3. An agent run needs a sandbox, and there is none here:%n   %s%n"
          + "   Install Debian's bubblewrap (apt-get install bubblewrap); `parity doctor` says what else is missing.%n",
          problem.get());
      out.flush();
      return 0;
    }
    Path db;
    Path models;
    try {
      db = Files.createTempDirectory("parity-demo-agent").resolve("parity.db");
      models = db.resolveSibling("models.json");
      Files.writeString(models, Json.write(Map.of("models", List.of(Map.of(
          "name", "example-agent", "provider", "replay-agent", "model", script.toAbsolutePath().toString())))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for the agent demo's store", e);
    }
    out.printf("%n== 3. An agent run: a replayed tool-using model (recorded turns, not a real model) reads the"
        + " references, writes a Word document with python-docx in a bubblewrap sandbox (no network), and"
        + " submits:%n   parity run --suite %s --models %s --tasks %s --tools python,shell --db %s --run-id demo-agent%n",
        suite, models, TASK, db);
    out.flush();
    int ran = parity.execute("run", "--suite", suite.toString(), "--models", models.toString(), "--tasks", TASK,
        "--tools", "python,shell", "--db", db.toString(), "--run-id", "demo-agent");
    if (ran != 0) {
      return ran;
    }
    out.printf("%n== 4. What the model did, turn by turn (from the attempt's transcript):%n");
    try (Store store = Store.open(db)) {
      for (Attempt attempt : store.attempts("demo-agent")) {
        printTurns(JSON.readTree(store.blobs().get(attempt.calls().transcriptSha256())), out);
        out.printf("%s: %s%n", attempt.key().taskId(), attempt.status().id());
        for (AttemptFile file : store.files(attempt.key())) {
          out.printf("   delivered %s (%,d bytes)%n", file.name(), file.sizeBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the agent demo's transcript", e);
    }
    out.flush();
    return 0;
  }

  private static void printTurns(JsonNode transcript, PrintWriter out) {
    for (JsonNode turn : transcript.path("agent").path("turns")) {
      out.printf("turn %d%s%n", turn.path("turn").asInt(),
          turn.path("text").asText("").isBlank() ? "" : ": " + turn.path("text").asText());
      for (JsonNode result : turn.path("tool_results")) {
        String first = result.path("output").asText("").lines().findFirst().orElse("");
        out.printf("   %s -> %s%n", result.path("name").asText(), first.length() > 90 ? first.substring(0, 90) + "…"
            : first);
      }
    }
  }
}
