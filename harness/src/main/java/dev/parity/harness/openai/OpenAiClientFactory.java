package dev.parity.harness.openai;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.internal.Endpoint;
import okhttp3.Headers;

/**
 * The {@code openai} provider: the Responses API unless the model's {@code api} is {@code chat}.
 * The key comes from {@code OPENAI_API_KEY} (or the model's {@code api_key_env}); the base URL
 * defaults to {@value #DEFAULT_BASE_URL}, and like the OpenAI SDKs' it includes {@code /v1}.
 */
public final class OpenAiClientFactory implements ModelClientFactory {
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String KEY_VARIABLE = "OPENAI_API_KEY";

  @Override
  public String provider() {
    return "openai";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    String api = config.api() == null ? "responses" : config.api();
    if (!api.equals("responses") && !api.equals("chat")) {
      throw new InvalidModelConfigException("model " + config.name() + ": unknown api \"" + api
          + "\"; the openai provider has \"responses\" (the default) and \"chat\"");
    }
    if (api.equals("chat") && !config.hostedTools().isEmpty()) {
      throw new InvalidModelConfigException("model " + config.name() + ": the code interpreter is a tool of the"
          + " Responses API, which api: chat does not use; remove \"api: chat\"");
    }
    String key = context.apiKey(config, KEY_VARIABLE);
    Endpoint endpoint = Endpoint.of(config, config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl(),
        Headers.of("Authorization", "Bearer " + key), key, context);
    return api.equals("chat")
        ? new ChatClient(config, endpoint, Dialect.OPENAI)
        : new ResponsesClient(config, endpoint);
  }
}
