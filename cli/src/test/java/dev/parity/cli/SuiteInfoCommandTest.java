package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteInfoCommandTest {
  @TempDir Path root;

  @Test
  void printsTasksPerSectorAndOccupationWithHumanTimeCostAndHash() throws Exception {
    TestSuites.valid(root);

    CommandRun run = CommandRun.of("suite", "info", root.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Suite cli-test 2.0")
        .contains("2 in 2 occupations, 2 sectors")
        .contains("human time    1.5 h")
        .contains("human cost    $63.8")
        .contains("Registered Nurses (29-1141.00)")
        .containsPattern("hash +sha256:[0-9a-f]{64}");
  }

  @Test
  void jsonHasSnakeCaseKeysWithTheTotals() throws Exception {
    TestSuites.valid(root);

    CommandRun run = CommandRun.of("suite", "info", "--json", root.toString());

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.fieldNames()).toIterable()
        .contains("tasks", "occupations", "sectors", "human_hours", "human_cost_usd", "hash");
    assertThat(json.get("tasks").asInt()).isEqualTo(2);
    assertThat(json.get("human_hours").asDouble()).isEqualTo(1.5);
    assertThat(json.get("human_cost_usd").asDouble()).isEqualTo(63.75);
    assertThat(json.get("occupations").get(0).get("soc").asText()).isEqualTo("13-2011.00");
    assertThat(json.get("sectors").get(0).has("human_cost_usd")).isTrue();
  }

  @Test
  void aSecondRunFromTheLoadCacheSaysTheSameAndAnEditIsSeen() throws Exception {
    TestSuites.valid(root);
    String first = CommandRun.of("suite", "info", root.toString()).out();

    assertThat(CommandRun.of("suite", "info", root.toString()).out()).isEqualTo(first);

    Path suiteFile = root.resolve("suite.json");
    Files.writeString(suiteFile, Files.readString(suiteFile).replace("\"2.0\"", "\"2.1\""));
    Files.setLastModifiedTime(suiteFile, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(suiteFile).toMillis() + 2_000));
    assertThat(CommandRun.of("suite", "info", root.toString()).out()).contains("Suite cli-test 2.1");
  }

  @Test
  void anInvalidSuiteFailsWithItsProblems() throws Exception {
    TestSuites.valid(root);
    Files.delete(root.resolve("suite.json"));

    CommandRun run = CommandRun.of("suite", "info", root.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("error: invalid suite: 1 problem").contains("missing suite.json");
  }
}
