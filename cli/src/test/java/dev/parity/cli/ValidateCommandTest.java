package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.tasks.vetting.VettingRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path root;

  @Test
  void aValidSuiteExitsZeroAndSaysSo() throws Exception {
    TestSuites.valid(root);

    CommandRun run = CommandRun.of("validate", root.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(root + ": valid — suite cli-test 2.0, 2 tasks, sha256:");
  }

  @Test
  void problemsArePrintedOnePerLineWithPositionsThenCountedAndExitOne() throws Exception {
    TestSuites.valid(root);
    Path task = root.resolve("tasks/expenses/task.json");
    Files.writeString(task, Files.readString(task).replace("\"minutes\": 60", "\"minutes\": 0"));
    Files.delete(root.resolve("tasks/handout/baseline/summary.md"));

    CommandRun run = CommandRun.of("validate", root.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).containsExactly(
        task + ":9:61: baseline.minutes: must be greater than 0 (got 0)",
        root.resolve("tasks/handout/task.json") + ":9:26: file not found: \"baseline/summary.md\" (looked in "
            + root.resolve("tasks/handout/baseline/summary.md") + ")",
        "2 problems in " + root);
  }

  @Test
  void jsonOutputIsAListOfTheSameProblems() throws Exception {
    TestSuites.valid(root);
    Files.delete(root.resolve("suite.json"));

    CommandRun run = CommandRun.of("validate", "--json", root.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode problems = new ObjectMapper().readTree(run.out());
    assertThat(problems.isArray()).isTrue();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).get("file").asText()).isEqualTo(root.resolve("suite.json").toString());
    assertThat(problems.get(0).get("line").isNull()).isTrue();
    assertThat(problems.get(0).get("message").asText()).isEqualTo("missing suite.json");
  }

  @Test
  void jsonOutputOfAValidSuiteIsAnEmptyList() throws Exception {
    TestSuites.valid(root);

    CommandRun run = CommandRun.of("validate", "--json", root.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(run.out())).isEmpty();
  }

  @Test
  void theFileSizeLimitCanBeChanged() throws Exception {
    TestSuites.valid(root);

    CommandRun run = CommandRun.of("validate", "--max-file-size", "5", root.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("is 10 bytes, over the limit of 5 bytes");
  }

  @Test
  void requireVettedRefusesASuiteWithoutARecordAndOneWhoseFilesChangedNamingThem() throws Exception {
    TestSuites.valid(root);

    CommandRun unvetted = CommandRun.of("validate", "--require-vetted", root.toString());

    assertThat(unvetted.exitCode()).isEqualTo(1);
    assertThat(unvetted.out().lines()).containsExactly(root.resolve("vetting.json")
        + ": the suite is not vetted: no vetting.json; vet it and sign it off with 'parity vet " + root
        + " --attested-by NAME'", "1 problem in " + root);

    VettingRecord.of(root, "parity test", Instant.parse("2026-12-05T17:00:00Z"), null, List.of()).write(root);
    assertThat(CommandRun.of("validate", "--require-vetted", root.toString()).exitCode()).isZero();

    Files.writeString(root.resolve("tasks/handout/baseline/summary.md"), "# Changed\n");
    CommandRun changed = CommandRun.of("validate", "--require-vetted", "--json", root.toString());
    assertThat(changed.exitCode()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(changed.out()).get(0).get("message").asText())
        .startsWith("the suite is files changed since it was vetted: changed tasks/handout/baseline/summary.md;");
  }

  @Test
  void withoutRequireVettedAnUnvettedSuiteIsValid() throws Exception {
    TestSuites.valid(root);

    assertThat(CommandRun.of("validate", root.toString()).exitCode()).isZero();
  }

  @Test
  void aUsageErrorExitsTwo() {
    assertThat(CommandRun.of("validate").exitCode()).isEqualTo(2);
    assertThat(CommandRun.of("validate", "--max-file-size", "lots", "x").err()).contains("'lots' is not a size");
    assertThat(CommandRun.of("no-such-command").exitCode()).isEqualTo(2);
  }

  @Test
  void rubricChecksAreValidatedWithTheGradersDefinitions() throws Exception {
    TestSuites.valid(root);
    Path task = root.resolve("tasks/expenses/task.json");
    Files.writeString(task, Files.readString(task).replace("\"points\": 2}",
        "\"points\": 2, \"check\": {\"type\": \"number_near\", \"valu\": 10}}"));

    CommandRun run = CommandRun.of("validate", root.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains(task + ":10:").contains(
        "rubric[0].check: unknown field \"valu\" in a number_near check; did you mean \"value\"?");
  }
}
