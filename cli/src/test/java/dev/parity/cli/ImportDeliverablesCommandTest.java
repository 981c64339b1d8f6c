package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.harness.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity import deliverables}, in-process: real files in, attempts out, graded by rubric checks. */
class ImportDeliverablesCommandTest {
  private static final String TASK = """
      {
        "id": "%s",
        "title": "%s",
        "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
        "sector": "Professional, Scientific, and Technical Services",
        "request": {"from": "Finance Director", "text": "Please prepare it."},
        "references": [],
        "deliverable": {"formats": %s, "description": "The finished work"},
        "baseline": {"files": ["baseline/summary.md"], "minutes": 60, "hourly_wage_usd": 42.5},
        "rubric": [{"id": "total", "criterion": "States the total", "points": 2,
                    "check": {"type": "contains", "text": "%s", "in": "%s"}}]
      }
      """;

  @TempDir Path folder;
  private Path suite;
  private Path deliverables;
  private String db;

  @BeforeEach
  void setUp() throws IOException {
    suite = Files.createDirectories(folder.resolve("suite"));
    Files.writeString(suite.resolve("suite.json"), "{\"name\": \"import-test\", \"version\": \"1.0\"}");
    task("expense-summary", "Expense summary", "[\"md\", \"csv\"]", "Total: 18,240", "md");
    task("board-memo", "Board memo", "[\"docx\"]", "approve the budget", "docx");
    task("vendor-review", "Vendor review", "[\"xlsx\"]", "Acme", "xlsx");
    deliverables = folder.resolve("chat-app");
    db = folder.resolve("store/parity.db").toString();
  }

  @Test
  void importedFilesBecomeAttemptsOfANewRunThatIsShownAndGraded() throws IOException {
    Path expenses = Files.createDirectories(deliverables.resolve("expense-summary"));
    Files.writeString(expenses.resolve("summary.md"), "# Q3 travel\n\nTotal: 18,240 USD across 3 trips.\n");
    Files.writeString(expenses.resolve("trips.csv"), "trip,cost\nLisbon,6200\nBerlin,12040\n");
    Path memo = Files.createDirectories(deliverables.resolve("board-memo"));
    writeDocx(memo.resolve("memo.docx"), "We recommend that the board approve the budget for 2026.");
    Files.createDirectories(deliverables.resolve("vendor-review"));

    CommandRun imported = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "chat-app",
        "--suite", suite.toString(), "--db", db, deliverables.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("Imported 3 attempts of chat-app into the new run chat-1 (suite import-test 1.0)")
        .containsPattern("board-memo +completed, 1 file")
        .containsPattern("expense-summary +completed, 2 files")
        .containsPattern("vendor-review +invalid_output, 0 files\n +promised xlsx, delivered none")
        .contains("Grade: parity grade --run chat-1 --rubric --db " + db);

    JsonNode show = new ObjectMapper().readTree(CommandRun.of("run", "show", "chat-1", "--db", db, "--json").out());
    assertThat(show.get("status").asText()).isEqualTo("completed");
    assertThat(show.at("/attempts/total").asInt()).isEqualTo(3);
    assertThat(show.at("/attempts/completed").asInt()).isEqualTo(2);
    assertThat(show.at("/models/0/model").asText()).isEqualTo("chat-app");
    assertThat(show.at("/models/0/provider").asText()).isEqualTo("import");
    assertThat(show.at("/models/0/model_id").asText()).isEqualTo("chat-app");

    try (Store store = Store.open(Path.of(db))) {
      assertThat(store.attempts("chat-1")).extracting(a -> a.key().taskId() + " " + a.status() + " " + a.answer().costUsd()
              + " " + a.answer().latency() + " " + a.delivery().extraction())
          .containsExactly("board-memo COMPLETED null null files", "expense-summary COMPLETED null null files",
              "vendor-review INVALID_OUTPUT null null files");
      var summary = store.attempts("chat-1").get(1);
      assertThat(store.files(summary.key())).extracting(f -> f.name() + " " + f.sizeBytes())
          .containsExactly("summary.md " + Files.size(expenses.resolve("summary.md")),
              "trips.csv " + Files.size(expenses.resolve("trips.csv")));
      assertThat(store.blobs().get(store.files(summary.key()).get(0).sha256()))
          .isEqualTo(Files.readAllBytes(expenses.resolve("summary.md")));
    }

    CommandRun graded = CommandRun.of("grade", "--run", "chat-1", "--rubric", "--db", db);
    assertThat(graded.exitCode()).as(graded.err() + graded.out()).isZero();
    // Two imported attempts and their two baselines; the empty attempt has nothing to grade.
    assertThat(graded.out()).contains("Graded run chat-1").contains("4 scored by checks");
    JsonNode scores = new ObjectMapper().readTree(
        CommandRun.of("judgments", "--run", "chat-1", "--db", db, "--json").out()).get("rubric");
    assertThat(scores.findValuesAsText("subject")).contains("chat-app");
    for (JsonNode line : scores) {
      if (line.get("subject").asText().equals("chat-app")) {
        // Both checks read the imported files: "Total: 18,240" in the md, "approve the budget" in the docx.
        assertThat(line.get("scored").asInt()).isEqualTo(2);
        assertThat(line.get("points_earned").asDouble()).isEqualTo(4.0);
      }
    }
  }

  @Test
  void aMissingRequestedFormatIsNotedOnTheAttemptAndTasksWithoutAFolderAreCounted() throws IOException {
    Files.writeString(Files.createDirectories(deliverables.resolve("expense-summary")).resolve("summary.md"),
        "Total: 18,240\n");

    CommandRun imported = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "chat-app",
        "--suite", suite.toString(), "--db", db, deliverables.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).containsPattern("expense-summary +completed, 1 file\n +promised csv, delivered none")
        .contains("Not delivered: 2 of the suite's 3 tasks, left without attempts (board-memo, vendor-review)");
    try (Store store = Store.open(Path.of(db))) {
      assertThat(store.attempts("chat-1")).singleElement()
          .satisfies(a -> assertThat(a.delivery().findings()).containsExactly(
              new DeliverableFinding(DeliverableFinding.Kind.MISSING, null, "promised csv, delivered none")));
    }
  }

  @Test
  void aFolderWithProblemsIsRefusedWholeWithEveryProblemNamedAndNothingWritten() throws IOException {
    Files.writeString(Files.createDirectories(deliverables.resolve("expense-summary")).resolve("summary.md"), "ok");
    Files.writeString(Files.createDirectories(deliverables.resolve("expense-sumary")).resolve("summary.md"), "typo");
    Files.writeString(deliverables.resolve("expense-summary/notes.pages"), "not a deliverable format");

    CommandRun imported = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "chat-app",
        "--suite", suite.toString(), "--db", db, deliverables.toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err())
        .contains("nothing imported from " + deliverables + ", as it has 2 problems:")
        .contains(deliverables.resolve("expense-sumary") + ": no task \"expense-sumary\" in suite import-test;"
            + " did you mean \"expense-summary\"?")
        .contains(deliverables.resolve("expense-summary/notes.pages") + ": not a deliverable format (");
    try (Store store = Store.open(Path.of(db))) {
      assertThat(store.findRun("chat-1")).isEmpty();
      assertThat(store.runs()).isEmpty();
    }
    assertThat(dev.parity.store.Database.blobFolder(Path.of(db))).satisfiesAnyOf(
        blobs -> assertThat(blobs).doesNotExist(), blobs -> assertThat(blobs).isEmptyDirectory());
  }

  @Test
  void reimportingTheSameModelIsRefusedAndAnotherModelJoinsTheRun() throws IOException {
    Files.writeString(Files.createDirectories(deliverables.resolve("expense-summary")).resolve("summary.md"),
        "Total: 18,240\n");
    CommandRun first = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "chat-app",
        "--suite", suite.toString(), "--db", db, deliverables.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    Files.writeString(deliverables.resolve("expense-summary/summary.md"), "Total: something else\n");

    CommandRun again = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "chat-app",
        "--db", db, deliverables.toString());
    CommandRun other = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "other-harness",
        "--db", db, deliverables.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("run chat-1 has chat-app / expense-summary #0 recorded already (completed);"
        + " recorded attempts are never overwritten");
    assertThat(other.exitCode()).as(other.err()).isZero();
    assertThat(other.out()).contains("Imported 1 attempt of other-harness into run chat-1");
    try (Store store = Store.open(Path.of(db))) {
      assertThat(store.findRun("chat-1").orElseThrow().models()).extracting(m -> m.name())
          .containsExactly("chat-app", "other-harness");
      List<dev.parity.harness.store.Attempt> attempts = store.attempts("chat-1");
      assertThat(attempts).extracting(a -> a.key().model()).containsExactly("chat-app", "other-harness");
      assertThat(attempts).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED));
      assertThat(store.blobs().get(store.files(attempts.get(0).key()).get(0).sha256()))
          .asString().isEqualTo("Total: 18,240\n");
    }
  }

  @Test
  void aNewRunNeedsTheSuite() throws IOException {
    Files.createDirectories(deliverables.resolve("expense-summary"));

    CommandRun imported = CommandRun.of("import", "deliverables", "--run", "chat-1", "--model", "chat-app",
        "--db", db, deliverables.toString());

    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err()).contains("no run chat-1 in " + db + ": give --suite PATH to create it");
  }

  private void task(String id, String title, String formats, String text, String in) throws IOException {
    Path task = Files.createDirectories(suite.resolve("tasks").resolve(id));
    Files.writeString(task.resolve("task.json"), TASK.formatted(id, title, formats, text, in));
    Files.createDirectories(task.resolve("baseline"));
    Files.writeString(task.resolve("baseline/summary.md"), "# Summary\n\n" + text + "\n");
  }

  private static void writeDocx(Path file, String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      document.createParagraph().createRun().setText(text);
      document.write(out);
    }
  }
}
