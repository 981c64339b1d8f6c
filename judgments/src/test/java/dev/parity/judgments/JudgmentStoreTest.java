package dev.parity.judgments;

import dev.parity.harness.store.Contestant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class JudgmentStoreTest {
  @RegisterExtension final TestStores stores = new TestStores();
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aJudgmentReadsBackWithItsContestantSourceAndHowItWasShown(Engine engine) {
    List<Judgment> judgments = List.of(
        new Judgment("t1", Contestant.human("nurse-3"), null, "expert-7", GraderType.HUMAN, Outcome.LOSS, 0,
            "Registered Nurses", "Health Care", 12.0, "thin", Showing.onSide(Side.LEFT)),
        new Judgment("t1", Contestant.model("gpt-5"), null, "judge", GraderType.MODEL, Outcome.TIE, 0,
            "Registered Nurses", "Health Care", null, null, Showing.inBothOrders(Outcome.WIN, Outcome.TIE)));
    try (Database database = stores.open(engine)) {
      JudgmentStore stored = new JudgmentStore(database);
      stored.add(JudgmentSource.file("judgments.csv"), null, judgments, T0);

      assertThat(stored.judgments(null)).extracting(JudgmentStore.Stored::judgment)
          .containsExactlyInAnyOrderElementsOf(judgments);
      assertThat(stored.judgments(null)).extracting(JudgmentStore.Stored::source)
          .containsOnly(JudgmentSource.file("judgments.csv"));
      assertThat(stored.hasSource(JudgmentSource.file("judgments.csv"))).isTrue();
      assertThat(stored.hasSource(JudgmentSource.file("other.csv"))).isFalse();
    }
  }

  @Test
  void aJudgmentStoredBeforeVersion2IsAModelsWithNothingKnownAboutHowItWasShown() throws Exception {
    Path file = folder.resolve("parity.db");
    Database.open(file).close();
    // A row as store version 2.0/2.1 wrote it: no shown or outcome_shown_* columns given.
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
         Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO judgments (source, run_id, task_id, model, opponent, grader, grader_type,"
          + " outcome, sample, judge_sample, occupation, sector, minutes, rationale, created_at) VALUES ('run:r1', 'r1',"
          + " 't1', 'gpt-5', 'baseline', 'judge', 'model', 'win', 0, 0, 'Nurses', 'Health', NULL, NULL,"
          + " '2026-01-05T10:00:00Z')");
    }
    try (Database database = Database.open(file)) {
      JudgmentStore.Stored stored = new JudgmentStore(database).judgments("r1").get(0);
      assertThat(stored.source()).isEqualTo(JudgmentSource.run("r1"));
      assertThat(stored.judgment().contestant()).isEqualTo(Contestant.model("gpt-5"));
      assertThat(stored.judgment().showing()).isEqualTo(Showing.UNKNOWN);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void eachJudgeCallOrderReadsBackWhatItWroteAndIsStoredAsBefore(Engine engine) {
    try (Database database = stores.open(engine)) {
      JudgmentStore stored = new JudgmentStore(database);
      List<JudgmentStore.JudgeCall> calls = List.of(
          call(JudgeCallOrder.MODEL_FIRST, PairwiseVerdict.A, JudgeCallStatus.ANSWERED),
          call(JudgeCallOrder.MODEL_SECOND, null, JudgeCallStatus.INVALID_OUTPUT),
          call(JudgeCallOrder.THIRD, null, JudgeCallStatus.FAILED));
      calls.forEach(stored::recordCall);

      assertThat(stored.calls("r1")).containsExactlyElementsOf(calls);
      List<String> raw = database.read("read raw", h -> h.list(
          "SELECT call_order, verdict, status FROM judge_calls ORDER BY call_order",
          r -> r.text("call_order") + " " + r.text("verdict") + " " + r.text("status")));
      assertThat(raw).containsExactly("model_first A answered", "model_second null invalid_output", "third null failed");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void whatAJudgeWasShownReadsBackWithTheCallAndTheScoreAsSnakeCaseJson(Engine engine) {
    JudgeInputs inputs = new JudgeInputs("PDFBox 3.0.8", 2, 1024, List.of(
        new JudgeInputs.File("deliverable A, file 1", "pdf", JudgeInputs.Mode.PAGES, 2, 5, null),
        new JudgeInputs.File("deliverable B, file 1", "md", JudgeInputs.Mode.TEXT, 0, null, "has no pages")));
    try (Database database = stores.open(engine)) {
      JudgmentStore stored = new JudgmentStore(database);
      JudgmentStore.JudgeCall call = new JudgmentStore.JudgeCall("r1", "t1", "gpt-5", "baseline", 0, "judge", 0,
          JudgeCallOrder.MODEL_FIRST, PairwiseVerdict.A, "because", JudgeCallStatus.ANSWERED, null, 1, 0.25, T0, inputs);
      stored.recordCall(call);
      stored.addScore("r1", new CriterionScore("t1", "gpt-5", 0, "c1", 2, 1, "judge", "ok"), "scored", 0.1, T0, inputs);

      assertThat(stored.calls("r1")).containsExactly(call);
      assertThat(stored.scores("r1").get(0).inputs()).isEqualTo(inputs);
      assertThat(inputs.files().get(0).truncated()).isTrue();
      assertThat(inputs.files().get(1).truncated()).isFalse();
      String json = database.read("read raw", h -> h.first("SELECT inputs FROM judge_calls", r -> r.text(1))).get();
      assertThat(json).contains("\"renderer\":\"PDFBox 3.0.8\"", "\"max_pages\":2", "\"pages_sent\":2",
          "\"page_count\":5", "\"mode\":\"pages\"", "\"truncated\":true", "\"mode\":\"text\"");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUnknownStoredJudgeCallOrderIsRefusedNamingIt(Engine engine) {
    try (Database database = stores.open(engine)) {
      JudgmentStore stored = new JudgmentStore(database);
      stored.recordCall(call(JudgeCallOrder.MODEL_FIRST, PairwiseVerdict.B, JudgeCallStatus.ANSWERED));
      database.transaction("corrupt", h -> h.update("UPDATE judge_calls SET call_order = 'model_last'"));

      assertThatThrownBy(() -> stored.calls("r1")).hasStackTraceContaining(
          "a stored judge call's order is not model_first, model_second or third: model_last");
    }
  }

  private static JudgmentStore.JudgeCall call(JudgeCallOrder order, PairwiseVerdict verdict, JudgeCallStatus status) {
    return new JudgmentStore.JudgeCall("r1", "t1", "gpt-5", "baseline", 0, "judge", 0, order, verdict,
        verdict == null ? null : "because", status, verdict == null ? "no verdict" : null, 1, 0.25, T0, null);
  }
}
