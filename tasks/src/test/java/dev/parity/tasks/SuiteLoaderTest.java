package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
  @TempDir Path root;

  private final SuiteLoader loader = SuiteLoader.create();

  @Test
  void theMinimalTaskOutsideToolsWriteLoadsIntoImmutableObjects() {
    SuiteFolder.withMinimalTask(root);

    Suite suite = loader.load(root);

    assertThat(suite.name()).isEqualTo("test-suite");
    assertThat(suite.tasks()).hasSize(1);
    Task task = suite.tasks().get(0);
    assertThat(task.id()).isEqualTo("expense-summary");
    assertThat(task.occupation()).isEqualTo(new Occupation("Accountants and Auditors", "13-2011.00"));
    assertThat(task.request().from()).isEqualTo("Finance Director");
    assertThat(task.deliverable().formats()).containsExactly(FileFormat.MD);
    assertThat(task.baseline().minutes()).isEqualTo(SourcedValue.reported(45));
    assertThat(task.baseline().hourlyWageUsd()).isEqualTo(SourcedValue.reported(42.5));
    assertThat(task.baseline().costUsd()).hasValue(31.875);
    assertThat(task.flags()).isEmpty();
    assertThat(task.rubric()).extracting(Criterion::id).containsExactly("totals");
    assertThat(task.file("baseline/summary.md")).hasContent("# Summary");
    assertThatThrownBy(() -> task.rubric().add(task.rubric().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void optionalFieldsAreReadAndAnyCheckObjectIsKept() {
    SuiteFolder.withMinimalTask(root)
        .file("expense-summary", "references/expenses.csv", "date,amount\n2026-07-01,120.50\n")
        .edit("expense-summary", "\"references\": []",
            "\"references\": [\"references/expenses.csv\", {\"file\": \"references/expenses.csv\", \"description\": \"Card export\"}]")
        .edit("expense-summary", "\"hourly_wage_usd\": 42.5",
            "\"hourly_wage_usd\": 42.5, \"author\": \"Accountant 7\", \"experience_years\": 12")
        .edit("expense-summary", "\"points\": 2}",
            "\"points\": 2, \"required\": true, \"tags\": [\"accuracy\"], \"check\": {\"type\": \"contains\", \"text\": \"total\", \"anything\": [1, 2]}},"
                + " {\"id\": \"jargon\", \"criterion\": \"Uses unexplained jargon\", \"points\": -1}")
        .edit("expense-summary", "\"rubric\"",
            "\"provenance\": {\"origin\": \"fabricated\", \"contributor\": \"Parity\", \"license\": \"CC0-1.0\","
                + " \"attested_no_confidential_info\": true, \"date\": \"2026-11-01\"}, \"tags\": [\"finance\"], \"rubric\"");

    Task task = loader.load(root).tasks().get(0);

    assertThat(task.references()).containsExactly(
        new Reference("references/expenses.csv", null), new Reference("references/expenses.csv", "Card export"));
    assertThat(task.baseline().author()).isEqualTo("Accountant 7");
    assertThat(task.baseline().experienceYears()).isEqualTo(12.0);
    Criterion totals = task.rubric().get(0);
    assertThat(totals.required()).isTrue();
    assertThat(totals.tags()).containsExactly("accuracy");
    assertThat(totals.check().toString()).isEqualTo("{\"type\":\"contains\",\"text\":\"total\",\"anything\":[1,2]}");
    assertThat(task.rubric().get(1).isPenalty()).isTrue();
    assertThat(task.maxRubricPoints()).isEqualTo(2.0);
    assertThat(task.provenance().origin()).isEqualTo(Provenance.Origin.FABRICATED);
    assertThat(task.provenance().date()).isEqualTo(java.time.LocalDate.of(2026, 11, 1));
    assertThat(task.tags()).containsExactly("finance");
  }

  @Test
  void loadingAnInvalidSuiteThrowsEveryProblemAtOnce() {
    SuiteFolder.withMinimalTask(root)
        .edit("expense-summary", "\"minutes\": 45", "\"minutes\": 0")
        .edit("expense-summary", "\"points\": 2", "\"points\": 0");

    assertThatThrownBy(() -> loader.load(root))
        .isInstanceOf(InvalidSuiteException.class)
        .satisfies(e -> assertThat(((InvalidSuiteException) e).problems()).hasSize(3))
        .hasMessageContaining("3 problems");
  }

  @Test
  void tasksAreSortedByIdWhateverTheFolderOrder() {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root);
    suite.task("b-task", SuiteFolder.MINIMAL_TASK.replace("\"expense-summary\"", "\"b-task\""))
        .file("b-task", "baseline/summary.md", "b");
    suite.task("a-task", SuiteFolder.MINIMAL_TASK.replace("\"expense-summary\"", "\"a-task\""))
        .file("a-task", "baseline/summary.md", "a");

    assertThat(loader.load(root).tasks()).extracting(Task::id)
        .containsExactly("a-task", "b-task", "expense-summary");
  }

  @Test
  void aSingleTaskFileCanBeValidatedOnItsOwn() {
    SuiteFolder folder = SuiteFolder.withMinimalTask(root).edit("expense-summary", "\"sector\"", "\"sectr\"");

    List<Problem> problems = loader.validateTaskFile(folder.taskFile("expense-summary"));

    assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("unknown field \"sectr\""));
  }

  @Test
  void aFolderThatIsNotASuiteSaysSo() throws Exception {
    Path file = Files.writeString(root.resolve("notes.txt"), "x");

    assertThat(loader.validate(file).problems()).extracting(Problem::message)
        .containsExactly("not a suite folder (a suite is a folder holding suite.json and tasks/)");
    assertThat(loader.validate(root.resolve("missing")).problems()).extracting(Problem::message)
        .containsExactly("no such folder");
  }
}
