package dev.parity.harness.replay;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code replay} provider. The model is a folder of recorded answers, or a file whose name ends
 * in {@code .jsonl}; either must exist when the client is made, and a JSONL file is read and checked
 * completely then.
 */
public final class ReplayClientFactory implements ModelClientFactory {

  @Override
  public String provider() {
    return "replay";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    if (config.baseUrl() != null || config.api() != null) {
      throw new InvalidModelConfigException("model " + config.name() + ": a replay takes no base URL or api");
    }
    Path source = Path.of(config.model()).toAbsolutePath().normalize();
    Answers answers;
    if (Files.isDirectory(source)) {
      answers = new FolderAnswers(source);
    } else if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".jsonl")) {
      answers = JsonlAnswers.read(source);
    } else {
      throw new InvalidModelConfigException("model " + config.name() + ": " + source + (Files.exists(source)
          ? " is neither a folder of answers nor a .jsonl file" : " does not exist"));
    }
    return new ReplayClient(config, answers, context.clock());
  }
}
