package dev.parity.harness.command;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code command} provider. The model is the command line: a program and its arguments,
 * separated by spaces (write a wrapper script for arguments that contain spaces). A program given
 * as a path ({@code ./agents/my-agent.sh}) is resolved against the current folder now, and must
 * exist and be executable; a bare name ({@code python3}) is looked up on the {@code PATH} when run.
 */
public final class CommandClientFactory implements ModelClientFactory {

  @Override
  public String provider() {
    return "command";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    if (config.baseUrl() != null || config.api() != null) {
      throw new InvalidModelConfigException("model " + config.name() + ": a command takes no base URL or api");
    }
    List<String> command = new ArrayList<>(Arrays.asList(config.model().strip().split("\\s+")));
    String program = command.get(0);
    if (program.contains("/") || program.contains(File.separator)) {
      Path path = Path.of(program).toAbsolutePath().normalize();
      if (!Files.isRegularFile(path)) {
        throw new InvalidModelConfigException("model " + config.name() + ": no such program " + path);
      }
      if (!Files.isExecutable(path)) {
        throw new InvalidModelConfigException("model " + config.name() + ": " + path
            + " is not executable (chmod +x it, or name its interpreter first: command:python3 " + program + ")");
      }
      command.set(0, path.toString());
    }
    return new CommandClient(config, command, context.clock(), context.secrets(config), context.price(config));
  }
}
