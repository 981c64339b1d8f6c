package dev.parity.harness.client;

import java.util.Objects;

/**
 * A model's call of a tool, as its answer asked for it.
 *
 * @param id the provider's id for the call, which its result must name ({@code call_…},
 *     {@code toolu_…}); clients make one up where the provider gives none (Gemini)
 * @param name the tool's name as the model wrote it (possibly not a tool that exists)
 * @param arguments the arguments as JSON text, exactly as the model wrote them (possibly not JSON)
 */
public record ToolCall(String id, String name, String arguments) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }
}
