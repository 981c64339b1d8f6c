package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.core.Suggestions;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.client.ModelsFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The judge of {@code parity grade}: a {@code PROVIDER:MODEL} spec, or a model named in a models
 * file (where its {@code accepts}, limits and price are set), with the shipped price filled in where
 * none is given, so that budgets and dry runs can count what calls cost.
 */
final class JudgeModel {
  private JudgeModel() {}

  static ModelConfig config(String judge, Path modelsFile, Collection<String> providers) {
    if (modelsFile == null) {
      return RunModels.withPrice(ModelSpecs.parse(judge));
    }
    List<ModelConfig> models = ModelsFile.read(modelsFile, providers);
    List<String> names = models.stream().map(ModelConfig::name).toList();
    return models.stream().filter(m -> m.name().equals(judge)).findFirst().map(RunModels::withPrice)
        .orElseThrow(() -> new ParityException("--judge " + judge + " is not a model of " + modelsFile
            + Suggestions.didYouMean(judge, names) + "; its models: " + String.join(", ", names)));
  }
}
