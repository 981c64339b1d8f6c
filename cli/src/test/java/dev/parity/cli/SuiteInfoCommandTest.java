package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  /**
   * Every part of the text, character for character as {@code printf} laid it out before the text
   * was built by hand (this expected text is what main at e143efd printed for this suite), from the
   * suite and then from the load cache, with and without picocli.
   */
  @Test
  void printsEveryPartOfTheSummaryLaidOutAsPrintfDid() throws Exception {
    TestSuites.everyPart(root);
    String expected = """
        Suite gdpval-gold abc
          hash          sha256:3ec31d59d9e939aeb3918556af59d18f867d98443eda7dbdfcc27c637ee1d2ac
          dataset       openai/gdpval, revision abc
          source        gdpval.jsonl (sha256:0000000000000000000000000000000000000000000000000000000000000000)
          licence       as stated on the dataset card
          tasks         7 in 3 occupations, 3 sectors
          human time    6,767.9 h
          human cost    $287,605.3 (6 of 7 tasks; the others' are not measured or reported)

        Flagged tasks (run and graded, but read their results knowing this):
          no_rubric                   4  d-plain, e-plain, f-plain, …
          wage_not_known              1  c-unknown

        Sector                                                   tasks     hours  cost (USD)
        Professional, Scientific, and Technical Services             4   6,666.7   283,333.3
        Health Care and Social Assistance                            2       1.3        21.3
        Wholesale Trade                                              1     100.0     4,250.7

        Occupation (O*NET-SOC)                                   tasks     hours  cost (USD)
        Accountants and Auditors (13-2011.00)                        4   6,666.7   283,333.3
        Registered Nurses (29-1141.00)                               2       1.3        21.3
        First-Line Supervisors of Non-Retail Sales Workers and …     1     100.0     4,250.7
        """.replace("\n", System.lineSeparator());

    for (int run = 0; run < 2; run++) {
      assertThat(CommandRun.of("suite", "info", root.toString()).out()).as("run %d", run).isEqualTo(expected);
      StringWriter direct = new StringWriter();
      DirectSuiteInfo.run(DirectSuiteInfo.of("suite", "info", root.toString()).orElseThrow(), new PrintWriter(direct),
          new PrintWriter(new StringWriter()));
      assertThat(direct).as("run %d without picocli", run).hasToString(expected);
    }
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
