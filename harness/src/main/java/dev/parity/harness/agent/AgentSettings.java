package dev.parity.harness.agent;

import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.sandbox.Toolset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How a run's agent attempts go: part of the run's settings, and (all but {@link #sandboxes}) of
 * each attempt's cache key, since they shape what the model can deliver.
 *
 * @param tools the tools offered, by name, sorted; always includes list_files, read_file and submit
 * @param maxTurns the most model calls an attempt may make
 * @param attemptTimeout the most time an attempt may take, checked before each turn and tool call
 * @param callTimeout the wall time of one tool call
 * @param maxAttemptUsd the most one attempt may cost; null for no limit
 * @param sandbox the sandbox's kind ({@code bubblewrap}, or {@code none} under {@code --unsafe-no-sandbox})
 * @param sandboxes how many sandboxes may run at once (separate from how many model calls may)
 * @param toolset what the sandbox offered when the run started (the runner probes it); null before
 */
public record AgentSettings(List<String> tools, int maxTurns, Duration attemptTimeout, Duration callTimeout,
    Double maxAttemptUsd, String sandbox, int sandboxes, Toolset toolset) {

  /** Default turns per attempt. */
  public static final int DEFAULT_MAX_TURNS = 50;
  /** Default time per attempt. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMinutes(30);
  /** Default concurrent sandboxes. */
  public static final int DEFAULT_SANDBOXES = 4;

  public AgentSettings {
    tools = List.copyOf(tools);
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(sandbox, "sandbox");
    if (maxTurns < 1) {
      throw new IllegalArgumentException("--max-turns must be at least 1, was " + maxTurns);
    }
    if (sandboxes < 1) {
      throw new IllegalArgumentException("--sandboxes must be at least 1, was " + sandboxes);
    }
    if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
      throw new IllegalArgumentException("--attempt-timeout must be positive, was " + attemptTimeout);
    }
    if (maxAttemptUsd != null && !(maxAttemptUsd > 0)) {
      throw new IllegalArgumentException("--max-attempt-usd must be positive, was " + maxAttemptUsd);
    }
  }

  /**
   * Settings for {@code --tools} as typed ({@code python,shell}), with the default limits.
   *
   * @throws IllegalArgumentException naming an unknown tool and the ones there are
   */
  public static AgentSettings of(String toolsOption, SandboxBackend.Kind sandbox) {
    TreeSet<String> tools = new TreeSet<>(AgentTool.alwaysOnNames());
    List<String> unknown = new ArrayList<>();
    for (String name : toolsOption.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      AgentTool.fromId(name).ifPresentOrElse(tool -> tools.add(tool.id()), () -> unknown.add(name.strip()));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("--tools: unknown tool " + String.join(", ", unknown) + "; the tools are "
          + AgentTool.choosable() + " (list_files, read_file and submit are always on)");
    }
    return new AgentSettings(List.copyOf(tools), DEFAULT_MAX_TURNS, DEFAULT_ATTEMPT_TIMEOUT,
        dev.parity.harness.sandbox.SandboxLimits.DEFAULTS.wallPerCall(), null, sandbox.id(), DEFAULT_SANDBOXES, null);
  }

  /**
   * What defines the attempts, in the snake_case names of the run's record (transcripts, cache
   * keys): everything but {@link #sandboxes}, which changes how fast, not what.
   */
  public java.util.Map<String, Object> definition() {
    java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("tools", tools);
    json.put("max_turns", maxTurns);
    json.put("attempt_timeout_ms", attemptTimeout.toMillis());
    json.put("call_timeout_ms", callTimeout.toMillis());
    json.put("max_attempt_usd", maxAttemptUsd);
    json.put("sandbox", sandbox);
    json.put("toolset", toolset);
    return json;
  }

  /** The tools as types, in the order of {@link AgentTool}. */
  public List<AgentTool> offered() {
    return Arrays.stream(AgentTool.values()).filter(tool -> tools.contains(tool.id())).toList();
  }

  /**
   * These settings for a model offered {@code tools} ({@code tools:} in the models file), or these
   * settings as they are when {@code tools} is null (the model takes the run's).
   */
  public AgentSettings forModelTools(List<String> tools) {
    return tools == null ? this
        : new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }

  public AgentSettings withMaxTurns(int maxTurns) {
    return new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }

  public AgentSettings withAttemptTimeout(Duration attemptTimeout) {
    return new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }

  public AgentSettings withMaxAttemptUsd(Double maxAttemptUsd) {
    return new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }

  public AgentSettings withSandboxes(int sandboxes) {
    return new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }

  /** These settings with the toolset the run found. */
  public AgentSettings withToolset(Toolset toolset) {
    return new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }

  public AgentSettings withCallTimeout(Duration callTimeout) {
    return new AgentSettings(tools, maxTurns, attemptTimeout, callTimeout, maxAttemptUsd, sandbox, sandboxes, toolset);
  }
}
