package dev.parity.graders.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.PdfPageRenderer;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.judgments.JudgeCallOrder;
import dev.parity.judgments.JudgeCallStatus;
import dev.parity.judgments.JudgmentStore;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.run.RunControl;
import dev.parity.harness.run.RunPlan;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.run.Runner;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.RecordingSleeper;
import dev.parity.harness.testing.TestSuites;
import dev.parity.judgments.Order;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.tasks.Suite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingPassTest {
  @TempDir Path folder;

  private Store store;
  private Suite suite;
  private final ModelConfig judgeConfig = new ModelConfig("judge", "fake", "judge", null, null, null, null,
      new ModelConfig.Limits(4, null, null), null, false, null);
  private final FakeModelClient judge = new FakeModelClient(judgeConfig);

  @BeforeEach
  void runTwoTasksThroughAFakeModel() {
    suite = TestSuites.write(folder.resolve("suite"), 2);
    store = Store.open(folder.resolve("parity.db"));
    ModelConfig model = new ModelConfig("m", "fake", "m", null, null, null, null, null, null, false, null);
    FakeModelClient client = new FakeModelClient(model)
        .respond((request, call) -> FakeModelClient.answer("# Memo\n\nThe model's memo.", 10, 10));
    Runner.builder(store, config -> client).sleeper(new RecordingSleeper(new dev.parity.harness.testing.ManualClock())).build()
        .run(new RunPlan("r1", suite, List.of(model), RunSettings.DEFAULT), new RunControl());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private GradingPass.Summary grade(boolean rubric, boolean pairwise, OrderSwap.Disagreement rule) throws Exception {
    return grade(rubric, pairwise, rule, GradingPass.DEFAULT_SEED);
  }

  private GradingPass.Summary grade(boolean rubric, boolean pairwise, OrderSwap.Disagreement rule, long seed)
      throws Exception {
    ModelCaller caller = caller();
    return new GradingPass(store, suite, "r1", caller, "fake:judge", new PdfPageRenderer(), Clock.systemUTC(),
        new GradingPass.Options(rubric, pairwise, List.of(), 1, rule, null, 2, Duration.ofMinutes(1), seed)).grade();
  }

  /** The judge's caller: two retries, waits recorded instead of slept. */
  private ModelCaller caller() {
    return ModelCaller.create(judge, judge.config(), 2, Clock.systemUTC(),
        new RecordingSleeper(new dev.parity.harness.testing.ManualClock()), new Random(1));
  }

  /** A judge that prefers whichever deliverable holds the model's memo. */
  private static String prefersTheModel(String prompt) {
    int a = prompt.indexOf("# Deliverable A");
    int b = prompt.indexOf("# Deliverable B");
    if (a < 0) {
      return "{\"verdict\": \"met\", \"rationale\": \"a rubric call\"}";
    }
    boolean modelIsA = prompt.substring(a, b).contains("The model's memo");
    return "{\"verdict\": \"" + (modelIsA ? "A" : "B") + "\", \"rationale\": \"clearer\"}";
  }

  @Test
  void eachPairIsJudgedInBothOrdersAndAConsistentPreferenceIsAWin() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), 100, 10));

    GradingPass.Summary summary = grade(false, true, OrderSwap.Disagreement.TIE);

    assertThat(summary.judgmentsMade()).isEqualTo(2);
    assertThat(judge.requests()).hasSize(4);
    List<JudgmentStore.Stored> stored = new JudgmentStore(store.database()).judgments("r1");
    assertThat(stored).extracting(s -> s.judgment().outcome()).containsOnly(Outcome.WIN);
    assertThat(stored).extracting(s -> s.judgment().showing())
        .containsOnly(Showing.inBothOrders(Outcome.WIN, Outcome.WIN));
    assertThat(stored.get(0).judgment().grader()).startsWith("fake:judge pairwise-v2@");
    assertThat(new JudgmentStore(store.database()).calls("r1")).extracting(JudgmentStore.JudgeCall::order)
        .containsExactlyInAnyOrder(JudgeCallOrder.MODEL_FIRST, JudgeCallOrder.MODEL_SECOND, JudgeCallOrder.MODEL_FIRST,
            JudgeCallOrder.MODEL_SECOND);
  }

  @Test
  void aJudgeThatAlwaysPicksTheFirstPositionGivesTiesOrAThirdCall() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer("{\"verdict\": \"A\", \"rationale\": \"first\"}", 100, 10));

    grade(false, true, OrderSwap.Disagreement.TIE);
    assertThat(new JudgmentStore(store.database()).judgments("r1")).extracting(s -> s.judgment().outcome()).containsOnly(Outcome.TIE);
    assertThat(judge.requests()).hasSize(4);
  }

  @Test
  void theThirdCallDecidesWhenAskedTo() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer("{\"verdict\": \"A\", \"rationale\": \"first\"}", 100, 10));

    grade(false, true, OrderSwap.Disagreement.THIRD_CALL);

    assertThat(judge.requests()).hasSize(6);
    assertThat(new JudgmentStore(store.database()).judgments("r1")).hasSize(2)
        .allSatisfy(s -> assertThat(s.judgment().rationale()).contains("third call"));
  }

  @Test
  void theSameSeedGivesTheSameJudgmentsAndTheRationaleRecordsIt() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer("{\"verdict\": \"A\", \"rationale\": \"first\"}", 100, 10));

    grade(false, true, OrderSwap.Disagreement.THIRD_CALL, 7);
    List<String> first = outcomes();
    store.database().transaction("forget", h -> h.update("DELETE FROM judgments") + h.update("DELETE FROM judge_calls"));
    grade(false, true, OrderSwap.Disagreement.THIRD_CALL, 7);

    assertThat(outcomes()).isEqualTo(first);
    assertThat(new JudgmentStore(store.database()).judgments("r1"))
        .allSatisfy(s -> assertThat(s.judgment().rationale()).contains("order drawn with seed 7"));
  }

  @Test
  void aThirdCallsOrderDependsOnTheSeedAndTheJudgmentNotOnWhenItIsAsked() {
    List<Order> seven = new java.util.ArrayList<>();
    List<Order> eight = new java.util.ArrayList<>();
    for (int task = 0; task < 50; task++) {
      seven.add(PairwiseJudging.modelOrderInThirdCall(7, "t" + task, "m", "baseline", 0, 0));
      eight.add(PairwiseJudging.modelOrderInThirdCall(8, "t" + task, "m", "baseline", 0, 0));
    }

    assertThat(seven).contains(Order.FIRST, Order.SECOND);
    assertThat(seven).isNotEqualTo(eight);
    assertThat(PairwiseJudging.modelOrderInThirdCall(7, "t3", "m", "baseline", 0, 0)).isEqualTo(seven.get(3));
  }

  private List<String> outcomes() {
    return new JudgmentStore(store.database()).judgments("r1").stream()
        .map(s -> s.judgment().taskId() + " " + s.judgment().outcome() + " " + s.judgment().rationale()).toList();
  }

  @Test
  void aBudgetUsedUpInTheMiddleOfAJudgmentLeavesItForTheNextPassWhichReusesItsAnsweredCall() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), FinishReason.COMPLETED,
        new Usage(100L, 10L, null, null), 0.4));

    GradingPass.Summary stopped = gradeOneAtATime(1.0);

    assertThat(stopped.judgmentsMade()).isEqualTo(1);
    assertThat(stopped.judgeFailures()).isZero();
    assertThat(stopped.stopReason()).isEqualTo("budget");
    assertThat(stopped.costUsd()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(judge.requests()).hasSize(3);

    GradingPass.Summary resumed = gradeOneAtATime(10.0);

    assertThat(resumed.judgmentsKept()).isEqualTo(1);
    assertThat(resumed.judgmentsMade()).isEqualTo(1);
    assertThat(judge.requests()).hasSize(4);
  }

  @Test
  void aJudgeWhoseKeyIsRejectedStopsThePassAfterOneCallAndSaysWhy() throws Exception {
    judge.respond((request, call) -> {
      throw new FatalCallException(CallFailure.AUTHENTICATION, 401, "bad key", null);
    });

    GradingPass.Summary summary = gradeOneAtATime(null);

    assertThat(judge.requests()).hasSize(1);
    assertThat(summary.judgeFailures()).isEqualTo(1);
    assertThat(summary.stopReason()).isEqualTo("judge stopped: its API key was rejected (HTTP 401): bad key");
    assertThat(new JudgmentStore(store.database()).calls("r1")).extracting(JudgmentStore.JudgeCall::status)
        .containsExactly(JudgeCallStatus.FAILED);
  }

  private GradingPass.Summary gradeOneAtATime(Double budgetUsd) throws Exception {
    ModelCaller caller = caller();
    return new GradingPass(store, suite, "r1", caller, "fake:judge", new PdfPageRenderer(), Clock.systemUTC(),
        new GradingPass.Options(false, true, List.of(), 1, OrderSwap.Disagreement.TIE, budgetUsd, 1,
            Duration.ofMinutes(1))).grade();
  }

  @Test
  void malformedJudgeOutputIsAskedAgainThenRecordedAsAJudgeFailureNeverALoss() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    judge.respond((request, call) -> FakeModelClient.answer(
        calls.incrementAndGet() == 1 ? "I prefer A." : prefersTheModel(request.text()), 100, 10));

    GradingPass.Summary recovered = grade(false, true, OrderSwap.Disagreement.TIE);
    assertThat(recovered.judgmentsMade()).isEqualTo(2);
    assertThat(judge.requests()).hasSize(5);

    judge.respond((request, call) -> FakeModelClient.answer("no verdict here", 100, 10));
    store.database().transaction("forget", h -> h.update("DELETE FROM judgments") + h.update("DELETE FROM judge_calls"));
    GradingPass.Summary failed = grade(false, true, OrderSwap.Disagreement.TIE);

    assertThat(failed.judgeFailures()).isEqualTo(2);
    assertThat(new JudgmentStore(store.database()).judgments("r1")).isEmpty();
    assertThat(new JudgmentStore(store.database()).calls("r1")).extracting(JudgmentStore.JudgeCall::status)
        .containsOnly(JudgeCallStatus.INVALID_OUTPUT);
  }

  @Test
  void aResumedPassNeverCallsAgainForFinishedJudgments() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), 100, 10));
    grade(true, true, OrderSwap.Disagreement.TIE);
    int callsBefore = judge.requests().size();

    GradingPass.Summary again = grade(true, true, OrderSwap.Disagreement.TIE);

    assertThat(judge.requests()).hasSize(callsBefore);
    assertThat(again.judgmentsKept()).isEqualTo(2);
    assertThat(again.judgmentsMade()).isZero();
    assertThat(again.scoresKept()).isEqualTo(4);
  }

  @Test
  void anInterruptedJudgmentReusesItsAnsweredCall() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), 100, 10));
    grade(false, true, OrderSwap.Disagreement.TIE);
    // As if the process died after the first order's call was stored: drop the judgments and second calls.
    store.database().transaction("simulate a crash", h -> h.update("DELETE FROM judgments")
        + h.update("DELETE FROM judge_calls WHERE call_order = 'model_second'"));
    int callsBefore = judge.requests().size();

    grade(false, true, OrderSwap.Disagreement.TIE);

    assertThat(judge.requests().size() - callsBefore).isEqualTo(2);
    assertThat(new JudgmentStore(store.database()).judgments("r1")).hasSize(2);
  }

  @Test
  void theRubricGradesTheModelAndTheBaselineWithTheJudge() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer(
        request.text().contains("The model's memo") ? "{\"verdict\": \"partly\", \"rationale\": \"thin\"}"
            : "{\"verdict\": \"met\", \"rationale\": \"a memo\"}", 100, 10));

    GradingPass.Summary summary = grade(true, false, OrderSwap.Disagreement.TIE);

    assertThat(summary.scoresByJudge()).isEqualTo(4);
    List<JudgmentStore.StoredScore> scores = new JudgmentStore(store.database()).scores("r1");
    assertThat(scores).filteredOn(s -> s.score().subject().equals("baseline")).extracting(s -> s.score().share())
        .containsOnly(1.0);
    assertThat(scores).filteredOn(s -> s.score().subject().equals("m")).extracting(s -> s.score().share())
        .containsOnly(0.5);
  }

  @Test
  void aTaskWithoutRubricOrBaselineIsSkippedWithANoteAndNeverScoredOrJudged() throws Exception {
    dev.parity.tasks.Task full = suite.tasks().get(0);
    dev.parity.tasks.Task bare = new dev.parity.tasks.Task(full.id(), full.title(), full.occupation(), full.sector(),
        full.request(), full.references(), full.deliverable(), dev.parity.tasks.Baseline.NONE, List.of(),
        full.provenance(), full.tags(), full.folder());
    suite = new Suite(suite.name(), suite.version(), null, null, suite.root(), List.of(bare, suite.tasks().get(1)),
        suite.contentHash());
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), 100, 10));

    GradingPass.Summary summary = grade(true, true, OrderSwap.Disagreement.TIE);

    assertThat(summary.skipped()).containsExactly("rubric grading skipped 1 task without a rubric",
        "pairwise judging against the baseline skipped 1 task without a human deliverable");
    assertThat(new JudgmentStore(store.database()).judgments("r1")).extracting(s -> s.judgment().taskId())
        .containsOnly(suite.tasks().get(1).id());
    assertThat(new JudgmentStore(store.database()).scores("r1")).extracting(s -> s.score().taskId())
        .containsOnly(suite.tasks().get(1).id());
  }

  @Test
  void aTaskSelectionGradesOnlyTheSelectedTasks() throws Exception {
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), 100, 10));
    String only = suite.tasks().get(1).id();

    new GradingPass(store, suite, "r1", caller(), "fake:judge", new PdfPageRenderer(), Clock.systemUTC(),
        new GradingPass.Options(false, true, List.of(), 1, OrderSwap.Disagreement.TIE, null, 2, Duration.ofMinutes(1)))
        .grade(java.util.Set.of(only));

    assertThat(new JudgmentStore(store.database()).judgments("r1")).extracting(s -> s.judgment().taskId())
        .containsExactly(only);
  }

  @Test
  void modelAgainstModelPairsAreJudgedForRatings() throws Exception {
    ModelConfig other = new ModelConfig("n", "fake", "n", null, null, null, null, null, null, false, null);
    FakeModelClient otherClient = new FakeModelClient(other)
        .respond((request, call) -> FakeModelClient.answer("# Memo\n\nAnother memo.", 10, 10));
    ModelConfig first = new ModelConfig("m", "fake", "m", null, null, null, null, null, null, false, null);
    FakeModelClient firstClient = new FakeModelClient(first)
        .respond((request, call) -> FakeModelClient.answer("# Memo\n\nThe model's memo.", 10, 10));
    Runner.builder(store, config -> config.name().equals("m") ? firstClient : otherClient)
        .sleeper(new RecordingSleeper(new dev.parity.harness.testing.ManualClock()))
        .build().run(new RunPlan("r2", suite, List.of(first, other), RunSettings.DEFAULT), new RunControl());
    judge.respond((request, call) -> FakeModelClient.answer(prefersTheModel(request.text()), 100, 10));
    ModelCaller caller = caller();

    new GradingPass(store, suite, "r2", caller, "fake:judge", new PdfPageRenderer(), Clock.systemUTC(),
        new GradingPass.Options(false, false, List.of(List.of("m", "n")), 1, OrderSwap.Disagreement.TIE, null, 2,
            Duration.ofMinutes(1))).grade();

    List<JudgmentStore.Stored> stored = new JudgmentStore(store.database()).judgments("r2");
    assertThat(stored).hasSize(2).allSatisfy(s -> {
      assertThat(s.judgment().model()).isEqualTo("m");
      assertThat(s.judgment().opponent()).isEqualTo("n");
      assertThat(s.judgment().outcome()).isEqualTo(Outcome.WIN);
    });
  }
}
