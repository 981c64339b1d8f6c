package dev.parity.tasks.gdpval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a row's {@code rubric_json}: in the published data a string holding a JSON array (decoded
 * twice), and in some exports encoded once more; an array as such is accepted too. Items are
 * {@code {score, criterion, rubric_item_id, author_type, tags, required, read_only, form_content}};
 * ids, points (negative for penalties), required and tags are kept.
 */
final class RubricJson {
  /** How many layers of string encoding are undone at most. */
  private static final int MAX_DECODES = 3;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String COLUMN = "rubric_json";

  private final int row;
  private final List<RowProblem> problems;

  RubricJson(int row, List<RowProblem> problems) {
    this.row = row;
    this.problems = problems;
  }

  List<GdpvalRow.RubricItem> items(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    JsonNode decoded = value;
    for (int i = 0; i < MAX_DECODES && decoded.isTextual(); i++) {
      try {
        decoded = MAPPER.readTree(decoded.asText());
      } catch (JsonProcessingException e) {
        problem("not a JSON array of rubric items: " + DatasetFile.jsonError(e));
        return List.of();
      }
    }
    if (!decoded.isArray()) {
      problem("must hold a JSON array of rubric items, not " + DatasetFile.describe(decoded));
      return List.of();
    }
    List<GdpvalRow.RubricItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    boolean anyPositive = false;
    for (int i = 0; i < decoded.size(); i++) {
      GdpvalRow.RubricItem item = item(i, decoded.get(i));
      if (item == null) {
        continue;
      }
      if (!ids.add(item.id())) {
        problem("item " + i + ": rubric_item_id \"" + item.id() + "\" appears twice");
      }
      anyPositive |= item.score() > 0;
      items.add(item);
    }
    if (!items.isEmpty() && !anyPositive) {
      problem("every item is a penalty; a rubric needs at least one item with a positive score");
    }
    return items;
  }

  private GdpvalRow.RubricItem item(int index, JsonNode json) {
    String at = "item " + index + ": ";
    if (!json.isObject()) {
      problem(at + "must be an object, not " + DatasetFile.describe(json));
      return null;
    }
    JsonNode score = json.get("score");
    JsonNode criterion = json.get("criterion");
    boolean valid = true;
    if (score == null || !score.canConvertToInt() || !score.isIntegralNumber() || score.asInt() == 0) {
      problem(at + "score must be a non-zero integer (negative for a penalty), not "
          + (score == null ? "missing" : DatasetFile.describe(score)));
      valid = false;
    }
    if (criterion == null || !criterion.isTextual() || criterion.asText().isBlank()) {
      problem(at + "criterion must be text");
      valid = false;
    }
    JsonNode id = json.get("rubric_item_id");
    String itemId = id != null && id.isTextual() && id.asText().matches("[A-Za-z0-9][A-Za-z0-9._-]*")
        ? id.asText() : "item-" + (index + 1);
    List<String> tags = new ArrayList<>();
    json.path("tags").forEach(t -> tags.add(t.asText()));
    if (!valid) {
      return null;
    }
    return new GdpvalRow.RubricItem(itemId, criterion.asText().strip(), score.asInt(),
        json.path("required").asBoolean(false), tags);
  }

  private void problem(String message) {
    problems.add(new RowProblem(row, COLUMN, message));
  }
}
