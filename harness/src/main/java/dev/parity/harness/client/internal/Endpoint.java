package dev.parity.harness.client.internal;

import dev.parity.harness.client.ClientContext;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Where and how an API client calls: the base URL, the headers that carry the key, the HTTP
 * plumbing (which keeps the key out of transcripts and messages) and the model's price.
 */
public record Endpoint(HttpUrl baseUrl, Headers headers, JsonHttp http, Optional<ModelConfig.Price> price) {

  /**
   * @param key the API key the headers carry, to redact wherever it could surface; null for none
   * @throws InvalidModelConfigException when {@code baseUrl} is not an http(s) URL
   */
  public static Endpoint of(ModelConfig config, String baseUrl, Headers headers, String key, ClientContext context) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new InvalidModelConfigException(
          "model " + config.name() + ": the base URL \"" + baseUrl + "\" is not a valid http(s) URL");
    }
    List<String> secrets = key == null ? List.of() : List.of(key);
    Clock clock = context.clock();
    return new Endpoint(url, headers, new JsonHttp(context.http(), clock, config.name(), secrets), context.price(config));
  }

  /** {@code path} below the base URL: {@code chat/completions} → {@code https://api.openai.com/v1/chat/completions}. */
  public HttpUrl resolve(String path) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : path.split("/")) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  /** What {@code usage} cost at the model's price, or null when the price or the usage is unknown. */
  public Double cost(Usage usage) {
    return price.map(p -> p.cost(usage)).orElse(null);
  }
}
