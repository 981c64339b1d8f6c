package dev.parity.harness.client;

import dev.parity.core.ParityException;

/** The environment variable that should hold a model's API key is unset or empty. */
public final class MissingApiKeyException extends ParityException {
  private static final long serialVersionUID = 1L;

  MissingApiKeyException(ModelConfig config, String variable) {
    super("model " + config.name() + " needs an API key in the environment variable " + variable
        + ", which is not set");
  }
}
