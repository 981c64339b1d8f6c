package dev.parity.harness.agent;

import dev.parity.harness.client.ToolResult;
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
 */
public record ToolExecution(ToolResult result, Integer exitCode, Duration duration, boolean submitted,
    boolean workspaceFull) {
  public ToolExecution {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(duration, "duration");
  }
}
