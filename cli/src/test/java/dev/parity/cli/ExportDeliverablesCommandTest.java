package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parity.documents.FileFormat;
import dev.parity.documents.Documents;
import dev.parity.documents.testing.HostileFiles;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.Store;
import dev.parity.store.BlobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity export deliverables}, in-process against a store with a run: two models whose
 * names would make the same folder, a hostile DOCX, and an attempt whose stored names try to
 * leave the export folder.
 */
class ExportDeliverablesCommandTest {
  private static final String SUMMARY = "# Q3 travel\n\nTotal: 18,240 USD.\n";
  private static final String RUN = "export-1";

  @TempDir Path folder;
  private String db;
  private Path out;
  private byte[] hostile;

  @BeforeEach
  void setUp() throws IOException {
    Path suite = TestSuites.valid(Files.createDirectories(folder.resolve("suite")));
    db = folder.resolve("store/parity.db").toString();
    out = folder.resolve("exports/deliverables");

    Path slashed = folder.resolve("from-slashed");
    Files.writeString(Files.createDirectories(slashed.resolve("expenses")).resolve("summary.md"), SUMMARY);
    hostile = HostileFiles.docx();
    Files.write(Files.createDirectories(slashed.resolve("handout")).resolve("handout.docx"), hostile);
    assertThat(CommandRun.of("import", "deliverables", "--run", RUN, "--model", "openai/gpt-5", "--suite",
        suite.toString(), "--db", db, slashed.toString()).exitCode()).isZero();
    Path underscored = folder.resolve("from-underscored");
    Files.writeString(Files.createDirectories(underscored.resolve("expenses")).resolve("summary.md"), "# Other\n");
    assertThat(CommandRun.of("import", "deliverables", "--run", RUN, "--model", "openai_gpt-5", "--suite",
        suite.toString(), "--db", db, underscored.toString()).exitCode()).isZero();

    // Names no importer makes, as another tool writing the store could: they must not leave the export folder.
    try (Store store = Store.open(Path.of(db))) {
      ModelConfig model = store.findRun(RUN).orElseThrow().models().get(0);
      AttemptKey key = new AttemptKey(RUN, "../../evil", "../tasks", 0);
      store.addAttempts(RUN, new ModelConfig("../../evil", model.provider(), model.model(), null, null, null, null,
          null, null, false, null), List.of(key));
      byte[] bytes = "escaped?".getBytes(StandardCharsets.UTF_8);
      String sha = store.blobs().put(bytes);
      store.record(Attempt.imported(key, Attempt.Failure.NONE, Instant.parse("2025-06-01T12:00:00Z"),
              Attempt.Delivery.NONE),
          List.of(new AttemptFile("../../../escape.md", sha, bytes.length), new AttemptFile("CON.md", sha, bytes.length),
              new AttemptFile("tool.exe", sha, bytes.length)),
          List.of());
    }
  }

  @Test
  void everyAttemptsFilesAreWrittenAsStoredUnderSafeNamesWithAManifestOfHashes() throws IOException {
    CommandRun run = CommandRun.of("export", "deliverables", "--run", RUN, "--out", out.toString(), "--db", db);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Exported 6 files of 4 attempts of run " + RUN + " to " + out + " (as stored)");
    assertThat(out.resolve("openai_gpt-5/expenses/0/summary.md")).hasContent(SUMMARY);
    assertThat(out.resolve("openai_gpt-5-2/expenses/0/summary.md")).hasContent("# Other");
    assertThat(BlobStore.sha256(Files.readAllBytes(out.resolve("openai_gpt-5/handout/0/handout.docx"))))
        .isEqualTo(BlobStore.sha256(hostile));
    assertThat(out.resolve("_evil/_tasks/0/_escape.md")).hasContent("escaped?");
    assertThat(out.resolve("_evil/_tasks/0/_CON.md")).hasContent("escaped?");
    try (Stream<Path> everything = Files.walk(folder)) {
      assertThat(everything.filter(p -> p.getFileName().toString().contains("escape")))
          .as("nothing written outside the export folder").allMatch(p -> p.startsWith(out) || p.startsWith(folder.resolve("store")));
    }

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("format_version").asInt()).isEqualTo(1);
    assertThat(manifest.get("inert").asBoolean()).isFalse();
    assertThat(manifest.get("contestants").toString()).isEqualTo("[{\"name\":\"../../evil\",\"folder\":\"_evil\"},"
        + "{\"name\":\"openai/gpt-5\",\"folder\":\"openai_gpt-5\"},{\"name\":\"openai_gpt-5\",\"folder\":\"openai_gpt-5-2\"}]");
    JsonNode memo = attempt(manifest, "openai/gpt-5", "handout");
    assertThat(memo.get("status").asText()).isEqualTo("completed");
    JsonNode file = memo.get("files").get(0);
    assertThat(file.get("file_name").asText()).isEqualTo("handout.docx");
    assertThat(file.get("path").asText()).isEqualTo("openai_gpt-5/handout/0/handout.docx");
    assertThat(file.get("sha256").asText()).isEqualTo(BlobStore.sha256(hostile))
        .isEqualTo(file.get("exported_sha256").asText());
    assertThat(attempt(manifest, "../../evil", "../tasks").get("files")).extracting(f -> f.get("file_name").asText())
        .containsExactly("../../../escape.md", "CON.md", "tool.exe");

    List<String> lines = Files.readAllLines(out.resolve("manifest.csv"));
    assertThat(lines.get(0)).isEqualTo("format_version,run_id,contestant,task_id,sample,status,folder,file_name,path,"
        + "sha256,size_bytes,exported_sha256,withheld");
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> csv = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(out.resolve("manifest.csv").toFile())) {
      rows = csv.readAll();
    }
    assertThat(rows).hasSize(6).filteredOn(row -> row.get("file_name").equals("handout.docx")).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("contestant", "openai/gpt-5").containsEntry("task_id", "handout")
            .containsEntry("status", "completed").containsEntry("path", "openai_gpt-5/handout/0/handout.docx")
            .containsEntry("sha256", BlobStore.sha256(hostile)).containsEntry("size_bytes", String.valueOf(hostile.length)));
  }

  @Test
  void inertFilesHaveNoActiveContentLeftAndFilesThatCannotBeMadeInertAreWithheld() throws IOException {
    CommandRun run = CommandRun.of("export", "deliverables", "--run", RUN, "--out", out.toString(), "--inert", "--db", db);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Exported 5 files of 4 attempts", "(made inert)",
        "Withheld 1 files that cannot be made inert");
    byte[] docx = Files.readAllBytes(out.resolve("openai_gpt-5/handout/0/handout.docx"));
    assertThat(HostileFiles.activeParts(docx)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.DOCX, docx)).isEmpty();
    assertThat(Documents.text(out.resolve("openai_gpt-5/handout/0/handout.docx"), FileFormat.DOCX)).contains(HostileFiles.TEXT);
    assertThat(out.resolve("_evil/_tasks/0/tool.exe")).doesNotExist();

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("inert").asBoolean()).isTrue();
    JsonNode file = attempt(manifest, "openai/gpt-5", "handout").get("files").get(0);
    assertThat(file.get("exported_sha256").asText()).isEqualTo(BlobStore.sha256(docx))
        .isNotEqualTo(file.get("sha256").asText());
    JsonNode tool = attempt(manifest, "../../evil", "../tasks").get("files").get(2);
    assertThat(tool.get("path").isNull()).isTrue();
    assertThat(tool.get("withheld").asText()).startsWith("not a format Parity can make inert");
  }

  @Test
  void anExportNeverWritesIntoAFolderThatHoldsSomething() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");

    CommandRun run = CommandRun.of("export", "deliverables", "--run", RUN, "--out", out.toString(), "--db", db);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(out + " is not empty");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).containsExactly(out.resolve("keep.txt"));
    }
  }

  @Test
  void anUnknownRunIsAnError() {
    CommandRun run = CommandRun.of("export", "deliverables", "--run", "nope", "--out", out.toString(), "--db", db);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope");
  }

  private static JsonNode attempt(JsonNode manifest, String contestant, String task) {
    for (JsonNode attempt : manifest.get("attempts")) {
      if (attempt.get("contestant").asText().equals(contestant) && attempt.get("task_id").asText().equals(task)) {
        return attempt;
      }
    }
    throw new AssertionError("no attempt of " + contestant + " on " + task + " in " + manifest);
  }
}
