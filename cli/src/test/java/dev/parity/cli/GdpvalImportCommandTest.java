package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity import gdpval}, then {@code validate} and {@code suite info} on what it wrote. */
class GdpvalImportCommandTest {
  /** Two made-up rows in the launch schema (no row of the real dataset is copied). */
  static final String ROWS = """
      [{"task_id": "aaaaaaaa-0000-4000-8000-000000000001", "sector": "Government", "occupation": "Compliance Officers",
        "prompt": "Review the attached policy and list its gaps in a Word document.",
        "reference_files": ["reference_files/h1/Policy (v2).pdf", "reference_files/h2/hearing.mp3"],
        "reference_file_urls": ["https://huggingface.co/datasets/openai/gdpval/resolve/main/reference_files/h1/Policy (v2).pdf",
                                "https://huggingface.co/datasets/openai/gdpval/resolve/main/reference_files/h2/hearing.mp3"],
        "reference_file_hf_uris": ["hf://datasets/openai/gdpval@main/reference_files/h1/Policy (v2).pdf",
                                   "hf://datasets/openai/gdpval@main/reference_files/h2/hearing.mp3"]},
       {"task_id": "aaaaaaaa-0000-4000-8000-000000000002", "sector": "Government", "occupation": "Recreation Workers",
        "prompt": "Plan a summer programme for ten-year-olds.",
        "reference_files": [], "reference_file_urls": [], "reference_file_hf_uris": []}]
      """;

  @TempDir Path folder;

  @Test
  void theImportedSuiteValidatesAndShowsItsProvenanceFlagsAndMissingFiles() throws Exception {
    Path source = folder.resolve("gdpval.json");
    Files.writeString(source, ROWS);
    Path suite = folder.resolve("suite");

    CommandRun imported = CommandRun.of("import", "gdpval", source.toString(), "--out", suite.toString(),
        "--revision", "c0ffee", "--license", "as on the dataset card");
    CommandRun validate = CommandRun.of("validate", suite.toString());
    CommandRun info = CommandRun.of("suite", "info", suite.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported 2 tasks from 2 rows of gdpval.json (launch schema)")
        .contains("0 copied, 1 in formats not shown to models, 2 files missing");
    assertThat(validate.exitCode()).as(validate.out()).isZero();
    assertThat(validate.out())
        .contains("note: reference \"references/Policy (v2).pdf\" is missing, so the model is not shown it; get it from"
            + " https://huggingface.co/datasets/openai/gdpval/resolve/c0ffee/reference_files/h1/Policy%20%28v2%29.pdf")
        .contains("2 of 2 tasks are flagged as incomplete")
        .contains("valid — suite gdpval-gold c0ffee, 2 tasks");
    assertThat(info.out()).contains("dataset       openai/gdpval, revision c0ffee")
        .contains("source        gdpval.json (sha256:")
        .contains("licence       as on the dataset card")
        .contains("human time    0.0 h (0 of 2 tasks; the others' are not measured or reported)")
        .containsPattern("no_baseline +2")
        .containsPattern("references_not_shown +1")
        .containsPattern("references_missing +1")
        .contains("Compliance Officers (13-1041.00)");
  }

  @Test
  void aBadRowImportsNothingAndSaysWhichRowAndColumn() throws Exception {
    Path source = folder.resolve("gdpval.json");
    Files.writeString(source, ROWS.replace("Recreation Workers", "Recreation Worker"));

    CommandRun imported = CommandRun.of("import", "gdpval", source.toString(), "--out", folder.resolve("suite").toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err()).contains("row 2, occupation: unknown GDPval occupation \"Recreation Worker\";"
        + " did you mean \"Recreation Workers\"?").contains("39-9032.00  Recreation Workers");
    assertThat(folder.resolve("suite")).doesNotExist();
  }

  @Test
  void aDownloadNeedsAPinnedRevision() throws Exception {
    Path source = folder.resolve("gdpval.json");
    Files.writeString(source, ROWS);

    CommandRun imported = CommandRun.of("import", "gdpval", source.toString(), "--out", folder.resolve("suite").toString(),
        "--asset-root", folder.resolve("files").toString(), "--download");

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err()).contains("--download needs --revision COMMIT");
  }
}
