package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.DocumentFeatures;
import dev.parity.graders.campaign.CampaignSummary;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.Outcome;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.judgments.Showing;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made by the release before the one data layer (commit c09ac25: {@code parity demo}, then a
 * campaign on its run with two submitted verdicts; blobs cut down to one file) opens, upgrades and
 * reads back whole. The fixture is {@code src/test/resources/stores/c09ac25/}; never edit it.
 */
class ReleasedStoreTest {
  private static final String EDITORS_NOTE = "ddc6a7c63de37880c2ed014e6924d39b82bda7203f9477a7d0a9a22d2c9b3b4d";
  @TempDir Path folder;

  @Test
  void aStoreMadeByTheLastReleaseOpensUpgradesAndReadsItsRunsAttemptsJudgmentsAndCampaignBack() throws Exception {
    Path db = copyOfTheReleasedStore();

    try (Database database = Database.open(db)) {
      assertThat(Flyway.configure(getClass().getClassLoader()).dataSource(database.dataSource())
          .locations("classpath:db/migration").outOfOrder(true).load().info().pending())
          .as("every migration on the classpath is applied").isEmpty();

      Store runs = new Store(database);
      Run run = runs.findRun("demo").orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.suiteName()).isEqualTo("sample");
      assertThat(run.models()).extracting(ModelConfig::name).containsExactly("example-model");
      List<Attempt> attempts = runs.attempts("demo");
      assertThat(attempts).hasSize(13).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED));
      List<AttemptFile> files = runs.files(new AttemptKey("demo", "example-model", "feature-copy-edit", 0));
      assertThat(files).extracting(AttemptFile::name).contains("bakery-feature-edited.docx", "editors-note.md");
      assertThat(files).filteredOn(f -> f.name().equals("editors-note.md")).singleElement()
          .satisfies(f -> assertThat(f.sha256()).isEqualTo(EDITORS_NOTE));
      byte[] note = runs.blobs().get(EDITORS_NOTE);
      assertThat(note).hasSize(178);
      assertThat(BlobStore.sha256(note)).isEqualTo(EDITORS_NOTE);

      JudgmentStore judgments = new JudgmentStore(database);
      assertThat(judgments.judgments("demo")).hasSize(13).extracting(s -> s.judgment().outcome())
          .containsOnly(Outcome.WIN, Outcome.TIE, Outcome.LOSS);
      assertThat(judgments.judgments("demo")).filteredOn(s -> s.judgment().outcome() == Outcome.TIE).hasSize(5);
      assertThat(judgments.calls("demo")).hasSize(26);
      assertThat(judgments.scores("demo")).hasSize(52);
      assertThat(judgments.judgments("demo")).extracting(s -> s.judgment().showing()).containsOnly(Showing.UNKNOWN);

      Campaigns campaigns = new Campaigns(database, database.blobs(), Clock.systemUTC());
      CampaignSummary campaign = campaigns.require("fixture");
      assertThat(campaign.pairs()).isEqualTo(13);
      assertThat(campaign.assignments()).isEqualTo(13);
      assertThat(campaign.submitted()).isEqualTo(2);
      assertThat(campaign.settings().seed()).isEqualTo(7);
      assertThat(campaigns.judgments(campaign.id())).hasSize(2).extracting(Judgment::grader).containsOnly("expert-07");
      assertThat(campaigns.judgments(campaign.id())).allSatisfy(j -> assertThat(j.showing().side()).isNotNull());
    }
  }

  @Test
  void theCommandsReadTheReleasedStoreAsBefore() throws Exception {
    assertTheCommandsRead(copyOfTheReleasedStore().toString(), folder);
  }

  /** The commands read the released store's runs, campaign and report from {@code db} (a file or a URL). */
  static void assertTheCommandsRead(String db, Path folder) throws IOException {
    CommandRun runs = CommandRun.of("runs", "--db", db);
    CommandRun status = CommandRun.of("campaign", "status", "fixture", "--db", db);
    CommandRun report = CommandRun.of("report", "--run", "demo", "--campaign", "fixture", "--db", db,
        "--suite", ReportCommandTest.SAMPLE.toString(), "--out", folder.resolve("report").toString(),
        "--bootstrap", "200");

    assertThat(runs.exitCode()).as(runs.err()).isZero();
    assertThat(runs.out()).contains("demo");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("Campaign fixture: 2 of 13 assignments done");
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(Files.readAllLines(folder.resolve("report/attempts.csv"))).hasSize(14);
  }

  @Test
  void aReportReadsTheFeaturesOfDeliverablesRecordedBeforeTheyWereKeptOnceAndRecordsThem() throws Exception {
    Path db = copyOfTheReleasedStore();
    try (Database database = Database.open(db)) {
      assertThat(new Store(database).fileFeatures(List.of(EDITORS_NOTE))).as("a store of the last release").isEmpty();
    }

    CommandRun report = CommandRun.of("report", "--run", "demo", "--db", db.toString(),
        "--suite", ReportCommandTest.SAMPLE.toString(), "--out", folder.resolve("report").toString(),
        "--bootstrap", "200");

    // The fixture keeps one blob, the editor's note: the other deliverables cannot be read, so every
    // judgment is left out of length control, and the report says so instead of failing.
    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(folder.resolve("report/report.json").toFile());
    assertThat(json.get("length_control")).isEmpty();
    assertThat(json.get("notes").toString()).contains("No length-controlled scores: none of the 13 judgments");
    try (Database database = Database.open(db)) {
      assertThat(new Store(database).fileFeatures(List.of(EDITORS_NOTE))).singleElement()
          .satisfies(f -> assertThat(f.features().unit()).isEqualTo(DocumentFeatures.LengthUnit.WORDS));
    }
  }

  private Path copyOfTheReleasedStore() throws URISyntaxException {
    return copyOfTheReleasedStore(folder);
  }

  /** A copy of the released store in {@code folder}/store/, which a test may change: its database file. */
  static Path copyOfTheReleasedStore(Path folder) throws URISyntaxException {
    Path source = Path.of(ReleasedStoreTest.class.getResource("/stores/c09ac25").toURI());
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path target = folder.resolve("store").resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder.resolve("store/parity.db");
  }
}
