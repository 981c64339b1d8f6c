package dev.parity.cli;

import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.client.ModelsFile;
import dev.parity.harness.client.PriceTable;
import dev.parity.harness.store.Run;
import dev.parity.core.ParityException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models of {@code parity run}: from {@code --model} specs and a {@code --models} file, or a
 * resumed run's own; with the command line's rate limits applied, and the shipped price filled in
 * where the configuration names none, so that the run records the price it was budgeted with.
 * {@code --concurrency} is not among them: it is the process's own ({@link
 * dev.parity.harness.run.Runner.Builder#concurrency}), while a model's configured concurrency
 * bounds every process together when workers share its limits (docs/teams.md).
 */
record RunModels(List<String> specs, Path file, Integer requestsPerMinute, Integer tokensPerMinute) {

  List<ModelConfig> resolve(Optional<Run> existing, ModelClients registry) {
    List<ModelConfig> models = new ArrayList<>();
    specs.forEach(spec -> models.add(ModelSpecs.parse(spec)));
    if (file != null) {
      models.addAll(ModelsFile.read(file, registry.providers()));
    }
    if (models.isEmpty()) {
      models.addAll(existing.map(Run::models).orElseThrow(() -> new ParityException(
          "no model to run: give --model PROVIDER:MODEL (e.g. openai:gpt-5) or --models FILE")));
    }
    return models.stream().map(this::withLimits).map(RunModels::withPrice).toList();
  }

  private ModelConfig withLimits(ModelConfig model) {
    ModelConfig.Limits limits = model.limits();
    ModelConfig.Limits chosen = new ModelConfig.Limits(limits.concurrency(),
        requestsPerMinute != null ? requestsPerMinute : limits.requestsPerMinute(),
        tokensPerMinute != null ? tokensPerMinute : limits.tokensPerMinute());
    return model.withLimits(chosen);
  }

  /** {@code model} with the shipped price filled in where it names none. */
  static ModelConfig withPrice(ModelConfig model) {
    if (model.price() != null) {
      return model;
    }
    return PriceTable.shipped().find(model.provider(), model.model())
        .map(model::withPrice)
        .orElse(model);
  }
}
