package dev.parity.harness.anthropic;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.internal.Endpoint;
import okhttp3.Headers;

/**
 * The {@code anthropic} provider: the Messages API. The key comes from {@code ANTHROPIC_API_KEY}
 * (or the model's {@code api_key_env}); the base URL defaults to {@value #DEFAULT_BASE_URL} and,
 * like the Anthropic SDKs', has no {@code /v1}.
 */
public final class AnthropicClientFactory implements ModelClientFactory {
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  public static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
  /** The API version every request names; the one the SDKs send. */
  static final String API_VERSION = "2023-06-01";

  @Override
  public String provider() {
    return "anthropic";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    if (config.api() != null) {
      throw new InvalidModelConfigException("model " + config.name() + ": the anthropic provider has one API,"
          + " the Messages API; remove \"api: " + config.api() + "\"");
    }
    String key = context.apiKey(config, KEY_VARIABLE);
    Headers headers = Headers.of("x-api-key", key, "anthropic-version", API_VERSION);
    return new MessagesClient(config, Endpoint.of(config,
        config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl(), headers, key, context));
  }
}
