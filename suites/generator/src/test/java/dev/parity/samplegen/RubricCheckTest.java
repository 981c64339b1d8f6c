package dev.parity.samplegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Task;
import org.junit.jupiter.api.Test;

/** Rubric checks are written as the suite format documents them and attach to the criterion before them. */
class RubricCheckTest {

  @Test
  void checksWriteTheDocumentedJsonWithoutFloatNoise() {
    assertThat(RubricCheck.numberNear(842.1700000000001, 0.005).cell("Summary!C4").toString())
        .isEqualTo("{\"type\":\"number_near\",\"value\":842.17,\"tolerance\":0.005,\"cell\":\"Summary!C4\"}");
    assertThat(RubricCheck.numberNear(0.275, 0.0005).toString())
        .isEqualTo("{\"type\":\"number_near\",\"value\":0.275,\"tolerance\":0.0005}");
    assertThat(RubricCheck.numberNear(16_214_000, 0.5).toString())
        .isEqualTo("{\"type\":\"number_near\",\"value\":16214000,\"tolerance\":0.5}");
    assertThat(RubricCheck.all(RubricCheck.pages(7, 8).in(FileFormat.PPTX), RubricCheck.headings("Budget")).toString())
        .isEqualTo("{\"type\":\"all\",\"checks\":[{\"type\":\"page_count\",\"min\":7,\"max\":8,\"in\":\"pptx\"},"
            + "{\"type\":\"headings\",\"headings\":[\"Budget\"]}]}");
  }

  @Test
  void inAndCellReturnNewChecksAndLeaveTheOriginalAlone() {
    RubricCheck words = RubricCheck.wordsAtMost(450);
    RubricCheck inDocx = words.in(FileFormat.DOCX);
    assertThat(words.toString()).doesNotContain("docx");
    assertThat(inDocx.toString()).contains("\"in\":\"docx\"");
  }

  @Test
  void onlyANumberCheckReadsACell() {
    assertThatThrownBy(() -> RubricCheck.contains("total").cell("C4"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only a number_near check reads a cell");
  }

  @Test
  void aCheckAttachesToTheCriterionAddedLast() {
    Task task = spec().criterion("a", 1, "First", "q").criterion("b", 1, "Second", "q")
        .check(RubricCheck.contains("second")).build();
    assertThat(task.rubric()).extracting(Criterion::id, c -> c.check() == null ? null : c.check().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", null),
            org.assertj.core.groups.Tuple.tuple("b", "{\"type\":\"contains\",\"text\":\"second\"}"));
  }

  @Test
  void aCheckNeedsACriterionWithoutOne() {
    assertThatThrownBy(() -> spec().check(RubricCheck.contains("x")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("add a criterion before its check");
    assertThatThrownBy(() -> spec().criterion("a", 1, "First", "q").check(RubricCheck.contains("x"))
        .check(RubricCheck.contains("y")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("criterion a already has a check");
  }

  private static TaskSpec spec() {
    return TaskSpec.task("t").title("A test task").occupation(SampleOccupation.EDITORS)
        .request("Managing Editor", "Please edit the attached.")
        .deliverable("The edited draft", FileFormat.MD)
        .baseline(30, "Pat", 3, "baseline/edited.md");
  }
}
