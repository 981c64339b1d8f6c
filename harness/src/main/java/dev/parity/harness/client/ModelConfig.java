package dev.parity.harness.client;

import dev.parity.documents.FileFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One model as a run uses it: which provider and model, where, with what parameters, limits and
 * prices. Comes from a {@code --model PROVIDER:MODEL[@BASE_URL]} spec or a models file.
 *
 * @param name the display name, unique within a run (defaults to {@code provider:model}); a model
 *     with hosted tools always has them at the end of its name, added when the given name lacks them
 * @param provider the client's provider name: {@code openai}, {@code anthropic}, {@code gemini},
 *     {@code openai-compatible}, {@code command}, {@code replay}
 * @param model the provider's model id (for {@code command}: the program; for {@code replay}:
 *     the folder or JSONL file of recorded answers), followed by the provider-hosted tools it works
 *     with, each after a {@code +} ({@code gpt-5+code_interpreter}; see {@link #hostedTools()})
 * @param baseUrl the API base URL in the provider SDK's convention; null for the provider default
 * @param apiKeyEnv the environment variable holding the key; null for the provider default
 * @param api which of a provider's APIs to use (OpenAI: {@code responses} or {@code chat}); null
 *     for the default
 * @param parameters generation parameters
 * @param limits concurrency and rate limits
 * @param price prices per million tokens; null to use the shipped price table
 * @param forceText whether every reference file goes as extracted text, never as an attachment:
 *     the older spelling of an empty {@code accepts}, kept so that models files and stored runs
 *     that use it read as before
 * @param releaseDate when the model was released, for trends in reports; may be null
 * @param accepts the kinds of file the model reads natively ({@code accepts: [image, pdf]}); null
 *     for its provider's default, {@link InputKind#providerDefault}
 * @param tools for an agent run, the tools this model is offered ({@code tools:} in a models file),
 *     by name, sorted, the always-on ones included; null for the run's ({@code --tools}, which wins)
 */
public record ModelConfig(
    String name,
    String provider,
    String model,
    String baseUrl,
    String apiKeyEnv,
    String api,
    Parameters parameters,
    Limits limits,
    Price price,
    boolean forceText,
    LocalDate releaseDate,
    Set<InputKind> accepts,
    List<String> tools) {

  public ModelConfig {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    name = name == null || name.isBlank() ? provider + ":" + model : name;
    // Reports group attempts by name: a hosted tool in the name keeps its results apart from the
    // same model's with the shared tools, whatever name a models file gave.
    String hosted = model.substring(apiModel(model).length());
    name = name.endsWith(hosted) ? name : name + hosted;
    parameters = parameters == null ? Parameters.DEFAULT : parameters;
    limits = limits == null ? Limits.DEFAULT : limits;
    // An enum set keeps the order of InputKind, so that identities and cache keys print it the same way.
    accepts = accepts == null ? null : Collections.unmodifiableSet(accepts.isEmpty()
        ? EnumSet.noneOf(InputKind.class) : EnumSet.copyOf(accepts));
    tools = tools == null ? null : List.copyOf(tools);
  }

  /** A model offered the run's tools, if any ({@link #tools()} null). */
  public ModelConfig(String name, String provider, String model, String baseUrl, String apiKeyEnv, String api,
      Parameters parameters, Limits limits, Price price, boolean forceText, LocalDate releaseDate,
      Set<InputKind> accepts) {
    this(name, provider, model, baseUrl, apiKeyEnv, api, parameters, limits, price, forceText, releaseDate, accepts,
        null);
  }

  /** A model that reads what its provider's API takes ({@link InputKind#providerDefault}). */
  public ModelConfig(String name, String provider, String model, String baseUrl, String apiKeyEnv, String api,
      Parameters parameters, Limits limits, Price price, boolean forceText, LocalDate releaseDate) {
    this(name, provider, model, baseUrl, apiKeyEnv, api, parameters, limits, price, forceText, releaseDate, null,
        null);
  }

  /** This model with other limits. */
  public ModelConfig withLimits(Limits limits) {
    return new ModelConfig(name, provider, model, baseUrl, apiKeyEnv, api, parameters, limits, price, forceText,
        releaseDate, accepts, tools);
  }

  /** This model with other prices. */
  public ModelConfig withPrice(Price price) {
    return new ModelConfig(name, provider, model, baseUrl, apiKeyEnv, api, parameters, limits, price, forceText,
        releaseDate, accepts, tools);
  }

  /** This model offered {@code tools} in an agent run; null for the run's. */
  public ModelConfig withTools(List<String> tools) {
    return new ModelConfig(name, provider, model, baseUrl, apiKeyEnv, api, parameters, limits, price, forceText,
        releaseDate, accepts, tools);
  }

  /**
   * The provider-hosted tools named after {@code +} at the end of {@link #model()}
   * ({@code gpt-5+code_interpreter}), in the order given; empty for a model that uses none. A
   * {@code +} followed by anything else stays part of the model id.
   */
  public List<HostedTool> hostedTools() {
    List<HostedTool> tools = new ArrayList<>();
    for (String id : model.substring(apiModel(model).length()).split("\\+")) {
      HostedTool.fromId(id).ifPresent(tools::add);
    }
    return List.copyOf(tools);
  }

  /** The model id the provider's API is sent: {@link #model()} without its hosted tools ({@code gpt-5}). */
  public String apiModel() {
    return apiModel(model);
  }

  private static String apiModel(String model) {
    String id = model;
    int plus = id.lastIndexOf('+');
    while (plus > 0 && HostedTool.fromId(id.substring(plus + 1)).isPresent()) {
      id = id.substring(0, plus);
      plus = id.lastIndexOf('+');
    }
    return id;
  }

  /**
   * The kinds of file the model is sent natively: none when {@link #forceText()}, else
   * {@link #accepts()} when given, else its provider's default.
   */
  public Set<InputKind> accepted() {
    if (forceText) {
      return Set.of();
    }
    return accepts != null ? accepts : InputKind.providerDefault(provider);
  }

  /** The file formats the model is sent natively: those of {@link #accepted()}. */
  public Set<FileFormat> acceptedFormats() {
    return accepted().stream().flatMap(kind -> kind.formats().stream()).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Generation parameters; a null one is left to the provider's default.
   *
   * @param maxOutputTokens the most tokens the answer may have
   * @param temperature sampling temperature
   * @param reasoningEffort e.g. {@code low}, {@code medium}, {@code high}, where the API has it
   * @param seed a sampling seed, where the API has one
   */
  public record Parameters(Integer maxOutputTokens, Double temperature, String reasoningEffort, Long seed) {
    public static final Parameters DEFAULT = new Parameters(null, null, null, null);
  }

  /**
   * How hard a run may use the model; a null limit means no limit of that kind.
   *
   * @param concurrency the most calls in flight at once
   * @param requestsPerMinute the most calls started per minute
   * @param tokensPerMinute the most tokens (estimated) sent per minute
   */
  public record Limits(Integer concurrency, Integer requestsPerMinute, Integer tokensPerMinute) {
    public static final Limits DEFAULT = new Limits(null, null, null);
  }

  /**
   * Prices in US dollars per million tokens.
   *
   * @param inputPerMillion per million input tokens
   * @param outputPerMillion per million output tokens (reasoning included)
   * @param cachedInputPerMillion per million cached input tokens; null to charge them as input
   * @param source where the prices were taken from, and when
   */
  public record Price(double inputPerMillion, double outputPerMillion, Double cachedInputPerMillion, String source) {
    /** What {@code usage} costs at these prices; null when the usage is not reported. */
    public Double cost(Usage usage) {
      if (usage.inputTokens() == null || usage.outputTokens() == null) {
        return null;
      }
      long cached = usage.cachedInputTokens() == null ? 0 : usage.cachedInputTokens();
      double cachedPrice = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
      return ((usage.inputTokens() - cached) * inputPerMillion
          + cached * cachedPrice
          + usage.outputTokens() * outputPerMillion) / 1_000_000.0;
    }
  }
}
