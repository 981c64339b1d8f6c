package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.vetting.VettingRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity vet --redact-to} and {@code --attest}, in-process. */
class VetRedactAttestTest {
  private static final Path SAMPLE = Path.of("..", "suites", "sample");
  private static final String SECRET = "sk_live_51Hx9QmT2vR8pL4nK7wZ3yB6c";
  private static final Instant NOW = Instant.parse("2026-12-05T18:00:00Z");

  @TempDir Path dir;

  private Path suiteWithSecrets() throws IOException {
    Path suite = TestSuites.valid(Files.createDirectories(dir.resolve("suite")));
    Files.writeString(suite.resolve("tasks/expenses/baseline/summary.md"),
        "# Summary\n\nAsk jane.doe@harbor-legal.com.\nSTRIPE_SECRET_KEY=" + SECRET + "\n");
    Files.writeString(suite.resolve("tasks/handout/baseline/summary.md"), "# Summary\n\nCc jane.doe@harbor-legal.com\n");
    return suite;
  }

  @Test
  void redactToWritesACopyWithPlaceholdersThatValidatesAndListsTheChanges() throws IOException {
    Path suite = suiteWithSecrets();
    Path copy = dir.resolve("redacted");

    CommandRun run = CommandRun.of("vet", suite.toString(), "--redact-to", copy.toString());

    assertThat(run.exitCode()).as("the suite itself still fails").isEqualTo(1);
    assertThat(run.out()).contains("Redacted copy in " + copy + ": 3 changes in 2 files.",
        "The copy validates as a suite.", "Read again: no matched value is left in the copy.").doesNotContain(SECRET);
    assertThat(Files.readString(copy.resolve("tasks/expenses/baseline/summary.md")))
        .isEqualTo("# Summary\n\nAsk [EMAIL-1].\nSTRIPE_SECRET_KEY=[API_KEY-1]\n");
    assertThat(Files.readString(copy.resolve("tasks/handout/baseline/summary.md"))).contains("Cc [EMAIL-1]");
    assertThat(CommandRun.of("vet", copy.toString()).exitCode()).as("the copy vets clean").isZero();
    assertThat(CommandRun.of("validate", copy.toString()).exitCode()).isZero();
  }

  @Test
  void redactToAFolderThatIsNotEmptyIsAUsageError() throws IOException {
    Path suite = suiteWithSecrets();
    Path full = Files.createDirectories(dir.resolve("full"));
    Files.writeString(full.resolve("x.txt"), "x");

    CommandRun run = CommandRun.of("vet", suite.toString(), "--redact-to", full.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: --redact-to " + full + " is not empty; give a new or empty folder");
  }

  @Test
  void attestWritesTheRecordOfACleanSuiteWhichValidateRequireVettedThenAccepts() throws IOException {
    Path suite = copyOfTheSample();
    assertThat(CommandRun.of("validate", "--require-vetted", suite.toString()).exitCode()).isEqualTo(1);

    CommandRun run = CommandRun.at(Clock.fixed(NOW, ZoneOffset.UTC), "vet", suite.toString(), "--allow",
        suite.resolve("vetting-allow.json").toString(), "--attested-by", "Jane Vetter");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Wrote " + suite.resolve("vetting.json") + ": ", "attested by Jane Vetter");
    VettingRecord record = VettingRecord.read(suite).orElseThrow();
    assertThat(record.vettedAt()).isEqualTo(NOW);
    assertThat(record.attestedBy()).isEqualTo("Jane Vetter");
    assertThat(record.tool()).startsWith("parity ");
    assertThat(record.files()).containsKey("suite.json").containsKey("vetting-allow.json").hasSizeGreaterThan(30);
    assertThat(record.accepted()).isNotEmpty().allSatisfy(a -> assertThat(a.reason()).isNotBlank());
    assertThat(CommandRun.of("validate", "--require-vetted", suite.toString()).exitCode()).isZero();
  }

  @Test
  void attestBeforeTheSuiteIsAFlagSoTheSuiteIsNotTakenForTheSignersName() throws IOException {
    Path suite = copyOfTheSample();

    CommandRun run = CommandRun.at(Clock.fixed(NOW, ZoneOffset.UTC), "vet", "--attest", suite.toString(), "--allow",
        suite.resolve("vetting-allow.json").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Wrote " + suite.resolve("vetting.json") + ": ").doesNotContain("attested by");
    VettingRecord record = VettingRecord.read(suite).orElseThrow();
    assertThat(record.attestedBy()).isNull();
    assertThat(CommandRun.of("validate", "--require-vetted", suite.toString()).exitCode()).isZero();
  }

  @Test
  void attestedByWithoutANameIsAUsageError() throws IOException {
    Path suite = copyOfTheSample();

    CommandRun run = CommandRun.of("vet", suite.toString(), "--attested-by", " ");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: --attested-by needs a name");
    assertThat(suite.resolve("vetting.json")).doesNotExist();
  }

  @Test
  void attestWritesNothingWhileFindingsOfHighOrMediumSeverityRemain() throws IOException {
    Path suite = suiteWithSecrets();

    CommandRun run = CommandRun.of("vet", suite.toString(), "--attested-by", "Jane Vetter");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Not attested: findings of high or medium severity remain; vetting.json not written.");
    assertThat(suite.resolve("vetting.json")).doesNotExist();
  }

  private Path copyOfTheSample() throws IOException {
    Path copy = dir.resolve("sample");
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(SAMPLE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return copy;
  }
}
