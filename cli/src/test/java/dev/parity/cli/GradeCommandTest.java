package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.store.Store;
import dev.parity.judgments.JudgmentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity grade}'s judge options in-process: the judge from a models file, the page budget, the dry run. */
class GradeCommandTest {
  @TempDir Path folder;
  private String db;
  private Path models;

  @BeforeEach
  void importAOnePagePdfAgainstATwoPageBaseline() throws IOException {
    Path suite = Files.createDirectories(folder.resolve("suite/tasks/report"));
    Files.writeString(folder.resolve("suite/suite.json"), "{\"name\": \"grade-test\", \"version\": \"1.0\"}");
    pdf(suite.resolve("baseline.pdf"), 2);
    Files.writeString(suite.resolve("task.json"), """
        {
          "id": "report", "title": "Report",
          "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
          "sector": "Finance and Insurance",
          "request": {"from": "Director", "text": "Write the report as a PDF."},
          "deliverable": {"formats": ["pdf"]},
          "baseline": {"files": ["baseline.pdf"], "minutes": 60, "hourly_wage_usd": 50},
          "rubric": [{"id": "report", "criterion": "It is a report.", "points": 1}]
        }
        """);
    Path delivered = Files.createDirectories(folder.resolve("model/report"));
    pdf(delivered.resolve("report.pdf"), 1);
    db = folder.resolve("parity.db").toString();
    CommandRun imported = CommandRun.of("import", "deliverables", "--run", "r1", "--model", "m",
        "--suite", folder.resolve("suite").toString(), "--db", db, folder.resolve("model").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    Files.createDirectories(folder.resolve("answers"));
    models = folder.resolve("models.yaml");
    Files.writeString(models, """
        models:
          - name: judge
            provider: replay
            model: %s
            accepts: [image, pdf]
            price: {input_per_million: 10, output_per_million: 40}
        """.formatted(folder.resolve("answers")));
  }

  @Test
  void aDryRunCountsThePageImagesOfTheJudgeNamedInTheModelsFileAndStoresNothing() {
    CommandRun dry = CommandRun.of("grade", "--run", "r1", "--judge", "judge", "--models", models.toString(),
        "--pairwise", "--dry-run", "--max-pages", "1", "--long-edge", "512", "--db", db);

    assertThat(dry.exitCode()).as(dry.err() + dry.out()).isZero();
    // Each call: the model's page and the first of the professional's two (the budget is one page),
    // each an A4 page 362 x 512 px, one 512-px tile: 85 + 170 = 255 tokens by the OpenAI formula.
    assertThat(dry.out()).contains("Dry run: grading run r1 would ask judge (nothing was sent; the pages drawn are kept for the pass)")
        .containsPattern("judge calls +2 ")
        .contains("~1,020 for 4 page images and PDFs (accepts [image, pdf], up to 1 pages of 512 px per file)")
        .contains("answers counted at 1000 tokens each");
    try (Store store = Store.open(Path.of(db))) {
      assertThat(new JudgmentStore(store.database()).calls("r1")).isEmpty();
    }
  }

  @Test
  void aJudgeNameNotInTheModelsFileAndABadPageBudgetAreRefusedWithWhatWasWrong() {
    CommandRun unknown = CommandRun.of("grade", "--run", "r1", "--judge", "jduge", "--models", models.toString(),
        "--pairwise", "--db", db);
    CommandRun budget = CommandRun.of("grade", "--run", "r1", "--judge", "judge", "--models", models.toString(),
        "--pairwise", "--max-pages", "0", "--db", db);

    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("--judge jduge is not a model of " + models).contains("did you mean \"judge\"?");
    assertThat(budget.exitCode()).isNotZero();
    assertThat(budget.err()).contains("--max-pages and --long-edge: maxPages must be at least 1, got 0");
  }

  private static void pdf(Path file, int pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage(PDRectangle.A4));
      }
      document.save(file.toFile());
    }
  }
}
