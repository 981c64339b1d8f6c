package dev.parity.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.client.InvalidModelConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of recorded agent turns, the {@code replay-agent} format (version 1, docs/agents.md): JSON
 * Lines, one task a line, {@code {"task_id": "…", "sample": 0, "turns": [{"text": "…",
 * "tool_calls": [{"name": "python", "arguments": {"code": "…"}}]}, …]}}; {@code sample} may be
 * left out to serve every sample. Read and checked completely when the client is made; every
 * problem names its line.
 */
final class AgentScripts {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Map<String, List<JsonNode>> byKey;

  private AgentScripts(Map<String, List<JsonNode>> byKey) {
    this.byKey = byKey;
  }

  static AgentScripts read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new InvalidModelConfigException("cannot read the agent replay " + file + ": " + e.getMessage());
    }
    Map<String, List<JsonNode>> byKey = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      try {
        JsonNode script = MAPPER.readTree(line);
        if (!script.path("task_id").isTextual() || !script.path("turns").isArray()) {
          problems.add(where + "a line needs task_id (text) and turns (a list)");
          continue;
        }
        for (JsonNode turn : script.path("turns")) {
          for (JsonNode call : turn.path("tool_calls")) {
            if (!call.path("name").isTextual()) {
              problems.add(where + "a tool call needs a name");
            }
          }
        }
        List<JsonNode> turns = new ArrayList<>();
        script.path("turns").forEach(turns::add);
        String sample = script.has("sample") ? script.path("sample").asText() : "*";
        byKey.put(script.path("task_id").asText() + "#" + sample, turns);
      } catch (IOException e) {
        problems.add(where + "not JSON: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidModelConfigException(String.join("\n", problems));
    }
    return new AgentScripts(byKey);
  }

  /** The recorded turns of {@code taskId}'s {@code sample} (or of every sample); empty when none. */
  List<JsonNode> turns(String taskId, int sample) {
    List<JsonNode> turns = byKey.get(taskId + "#" + sample);
    return turns != null ? turns : byKey.getOrDefault(taskId + "#*", List.of());
  }
}
