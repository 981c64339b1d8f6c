package dev.parity.harness.client;

import java.util.Objects;

/**
 * A tool a model may call, as every provider is told about it.
 *
 * @param name the tool's name, e.g. {@code python}
 * @param description what it does, for the model
 * @param parameters its arguments as a JSON Schema object, written as JSON text
 */
public record ToolSpec(String name, String description, String parameters) {
  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parameters, "parameters");
  }
}
