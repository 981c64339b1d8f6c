package dev.parity.tasks.gdpval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.core.ParityException;
import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskFlag;
import dev.parity.tasks.UnshownReference;
import dev.parity.tasks.ValueSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GdpvalImportTest {
  static final String AUDIT_ID = "0b1a2c3d-0000-4000-8000-000000000001";
  static final String NURSE_ID = "0b1a2c3d-0000-4000-8000-000000000002";
  static final String SPACED = "reference_files/aa11/Q3 population (final).csv";
  static final String MISSING = "reference_files/bb22/Population (4).xlsx";
  static final String WAV = "reference_files/cc33/call recording.wav";

  @TempDir Path dir;

  private Path assets() {
    Rows.write(dir.resolve("assets").resolve(SPACED), "account,risk\nA-1,high\n");
    Rows.write(dir.resolve("assets").resolve(WAV), "RIFF....WAVE");
    return dir.resolve("assets");
  }

  private List<ObjectNode> launchRows() {
    return List.of(
        Rows.launch(AUDIT_ID, "Accountants and Auditors", "Professional, Scientific, and Technical Services",
            "You are an auditor reviewing risk metrics. Test the attached population and write your findings "
                + "in an Excel workbook with a summary tab.", SPACED, MISSING, WAV),
        Rows.launch(NURSE_ID, "Registered Nurses", "Health Care and Social Assistance",
            "Prepare a one-page discharge handout for a patient after knee surgery."));
  }

  private GdpvalImport.Settings settings(Path out, Path assets) {
    return new GdpvalImport.Settings(out, "gdpval-gold", assets, "abc123", "as stated on the dataset card", false,
        null);
  }

  @Test
  void launchRowsBecomeTasksThatRunWithoutBaselineOrRubricAndSayWhatTheyLack() {
    Path source = Rows.jsonArray(dir.resolve("gdpval.json"), launchRows());

    GdpvalImport imported = GdpvalImport.read(source);
    GdpvalImport.Result result = imported.writeSuite(settings(dir.resolve("suite"), assets()));

    assertThat(imported.schema()).isEqualTo(DatasetSchema.LAUNCH);
    assertThat(result.tasks()).isEqualTo(2);
    assertThat(result.referencesCopied()).isEqualTo(1);
    assertThat(result.referencesUnsupported()).isEqualTo(1);
    assertThat(result.missingFiles()).containsExactly(AUDIT_ID + ": " + MISSING);
    Suite suite = SuiteLoader.create().load(dir.resolve("suite"));
    assertThat(suite.provenance().dataset()).isEqualTo("openai/gdpval");
    assertThat(suite.provenance().revision()).isEqualTo("abc123");
    assertThat(suite.provenance().sourceSha256()).startsWith("sha256:");
    assertThat(suite.license()).isEqualTo("as stated on the dataset card");
    Task audit = suite.task(AUDIT_ID).orElseThrow();
    assertThat(audit.title()).isEqualTo("You are an auditor reviewing risk metrics.");
    assertThat(audit.occupation().soc()).isEqualTo("13-2011.00");
    assertThat(audit.request().text()).startsWith("You are an auditor");
    assertThat(audit.references()).extracting(r -> r.file()).containsExactly("references/Q3 population (final).csv");
    assertThat(audit.file("references/Q3 population (final).csv")).hasContent("account,risk\nA-1,high");
    assertThat(audit.referencesNotShown()).extracting(UnshownReference::file, UnshownReference::reason,
        UnshownReference::url).containsExactly(
            tuple("references/Population (4).xlsx", UnshownReference.Reason.MISSING,
                "https://huggingface.co/datasets/openai/gdpval/resolve/abc123/reference_files/bb22/Population%20%284%29.xlsx"),
            tuple("references/call recording.wav", UnshownReference.Reason.UNSUPPORTED_FORMAT, null));
    assertThat(audit.deliverable().formats()).containsExactly(FileFormat.XLSX);
    assertThat(audit.deliverable().formatsFrom()).isEqualTo(DeliverableSpec.FormatsFrom.INFERRED_FROM_REQUEST);
    assertThat(audit.baseline().minutes().source()).isEqualTo(ValueSource.UNKNOWN);
    assertThat(audit.baseline().hourlyWageUsd().source()).isEqualTo(ValueSource.UNKNOWN);
    assertThat(audit.provenance().dataset().row()).isEqualTo(1);
    assertThat(audit.flags()).extracting(TaskFlag::kind).contains(TaskFlag.Kind.NO_BASELINE,
        TaskFlag.Kind.NO_RUBRIC, TaskFlag.Kind.REFERENCES_NOT_SHOWN, TaskFlag.Kind.REFERENCES_MISSING,
        TaskFlag.Kind.FORMATS_GUESSED);
    Task nurse = suite.task(NURSE_ID).orElseThrow();
    assertThat(nurse.deliverable().formats()).containsExactly(RequestedFormats.DEFAULT);
    assertThat(nurse.deliverable().formatsFrom()).isEqualTo(DeliverableSpec.FormatsFrom.DEFAULTED);
  }

  @Test
  void laterRowsKeepRubricIdsPointsPenaltiesAndTagsAndTakeFormatsFromTheExpertsFiles() throws IOException {
    String rubric = Rows.rubric("""
        [{"score": 2, "criterion": "Totals tie to the workbook", "rubric_item_id": "r-1", "author_type": "expert",
          "tags": ["accuracy"], "required": true, "read_only": false, "form_content": null},
         {"score": -3, "criterion": "Invents a figure", "rubric_item_id": "r-2", "tags": [], "required": false}]
        """);
    String doubleEncoded = Rows.JSON.valueToTree(rubric).toString();
    ObjectNode row = Rows.withDeliverables(launchRows().get(0),
        List.of("deliverable_files/dd44/Audit findings.docx", "deliverable_files/dd44/walkthrough.mp4"), doubleEncoded);
    Path expertFile = dir.resolve("assets").resolve("deliverable_files/dd44/Audit findings.docx");
    Files.createDirectories(expertFile.getParent());
    Files.move(TestDocuments.docx(Files.createDirectories(dir.resolve("made"))), expertFile);
    Path source = Rows.jsonLines(dir.resolve("gdpval.jsonl"), List.of(row));

    GdpvalImport imported = GdpvalImport.read(source);
    imported.writeSuite(settings(dir.resolve("suite"), assets()));

    assertThat(imported.schema()).isEqualTo(DatasetSchema.WITH_DELIVERABLES_AND_RUBRICS);
    Task task = SuiteLoader.create().load(dir.resolve("suite")).tasks().get(0);
    assertThat(task.rubric()).extracting(Criterion::id, Criterion::points, Criterion::required, Criterion::tags)
        .containsExactly(tuple("r-1", 2.0, true, List.of("accuracy")), tuple("r-2", -3.0, false, List.of()));
    assertThat(task.baseline().files()).containsExactly("baseline/Audit findings.docx");
    assertThat(task.deliverable().formats()).containsExactly(FileFormat.DOCX);
    assertThat(task.deliverable().formatsFrom()).isEqualTo(DeliverableSpec.FormatsFrom.BASELINE_FILES);
    assertThat(task.deliverable().unsupported()).contains("mp4");
    assertThat(task.flags()).extracting(TaskFlag::kind).contains(TaskFlag.Kind.DELIVERABLE_UNSUPPORTED)
        .doesNotContain(TaskFlag.Kind.NO_BASELINE, TaskFlag.Kind.NO_RUBRIC);
  }

  @Test
  void theSameInputGivesAByteIdenticalSuite() throws IOException {
    Path source = Rows.jsonArray(dir.resolve("gdpval.json"), launchRows());
    Path assets = assets();

    GdpvalImport.read(source).writeSuite(settings(dir.resolve("one"), assets));
    GdpvalImport.read(source).writeSuite(settings(dir.resolve("two"), assets));

    assertThat(contents(dir.resolve("two"))).isEqualTo(contents(dir.resolve("one"))).isNotEmpty();
    assertThat(SuiteLoader.create().load(dir.resolve("two")).contentHash())
        .isEqualTo(SuiteLoader.create().load(dir.resolve("one")).contentHash());
  }

  @Test
  void badRowsAreReportedByRowAndColumnAndNothingIsWritten() {
    ObjectNode unknownOccupation = Rows.launch("id-2", "Accountants and Auditor", "Finance and Insurance", "Do it.");
    ObjectNode noPrompt = Rows.launch("id-3", "Lawyers", "Professional, Scientific, and Technical Services", "");
    ObjectNode misaligned = Rows.launch("id-4", "Lawyers", "Professional, Scientific, and Technical Services", "Do it.",
        "reference_files/x/a.pdf");
    misaligned.withArray("reference_file_urls").removeAll();
    Path source = Rows.jsonArray(dir.resolve("gdpval.json"),
        List.of(launchRows().get(1), unknownOccupation, noPrompt, misaligned));

    GdpvalImport imported = GdpvalImport.read(source);

    assertThat(imported.problems()).extracting(RowProblem::row, RowProblem::column).containsExactly(
        tuple(2, "occupation"), tuple(3, "prompt"), tuple(4, "reference_file_urls"));
    assertThat(imported.problems().get(0).message()).contains("did you mean \"Accountants and Auditors\"?");
    assertThatThrownBy(() -> imported.writeSuite(settings(dir.resolve("suite"), null)))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("3 bad rows; nothing was imported")
        .hasMessageContaining("row 4, reference_file_urls: has 0 items but reference_files has 1")
        .hasMessageContaining("Parity's table of the 44 GDPval occupations:\n    13-2011.00  Accountants and Auditors");
    assertThat(dir.resolve("suite")).doesNotExist();
  }

  @Test
  void badRubricsAndRowsWithoutTheLaterColumnsAreReportedInALaterFile() {
    ObjectNode good = Rows.withDeliverables(launchRows().get(1), List.of(), Rows.rubric("[{\"score\": 1, \"criterion\": \"x\"}]"));
    ObjectNode malformed = Rows.withDeliverables(Rows.launch("id-2", "Lawyers",
        "Professional, Scientific, and Technical Services", "Do it."), List.of(), "[{\"score\": 1, \"criterion\": \"x\"}");
    ObjectNode zero = Rows.withDeliverables(Rows.launch("id-3", "Lawyers",
        "Professional, Scientific, and Technical Services", "Do it."), List.of(),
        Rows.rubric("[{\"score\": 0, \"criterion\": \"x\"}, {\"score\": -1, \"criterion\": \"y\"}]"));
    ObjectNode launchOnly = Rows.launch("id-4", "Lawyers", "Professional, Scientific, and Technical Services", "Do it.");
    Path source = Rows.jsonLines(dir.resolve("gdpval.jsonl"), List.of(good, malformed, zero, launchOnly));

    GdpvalImport imported = GdpvalImport.read(source);

    assertThat(imported.schema()).isEqualTo(DatasetSchema.WITH_DELIVERABLES_AND_RUBRICS);
    assertThat(imported.problems()).extracting(RowProblem::toString).containsExactly(
        "row 2, rubric_json: not a JSON array of rubric items: Unexpected end-of-input: expected close marker for Array",
        "row 3, rubric_json: item 0: score must be a non-zero integer (negative for a penalty), not 0",
        "row 3, rubric_json: every item is a penalty; a rubric needs at least one item with a positive score",
        "row 4, deliverable_files, deliverable_file_urls, deliverable_file_hf_uris, rubric_pretty, rubric_json:"
            + " missing (other rows have the later schema's columns)");
  }

  @Test
  void skipBadRowsImportsTheGoodOnesAndSaysWhichWereLeftOut() {
    ObjectNode bad = Rows.launch("id-2", "Accountant", "Finance and Insurance", "Do it.");
    Path source = Rows.jsonArray(dir.resolve("gdpval.json"), List.of(launchRows().get(1), bad));

    GdpvalImport.Result result = GdpvalImport.read(source).writeSuite(new GdpvalImport.Settings(dir.resolve("suite"),
        "gdpval-gold", null, null, null, true, null));

    assertThat(result.tasks()).isEqualTo(1);
    assertThat(result.skippedRows()).extracting(RowProblem::row).containsExactly(2);
    Suite suite = SuiteLoader.create().load(dir.resolve("suite"));
    assertThat(suite.provenance().revision()).isEqualTo("main (unpinned)");
    assertThat(suite.version()).isEqualTo("unpinned");
  }

  @Test
  void aRepeatedTaskIdIsABadRow() {
    Path source = Rows.jsonArray(dir.resolve("gdpval.json"), List.of(launchRows().get(1), launchRows().get(1)));

    assertThat(GdpvalImport.read(source).problems()).extracting(RowProblem::toString)
        .containsExactly("row 2, task_id: task_id \"" + NURSE_ID + "\" appears in an earlier row");
  }

  @Test
  void aFileThatIsNotJsonSaysWhereAndAParquetFileSaysHowToConvertIt() {
    Path broken = Rows.write(dir.resolve("broken.jsonl"), launchRows().get(1).toString() + "\n{\"task_id\": \n");
    Path parquet = Rows.write(dir.resolve("gdpval.parquet"), "PAR1....");

    assertThatThrownBy(() -> GdpvalImport.read(broken)).isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("broken.jsonl: not JSON or JSON Lines at line 2");
    assertThatThrownBy(() -> GdpvalImport.read(parquet)).isInstanceOf(InvalidDatasetException.class)
        .hasMessageContaining("is a Parquet file").hasMessageContaining("duckdb");
  }

  @Test
  void anImportNeverWritesIntoAFolderThatHoldsSomething() {
    Path source = Rows.jsonArray(dir.resolve("gdpval.json"), launchRows());
    Rows.write(dir.resolve("suite").resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> GdpvalImport.read(source).writeSuite(settings(dir.resolve("suite"), null)))
        .isInstanceOf(ParityException.class).hasMessageContaining("is not an empty folder");
    assertThat(dir.resolve("suite").resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void titlesFollowTheDocumentedRule() {
    assertThat(TaskTitles.of("Draft a memo. Then more.", "t")).isEqualTo("Draft a memo.");
    assertThat(TaskTitles.of("First line\nsecond line", "t")).isEqualTo("First line");
    assertThat(TaskTitles.of("word ".repeat(40), "t")).hasSizeLessThanOrEqualTo(TaskTitles.MAX_LENGTH).endsWith("…");
    assertThat(TaskTitles.of("   ", "t-1")).isEqualTo("GDPval task t-1");
  }

  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
