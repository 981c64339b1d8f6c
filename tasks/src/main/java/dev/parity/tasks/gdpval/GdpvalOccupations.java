package dev.parity.tasks.gdpval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.ParityException;
import dev.parity.core.Suggestions;
import dev.parity.tasks.Occupation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The 44 occupations of GDPval with their O*NET-SOC codes, shipped with Parity: GDPval's dataset
 * names occupations by title only, and a suite needs the code. Each code was checked against
 * O*NET's published title; the resource {@code occupations.json} cites the source of each row.
 *
 * <p>Immutable and thread-safe.
 */
public final class GdpvalOccupations {
  private static final String RESOURCE = "/dev/parity/tasks/gdpval/occupations.json";

  /**
   * One row of the table.
   *
   * @param title the occupation as GDPval names it
   * @param sector the sector GDPval places it in
   * @param soc its O*NET-SOC code ({@code 13-2011.00}), or the SOC broad occupation where O*NET
   *     has no single occupation of that title
   * @param source where the code was checked
   */
  public record Entry(String title, String sector, String soc, String source) {
    /** As a suite's occupation. */
    public Occupation occupation() {
      return new Occupation(title, soc);
    }
  }

  private final Map<String, Entry> byKey;

  private GdpvalOccupations(List<Entry> entries) {
    Map<String, Entry> map = new TreeMap<>();
    entries.forEach(e -> map.put(key(e.title()), e));
    this.byKey = map;
  }

  /** The table shipped with Parity. */
  public static GdpvalOccupations shipped() {
    try (InputStream in = GdpvalOccupations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + RESOURCE);
      }
      JsonNode json = new ObjectMapper().readTree(in);
      List<Entry> entries = new ArrayList<>();
      for (JsonNode row : json.get("occupations")) {
        entries.add(new Entry(row.get("title").asText(), row.get("sector").asText(), row.get("soc").asText(),
            row.get("source").asText()));
      }
      return new GdpvalOccupations(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Every row, by title. */
  public List<Entry> entries() {
    return List.copyOf(byKey.values());
  }

  /** The row of {@code title}, ignoring case and runs of whitespace. */
  public Optional<Entry> find(String title) {
    return Optional.ofNullable(byKey.get(key(title)));
  }

  /**
   * The occupation named {@code title}.
   *
   * @throws ParityException naming the title, the nearest known one, and listing the table
   */
  public Occupation resolve(String title) {
    return find(title).map(Entry::occupation).orElseThrow(() -> new ParityException(unknown(title) + "\n" + table()));
  }

  /** One line for a title not in the table, with a "did you mean". */
  String unknown(String title) {
    List<String> titles = byKey.values().stream().map(Entry::title).toList();
    return "unknown GDPval occupation \"" + title + "\"" + Suggestions.didYouMean(title, titles);
  }

  /** The table, as an error lists it: a heading, then one {@code code  title} line per occupation. */
  String table() {
    return "Parity's table of the " + byKey.size() + " GDPval occupations:\n"
        + byKey.values().stream().map(e -> "    " + e.soc() + "  " + e.title()).collect(Collectors.joining("\n"));
  }

  private static String key(String title) {
    return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
