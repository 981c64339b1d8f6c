package dev.parity.graders.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.core.Suggestions;
import dev.parity.documents.FileFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a criterion's {@code check} object into a {@link Check}. The kinds, with their fields:
 *
 * <pre>
 * {"type": "file_present", "format": "xlsx"}
 * {"type": "contains" | "not_contains", "text": "…", "case_sensitive": false, "in": "docx"}
 * {"type": "matches" | "not_matches", "pattern": "regex", "case_sensitive": false, "in": "md"}
 * {"type": "word_count" | "page_count", "min": 100, "max": 800, "in": "docx"}
 * {"type": "number_near", "value": 182400, "tolerance": 1, "cell": "Summary!C4", "in": "md"}
 * {"type": "csv_columns", "columns": ["region", "revenue"]}
 * {"type": "json_keys", "keys": ["total", "items.amount"]}
 * {"type": "headings", "headings": ["Summary", "Recommendations"]}
 * {"type": "all" | "any", "checks": [ … ]}
 * </pre>
 *
 * Documented for suite authors in docs/suite-format.md.
 */
public final class Checks {
  private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
      Map.entry("file_present", Set.of("format")),
      Map.entry("contains", Set.of("text", "case_sensitive", "in")),
      Map.entry("not_contains", Set.of("text", "case_sensitive", "in")),
      Map.entry("matches", Set.of("pattern", "case_sensitive", "in")),
      Map.entry("not_matches", Set.of("pattern", "case_sensitive", "in")),
      Map.entry("word_count", Set.of("min", "max", "in")),
      Map.entry("page_count", Set.of("min", "max", "in")),
      Map.entry("number_near", Set.of("value", "tolerance", "tolerance_pct", "cell", "in")),
      Map.entry("csv_columns", Set.of("columns")),
      Map.entry("json_keys", Set.of("keys")),
      Map.entry("headings", Set.of("headings")),
      Map.entry("all", Set.of("checks")),
      Map.entry("any", Set.of("checks")));

  private Checks() {}

  /** Validates check objects for {@link dev.parity.tasks.SuiteLoader#withCheckValidator}. */
  public static dev.parity.tasks.SuiteLoader.CheckValidator validator() {
    return Validator.INSTANCE;
  }

  /**
   * A class, not a lambda: every command builds a suite loader with it, and the first lambda of a
   * process starts the method handle machinery (about a hundred classes), which {@code parity
   * suite info} on an unchanged suite otherwise never needs (docs/design/0007-start-up.md).
   */
  private static final class Validator implements dev.parity.tasks.SuiteLoader.CheckValidator {
    static final Validator INSTANCE = new Validator();

    @Override
    public java.util.Optional<String> problem(com.fasterxml.jackson.databind.JsonNode check) {
      try {
        parse(check);
        return java.util.Optional.empty();
      } catch (InvalidCheckException e) {
        return java.util.Optional.of(e.getMessage());
      }
    }
  }

  /** The names of the check kinds, sorted. */
  public static List<String> kinds() {
    return FIELDS.keySet().stream().sorted().toList();
  }

  /**
   * The check {@code json} describes.
   *
   * @throws InvalidCheckException naming the field that is wrong and how
   */
  public static Check parse(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new InvalidCheckException("a check must be an object with a \"type\"");
    }
    String type = json.path("type").asText("");
    Set<String> fields = FIELDS.get(type);
    if (fields == null) {
      throw new InvalidCheckException((type.isEmpty() ? "missing check type" : "unknown check type \"" + type + "\"")
          + Suggestions.didYouMean(type, FIELDS.keySet()) + "; known: " + String.join(", ", kinds()));
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("type") && !fields.contains(field)) {
        throw new InvalidCheckException("unknown field \"" + field + "\" in a " + type + " check"
            + Suggestions.didYouMean(field, fields) + "; its fields: " + String.join(", ", fields.stream().sorted().toList()));
      }
    }
    FileFormat in = json.has("in") ? format(json, "in") : null;
    boolean caseSensitive = json.path("case_sensitive").asBoolean(false);
    switch (type) {
      case "file_present":
        return new Check.FilePresent(format(json, "format"));
      case "contains":
      case "not_contains":
        return new TextChecks.Contains(text(json, "text"), caseSensitive, type.startsWith("not"), in);
      case "matches":
      case "not_matches":
        return new TextChecks.Matches(pattern(json, caseSensitive), type.startsWith("not"), in);
      case "word_count":
        return new TextChecks.WordCount(bound(json, "min"), bound(json, "max"), in);
      case "page_count":
        return new DocumentChecks.PageCount(bound(json, "min"), bound(json, "max"), in);
      case "number_near":
        return numberNear(json, in);
      case "csv_columns":
        return new DataChecks.CsvColumns(texts(json, "columns"));
      case "json_keys":
        return new DataChecks.JsonKeys(texts(json, "keys"));
      case "headings":
        return new DocumentChecks.Headings(texts(json, "headings"));
      default:
        List<Check> checks = new ArrayList<>();
        JsonNode list = json.get("checks");
        if (list == null || !list.isArray() || list.isEmpty()) {
          throw new InvalidCheckException("an " + type + " check needs \"checks\": a non-empty list of checks");
        }
        list.forEach(item -> checks.add(parse(item)));
        return type.equals("all") ? new Check.AllOf(checks) : new Check.AnyOf(checks);
    }
  }

  private static Check numberNear(JsonNode json, FileFormat in) {
    JsonNode value = json.get("value");
    if (value == null || !value.isNumber()) {
      throw new InvalidCheckException("a number_near check needs \"value\": a number");
    }
    double tolerance = 0;
    if (json.has("tolerance") && json.has("tolerance_pct")) {
      throw new InvalidCheckException("give \"tolerance\" or \"tolerance_pct\", not both");
    }
    if (json.has("tolerance")) {
      tolerance = nonNegative(json, "tolerance");
    } else if (json.has("tolerance_pct")) {
      tolerance = Math.abs(value.asDouble()) * nonNegative(json, "tolerance_pct") / 100.0;
    }
    String cell = json.has("cell") ? text(json, "cell") : null;
    if (cell != null && !cell.matches("(?:[^!]+!)?\\$?[A-Za-z]{1,3}\\$?\\d+")) {
      throw new InvalidCheckException("\"cell\" must be a cell such as C4 or Summary!C4, not \"" + cell + "\"");
    }
    return new DocumentChecks.NumberNear(value.asDouble(), tolerance, cell, in);
  }

  private static double nonNegative(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (!node.isNumber() || node.asDouble() < 0) {
      throw new InvalidCheckException("\"" + field + "\" must be a number ≥ 0");
    }
    return node.asDouble();
  }

  private static FileFormat format(JsonNode json, String field) {
    String id = json.path(field).asText("");
    return FileFormat.fromId(id).orElseThrow(() -> new InvalidCheckException(
        "\"" + field + "\" must be a file format (" + FileFormat.knownIds() + "), not \"" + id + "\""));
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new InvalidCheckException("a " + json.path("type").asText() + " check needs \"" + field + "\": a non-empty string");
    }
    return node.asText();
  }

  private static List<String> texts(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new InvalidCheckException("a " + json.path("type").asText() + " check needs \"" + field
          + "\": a non-empty list of strings");
    }
    List<String> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static Pattern pattern(JsonNode json, boolean caseSensitive) {
    String regex = text(json, "pattern");
    try {
      return Pattern.compile(regex, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new InvalidCheckException("\"pattern\" is not a valid regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
    }
  }

  private static Integer bound(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null) {
      if (!json.has("min") && !json.has("max")) {
        throw new InvalidCheckException("a " + json.path("type").asText() + " check needs \"min\", \"max\" or both");
      }
      return null;
    }
    if (!node.canConvertToInt() || node.asInt() < 0) {
      throw new InvalidCheckException("\"" + field + "\" must be a whole number ≥ 0");
    }
    return node.asInt();
  }
}
