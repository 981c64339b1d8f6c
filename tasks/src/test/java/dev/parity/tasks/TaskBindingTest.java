package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.tasks.internal.JsonVariants;
import dev.parity.tasks.internal.LocatedJson;
import dev.parity.tasks.internal.SchemaCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hand binding gives the task the suite's JSON mapper gives, or leaves it to the mapper, on
 * every schema-valid document made from a full task by deleting one member or putting another
 * value in its place ({@link JsonVariants}), rubric checks with numbers of every shape among them.
 */
class TaskBindingTest {
  private static final Path FOLDER = Path.of("suite", "tasks", "T1");
  private static final ObjectMapper MAPPER = SuiteLoader.mapper();

  @Test
  void theFullTaskIsBoundByHandToTheMappersTask() throws Exception {
    JsonNode json = parse(JsonVariants.FULL_TASK);

    Optional<Task> bound = TaskBinding.bind(json, FOLDER);

    assertThat(bound).contains(MAPPER.treeToValue(json, Task.class).withFolder(FOLDER));
    assertThat(bound.get().provenance().dataset().row()).isEqualTo(3);
    assertThat(bound.get().baseline().minutes()).isEqualTo(new SourcedValue(60.0, ValueSource.ESTIMATED, "a guess"));
  }

  @Test
  void everySchemaValidVariantIsBoundAsTheMapperBindsIt() {
    List<String> values = new ArrayList<>(JsonVariants.VALUES);
    values.addAll(List.of("{\"type\": \"max_words\", \"max\": 1.50}", "{\"max\": 2, \"min\": 1e2, \"x\": [0.0, -0]}",
        "\"2026-02-30\"", "\"2026-12-31\"", "3000000000", "-0.0", "1.25e1"));
    int valid = 0;
    int byHand = 0;
    for (String document : JsonVariants.of(JsonVariants.FULL_TASK, values)) {
      LocatedJson located = LocatedJson.parse(document.getBytes(StandardCharsets.UTF_8));
      if (!SchemaCheck.TASK.check(Path.of("task.json"), located).isEmpty()) {
        continue;
      }
      valid++;
      Optional<Task> bound = TaskBinding.bind(located.root(), FOLDER);
      if (bound.isPresent()) {
        byHand++;
        assertThat(bound.get()).as("bound by hand: %s", document).isEqualTo(mapped(located.root()));
      }
    }
    assertThat(valid).isGreaterThan(100);
    assertThat(byHand).as("bound by hand of %d", valid).isGreaterThan(valid * 3 / 4);
  }

  private static Task mapped(JsonNode json) {
    try {
      return MAPPER.treeToValue(json, Task.class).withFolder(FOLDER);
    } catch (Exception e) {
      throw new AssertionError("bound by hand, but the mapper cannot bind it", e);
    }
  }

  private static JsonNode parse(String json) {
    return LocatedJson.parse(json.getBytes(StandardCharsets.UTF_8)).root();
  }
}
