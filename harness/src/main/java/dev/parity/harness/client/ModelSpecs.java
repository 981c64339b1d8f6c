package dev.parity.harness.client;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Parses the {@code --model PROVIDER:MODEL[@BASE_URL]} spec strings.
 *
 * <p>Examples: {@code openai:gpt-5}, {@code anthropic:claude-opus-4-1},
 * {@code gemini:gemini-2.5-pro}, {@code openai-compatible:llama-3.1-8b@http://127.0.0.1:8000/v1},
 * {@code command:./agents/my-agent.sh}, {@code replay:path/to/answers}.
 *
 * <p>The provider is everything before the first colon. The base URL is split off only at an
 * {@code @} followed by {@code http://} or {@code https://}, so model ids that contain {@code @}
 * ({@code claude-3-5-sonnet@20240620}) and program paths stay whole. The base URL follows the
 * provider SDK's convention: with {@code /v1} for OpenAI and OpenAI-compatible servers, without it
 * for Anthropic and Gemini.
 */
public final class ModelSpecs {
  private static final String SYNTAX = "expected PROVIDER:MODEL[@BASE_URL], e.g. openai:gpt-5 or "
      + "openai-compatible:llama-3.1-8b@http://127.0.0.1:8000/v1";

  private ModelSpecs() {}

  /**
   * The configuration {@code spec} names, with default parameters, limits and prices.
   *
   * @throws InvalidModelConfigException naming the spec and what is wrong with it
   */
  public static ModelConfig parse(String spec) {
    String text = spec == null ? "" : spec.strip();
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw invalid(spec, "no provider; " + SYNTAX);
    }
    String provider = text.substring(0, colon);
    if (!provider.matches("[a-z0-9][a-z0-9-]*")) {
      throw invalid(spec, provider.isEmpty()
          ? "no provider before the colon; " + SYNTAX
          : "the provider \"" + provider + "\" must be lowercase letters, digits and dashes"
              + (provider.toLowerCase(Locale.ROOT).matches("[a-z0-9][a-z0-9-]*")
                  ? " (did you mean " + provider.toLowerCase(Locale.ROOT) + "?)" : ""));
    }
    String rest = text.substring(colon + 1);
    String baseUrl = null;
    int at = Math.max(rest.lastIndexOf("@http://"), rest.lastIndexOf("@https://"));
    if (at >= 0) {
      baseUrl = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (HttpUrl.parse(baseUrl) == null) {
        throw invalid(spec, "the base URL \"" + baseUrl + "\" is not a valid http(s) URL");
      }
      baseUrl = baseUrl.replaceAll("/+$", "");
    }
    String model = rest.strip();
    if (model.isEmpty()) {
      throw invalid(spec, "no model after \"" + provider + ":\"; " + SYNTAX);
    }
    return new ModelConfig(null, provider, model, baseUrl, null, null, null, null, null, false, null);
  }

  private static InvalidModelConfigException invalid(String spec, String problem) {
    return new InvalidModelConfigException("invalid model spec \"" + spec + "\": " + problem);
  }
}
