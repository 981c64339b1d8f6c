package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VetCommandTest {
  private static final Path SAMPLE = Path.of("..", "suites", "sample");
  private static final String SECRET = "sk_live_51Hx9QmT2vR8pL4nK7wZ3yB6c";

  /** A valid suite whose first task's baseline holds an e-mail address and a Stripe key. */
  private static Path suiteWithSecrets(Path dir) throws IOException {
    Path suite = TestSuites.valid(Files.createDirectories(dir.resolve("suite")));
    Files.writeString(suite.resolve("tasks/expenses/baseline/summary.md"),
        "# Summary\n\nAsk jane.doe@harbor-legal.com.\nSTRIPE_SECRET_KEY=" + SECRET + "\n");
    return suite;
  }

  @Test
  void theSampleSuiteVetsCleanWithItsAllowList() {
    CommandRun run = CommandRun.of("vet", SAMPLE.toString(), "--allow", SAMPLE.resolve("vetting-allow.json").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
    assertThat(run.out()).contains("0 findings remain (0 high, 0 medium, 0 low)", "allowed by");
  }

  @Test
  void theSampleSuiteWithoutItsAllowListHasFindingsToReview() {
    CommandRun run = CommandRun.of("vet", SAMPLE.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("FILE", "PLACE", "KIND", "SEVERITY", "EXCERPT", "@riverbendccu.example");
  }

  @Test
  void listsEachFindingWithItsPlaceAndMaskedExcerptAndExitsWithOne(@TempDir Path dir) throws IOException {
    Path suite = suiteWithSecrets(dir);

    CommandRun run = CommandRun.of("vet", suite.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("tasks/expenses/baseline/summary\\.md +line 3 +email +medium +j\\*\\*\\*@harbor-legal\\.com")
        .containsPattern("tasks/expenses/baseline/summary\\.md +line 4 +api_key +high +sk_l\\*\\*\\* \\(33 characters\\)")
        .contains("2 findings remain (1 high, 1 medium, 0 low) in 1 of 5 files")
        .doesNotContain(SECRET);
  }

  @Test
  void anAllowListEntryNeedsAllItsConditionsAndOnlyLowFindingsLeftPass(@TempDir Path dir) throws IOException {
    Path suite = suiteWithSecrets(dir);
    Path allow = Files.writeString(dir.resolve("allow.json"), """
        {"allow": [
          {"value": "@harbor-legal.com", "reason": "invented firm"},
          {"kind": "api_key", "file": "tasks/handout/**", "reason": "only in the handout"}
        ]}
        """);

    CommandRun run = CommandRun.of("vet", suite.toString(), "--allow", allow.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("api_key").doesNotContain("email")
        .contains("1 finding remains (1 high, 0 medium, 0 low)", "1 allowed by");
  }

  @Test
  void printsJsonWithExcerptsAndReasonsButNeverTheMatchedText(@TempDir Path dir) throws IOException {
    Path suite = suiteWithSecrets(dir);
    Path allow = Files.writeString(dir.resolve("allow.json"),
        "{\"allow\": [{\"kind\": \"email\", \"reason\": \"invented people\"}]}");

    CommandRun run = CommandRun.of("vet", suite.toString(), "--json", "--allow", allow.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).doesNotContain(SECRET).doesNotContain("jane.doe@");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("files_checked").asInt()).isEqualTo(5);
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("findings")).singleElement().satisfies(f -> {
      assertThat(f.get("kind").asText()).isEqualTo("api_key");
      assertThat(f.get("category").asText()).isEqualTo("secret");
      assertThat(f.get("severity").asText()).isEqualTo("high");
      assertThat(f.get("place").asText()).isEqualTo("line 4");
    });
    assertThat(json.get("allowed")).singleElement().satisfies(f -> {
      assertThat(f.get("excerpt").asText()).isEqualTo("j***@harbor-legal.com");
      assertThat(f.get("reason").asText()).isEqualTo("invented people");
      assertThat(f.get("allowed_by").asInt()).isEqualTo(1);
    });
  }

  @Test
  void aFileThatCannotBeReadIsReportedByNameAndTheOthersAreStillVetted(@TempDir Path dir) throws IOException {
    Path suite = suiteWithSecrets(dir);
    Files.writeString(suite.resolve("tasks/handout/baseline/broken.docx"), "not a zip");

    CommandRun run = CommandRun.of("vet", suite.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("tasks/handout/baseline/broken\\.docx +whole file +unreadable +high +not readable as docx")
        .contains("api_key");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void aBadAllowListIsAUsageErrorNamingTheEntry(@TempDir Path dir) throws IOException {
    Path suite = suiteWithSecrets(dir);
    Path allow = Files.writeString(dir.resolve("allow.json"),
        "{\"allow\": [{\"kind\": \"email\", \"reason\": \"ok\"}, {\"kind\": \"emails\"}]}");

    CommandRun run = CommandRun.of("vet", suite.toString(), "--allow", allow.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("allow.json: allow entry 2: needs a \"reason\"",
        "allow.json: allow entry 2: unknown kind \"emails\"");
  }

  @Test
  void aFolderWithoutSuiteJsonIsAUsageError(@TempDir Path dir) {
    CommandRun run = CommandRun.of("vet", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a suite (no suite.json)");
  }
}
