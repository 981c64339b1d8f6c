package dev.parity.cli;

import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.client.ModelConfig;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of an agent run ({@code --tools} and its limits), and the sandbox they choose; see
 * docs/agents.md. Without {@code --tools} a new run is plain and a resumed one keeps its own.
 */
final class AgentOptions {
  @Option(names = "--tools", paramLabel = "TOOL,TOOL",
      description = "Agent run: give each attempt a sandboxed workspace and these tools (python, shell);"
          + " list_files, read_file and submit are always on. See docs/agents.md.")
  String tools;

  @Option(names = "--max-turns", paramLabel = "N",
      description = "Agent run: most model calls per attempt (default: " + AgentSettings.DEFAULT_MAX_TURNS + ").")
  Integer maxTurns;

  @Option(names = "--attempt-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Agent run: most time per attempt, e.g. 30m (default: 30m).")
  Duration attemptTimeout;

  @Option(names = "--max-attempt-usd", paramLabel = "USD",
      description = "Agent run: most one attempt may cost; needs every model's price.")
  Double maxAttemptUsd;

  @Option(names = "--sandboxes", paramLabel = "N",
      description = "Agent run: sandboxes at once, apart from API concurrency (default: "
          + AgentSettings.DEFAULT_SANDBOXES + ").")
  Integer sandboxes;

  @Option(names = "--unsafe-no-sandbox",
      description = "Agent run without bubblewrap: tools run under process limits but see the machine;"
          + " recorded with the run.")
  boolean unsafeNoSandbox;

  /**
   * The agent settings of the run: these options over {@code stored} (a resumed run's), or null for a
   * plain run. A run whose models file gives a model {@code tools:} is an agent run even without
   * {@code --tools}; its other models get the always-on tools.
   */
  AgentSettings resolve(AgentSettings stored, boolean modelsHaveTools) {
    AgentSettings agent = stored;
    if (tools != null || agent == null && modelsHaveTools) {
      SandboxBackend.Kind kind = unsafeNoSandbox ? SandboxBackend.Kind.NONE : SandboxBackend.Kind.BUBBLEWRAP;
      agent = AgentSettings.of(tools == null ? "" : tools, kind);
    }
    if (agent == null) {
      if (maxTurns != null || attemptTimeout != null || maxAttemptUsd != null || sandboxes != null || unsafeNoSandbox) {
        throw new IllegalArgumentException("--max-turns, --attempt-timeout, --max-attempt-usd, --sandboxes and"
            + " --unsafe-no-sandbox are for agent runs: add --tools python,shell");
      }
      return null;
    }
    if (maxTurns != null) {
      agent = agent.withMaxTurns(maxTurns);
    }
    if (attemptTimeout != null) {
      agent = agent.withAttemptTimeout(attemptTimeout);
    }
    if (maxAttemptUsd != null) {
      agent = agent.withMaxAttemptUsd(maxAttemptUsd);
    }
    if (sandboxes != null) {
      agent = agent.withSandboxes(sandboxes);
    }
    return agent;
  }

  /** The models as the run offers them tools: the command line's {@code --tools} wins over a models file's. */
  List<ModelConfig> models(List<ModelConfig> models) {
    return tools == null ? models : models.stream().map(model -> model.withTools(null)).toList();
  }

  /** The sandboxes the run's settings name. */
  static SandboxBackend backend(AgentSettings agent) {
    return agent != null && agent.sandbox().equals(SandboxBackend.Kind.NONE.id())
        ? LocalSandboxBackend.unsafeNoSandbox(LocalSandboxBackend.defaultRoot())
        : LocalSandboxBackend.bubblewrap(LocalSandboxBackend.defaultRoot());
  }
}
