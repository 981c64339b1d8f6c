package dev.parity.harness.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.DocumentFeatures;
import dev.parity.documents.DocumentFeatures.LengthUnit;
import dev.parity.documents.FileFormat;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.FileFeatures;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.TestSuites;
import dev.parity.tasks.Suite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  @TempDir Path folder;
  private Store store;
  private FeatureCache cache;

  @BeforeEach
  void open() {
    store = Store.open(folder.resolve("parity.db"));
    cache = new FeatureCache(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void attemptsRecordedBeforeFeaturesExistedAreReadOnceWhenAReportAsksThenRecorded() {
    AttemptKey key = attempt("T1", file("memo.md", "# Memo\n\nTravel rose.\n"), file("figures.csv", "a,b\n1,\n"));
    String memo = store.files(key).get(1).sha256();
    assertThat(store.fileFeatures(List.of(memo))).isEmpty();

    assertThat(cache.ofRun("r1")).containsEntry(key, new DeliverableFeatures(2, 3, 3, 0, 0, 1, 1, 0, 0));
    assertThat(store.fileFeatures(List.of(memo))).extracting(FileFeatures::features)
        .containsExactly(new DocumentFeatures(3, LengthUnit.WORDS, 0, 1, 0, 0));
  }

  @Test
  void recordedFeaturesAreReadFromTheStoreNotFromTheFileAgain() {
    AttemptKey key = attempt("T1", file("memo.md", "two words"));
    String sha = store.files(key).get(0).sha256();
    // Features recorded earlier for this content win: the file is not read again.
    store.recordFileFeatures(List.of(new FileFeatures(sha, FileFormat.MD,
        new DocumentFeatures(900, LengthUnit.WORDS, 7, 0, 0, 0), null)));

    assertThat(cache.ofRun("r1").get(key).words()).isEqualTo(900);
  }

  @Test
  void aDeliverableWithAFileThatDoesNotOpenHasNoFeaturesAndTheReasonIsRecordedOnce() {
    AttemptKey broken = attempt("T1", file("memo.md", "fine"), file("budget.xlsx", "not a workbook"));
    AttemptKey fine = attempt("T2", file("memo.md", "fine"));

    assertThat(cache.ofRun("r1")).containsOnlyKeys(fine);
    String sha = store.files(broken).get(0).sha256();
    assertThat(store.fileFeatures(List.of(sha))).singleElement()
        .satisfies(f -> assertThat(f.problem()).isNotBlank());
  }

  @Test
  void aDeliverableWhoseBlobIsMissingHasNoFeaturesAndNothingIsRecordedForIt() {
    AttemptKey kept = attempt("T1", file("memo.md", "fine"));
    AttemptKey missing = new AttemptKey("r1", "m", "T2", 0);
    store.addAttempts("r1", store.findRun("r1").orElseThrow().models().get(0), List.of(missing));
    String absent = "a".repeat(64);
    store.record(Attempt.imported(missing, Attempt.Failure.NONE, T0, Attempt.Delivery.NONE),
        List.of(new AttemptFile("memo.md", absent, 4)), List.of());

    assertThat(cache.ofRun("r1")).containsOnlyKeys(kept);
    assertThat(store.fileFeatures(List.of(absent))).isEmpty();
  }

  @Test
  void aBaselineIsReadFromTheSuiteOnceAndFoundByItsContentAfterwards() throws Exception {
    Suite suite = TestSuites.write(folder.resolve("suite"), 1);
    cache.recordBaselines(suite.tasks());
    // "# Memo T0001 / The professional's memo.": five words under one heading.
    DeliverableFeatures expected = new DeliverableFeatures(1, 5, 0, 0, 0, 0, 1, 0, 0);

    assertThat(cache.ofBaseline(suite.tasks().get(0))).contains(expected);
    Files.delete(folder.resolve("suite/tasks/T0001/baseline.md"));
    assertThat(cache.ofBaseline(suite.tasks().get(0))).isEmpty();
  }

  private record NamedBytes(String name, byte[] bytes) {}

  private static NamedBytes file(String name, String text) {
    return new NamedBytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** An attempt of run r1 with these files, recorded as an older Parity did: without their features. */
  private AttemptKey attempt(String task, NamedBytes... files) {
    AttemptKey key = new AttemptKey("r1", "m", task, 0);
    if (store.findRun("r1").isEmpty()) {
      ModelConfig model = new ModelConfig("m", "openai", "gpt-test", null, null, null, null, null, null, false, null);
      store.createRun(new Run("r1", "suite", "1.0", "sha256:abc", folder, "{}", ParityVersion.current(),
          RunStatus.RUNNING, null, T0, T0, null, List.of(model), null), List.of(key));
    } else {
      store.addAttempts("r1", store.findRun("r1").orElseThrow().models().get(0), List.of(key));
    }
    List<AttemptFile> kept = java.util.Arrays.stream(files)
        .map(f -> new AttemptFile(f.name(), store.blobs().put(f.bytes()), f.bytes().length)).toList();
    store.record(Attempt.imported(key, Attempt.Failure.NONE, T0, Attempt.Delivery.NONE), kept, List.of());
    return key;
  }
}
