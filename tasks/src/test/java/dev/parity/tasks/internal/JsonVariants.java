package dev.parity.tasks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Documents made from a full one by deleting one member, at any depth, or putting another value
 * in its place: for holding a quick path to the slow one it stands in for, on every document
 * near a valid one.
 */
public final class JsonVariants {
  /** A task with every member the schema knows. */
  public static final String FULL_TASK = """
      {"id": "T1", "title": "Memo", "occupation": {"title": "Accountants", "soc": "13-2011.00"},
       "sector": "Finance", "request": {"from": "Director", "text": "Write a memo."},
       "references": ["a.md", {"file": "b.md", "description": "data"}],
       "references_not_shown": [{"file": "c.bin", "description": "d", "reason": "missing", "url": "https://x"}],
       "deliverable": {"formats": ["md", "docx"], "description": "one page", "formats_from": "stated",
         "unsupported": "no"},
       "baseline": {"files": ["baseline.md"], "minutes": {"value": 60, "source": "estimated", "basis": "a guess"},
         "hourly_wage_usd": 50.5, "author": "P1", "experience_years": 0},
       "rubric": [{"id": "memo", "criterion": "It is a memo.", "points": 1, "required": true, "tags": ["t"],
         "check": {"type": "contains", "text": "x"}}],
       "provenance": {"origin": "contributed", "contributor": "C", "license": "CC0", "attested_no_confidential_info": true,
         "date": "2026-01-02", "source": "s", "notes": "n", "consent": "yes", "rights_basis": "own_work",
         "dataset": {"name": "gdpval", "revision": "abc", "row": 3}},
       "tags": ["a", "b"]}
      """;

  /** Values put in place of each member in turn: each type, empty, bounds, line breaks, long, duplicates. */
  public static final List<String> VALUES = List.of(
      "\"\"", "\"x\"", "\"T1\\n\"", "\"T 1\"", "\"md\"", "\"pdf\"", "\"missing\"", "\"estimated\"", "\"unknown\"",
      "\"2026-01-02\"", "\"13-2011\"", "\"\\ud83d\\ude00\"", "\"" + "a".repeat(100) + "\"", "\"" + "a".repeat(101) + "\"",
      "0", "1", "-1", "1.0", "0.5", "1e-400", "1e400", "99999999999999999999", "true", "false", "null",
      "[]", "[\"md\"]", "[\"md\", \"md\"]", "[1, 1]", "[\"a.md\"]", "[{}]", "{}", "{\"source\": \"unknown\"}",
      "{\"value\": 0, \"source\": \"measured\"}", "{\"file\": \"x.md\"}", "{\"x\": 1}");

  private JsonVariants() {}

  /** The document {@code full}, and it with each member, at every depth, deleted, or replaced by each of {@code values}. */
  public static List<String> of(String full, List<String> values) {
    List<String> documents = new ArrayList<>();
    documents.add(full);
    JsonNode original = LocatedJson.parse(bytes(full)).root();
    int places = count(original);
    for (int place = 1; place < places; place++) {
      documents.add(mutate(original, place, null).toString());
      for (String value : values) {
        documents.add(mutate(original, place, LocatedJson.parse(bytes(value)).root()).toString());
      }
    }
    return documents;
  }

  private static int count(JsonNode node) {
    int n = 1;
    for (JsonNode child : node) {
      n += count(child);
    }
    return n;
  }

  /** A copy with the value at depth-first {@code place} replaced, or deleted when {@code value} is null. */
  private static JsonNode mutate(JsonNode original, int place, JsonNode value) {
    JsonNode copy = original.deepCopy();
    int[] left = {place};
    replace(copy, left, value);
    return copy;
  }

  private static boolean replace(JsonNode node, int[] left, JsonNode value) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (--left[0] == 0) {
          if (value == null) {
            object.remove(name);
          } else {
            object.set(name, value);
          }
          return true;
        }
        if (replace(object.get(name), left, value)) {
          return true;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (--left[0] == 0) {
          if (value == null) {
            array.remove(i);
          } else {
            array.set(i, value);
          }
          return true;
        }
        if (replace(array.get(i), left, value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
