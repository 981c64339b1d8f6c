package dev.parity.samplegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.office.Doc;
import dev.parity.core.ParityException;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator writes loadable suites and refuses what would damage one. */
class SampleSuiteGeneratorTest {
  @TempDir
  Path folder;

  /** A one-task sample with a Markdown reference and baseline; {@code writeBaseline} false leaves one out. */
  private static SampleTask sample(String id, boolean writeBaseline) {
    return new SampleTask() {
      @Override
      public Task task() {
        TaskSpec spec = TaskSpec.task(id).title("A test task").occupation(SampleOccupation.EDITORS)
            .request("Managing Editor", "Please edit the attached.")
            .reference("references/draft.md", "The draft")
            .deliverable("The edited draft", FileFormat.MD)
            .baseline(30, "Pat", 3, "baseline/edited.md");
        for (int i = 1; i <= 4; i++) {
          spec.criterion("c" + i, 1, "Criterion " + i, "quality");
        }
        return spec.build();
      }

      @Override
      public void write(TaskFiles files) {
        Doc doc = Doc.titled("Draft", "Pat", LocalDate.of(2026, 1, 1)).p("Text.").build();
        files.markdown("references/draft.md", doc);
        if (writeBaseline) {
          files.markdown("baseline/edited.md", doc);
        }
      }
    };
  }

  @Test
  void generatedSuiteLoadsAndReplacesTheTasksOfAnEarlierRun() throws IOException {
    new SampleSuiteGenerator(List.of(sample("old-task", true))).generate(folder);

    Suite suite = new SampleSuiteGenerator(List.of(sample("new-task", true))).generate(folder);

    assertThat(suite.tasks()).extracting(Task::id).containsExactly("new-task");
    assertThat(folder.resolve("tasks/old-task")).doesNotExist();
    assertThat(Files.readString(folder.resolve("tasks/new-task/task.json")))
        .contains("\"origin\": \"fabricated\"", "\"hourly_wage_usd\": 36.18").endsWith("}\n");
  }

  @Test
  void refusesAFolderThatHoldsSomethingElse() throws IOException {
    Files.writeString(folder.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> new SampleSuiteGenerator(List.of(sample("t", true))).generate(folder))
        .isInstanceOf(ParityException.class).hasMessageContaining("holds no sample suite");
    assertThat(folder.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void refusesATaskThatDoesNotWriteEveryFileItNames() {
    assertThatThrownBy(() -> new SampleSuiteGenerator(List.of(sample("t", false))).generate(folder))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("task t names the files [baseline/edited.md, references/draft.md]")
        .hasMessageContaining("writes [references/draft.md]");
  }

  @Test
  void refusesTwoTasksWithOneId() {
    assertThatThrownBy(() -> new SampleSuiteGenerator(List.of(sample("t", true), sample("t", true))).generate(folder))
        .isInstanceOf(ParityException.class).hasMessageContaining("two sample tasks have the id t");
  }

  @Test
  void penaltiesMustTakePointsAway() {
    assertThatThrownBy(() -> TaskSpec.task("t").penalty("p", 2, "Bad"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs negative points");
  }
}
