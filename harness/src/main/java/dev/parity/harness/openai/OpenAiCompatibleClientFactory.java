package dev.parity.harness.openai;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.internal.Endpoint;
import okhttp3.Headers;

/**
 * The {@code openai-compatible} provider: Chat Completions against any server that speaks it.
 *
 * <p>The base URL is required and includes the API version ({@code http://127.0.0.1:8000/v1}). A
 * key is sent only when the model names its variable with {@code api_key_env} (OpenRouter, a
 * hosted vLLM): an OpenAI key is never sent to another server.
 */
public final class OpenAiCompatibleClientFactory implements ModelClientFactory {

  @Override
  public String provider() {
    return "openai-compatible";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    if (config.baseUrl() == null) {
      throw new InvalidModelConfigException("model " + config.name() + ": an openai-compatible model needs the"
          + " server's base URL, e.g. openai-compatible:" + config.model() + "@http://127.0.0.1:8000/v1");
    }
    if (config.api() != null && !config.api().equals("chat")) {
      throw new InvalidModelConfigException("model " + config.name() + ": unknown api \"" + config.api()
          + "\"; openai-compatible servers are called through \"chat\" (Chat Completions)");
    }
    String key = config.apiKeyEnv() == null ? null : context.apiKey(config, config.apiKeyEnv());
    Headers headers = key == null ? Headers.of() : Headers.of("Authorization", "Bearer " + key);
    return new ChatClient(config, Endpoint.of(config, config.baseUrl(), headers, key, context), Dialect.COMPATIBLE);
  }
}
