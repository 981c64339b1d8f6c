package dev.parity.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.ToolCall;
import dev.parity.harness.client.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves recorded agent turns ({@link AgentScripts}, docs/agents.md): the answer to an agent
 * attempt's turn n is the script's turn n, its tool calls run for real in the sandbox. Past the
 * script's last turn, or for a task without one, it answers with text and no tool call, which ends
 * the attempt. A replay costs nothing.
 */
final class AgentReplayClient implements ModelClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ModelConfig config;
  private final AgentScripts scripts;
  private final Clock clock;

  AgentReplayClient(ModelConfig config, AgentScripts scripts, Clock clock) {
    this.config = config;
    this.scripts = scripts;
    this.clock = clock;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public boolean takesTools() {
    return true;
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    Instant start = clock.instant();
    int turn = request.conversation() == null ? 0 : request.conversation().turns().size();
    List<JsonNode> turns = scripts.turns(request.taskId(), request.sample());
    JsonNode recorded = turn < turns.size() ? turns.get(turn)
        : MAPPER.createObjectNode().put("text", turns.isEmpty() ? "no recorded turns for task " + request.taskId()
            : "(the recorded turns are over)");
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode call : recorded.path("tool_calls")) {
      JsonNode arguments = call.path("arguments");
      calls.add(new ToolCall("replay_" + turn + "_" + calls.size(), call.path("name").asText(""),
          arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "{}" : arguments.toString()));
    }
    ObjectNode sent = MAPPER.createObjectNode().put("task_id", request.taskId()).put("sample", request.sample())
        .put("turn", turn + 1);
    CallRecord record = new CallRecord("replay", null, FinishReason.COMPLETED, "replayed", Usage.UNKNOWN, 0.0,
        Duration.between(start, clock.instant()), null, 1, sent.toString(), recorded.toString());
    return new ModelAnswer(recorded.path("text").asText(""), List.of(), record, calls, recorded.toString());
  }
}
