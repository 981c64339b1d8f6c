package dev.parity.harness.run;

import dev.parity.harness.client.ModelConfig;
import dev.parity.core.ParityException;
import dev.parity.tasks.Suite;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to run: a suite against models with settings, under a run id.
 *
 * @param runId the run's id; a run with this id in the store is resumed, else created
 * @param suite the suite
 * @param models the models, with unique names, in the order to show them
 * @param settings how the run goes
 */
public record RunPlan(String runId, Suite suite, List<ModelConfig> models, RunSettings settings) {
  public RunPlan {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(settings, "settings");
    models = List.copyOf(models);
    if (runId.isBlank() || runId.length() > 200) {
      throw new ParityException("a run id must have 1 to 200 characters, was \"" + runId + "\"");
    }
    if (models.isEmpty()) {
      throw new ParityException("a run needs at least one model: give --model PROVIDER:MODEL or --models FILE");
    }
    Set<String> names = new HashSet<>();
    for (ModelConfig model : models) {
      if (!names.add(model.name())) {
        throw new ParityException("two models are named \"" + model.name()
            + "\": give each a distinct name in the models file");
      }
    }
  }
}
