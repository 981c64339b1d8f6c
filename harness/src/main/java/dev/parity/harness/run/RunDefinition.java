package dev.parity.harness.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.Run;
import dev.parity.core.ParityException;
import dev.parity.tasks.SuiteLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What defines a run's attempts, so that a resume can be checked against it: the suite's content
 * hash, the samples, the task selection, the agent settings (tools, sandbox, limits), format
 * conversion, and each model's identity (provider, model, base URL,
 * API, parameters, forced text, its own tools). Limits, prices, timeouts, retries, budget and cache may change.
 */
final class RunDefinition {
  private static final ObjectMapper JSON = SuiteLoader.mapper()
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private RunDefinition() {}

  static String settingsJson(RunSettings settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write run settings", e);
    }
  }

  static RunSettings settings(Run run) {
    try {
      return JSON.readValue(run.settingsJson(), RunSettings.class);
    } catch (JsonProcessingException e) {
      throw new ParityException("run " + run.id() + " has unreadable settings: " + e.getOriginalMessage(), e);
    }
  }

  /** Each way {@code plan} differs from the stored {@code run} in what defines its attempts. */
  static List<String> differences(Run run, RunPlan plan) {
    List<String> differences = new ArrayList<>();
    if (!run.suiteHash().equals(plan.suite().contentHash())) {
      differences.add("the suite changed: the run has " + run.suiteName() + " " + run.suiteVersion()
          + " (" + run.suiteHash() + "), this is " + plan.suite().name() + " " + plan.suite().version()
          + " (" + plan.suite().contentHash() + ")");
    }
    RunSettings stored = settings(run);
    if (stored.samples() != plan.settings().samples()) {
      differences.add("samples: the run has " + stored.samples() + ", this asks for " + plan.settings().samples());
    }
    if (!stored.selection().equals(plan.settings().selection())) {
      differences.add("tasks: the run has " + stored.selection() + ", this asks for " + plan.settings().selection());
    }
    if (!Objects.equals(agentIdentity(stored.agent()), agentIdentity(plan.settings().agent()))) {
      differences.add("agent settings (tools, sandbox, limits): the run has " + describe(stored.agent())
          + ", this asks for " + describe(plan.settings().agent()));
    }
    if (stored.convertFormats() != plan.settings().convertFormats()) {
      differences.add("format conversion: the run has --convert-formats " + (stored.convertFormats() ? "on" : "off")
          + ", this asks for it " + (plan.settings().convertFormats() ? "on" : "off"));
    }
    Map<String, ModelConfig> before = byName(run.models());
    Map<String, ModelConfig> now = byName(plan.models());
    Set<String> added = new TreeSet<>(now.keySet());
    added.removeAll(before.keySet());
    Set<String> missing = new TreeSet<>(before.keySet());
    missing.removeAll(now.keySet());
    if (!added.isEmpty() || !missing.isEmpty()) {
      differences.add("models: the run has " + String.join(", ", before.keySet()) + "; this has "
          + String.join(", ", now.keySet()));
    }
    for (String name : before.keySet()) {
      if (now.containsKey(name)) {
        compare("model " + name + ": ", "", identity(before.get(name)), identity(now.get(name)), differences);
      }
    }
    return differences;
  }

  /** What defines an agent run's attempts: all its settings but how many sandboxes run at once. */
  private static AgentSettings agentIdentity(AgentSettings agent) {
    return agent == null ? null : agent.withSandboxes(1);
  }

  private static String describe(AgentSettings agent) {
    return agent == null ? "no tools" : agentIdentity(agent).toString();
  }

  private static Map<String, ModelConfig> byName(List<ModelConfig> models) {
    Map<String, ModelConfig> byName = new LinkedHashMap<>();
    models.forEach(m -> byName.put(m.name(), m));
    return byName;
  }

  private static JsonNode identity(ModelConfig model) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("provider", model.provider());
    identity.put("model", model.model());
    identity.put("base_url", model.baseUrl());
    identity.put("api", model.api());
    identity.put("parameters", model.parameters());
    identity.put("force_text", model.forceText());
    if (model.accepts() != null) {
      // Only when given, so that runs and cache entries made before accepts existed still match.
      identity.put("accepts", model.accepts().stream().map(InputKind::id).toList());
    }
    if (model.tools() != null) {
      // Only when given, like accepts; the run's own tools are compared with its agent settings.
      identity.put("tools", model.tools());
    }
    return JSON.valueToTree(identity);
  }

  private static void compare(String what, String path, JsonNode before, JsonNode now, List<String> differences) {
    if (before.isObject() && now.isObject()) {
      Set<String> fields = new TreeSet<>();
      before.fieldNames().forEachRemaining(fields::add);
      now.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        compare(what, path.isEmpty() ? field : path + "." + field, orNull(before.get(field)),
            orNull(now.get(field)), differences);
      }
    } else if (!Objects.equals(before, now)) {
      differences.add(what + path + " was " + before + " in the run, now " + now);
    }
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? JSON.nullNode() : node;
  }
}
