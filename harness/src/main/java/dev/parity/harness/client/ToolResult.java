package dev.parity.harness.client;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What a tool call gave back, sent to the model in the next turn.
 *
 * @param call the call this answers
 * @param output the text the model reads (stdout, stderr and exit code, a file's text, an error)
 * @param error whether the call failed (an unknown tool, bad arguments, a non-zero exit)
 * @param images PNG page images the model looks at ({@code render}); a client sends them in its
 *     tool result where the provider takes images there, else in a user message right after
 */
public record ToolResult(ToolCall call, String output, boolean error, List<byte[]> images) {
  public ToolResult {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(output, "output");
    images = images.stream().map(byte[]::clone).toList();
  }

  /** A text-only result. */
  public ToolResult(ToolCall call, String output, boolean error) {
    this(call, output, error, List.of());
  }

  @Override
  public List<byte[]> images() {
    return images.stream().map(byte[]::clone).toList();
  }

  /** The images in base64, in order. */
  public List<String> imagesBase64() {
    return images.stream().map(Base64.getEncoder()::encodeToString).toList();
  }
}
