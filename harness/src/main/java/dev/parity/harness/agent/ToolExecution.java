package dev.parity.harness.agent;

import dev.parity.harness.client.ToolResult;
import dev.parity.harness.sandbox.ResourceUse;
import java.time.Duration;
import java.util.Objects;

/**
 * One tool call as it ran, for the transcript.
 *
 * @param result what the model is sent back
 * @param exitCode the program's exit code for python and shell; null for the other tools
 * @param duration how long the call took
 * @param submitted whether it was a call of submit
 * @param workspaceFull whether the workspace was over its size limit after the call
 * @param resources the sandbox's CPU time and peak memory for python and shell; null for the other
 *     tools, and when the sandbox could not measure them
 */
public record ToolExecution(ToolResult result, Integer exitCode, Duration duration, boolean submitted,
    boolean workspaceFull, ResourceUse resources) {
  public ToolExecution {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(duration, "duration");
  }

  /** A call that ran nothing in the sandbox. */
  public ToolExecution(ToolResult result, Integer exitCode, Duration duration, boolean submitted,
      boolean workspaceFull) {
    this(result, exitCode, duration, submitted, workspaceFull, null);
  }
}
