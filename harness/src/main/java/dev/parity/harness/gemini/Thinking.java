package dev.parity.harness.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelConfig;
import java.util.Map;

/**
 * A reasoning effort in Gemini's terms. Gemini 3 and later take the effort as a
 * {@code thinkingLevel}; Gemini 2.x takes a {@code thinkingBudget} in tokens, for which the efforts
 * map to the budgets Google's own OpenAI-compatible endpoint uses (low 1,024, medium 8,192, high
 * 24,576; none turns thinking off).
 */
record Thinking(String level, Integer budget) {
  private static final Map<String, Integer> BUDGETS = Map.of("none", 0, "low", 1024, "medium", 8192, "high", 24576);

  /** The thinking setting for {@code config}, or null when it sets no reasoning effort. */
  static Thinking of(ModelConfig config) {
    String effort = config.parameters().reasoningEffort();
    if (effort == null) {
      return null;
    }
    String model = GenerateContentClient.modelId(config);
    if (!model.startsWith("gemini-1.") && !model.startsWith("gemini-2.")) {
      return new Thinking(effort, null);
    }
    Integer budget = BUDGETS.get(effort);
    if (budget == null) {
      throw new InvalidModelConfigException("model " + config.name() + ": reasoning_effort \"" + effort
          + "\" has no thinking budget for " + model + "; use none, low, medium or high");
    }
    return new Thinking(null, budget);
  }

  void writeTo(ObjectNode generationConfig) {
    ObjectNode thinking = generationConfig.putObject("thinkingConfig");
    if (level != null) {
      thinking.put("thinkingLevel", level);
    } else {
      thinking.put("thinkingBudget", budget);
    }
  }
}
