package dev.parity.samplegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A deterministic rubric check, as the {@code check} object of a criterion in {@code task.json}.
 * The kinds and their meaning are those of docs/suite-format.md ("Rubric checks"); the factories
 * here write the fields in a fixed order so that the generated files stay byte-for-byte stable.
 * Immutable: {@link #in} and {@link #cell} return a new check.
 */
public final class RubricCheck {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectNode json;

  private RubricCheck(ObjectNode json) {
    this.json = json;
  }

  /** A file of {@code format} was delivered. */
  public static RubricCheck filePresent(FileFormat format) {
    return of("file_present").put("format", format.id());
  }

  /** The deliverable's text contains {@code text}, ignoring case and runs of whitespace. */
  public static RubricCheck contains(String text) {
    return of("contains").put("text", text);
  }

  /** The deliverable's text does not contain {@code text}, ignoring case and runs of whitespace. */
  public static RubricCheck notContains(String text) {
    return of("not_contains").put("text", text);
  }

  /** The Java regular expression {@code pattern} matches somewhere in the text, ignoring case. */
  public static RubricCheck matches(String pattern) {
    return of("matches").put("pattern", pattern);
  }

  /** The Java regular expression {@code pattern} matches nowhere in the text, ignoring case. */
  public static RubricCheck notMatches(String pattern) {
    return of("not_matches").put("pattern", pattern);
  }

  /** The number of words is at most {@code max}. */
  public static RubricCheck wordsAtMost(int max) {
    return of("word_count").put("max", max);
  }

  /** The number of pages (slides for PPTX) is between {@code min} and {@code max}, inclusive. */
  public static RubricCheck pages(int min, int max) {
    return of("page_count").put("min", min).put("max", max);
  }

  /**
   * A number within {@code tolerance} of {@code value} appears in the text (or, with
   * {@link #cell}, is the value of that spreadsheet cell). Both are written rounded to six
   * decimals, so that float noise ({@code 842.1700000000001}) stays out of the suite.
   */
  public static RubricCheck numberNear(double value, double tolerance) {
    RubricCheck check = of("number_near");
    check.json.put("value", decimal(value));
    check.json.put("tolerance", decimal(tolerance));
    return check;
  }

  /** The first CSV file parses and its header has {@code columns}, in any case and order. */
  public static RubricCheck csvColumns(String... columns) {
    RubricCheck check = of("csv_columns");
    List.of(columns).forEach(check.json.putArray("columns")::add);
    return check;
  }

  /** The first JSON file parses and has {@code keys}; {@code a.b} is a key inside an object. */
  public static RubricCheck jsonKeys(String... keys) {
    RubricCheck check = of("json_keys");
    List.of(keys).forEach(check.json.putArray("keys")::add);
    return check;
  }

  /** Every heading is present: Markdown headings, DOCX heading styles, slide titles, sheet names. */
  public static RubricCheck headings(String... headings) {
    RubricCheck check = of("headings");
    List.of(headings).forEach(check.json.putArray("headings")::add);
    return check;
  }

  /** Every one of {@code checks} is met. */
  public static RubricCheck all(RubricCheck... checks) {
    return group("all", checks);
  }

  /** At least one of {@code checks} is met. */
  public static RubricCheck any(RubricCheck... checks) {
    return group("any", checks);
  }

  /** This check, on the files of {@code format} only. */
  public RubricCheck in(FileFormat format) {
    return copy().put("in", format.id());
  }

  /** This number check, on spreadsheet cell {@code reference} ({@code C4} or {@code Sheet!C4}). */
  public RubricCheck cell(String reference) {
    if (!"number_near".equals(json.path("type").asText())) {
      throw new IllegalStateException("only a number_near check reads a cell, not " + json);
    }
    return copy().put("cell", reference);
  }

  /** The check object, as a fresh copy. */
  public JsonNode toJson() {
    return json.deepCopy();
  }

  @Override
  public String toString() {
    return json.toString();
  }

  private static RubricCheck of(String type) {
    ObjectNode json = NODES.objectNode();
    json.put("type", type);
    return new RubricCheck(json);
  }

  private static RubricCheck group(String type, RubricCheck... checks) {
    if (checks.length == 0) {
      throw new IllegalArgumentException("an " + type + " check needs at least one check");
    }
    RubricCheck group = of(type);
    var list = group.json.putArray("checks");
    for (RubricCheck check : checks) {
      list.add(check.toJson());
    }
    return group;
  }

  private RubricCheck put(String field, String value) {
    json.put(field, value);
    return this;
  }

  private RubricCheck put(String field, int value) {
    json.put(field, value);
    return this;
  }

  private RubricCheck copy() {
    return new RubricCheck(json.deepCopy());
  }

  /** {@code 842.17} rather than {@code 842.1700000000001}, and {@code 29} rather than {@code 29.0}. */
  private static BigDecimal decimal(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }
}
