package dev.parity.harness.client;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A tool a provider runs on its own machines, named after the model with a {@code +}
 * ({@code openai:gpt-5+code_interpreter}): part of the model's identity in a run, so that reports
 * never pool it with the same model working with Parity's shared tools. The files the tool makes
 * are the attempt's deliverable. See docs/agents.md.
 */
public enum HostedTool {
  /** OpenAI's code interpreter (Responses API): files come from the container's file list. */
  CODE_INTERPRETER("code_interpreter", "openai"),
  /** Anthropic's code execution (Messages API): files come from the Files API by the ids its results carry. */
  CODE_EXECUTION("code_execution", "anthropic");

  private final String id;
  private final String provider;

  HostedTool(String id, String provider) {
    this.id = id;
    this.provider = provider;
  }

  /** The name after the {@code +}, e.g. {@code code_interpreter}. */
  public String id() {
    return id;
  }

  /** The one provider that hosts the tool, e.g. {@code openai}. */
  public String provider() {
    return provider;
  }

  /** The tool called {@code id}, or empty. */
  public static Optional<HostedTool> fromId(String id) {
    return Arrays.stream(values()).filter(tool -> tool.id.equals(id)).findFirst();
  }

  /** Every hosted tool with its provider, for error messages: {@code openai:MODEL+code_interpreter, …}. */
  public static String known() {
    return Arrays.stream(values()).map(tool -> tool.provider + ":MODEL+" + tool.id).collect(Collectors.joining(", "));
  }
}
