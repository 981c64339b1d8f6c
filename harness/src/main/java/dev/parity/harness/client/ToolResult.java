package dev.parity.harness.client;

import java.util.Objects;

/**
 * What a tool call gave back, sent to the model in the next turn.
 *
 * @param call the call this answers
 * @param output the text the model reads (stdout, stderr and exit code, a file's text, an error)
 * @param error whether the call failed (an unknown tool, bad arguments, a non-zero exit)
 */
public record ToolResult(ToolCall call, String output, boolean error) {
  public ToolResult {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(output, "output");
  }
}
