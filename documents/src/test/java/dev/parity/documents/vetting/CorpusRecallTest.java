package dev.parity.documents.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives of {@link Vetter} on the frozen planted corpus
 * (src/test/resources/vetting-corpus), by the matching rule its README sets out: same file, same
 * kind, the match equal to the planted value after normalising (or containing it, or contained in
 * it with at least 80% of its characters); {@code gps_location} by kind and file alone. A false
 * positive is a finding whose match overlaps a look-alike's value in the same file, both normalised
 * as the finding's kind is (a password containing "2024" does not overlap an invoice number).
 */
class CorpusRecallTest {
  private static final String CORPUS = "/vetting-corpus/";
  /** What the place of a finding must say for each planted {@code where} (case-insensitive). */
  private static final Map<String, String> PLACE_WORDS = Map.ofEntries(
      Map.entry("body", "paragraph"), Map.entry("table", "table"), Map.entry("header", "header"),
      Map.entry("footer", "footer"), Map.entry("footnote", "footnote"), Map.entry("comment", "comment"),
      Map.entry("tracked_deletion", "tracked deletion"), Map.entry("tracked_insertion", "tracked insertion"),
      Map.entry("hidden_text", "hidden text"), Map.entry("field_code", "field code"), Map.entry("hyperlink", "hyperlink"),
      Map.entry("alt_text", "alt text"), Map.entry("custom_xml", "custom xml"), Map.entry("template", "template"),
      Map.entry("properties", "propert"), Map.entry("cell", "!"), Map.entry("hidden_row", "hidden row"),
      Map.entry("hidden_column", "hidden column"), Map.entry("hidden_sheet", "hidden sheet"),
      Map.entry("very_hidden_sheet", "very hidden sheet"), Map.entry("defined_name", "defined name"),
      Map.entry("cell_comment", "comment"), Map.entry("external_link", "external link"),
      Map.entry("pivot_cache", "pivot cache"), Map.entry("slide", "slide"), Map.entry("speaker_notes", "speaker notes"),
      Map.entry("chart_workbook", "chart"), Map.entry("page", "page"), Map.entry("pdf_annotation", "annotation"),
      Map.entry("form_field", "form field"), Map.entry("bookmark", "bookmark"), Map.entry("pdf_info", "info"),
      Map.entry("xmp", "xmp"), Map.entry("exif", "exif"), Map.entry("csv_cell", "row"), Map.entry("text_line", "line"));

  private static JsonNode manifest;
  private static final Map<String, List<Finding>> FINDINGS = new HashMap<>();

  @BeforeAll
  static void vetTheCorpus() throws IOException {
    manifest = new ObjectMapper().readTree(bytes("manifest.json"));
    Iterator<String> files = manifest.get("files").fieldNames();
    while (files.hasNext()) {
      String file = files.next();
      FINDINGS.put(file, Vetter.vet(file, bytes(file)));
    }
  }

  @Test
  void findsAtLeastNinetyFivePercentOfThePlantedItemsAndSaysWhereEachIs() {
    Map<String, int[]> byKind = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    List<String> badPlaces = new ArrayList<>();
    int found = 0;
    for (JsonNode item : manifest.get("planted")) {
      String kind = item.get("kind").asText();
      int[] counts = byKind.computeIfAbsent(kind, k -> new int[2]);
      counts[1]++;
      List<Finding> findings = FINDINGS.get(item.get("file").asText()).stream()
          .filter(f -> f.kind().equals(kind) && (kind.equals(Kinds.GPS_LOCATION) || matches(kind, f.match(), item.get("value").asText())))
          .toList();
      if (findings.isEmpty()) {
        missed.add(item.get("id").asText() + " " + kind + " in " + item.get("file").asText() + " " + item.get("where").asText());
        continue;
      }
      found++;
      counts[0]++;
      // The same value may stand in several places (an author in the properties and on a comment): one must be this one.
      String word = PLACE_WORDS.get(item.get("where").asText());
      if (findings.stream().noneMatch(f -> f.place().toLowerCase(Locale.ROOT).contains(word))) {
        badPlaces.add(item.get("id").asText() + " " + item.get("where").asText() + " reported at "
            + findings.stream().map(Finding::place).toList());
      }
    }
    int planted = manifest.get("planted").size();
    System.out.printf("vetting corpus recall: %d / %d = %.1f%%%n", found, planted, 100.0 * found / planted);
    byKind.forEach((kind, c) -> System.out.printf("  %-24s %2d / %2d%n", kind, c[0], c[1]));
    missed.forEach(m -> System.out.println("  missed: " + m));
    assertThat((double) found / planted).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.95);
    assertThat(badPlaces).as("places that do not name their part").isEmpty();
  }

  /**
   * No look-alike is reported: each was chosen because a careless detector reports it, and every
   * one has a rule that tells it apart (Luhn, mod-97, issuing rules, placeholders, context), so
   * the bound is zero of 24.
   */
  @Test
  void reportsNoneOfTheLookAlikes() {
    List<String> reported = new ArrayList<>();
    for (JsonNode item : manifest.get("lookalikes")) {
      String raw = item.get("value").asText();
      FINDINGS.get(item.get("file").asText()).stream()
          .filter(f -> {
            String match = normalise(f.kind(), f.match());
            String value = normalise(f.kind(), raw);
            return !match.isEmpty() && !value.isEmpty() && (match.contains(value) || value.contains(match));
          })
          .forEach(f -> reported.add(item.get("id").asText() + " '" + item.get("value").asText() + "' as " + f.kind()
              + " at " + f.place()));
    }
    System.out.printf("vetting corpus look-alikes reported: %d / %d%n", reported.size(), manifest.get("lookalikes").size());
    assertThat(reported).isEmpty();
  }

  static boolean matches(String kind, String match, String value) {
    String m = normalise(kind, match);
    String v = normalise(kind, value);
    return !m.isEmpty() && (m.contains(v) || (v.contains(m) && m.length() >= 0.8 * v.length()));
  }

  static String normalise(String kind, String text) {
    return switch (kind) {
      case Kinds.PHONE, Kinds.US_SSN, Kinds.US_ITIN, Kinds.PAYMENT_CARD -> text.replaceAll("\\D", "");
      case Kinds.IBAN, Kinds.UK_NINO -> text.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
      default -> text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    };
  }

  private static byte[] bytes(String name) {
    try (InputStream in = CorpusRecallTest.class.getResourceAsStream(CORPUS + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + CORPUS + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
