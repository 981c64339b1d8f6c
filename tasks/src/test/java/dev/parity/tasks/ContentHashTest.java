package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.internal.ContentHasher;
import dev.parity.tasks.internal.ContentHasher.TaskContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
  @TempDir Path root;

  private String hash() {
    return SuiteLoader.create().load(root).contentHash();
  }

  @Test
  void theHashIsASha256AndTheSameForTheSameContent() {
    SuiteFolder.withMinimalTask(root);

    assertThat(hash()).matches("sha256:[0-9a-f]{64}").isEqualTo(hash());
  }

  @Test
  void theHashOfAKnownSuiteIsPinnedSoThatNoChangeOfCodeChangesItQuietly() {
    SuiteFolder.withMinimalTask(root);

    // Version 1 of the scheme, as computed before the canonical JSON was written in one pass.
    assertThat(hash()).isEqualTo("sha256:381807651be163434beacf1e92780c47acfdb2bc49050bcccd1c8a4c667a0f8d");
  }

  @Test
  void aFileHashesTheSameFromBytesReadForItsCheckAsReadAgainFromDisk() throws IOException {
    // A load keeps the bytes it checked within a budget and reads the rest again for the hash:
    // both ways must give one hash, or a suite's hash would depend on its files' total size.
    Path folder = Files.createDirectories(root.resolve("task"));
    byte[] content = "# Memo\n\nThe professional memo.\n".getBytes(StandardCharsets.UTF_8);
    Files.write(folder.resolve("memo.md"), content);
    byte[] suite = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] task = "{\"id\":\"t\"}".getBytes(StandardCharsets.UTF_8);

    String fromDisk = ContentHasher.hash(suite, List.of(new TaskContent("t", task, List.of("memo.md"), folder)));
    String fromBytes = ContentHasher.hash(suite,
        List.of(new TaskContent("t", task, List.of("memo.md"), folder, Map.of("memo.md", content))));

    assertThat(fromBytes).isEqualTo(fromDisk);
  }

  @Test
  void changingOneByteOfABaselineFileChangesTheHash() throws IOException {
    SuiteFolder.withMinimalTask(root);
    String before = hash();
    Path baseline = root.resolve("tasks/expense-summary/baseline/summary.md");
    byte[] bytes = Files.readAllBytes(baseline);
    bytes[2] ^= 1;
    Files.write(baseline, bytes);

    assertThat(hash()).isNotEqualTo(before);
  }

  @Test
  void changingOneByteOfAReferenceFileChangesTheHash() throws IOException {
    SuiteFolder.withMinimalTask(root)
        .file("expense-summary", "references/data.csv", "a,b\n1,2\n")
        .edit("expense-summary", "\"references\": []", "\"references\": [\"references/data.csv\"]");
    String before = hash();
    Files.writeString(root.resolve("tasks/expense-summary/references/data.csv"), "a,b\n1,3\n");

    assertThat(hash()).isNotEqualTo(before);
  }

  @Test
  void changingAValueInTaskJsonOrSuiteJsonChangesTheHash() throws IOException {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root);
    String original = hash();
    suite.edit("expense-summary", "\"minutes\": 45", "\"minutes\": 46");
    String taskChanged = hash();
    Files.writeString(root.resolve("suite.json"), SuiteFolder.SUITE_JSON.replace("1.0.0", "1.0.1"));

    assertThat(taskChanged).isNotEqualTo(original);
    assertThat(hash()).isNotEqualTo(taskChanged);
  }

  @Test
  void reformattingJsonWithoutChangingItsContentKeepsTheHash() throws IOException {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root);
    String before = hash();
    Path taskFile = suite.taskFile("expense-summary");
    String compact = SuiteFolder.read(taskFile).replace("\n  ", "\n").replace("\"sector\": ", "\"sector\":");
    Files.writeString(taskFile, compact);

    assertThat(hash()).isEqualTo(before);
  }

  @Test
  void renamingAFileChangesTheHash() throws IOException {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root);
    String before = hash();
    Files.move(root.resolve("tasks/expense-summary/baseline/summary.md"),
        root.resolve("tasks/expense-summary/baseline/summary2.md"));
    suite.edit("expense-summary", "baseline/summary.md", "baseline/summary2.md");

    assertThat(hash()).isNotEqualTo(before);
  }
}
