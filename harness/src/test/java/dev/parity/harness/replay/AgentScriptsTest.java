package dev.parity.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.client.InvalidModelConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay-agent format: turns per task and sample, and bad lines reported with their line. */
class AgentScriptsTest {
  @TempDir Path folder;

  @Test
  void aLineWithoutASampleServesEverySampleAndOneWithASampleOnlyThatOne() throws Exception {
    Path file = Files.writeString(folder.resolve("agent.jsonl"), """
        {"task_id": "t1", "turns": [{"text": "any sample", "tool_calls": [{"name": "submit", "arguments": {}}]}]}
        {"task_id": "t1", "sample": 2, "turns": [{"text": "sample 2"}, {"text": "again"}]}
        """);

    AgentScripts scripts = AgentScripts.read(file);

    assertThat(scripts.turns("t1", 0)).singleElement().satisfies(t -> assertThat(t.path("text").asText())
        .isEqualTo("any sample"));
    assertThat(scripts.turns("t1", 2)).hasSize(2);
    assertThat(scripts.turns("t9", 0)).isEmpty();
  }

  @Test
  void everyBadLineIsReportedWithItsFileAndLine() throws Exception {
    Path file = Files.writeString(folder.resolve("agent.jsonl"), """
        {"task_id": "t1", "turns": []}
        not json
        {"turns": []}
        {"task_id": "t2", "turns": [{"tool_calls": [{"arguments": {}}]}]}
        """);

    assertThatThrownBy(() -> AgentScripts.read(file)).isInstanceOf(InvalidModelConfigException.class)
        .hasMessageContaining("agent.jsonl:2: not JSON")
        .hasMessageContaining("agent.jsonl:3: a line needs task_id")
        .hasMessageContaining("agent.jsonl:4: a tool call needs a name");
  }
}
