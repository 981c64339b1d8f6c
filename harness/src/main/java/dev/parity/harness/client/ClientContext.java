package dev.parity.harness.client;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * What every client is made with: the environment its key comes from, the shared HTTP client, the
 * clock it measures latency with, and the price table.
 *
 * @param environment looks up an environment variable, returning null when it is unset (in
 *     production {@code System::getenv}; in tests a map's {@code get})
 * @param http the HTTP client every API client shares, so that they share its connection pool
 * @param clock the clock latencies are measured with
 * @param prices the prices used when a model's configuration names none
 */
public record ClientContext(
    Function<String, String> environment, OkHttpClient http, Clock clock, PriceTable prices) {

  /** The environment variables the built-in providers read their keys from. */
  public static final List<String> KEY_VARIABLES =
      List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY");

  public ClientContext {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(prices, "prices");
  }

  /**
   * The API key for {@code config}: the value of its {@code api_key_env} variable, or of
   * {@code defaultVariable} when it names none.
   *
   * @throws MissingApiKeyException when that variable is unset or blank; the message names the
   *     variable, never a value
   */
  public String apiKey(ModelConfig config, String defaultVariable) {
    String variable = config.apiKeyEnv() == null ? defaultVariable : config.apiKeyEnv();
    String key = environment.apply(variable);
    if (key == null || key.isBlank()) {
      throw new MissingApiKeyException(config, variable);
    }
    return key.strip();
  }

  /**
   * The values of every key variable that is set ({@link #KEY_VARIABLES} and {@code config}'s own),
   * for clients that must keep them out of what they record (a command's output).
   */
  public List<String> secrets(ModelConfig config) {
    return Stream.concat(KEY_VARIABLES.stream(), Stream.ofNullable(config.apiKeyEnv()))
        .map(environment)
        .filter(value -> value != null && !value.isBlank())
        .map(String::strip)
        .distinct()
        .toList();
  }

  /** The model's prices: its configuration's own, else the price table's, else empty (unknown). */
  public Optional<ModelConfig.Price> price(ModelConfig config) {
    return config.price() != null
        ? Optional.of(config.price())
        : prices.find(config.provider(), config.apiModel());
  }
}
