package dev.parity.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prices per million tokens for known models, by provider and model id.
 *
 * <p>{@link #shipped()} is the table Parity ships ({@code prices.json} beside this class), each
 * entry with the date it was taken and the provider's pricing page. A model id with a date suffix
 * ({@code gpt-4o-2024-08-06}, {@code claude-sonnet-4-5-20250929}) has the price of the id without
 * it; no other fuzzy matching is done, because a wrong price is worse than an unknown one.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class PriceTable {
  private static final String RESOURCE = "prices.json";
  private static final Pattern DATE_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$");
  private static final PriceTable SHIPPED = load();

  private final List<Entry> entries;
  private final Map<String, Entry> byKey = new HashMap<>();

  /**
   * One model's prices.
   *
   * @param provider the provider name, e.g. {@code anthropic}
   * @param model the model id
   * @param aliases other ids the provider serves the same model under
   * @param price the prices; their {@code source} names the page and the date
   * @param asOf when the prices were read from that page
   * @param sourceUrl the provider's pricing page
   */
  public record Entry(
      String provider, String model, List<String> aliases, ModelConfig.Price price, LocalDate asOf,
      String sourceUrl) {
    public Entry {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(price, "price");
      aliases = List.copyOf(aliases);
    }
  }

  private PriceTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry entry : this.entries) {
      put(entry.provider(), entry.model(), entry);
      entry.aliases().forEach(alias -> put(entry.provider(), alias, entry));
    }
  }

  /** The table shipped with Parity. */
  public static PriceTable shipped() {
    return SHIPPED;
  }

  /**
   * A table of these entries, e.g. for tests or an organisation's negotiated prices.
   *
   * @throws IllegalArgumentException when two entries name the same provider and model id
   */
  public static PriceTable of(List<Entry> entries) {
    return new PriceTable(entries);
  }

  /** Every entry, in table order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The prices of {@code model} at {@code provider}; empty when the table does not know them. */
  public Optional<ModelConfig.Price> find(String provider, String model) {
    String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
    Entry entry = byKey.get(key(provider, id));
    if (entry == null) {
      entry = byKey.get(key(provider, DATE_SUFFIX.matcher(id).replaceFirst("")));
    }
    return Optional.ofNullable(entry).map(Entry::price);
  }

  private void put(String provider, String model, Entry entry) {
    if (byKey.putIfAbsent(key(provider, model), entry) != null) {
      throw new IllegalArgumentException("two prices for " + provider + ":" + model);
    }
  }

  private static String key(String provider, String model) {
    return provider + ":" + model.toLowerCase(Locale.ROOT);
  }

  private static PriceTable load() {
    try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the price table " + RESOURCE + " is missing from the jar");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      List<Entry> entries = new ArrayList<>();
      root.path("prices").forEach(node -> entries.add(entry(node)));
      return new PriceTable(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the price table " + RESOURCE, e);
    }
  }

  private static Entry entry(JsonNode node) {
    LocalDate asOf = LocalDate.parse(node.get("as_of").asText());
    String url = node.get("source").asText();
    JsonNode cached = node.get("cached_input_per_million");
    ModelConfig.Price price = new ModelConfig.Price(
        node.get("input_per_million").asDouble(),
        node.get("output_per_million").asDouble(),
        cached == null || cached.isNull() ? null : cached.asDouble(),
        url + " (" + asOf + ")");
    List<String> aliases = new ArrayList<>();
    node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
    return new Entry(node.get("provider").asText(), node.get("model").asText(), aliases, price, asOf, url);
  }
}
