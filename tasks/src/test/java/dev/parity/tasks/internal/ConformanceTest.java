package dev.parity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick conformance check says "conforms" only of documents the full validator finds nothing
 * wrong with, on every document made from a full task and a full suite by deleting one member or
 * putting one of many values in its place ({@link JsonVariants}).
 */
class ConformanceTest {
  private static final String FULL_SUITE = """
      {"name": "bench", "version": "1.0", "description": "d", "license": "CC0",
       "provenance": {"dataset": "gdpval", "revision": "main", "source_file": "f", "importer": "i",
         "source_sha256": "sha256:0000000000000000000000000000000000000000000000000000000000000000"},
       "format_version": 1}
      """;

  @Test
  void bothShippedSchemasAreReadInFull() {
    assertThat(SchemaCheck.TASK.quick()).isTrue();
    assertThat(SchemaCheck.SUITE.quick()).isTrue();
  }

  @Test
  void theFullDocumentsConformQuickly() {
    assertThat(SchemaCheck.TASK.quicklyConforms(parse(JsonVariants.FULL_TASK))).isTrue();
    assertThat(SchemaCheck.SUITE.quicklyConforms(parse(FULL_SUITE))).isTrue();
  }

  @Test
  void everyTaskTheQuickCheckAcceptsHasNoProblemForTheFullValidator() {
    assertHeldToTheFullValidator(SchemaCheck.TASK, JsonVariants.FULL_TASK);
  }

  @Test
  void everySuiteTheQuickCheckAcceptsHasNoProblemForTheFullValidator() {
    assertHeldToTheFullValidator(SchemaCheck.SUITE, FULL_SUITE);
  }

  private static void assertHeldToTheFullValidator(SchemaCheck schema, String full) {
    List<String> documents = JsonVariants.of(full, JsonVariants.VALUES);
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

  private static LocatedJson parse(String json) {
    return LocatedJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
