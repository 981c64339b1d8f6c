package dev.parity.harness.gemini;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClientFactory;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.internal.Endpoint;
import okhttp3.Headers;

/**
 * The {@code gemini} provider: {@code generateContent} of the Gemini API. The key comes from
 * {@code GEMINI_API_KEY} (or the model's {@code api_key_env}) and is sent in the
 * {@code x-goog-api-key} header, never in the URL; the base URL defaults to {@value #DEFAULT_BASE_URL}
 * and the client adds the API version, {@code /v1beta}, as Google's SDKs do.
 */
public final class GeminiClientFactory implements ModelClientFactory {
  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
  public static final String KEY_VARIABLE = "GEMINI_API_KEY";

  @Override
  public String provider() {
    return "gemini";
  }

  @Override
  public ModelClient create(ModelConfig config, ClientContext context) {
    if (config.api() != null) {
      throw new InvalidModelConfigException("model " + config.name() + ": the gemini provider has one API,"
          + " generateContent; remove \"api: " + config.api() + "\"");
    }
    Thinking thinking = Thinking.of(config);
    String key = context.apiKey(config, KEY_VARIABLE);
    return new GenerateContentClient(config, thinking, Endpoint.of(config,
        config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl(), Headers.of("x-goog-api-key", key), key, context));
  }
}
