package dev.parity.harness.replay;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code replay-agent} provider: a tool-using model replayed from a file of recorded turns
 * ({@link AgentScripts}), for agent runs offline ({@code parity demo --agent}, tests). The file must
 * exist when the client is made, and is read and checked completely then.
 */
public final class AgentReplayClientFactory implements ModelClientFactory {

  @Override
  public String provider() {
    return "replay-agent";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    if (config.baseUrl() != null || config.api() != null) {
      throw new InvalidModelConfigException("model " + config.name() + ": a replay takes no base URL or api");
    }
    Path source = Path.of(config.model()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(source)) {
      throw new InvalidModelConfigException("model " + config.name() + ": " + source + " is not a file of recorded"
          + " agent turns (.jsonl)");
    }
    return new AgentReplayClient(config, AgentScripts.read(source), context.clock());
  }
}
