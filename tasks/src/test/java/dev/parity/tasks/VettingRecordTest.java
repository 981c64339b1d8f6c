package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.tasks.vetting.AcceptedFinding;
import dev.parity.tasks.vetting.FileChanges;
import dev.parity.tasks.vetting.InvalidVettingRecordException;
import dev.parity.tasks.vetting.VettingRecord;
import dev.parity.tasks.vetting.VettingStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vetting.json: written and read back, outside the content hash, and compared with the suite's files. */
class VettingRecordTest {
  private static final Instant AT = Instant.parse("2026-12-05T17:00:00Z");
  private static final AcceptedFinding ACCEPTED = new AcceptedFinding("tasks/expense-summary/baseline/summary.md",
      "line 1", "email", "a***@example.org", "fictional address on example.org");

  @TempDir Path root;

  private VettingRecord recordNow() {
    return VettingRecord.of(root, "parity 0.1.0", AT, "Jane Vetter", List.of(ACCEPTED));
  }

  @Test
  void aRecordListsEveryFileButItselfAndHiddenOnesWithItsDigestAndReadsBackEqual() throws IOException {
    SuiteFolder.withMinimalTask(root);
    Files.writeString(root.resolve(".DS_Store"), "x");
    VettingRecord record = recordNow();

    record.write(root);

    assertThat(record.files()).containsOnlyKeys("suite.json", "tasks/expense-summary/task.json",
        "tasks/expense-summary/baseline/summary.md");
    assertThat(record.files().get("tasks/expense-summary/baseline/summary.md"))
        .isEqualTo("sha256:88501c2f5e6660af97d9cafe49c86afa7adff4dc92cbe9e27141b4ef45642ee8");
    assertThat(record.files().values()).allMatch(d -> d.matches("sha256:[0-9a-f]{64}"));
    assertThat(VettingRecord.read(root)).contains(record);
    assertThat(Files.readString(root.resolve("vetting.json"))).contains("\"format\" : 1", "\"attested_by\" : \"Jane Vetter\"",
        "\"reason\" : \"fictional address on example.org\"");
  }

  @Test
  void writingTheRecordLeavesTheSuitesContentHashAsItWas() {
    SuiteFolder.withMinimalTask(root);
    String before = SuiteLoader.create().load(root).contentHash();

    recordNow().write(root);

    assertThat(SuiteLoader.create().load(root).contentHash()).isEqualTo(before);
    assertThat(VettingStatus.of(root).isVetted()).isTrue();
  }

  @Test
  void aChangedAnAddedAndARemovedFileAreEachNamed() throws IOException {
    SuiteFolder.withMinimalTask(root).file("expense-summary", "references/old.csv", "a,b\n");
    recordNow().write(root);

    SuiteFolder.write(root.resolve("tasks/expense-summary/baseline/summary.md"), "# Summary, revised\n");
    SuiteFolder.write(root.resolve("tasks/expense-summary/references/new.csv"), "c,d\n");
    Files.delete(root.resolve("tasks/expense-summary/references/old.csv"));

    VettingStatus status = VettingStatus.of(root);
    assertThat(status.state()).isEqualTo(VettingStatus.State.FILES_CHANGED);
    assertThat(status.changes()).isEqualTo(new FileChanges(List.of("tasks/expense-summary/baseline/summary.md"),
        List.of("tasks/expense-summary/references/new.csv"), List.of("tasks/expense-summary/references/old.csv")));
    assertThat(status.describe()).isEqualTo("files changed since it was vetted: "
        + "changed tasks/expense-summary/baseline/summary.md; added tasks/expense-summary/references/new.csv; "
        + "removed tasks/expense-summary/references/old.csv");
  }

  @Test
  void aSuiteWithoutARecordIsNotVetted() {
    SuiteFolder.withMinimalTask(root);

    VettingStatus status = VettingStatus.of(root);

    assertThat(status.state()).isEqualTo(VettingStatus.State.NOT_VETTED);
    assertThat(status.describe()).isEqualTo("not vetted: no vetting.json");
    assertThat(VettingRecord.read(root)).isEmpty();
  }

  @Test
  void aRecordOfAnotherFormatOrMissingAFieldIsRefusedNamingTheFileAndField() throws IOException {
    SuiteFolder.withMinimalTask(root);
    Files.writeString(root.resolve("vetting.json"), "{\"format\": 2}");
    assertThatThrownBy(() -> VettingRecord.read(root)).isInstanceOf(InvalidVettingRecordException.class)
        .hasMessage(root.resolve("vetting.json") + ": format 2 is not one this Parity reads (it reads 1)");

    Files.writeString(root.resolve("vetting.json"), "{\"format\": 1, \"tool\": \"parity\", \"vetted_at\": "
        + "\"2026-12-05T17:00:00Z\", \"files\": {}, \"accepted\": [{\"file\": \"a.md\"}]}");
    assertThatThrownBy(() -> VettingRecord.read(root)).hasMessageEndingWith("accepted[0].place is missing or not a string");

    Files.writeString(root.resolve("vetting.json"), "{\"format\": 1,");
    VettingStatus status = VettingStatus.of(root);
    assertThat(status.state()).isEqualTo(VettingStatus.State.UNREADABLE);
    assertThat(status.describe()).startsWith("its vetting record cannot be read: " + root.resolve("vetting.json")
        + ": malformed JSON at line 1");
  }
}
