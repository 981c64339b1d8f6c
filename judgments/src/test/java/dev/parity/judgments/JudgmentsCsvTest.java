package dev.parity.judgments;

import dev.parity.harness.store.Contestant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JudgmentsCsvTest {
  private static final Task NURSE_TASK = new Task("handout", "Patient handout",
      new Occupation("Registered Nurses", "29-1141.00"), "Health Care and Social Assistance",
      new TaskRequest("Charge nurse", "Write a handout"), List.of(),
      new DeliverableSpec(List.of(FileFormat.DOCX), null),
      new Baseline(List.of("baseline/handout.docx"), 60, 45, null, null), List.of(), null, List.of(), null);

  private static final Function<String, Optional<Task>> SUITE =
      id -> id.equals("handout") ? Optional.of(NURSE_TASK) : Optional.empty();

  private static List<Judgment> read(String csv) {
    return JudgmentsCsv.read("judgments.csv", new StringReader(csv), SUITE);
  }

  @Test
  void readsColumnsInAnyOrderWithDefaultsAndTheSuitesOccupationAndSector() {
    List<Judgment> judgments = read("""
        outcome,grader,model,task_id
        better,expert-7,gpt-5,handout
        AS_GOOD,expert-8,gpt-5,handout
        """);

    assertThat(judgments).hasSize(2);
    Judgment first = judgments.get(0);
    assertThat(first.outcome()).isEqualTo(Outcome.WIN);
    assertThat(first.opponent()).isEqualTo("baseline");
    assertThat(first.graderType()).isEqualTo(GraderType.HUMAN);
    assertThat(first.sample()).isZero();
    assertThat(first.occupation()).isEqualTo("Registered Nurses");
    assertThat(first.sector()).isEqualTo("Health Care and Social Assistance");
    assertThat(judgments.get(1).outcome()).isEqualTo(Outcome.TIE);
  }

  @Test
  void aTaskOutsideTheSuiteNeedsItsOccupationAndSector() {
    List<Judgment> judgments = read("""
        task_id,model,grader,grader_type,outcome,occupation,sector,minutes,rationale,sample,opponent
        t-9,claude,openai:gpt-5,model,worse,Paralegals,Legal Services,12.5,"Misses the ""indemnity"" clause,
        and the date",2,gemini
        """);

    Judgment judgment = judgments.get(0);
    assertThat(judgment.outcome()).isEqualTo(Outcome.LOSS);
    assertThat(judgment.graderType()).isEqualTo(GraderType.MODEL);
    assertThat(judgment.minutes()).isEqualTo(12.5);
    assertThat(judgment.rationale()).isEqualTo("Misses the \"indemnity\" clause,\nand the date");
    assertThat(judgment.sample()).isEqualTo(2);
    assertThat(judgment.opponent()).isEqualTo("gemini");
    assertThat(judgment.againstBaseline()).isFalse();
  }

  @Test
  void everyBadRowIsReportedWithItsLineNumberAndNothingIsReturned() {
    assertThatThrownBy(() -> read("""
        task_id,model,grader,outcome,sample,minutes
        handout,gpt-5,e1,win,0,10
        handout,gpt-5,e2,maybe,0,10
        handout,,e3,win,-1,10
        unknown-task,gpt-5,e4,loss,0,ten
        """))
        .isInstanceOf(InvalidJudgmentsException.class)
        .satisfies(e -> assertThat(((InvalidJudgmentsException) e).problems()).containsExactly(
            "line 3: outcome \"maybe\" is not one of win, tie, loss (or better, as_good, worse)",
            "line 4: model is empty",
            "line 4: sample \"-1\" is not a whole number ≥ 0",
            "line 5: minutes \"ten\" is not a number ≥ 0",
            "line 5: occupation is empty and task \"unknown-task\" is not in the suite, so it cannot be taken from there",
            "line 5: sector is empty and task \"unknown-task\" is not in the suite, so it cannot be taken from there"))
        .hasMessageStartingWith("judgments.csv: 6 problems; none of its judgments were used:");
  }

  @Test
  void theHeaderIsCheckedForUnknownDuplicateAndMissingColumns() {
    assertThatThrownBy(() -> read("task_id,model,grader,outcom,model\nhandout,a,b,win,a\n"))
        .satisfies(e -> assertThat(((InvalidJudgmentsException) e).problems()).containsExactly(
            "line 1: unknown column \"outcom\"; did you mean \"outcome\"?; columns: task_id, model, opponent, grader,"
                + " grader_type, outcome, sample, occupation, sector, minutes, rationale",
            "line 1: column \"model\" appears twice",
            "line 1: missing required column \"outcome\""));
    assertThatThrownBy(() -> read("")).hasMessageContaining("the file is empty");
  }

  @Test
  void aByteOrderMarkAndBlankLinesAsExcelWritesThemAreAccepted() {
    assertThat(read("\uFEFFtask_id,model,grader,outcome\r\n\r\nhandout,gpt-5,e1,loss\r\n")).hasSize(1);
  }

  @Test
  void whatIsWrittenReadsBackTheSame() {
    List<Judgment> judgments = List.of(
        new Judgment("handout", "gpt-5", null, "e1", GraderType.HUMAN, Outcome.WIN, 0,
            "Registered Nurses", "Health Care and Social Assistance", 55.0, "Clearer, \"warmer\"\ntone"),
        new Judgment("t-9", "claude", "gpt-5", "judge", GraderType.MODEL, Outcome.TIE, 3,
            "Paralegals", "Legal Services", null, null),
        new Judgment("handout", Contestant.human("nurse-3"), null, "e2", GraderType.HUMAN, Outcome.LOSS, 0,
            "Registered Nurses", "Health Care and Social Assistance", 30.0, null, Showing.onSide(Side.RIGHT)),
        new Judgment("handout", Contestant.model("gpt-5"), null, "judge", GraderType.MODEL, Outcome.TIE, 1,
            "Registered Nurses", "Health Care and Social Assistance", null, "split", 
            Showing.inBothOrders(Outcome.WIN, Outcome.TIE)));
    StringWriter out = new StringWriter();

    JudgmentsCsv.write(judgments, out);

    assertThat(out.toString()).startsWith(String.join(",", JudgmentsCsv.COLUMNS) + "\n");
    assertThat(JudgmentsCsv.read("x", new StringReader(out.toString()), id -> Optional.empty()))
        .isEqualTo(judgments);
  }

  @Test
  void theSuiteIsAskedOnlyAboutRowsWithoutTheirOccupationOrSector() {
    List<String> asked = new java.util.ArrayList<>();

    List<Judgment> judgments = JudgmentsCsv.read("judgments.csv", new StringReader("""
        task_id,model,grader,outcome,occupation,sector
        t-9,gpt-5,e1,win,Paralegals,Legal Services
        handout,gpt-5,e2,loss,,
        """), id -> {
          asked.add(id);
          return SUITE.apply(id);
        });

    assertThat(asked).containsOnly("handout");
    assertThat(judgments).extracting(Judgment::occupation).containsExactly("Paralegals", "Registered Nurses");
  }

  @Test
  void writingFlushesTheWriterAndLeavesItOpen() {
    StringBuilder text = new StringBuilder();
    boolean[] closed = {false};
    java.io.Writer out = new java.io.Writer() {
      @Override
      public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {
        closed[0] = true;
      }
    };

    JudgmentsCsv.write(List.of(new Judgment("t-9", "claude", null, "judge", GraderType.MODEL, Outcome.TIE, 0,
        "Paralegals", "Legal Services", null, null)), out);

    assertThat(closed[0]).as("closed").isFalse();
    assertThat(text.toString()).hasLineCount(2).endsWith("\"Legal Services\",,,,,\n");
  }

  @Test
  void aVersion2FileNamesTheContestantAndHowItsDeliverableWasShown() {
    List<Judgment> judgments = read("""
        task_id,contestant,grader,grader_type,outcome,shown,outcome_shown_first,outcome_shown_second
        handout,gpt-5,expert-7,human,win,left,,
        handout,human:nurse-3,expert-8,human,loss,right,,
        handout,gpt-5,openai:gpt-5,model,tie,,win,tie
        handout,gpt-5,expert-9,human,tie,,,
        """);

    assertThat(judgments).extracting(Judgment::contestant).containsExactly(Contestant.model("gpt-5"),
        Contestant.human("nurse-3"), Contestant.model("gpt-5"), Contestant.model("gpt-5"));
    assertThat(judgments).extracting(Judgment::showing).containsExactly(Showing.onSide(Side.LEFT),
        Showing.onSide(Side.RIGHT), Showing.inBothOrders(Outcome.WIN, Outcome.TIE), Showing.UNKNOWN);
    assertThat(judgments.get(1).model()).isEqualTo("human:nurse-3");
  }

  @Test
  void aVersion1FileIsReadAsJudgmentsOfModelsWithNothingKnownAboutHowTheyWereShown() {
    List<Judgment> judgments = read("""
        task_id,model,opponent,grader,grader_type,outcome,sample,occupation,sector,minutes,rationale
        handout,gpt-5,baseline,expert-7,human,as_good,1,Registered Nurses,Health Care,42,"Both, fine"
        """);

    assertThat(judgments).containsExactly(new Judgment("handout", Contestant.model("gpt-5"), "baseline", "expert-7",
        GraderType.HUMAN, Outcome.TIE, 1, "Registered Nurses", "Health Care", 42.0, "Both, fine", Showing.UNKNOWN));
  }

  @Test
  void version2ColumnsInAVersion1FileAndASideWithJudgeOrdersAreErrors() {
    assertThatThrownBy(() -> read("task_id,model,grader,outcome,shown\nhandout,gpt-5,e1,win,left\n"))
        .satisfies(e -> assertThat(((InvalidJudgmentsException) e).problems()).singleElement().asString()
            .startsWith("line 1: unknown column \"shown\""));
    assertThatThrownBy(() -> read("""
        task_id,contestant,grader,outcome,shown,outcome_shown_first
        handout,gpt-5,e1,win,left,win
        handout,gpt-5,e1,win,middle,
        handout,human:,e1,win,,
        """))
        .satisfies(e -> assertThat(((InvalidJudgmentsException) e).problems()).containsExactly(
            "line 2: shown (a human grader's side) and outcome_shown_first/second (a model judge's orders)"
                + " cannot both be given",
            "line 3: shown \"middle\" is not one of left or right",
            "line 4: contestant \"human:\": a human contestant's id is empty"));
  }
}
