package dev.parity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.tasks.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick conformance check says "conforms" only of documents the full validator finds nothing
 * wrong with, on every document made from a full task and a full suite by deleting one member or
 * putting one of many values (each type, empty, bounds, line breaks, long, duplicates) in its place.
 */
class ConformanceTest {
  private static final String FULL_TASK = """
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

  private static final String FULL_SUITE = """
      {"name": "bench", "version": "1.0", "description": "d", "license": "CC0",
       "provenance": {"dataset": "gdpval", "revision": "main", "source_file": "f", "importer": "i",
         "source_sha256": "sha256:0000000000000000000000000000000000000000000000000000000000000000"},
       "format_version": 1}
      """;

  /** Values put in place of each member in turn. */
  private static final List<String> VALUES = List.of(
      "\"\"", "\"x\"", "\"T1\\n\"", "\"T 1\"", "\"md\"", "\"pdf\"", "\"missing\"", "\"estimated\"", "\"unknown\"",
      "\"2026-01-02\"", "\"13-2011\"", "\"\\ud83d\\ude00\"", "\"" + "a".repeat(100) + "\"", "\"" + "a".repeat(101) + "\"",
      "0", "1", "-1", "1.0", "0.5", "1e-400", "1e400", "99999999999999999999", "true", "false", "null",
      "[]", "[\"md\"]", "[\"md\", \"md\"]", "[1, 1]", "[\"a.md\"]", "[{}]", "{}", "{\"source\": \"unknown\"}",
      "{\"value\": 0, \"source\": \"measured\"}", "{\"file\": \"x.md\"}", "{\"x\": 1}");

  @Test
  void bothShippedSchemasAreReadInFull() {
    assertThat(SchemaCheck.TASK.quick()).isTrue();
    assertThat(SchemaCheck.SUITE.quick()).isTrue();
  }

  @Test
  void theFullDocumentsConformQuickly() {
    assertThat(SchemaCheck.TASK.quicklyConforms(parse(FULL_TASK))).isTrue();
    assertThat(SchemaCheck.SUITE.quicklyConforms(parse(FULL_SUITE))).isTrue();
  }

  @Test
  void everyTaskTheQuickCheckAcceptsHasNoProblemForTheFullValidator() {
    assertHeldToTheFullValidator(SchemaCheck.TASK, FULL_TASK);
  }

  @Test
  void everySuiteTheQuickCheckAcceptsHasNoProblemForTheFullValidator() {
    assertHeldToTheFullValidator(SchemaCheck.SUITE, FULL_SUITE);
  }

  private static void assertHeldToTheFullValidator(SchemaCheck schema, String full) {
    List<String> documents = variants(full);
    int quick = 0;
    int valid = 0;
    for (String document : documents) {
      LocatedJson json = parse(document);
      List<Problem> problems = schema.checkFully(Path.of("x.json"), json);
      boolean conforms = schema.quicklyConforms(json);
      if (conforms) {
        assertThat(problems).as("the full validator on %s", document).isEmpty();
        quick++;
      }
      valid += problems.isEmpty() ? 1 : 0;
    }
    // Most of the documents without a problem are recognised quickly, or the quick check is of no use.
    assertThat(quick).as("%d of %d variants conform", valid, documents.size()).isGreaterThan(valid * 3 / 4);
    assertThat(valid).isLessThan(documents.size());
  }

  /** The document with each member, at every depth, deleted, or replaced by each of {@link #VALUES}. */
  private static List<String> variants(String full) {
    List<String> documents = new ArrayList<>();
    documents.add(full);
    JsonNode original = parse(full).root();
    int places = count(original);
    for (int place = 1; place < places; place++) {
      documents.add(mutate(original, place, null).toString());
      for (String value : VALUES) {
        documents.add(mutate(original, place, parse(value).root()).toString());
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

  private static LocatedJson parse(String json) {
    return LocatedJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
