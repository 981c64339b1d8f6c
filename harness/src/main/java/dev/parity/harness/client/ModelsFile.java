package dev.parity.harness.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parity.harness.agent.AgentTool;
import dev.parity.tasks.Problem;
import dev.parity.core.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Reads a models file ({@code --models FILE}): YAML, or JSON when the name ends in {@code .json},
 * with snake_case keys. The format is documented in {@code docs/models.md}:
 *
 * <pre>{@code
 * format_version: 1
 * models:
 *   - name: gpt-5 high
 *     provider: openai
 *     model: gpt-5
 *     parameters: {max_output_tokens: 32000, reasoning_effort: high}
 *     limits: {concurrency: 8, requests_per_minute: 500}
 * }</pre>
 *
 * <p>The whole file is checked before anything is returned, and every problem is reported with
 * its file and line.
 */
public final class ModelsFile {
  /** The only format version this reader knows. */
  public static final int FORMAT_VERSION = 1;
  private static final String WHAT = "models file";

  private static final Set<String> TOP_KEYS = Set.of("format_version", "models");
  private static final Set<String> MODEL_KEYS = Set.of("name", "provider", "model", "base_url",
      "api_key_env", "api", "parameters", "limits", "price", "force_text", "accepts", "release_date", "tools");
  private static final Set<String> PARAMETER_KEYS =
      Set.of("max_output_tokens", "temperature", "reasoning_effort", "seed");
  private static final Set<String> LIMIT_KEYS =
      Set.of("concurrency", "requests_per_minute", "tokens_per_minute");
  private static final Set<String> PRICE_KEYS =
      Set.of("input_per_million", "output_per_million", "cached_input_per_million", "source");

  private final Path file;
  private final LocatedTree tree;
  private final Collection<String> knownProviders;
  private final List<Problem> problems = new ArrayList<>();

  private ModelsFile(Path file, LocatedTree tree, Collection<String> knownProviders) {
    this.file = file;
    this.tree = tree;
    this.knownProviders = knownProviders;
  }

  /**
   * The models {@code file} configures, in file order; providers are checked when clients are made.
   *
   * @throws InvalidModelConfigException listing every problem with its line, when there is any
   */
  public static List<ModelConfig> read(Path file) {
    return read(file, List.of());
  }

  /**
   * Like {@link #read(Path)}, and also reports a provider not in {@code knownProviders} (e.g.
   * {@link ModelClients#providers()}) at its line; an empty collection skips that check.
   */
  public static List<ModelConfig> read(Path file, Collection<String> knownProviders) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidModelConfigException(WHAT, List.of(Problem.inFile(file, Files.exists(file)
          ? "cannot read the models file: " + e.getMessage() : "no such models file")));
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    LocatedTree tree;
    try {
      tree = LocatedTree.parse(json ? new JsonFactory() : new YAMLFactory(), bytes);
    } catch (LocatedTree.MalformedException e) {
      throw new InvalidModelConfigException(WHAT, List.of(new Problem(file, e.position().line(),
          e.position().column(), "not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage())));
    }
    ModelsFile reader = new ModelsFile(file, tree, knownProviders);
    List<ModelConfig> models = reader.models();
    if (!reader.problems.isEmpty()) {
      throw new InvalidModelConfigException(WHAT, reader.problems);
    }
    return models;
  }

  private List<ModelConfig> models() {
    JsonNode root = tree.root();
    if (!root.isObject()) {
      problem("", "a models file is an object with a \"models\" list");
      return List.of();
    }
    checkKeys(root, "", TOP_KEYS);
    JsonNode version = root.get("format_version");
    if (version != null && !(version.canConvertToInt() && version.asInt() == FORMAT_VERSION)) {
      problem("/format_version", "format_version " + version + " is not supported; this Parity reads version "
          + FORMAT_VERSION);
    }
    JsonNode list = root.get("models");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problem(list == null ? "" : "/models", "\"models\" must be a non-empty list of models");
      return List.of();
    }
    List<ModelConfig> models = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String pointer = "/models/" + i;
      ModelConfig model = model(list.get(i), pointer);
      if (model == null) {
        continue;
      }
      String earlier = names.putIfAbsent(model.name(), pointer);
      if (earlier != null) {
        problem(pointer, "the name \"" + model.name() + "\" is used by another model at line "
            + tree.position(earlier).line() + "; give each model its own name");
      }
      models.add(model);
    }
    return models;
  }

  private ModelConfig model(JsonNode node, String at) {
    if (!node.isObject()) {
      problem(at, "each model is an object with at least a provider and a model");
      return null;
    }
    int before = problems.size();
    checkKeys(node, at, MODEL_KEYS);
    String provider = requiredText(node, at, "provider");
    String model = requiredText(node, at, "model");
    if (provider != null && !provider.matches("[a-z0-9][a-z0-9-]*")) {
      problem(at + "/provider", "the provider \"" + provider + "\" must be lowercase letters, digits and dashes");
    } else if (provider != null && !knownProviders.isEmpty() && !knownProviders.contains(provider)) {
      problem(at + "/provider", "unknown provider \"" + provider + "\"" + Suggestions.didYouMean(provider, knownProviders)
          + "; known providers: " + String.join(", ", knownProviders));
    }
    String baseUrl = text(node, at, "base_url");
    if (baseUrl != null && HttpUrl.parse(baseUrl) == null) {
      problem(at + "/base_url", "\"" + baseUrl + "\" is not a valid http(s) URL");
    }
    ModelConfig.Parameters parameters = parameters(node.get("parameters"), at + "/parameters");
    ModelConfig.Limits limits = limits(node.get("limits"), at + "/limits");
    ModelConfig.Price price = price(node.get("price"), at + "/price");
    Boolean forceText = bool(node, at, "force_text");
    Set<InputKind> accepts = accepts(node.get("accepts"), at + "/accepts");
    if (forceText != null && forceText && accepts != null && !accepts.isEmpty()) {
      problem(at + "/force_text", "force_text: true sends text only, which contradicts accepts: "
          + accepts.stream().map(InputKind::id).toList() + "; give one (force_text: true is accepts: [])");
    }
    LocalDate releaseDate = date(node, at, "release_date");
    String name = text(node, at, "name");
    List<String> tools = tools(node.get("tools"), at + "/tools",
        name != null ? name : provider + ":" + model);
    String apiKeyEnv = text(node, at, "api_key_env");
    String api = text(node, at, "api");
    if (problems.size() > before) {
      return null;
    }
    return new ModelConfig(name, provider, model, baseUrl == null ? null : baseUrl.replaceAll("/+$", ""),
        apiKeyEnv, api, parameters, limits, price, forceText != null && forceText, releaseDate, accepts, tools);
  }

  /**
   * The tools listed under {@code tools} with the always-on ones, sorted; null when absent (the
   * run's tools). Problems name the model, since a file may give several models tools.
   */
  private List<String> tools(JsonNode node, String at, String model) {
    if (node == null || node.isNull()) {
      return null;
    }
    String where = "model \"" + model + "\", tools: ";
    if (!node.isArray()) {
      problem(at, where + "must be a list of tools such as [python, shell] (or [] for only the always-on "
          + AgentTool.alwaysOnNames() + "), not " + describe(node));
      return null;
    }
    java.util.TreeSet<String> tools = new java.util.TreeSet<>(AgentTool.alwaysOnNames());
    for (int i = 0; i < node.size(); i++) {
      JsonNode value = node.get(i);
      Optional<AgentTool> tool = value.isTextual() ? AgentTool.fromId(value.asText()) : Optional.empty();
      if (tool.isEmpty()) {
        String given = value.isTextual() ? value.asText() : value.toString();
        List<String> known = Arrays.stream(AgentTool.values()).map(AgentTool::id).toList();
        problem(at + "/" + i, where + describe(value) + " is not a tool" + Suggestions.didYouMean(given, known)
            + "; the tools are " + AgentTool.choosable() + " (" + String.join(", ", AgentTool.alwaysOnNames())
            + " are always on)");
      } else {
        tools.add(tool.get().id());
      }
    }
    return List.copyOf(tools);
  }

  /** The kinds listed under {@code accepts}; null when absent, for the provider's default. */
  private Set<InputKind> accepts(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> known = Arrays.stream(InputKind.values()).map(InputKind::id).toList();
    if (!node.isArray()) {
      problem(at, "\"accepts\" must be a list of " + String.join(", ", known) + " (or [] for text only), not "
          + describe(node));
      return null;
    }
    Set<InputKind> kinds = EnumSet.noneOf(InputKind.class);
    for (int i = 0; i < node.size(); i++) {
      JsonNode value = node.get(i);
      Optional<InputKind> kind = value.isTextual() ? InputKind.ofId(value.asText().strip()) : Optional.empty();
      if (kind.isEmpty()) {
        String given = value.isTextual() ? value.asText() : value.toString();
        problem(at + "/" + i, "\"accepts\" lists " + describe(value) + ", which is not a kind of input"
            + Suggestions.didYouMean(given, known) + "; known kinds: " + String.join(", ", known));
      } else {
        kinds.add(kind.get());
      }
    }
    return kinds;
  }

  private ModelConfig.Parameters parameters(JsonNode node, String at) {
    if (!isObject(node, at)) {
      return null;
    }
    checkKeys(node, at, PARAMETER_KEYS);
    Long maxTokens = positiveInteger(node, at, "max_output_tokens");
    Double temperature = nonNegativeNumber(node, at, "temperature");
    String effort = text(node, at, "reasoning_effort");
    Long seed = integer(node, at, "seed");
    return new ModelConfig.Parameters(maxTokens == null ? null : Math.toIntExact(maxTokens), temperature, effort, seed);
  }

  private ModelConfig.Limits limits(JsonNode node, String at) {
    if (!isObject(node, at)) {
      return null;
    }
    checkKeys(node, at, LIMIT_KEYS);
    Long concurrency = positiveInteger(node, at, "concurrency");
    Long requests = positiveInteger(node, at, "requests_per_minute");
    Long tokens = positiveInteger(node, at, "tokens_per_minute");
    return new ModelConfig.Limits(toInt(concurrency), toInt(requests), toInt(tokens));
  }

  private ModelConfig.Price price(JsonNode node, String at) {
    if (!isObject(node, at)) {
      return null;
    }
    checkKeys(node, at, PRICE_KEYS);
    Double input = nonNegativeNumber(node, at, "input_per_million");
    Double output = nonNegativeNumber(node, at, "output_per_million");
    Double cached = nonNegativeNumber(node, at, "cached_input_per_million");
    String source = text(node, at, "source");
    if (input == null || output == null) {
      problem(at, "a price needs input_per_million and output_per_million (US dollars per million tokens)");
      return null;
    }
    return new ModelConfig.Price(input, output, cached, source == null ? "models file " + file : source);
  }

  private boolean isObject(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isObject()) {
      problem(at, "must be an object with keys, not " + describe(node));
      return false;
    }
    return true;
  }

  private void checkKeys(JsonNode node, String at, Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(at + "/" + name, "unknown key \"" + name + "\"" + Suggestions.didYouMean(name, known)
            + "; known keys here: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private String requiredText(JsonNode node, String at, String key) {
    String value = text(node, at, key);
    if (value == null && !node.has(key)) {
      problem(at, "missing \"" + key + "\"");
    }
    return value;
  }

  private String text(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problem(at + "/" + key, "\"" + key + "\" must be a non-empty string, not " + describe(value));
      return null;
    }
    return value.asText().strip();
  }

  private Long integer(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problem(at + "/" + key, "\"" + key + "\" must be a whole number, not " + describe(value));
      return null;
    }
    return value.asLong();
  }

  private Long positiveInteger(JsonNode node, String at, String key) {
    Long value = integer(node, at, key);
    if (value != null && (value <= 0 || value > Integer.MAX_VALUE)) {
      problem(at + "/" + key, "\"" + key + "\" must be a positive whole number, not " + value);
      return null;
    }
    return value;
  }

  private Double nonNegativeNumber(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < 0) {
      problem(at + "/" + key, "\"" + key + "\" must be a number of at least 0, not " + describe(value));
      return null;
    }
    return value.asDouble();
  }

  private Boolean bool(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      problem(at + "/" + key, "\"" + key + "\" must be true or false, not " + describe(value));
      return null;
    }
    return value.asBoolean();
  }

  private LocalDate date(JsonNode node, String at, String key) {
    String value = text(node, at, key);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problem(at + "/" + key, "\"" + key + "\" must be a date like 2025-08-07, not \"" + value + "\"");
      return null;
    }
  }

  private static Integer toInt(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isBlank() ? "an empty string" : "the string \"" + value.asText() + "\"";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.toString();
  }

  private void problem(String pointer, String message) {
    LocatedTree.Position position = tree.position(pointer);
    problems.add(new Problem(file, position.line(), position.column(), message));
  }
}
