package dev.parity.graders.grading;

import dev.parity.graders.judge.JudgeOutput;
import dev.parity.graders.judge.JudgePrompt;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.judgments.PairwiseVerdict;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.JudgeCallOrder;
import dev.parity.judgments.JudgeCallStatus;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.harness.store.Attempt;
import dev.parity.judgments.JudgmentSource;
import dev.parity.judgments.Order;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.tasks.Task;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.harness.client.Attachment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Pairwise judging of one run: the judge compares a model's deliverable with the professional's
 * (or with another model's, for ratings) in both orders, and {@link OrderSwap} combines the two
 * verdicts. When they disagree outright and the rule asks for a third call, the order of that call
 * is drawn from the pass's seed (see {@link #modelOrderInThirdCall}).
 *
 * <p>Resumable: a stored judgment is kept, and an answered call of an unfinished judgment is
 * reused. Thread-safe: one instance judges many pairs at once.
 */
final class PairwiseJudging {
  private final JudgmentStore judgments;
  private final String runId;
  private final Judge judge;
  private final OrderSwap.Disagreement disagreement;
  private final long seed;
  private final Clock clock;
  private final Tally tally;
  private final Function<String, Task> tasks;
  private final DeliverableTexts texts;
  private final JudgeMaterials materials;

  PairwiseJudging(JudgmentStore judgments, String runId, Judge judge, OrderSwap.Disagreement disagreement, long seed,
      Clock clock, Tally tally, Function<String, Task> tasks, DeliverableTexts texts, JudgeMaterials materials) {
    this.judgments = judgments;
    this.runId = runId;
    this.judge = Objects.requireNonNull(judge, "judge");
    this.disagreement = disagreement;
    this.seed = seed;
    this.clock = clock;
    this.tally = tally;
    this.tasks = tasks;
    this.texts = texts;
    this.materials = materials;
  }

  /** The grader identity of the pairwise judge: its spec and the prompt's version. */
  static String grader(String judgeSpec) {
    return judgeSpec + " " + JudgePrompt.PAIRWISE.version();
  }

  /**
   * Where the model's deliverable is shown in the third call of a split judgment: first (as A) or
   * second (as B).
   * A pure function of the seed and the judgment's key, so the same seed gives the same judgments
   * whichever thread gets there first and whether or not the pass was resumed in between.
   */
  static Order modelOrderInThirdCall(long seed, String taskId, String model, String opponent, int sample,
      int judgeSample) {
    long key = Objects.hash(taskId, model, opponent, sample, judgeSample);
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key).nextBoolean() ? Order.FIRST : Order.SECOND;
  }

  /** How one judgment went. */
  enum Result {
    /** Stored before: kept, nothing asked. */
    KEPT,
    /** Made and stored now. */
    MADE,
    /** Made, but not stored: the worker's lease on it was taken over meanwhile. */
    REFUSED,
    /** A call had no verdict: recorded as a judge failure, to ask again in a later pass. */
    FAILED,
    /** Not (all) asked: the judge stopped or the budget is used up. */
    NOT_ASKED
  }

  /**
   * Judges {@code attempt} against the baseline ({@code opponentAttempt} null) or against another
   * model's attempt of the same task and sample, and stores the judgment if {@code onlyIf}, run in
   * the storing transaction, allows (a worker's lease: {@link JudgmentWork#completion}).
   */
  Result judge(Attempt attempt, int judgeSample, String opponent, Attempt opponentAttempt,
      dev.parity.store.Database.Work<Boolean> onlyIf) {
    var key = attempt.key();
    String grader = grader(judge.spec());
    if (judgments.hasJudgment(runId, key.taskId(), key.model(), opponent, key.sample(), grader, judgeSample)) {
      tally.judgmentsKept.incrementAndGet();
      return Result.KEPT;
    }
    if (!judge.mayStart()) {
      return Result.NOT_ASKED;
    }
    Task task = tasks.apply(key.taskId());
    List<DeliverableContent.File> modelFiles = texts.attemptFiles(key);
    List<DeliverableContent.File> otherFiles = opponentAttempt == null ? DeliverableTexts.baselineFiles(task)
        : texts.attemptFiles(opponentAttempt.key());
    Pair pair = new Pair(task, attempt, opponent, judgeSample, grader, modelFiles, otherFiles, new HashMap<>());
    judgments.calls(runId, key.taskId(), key.model(), opponent, key.sample(), grader, judgeSample).stream()
        .filter(JudgmentStore.JudgeCall::answered).forEach(c -> pair.done().put(c.order(), c));
    // Both orders are asked even when the first has no verdict, as a later pass would ask them anyway.
    JudgmentStore.JudgeCall first = order(pair, JudgeCallOrder.MODEL_FIRST, Order.FIRST);
    JudgmentStore.JudgeCall second = order(pair, JudgeCallOrder.MODEL_SECOND, Order.SECOND);
    if (!answered(first) || !answered(second)) {
      return countFailure(first, second);
    }
    PairwiseVerdict asA = first.verdict();
    PairwiseVerdict asB = second.verdict();
    Optional<Outcome> outcome = OrderSwap.combine(asA, asB, disagreement);
    String rationale = "model as A: " + first.rationale() + "\nmodel as B: " + second.rationale();
    if (outcome.isEmpty()) {
      Order modelShown = modelOrderInThirdCall(seed, key.taskId(), key.model(), opponent, key.sample(), judgeSample);
      JudgmentStore.JudgeCall third = order(pair, JudgeCallOrder.THIRD, modelShown);
      if (!answered(third)) {
        return countFailure(third);
      }
      outcome = Optional.of(OrderSwap.fromModelSide(third.verdict(),
          modelShown == Order.FIRST));
      rationale += "\nthird call (model as " + (modelShown == Order.FIRST ? "A" : "B") + ", order drawn with seed "
          + seed + "): " + third.rationale();
    }
    Showing showing = Showing.inBothOrders(OrderSwap.fromModelSide(asA, true), OrderSwap.fromModelSide(asB, false));
    boolean stored = judgments.add(JudgmentSource.run(runId), runId, judgeSample, new Judgment(key.taskId(),
        key.contestant(), opponent, grader, GraderType.MODEL, outcome.get(), key.sample(),
        task.occupation().title(), task.sector(), null, rationale, showing), clock.instant(), onlyIf);
    if (!stored) {
      return Result.REFUSED;
    }
    tally.judgmentsMade.incrementAndGet();
    return Result.MADE;
  }

  /** One judgment's pair of deliverables' files, and its calls answered so far, by order. */
  private record Pair(Task task, Attempt attempt, String opponent, int judgeSample, String grader,
      List<DeliverableContent.File> model, List<DeliverableContent.File> other,
      Map<JudgeCallOrder, JudgmentStore.JudgeCall> done) {}

  /**
   * One order's call: the stored answer when a resume has it, else a new call (asked again if
   * invalid), recorded whether it has a verdict or not. Null when no call was made (the judge
   * stopped, the budget is used up): that is left for the next pass.
   */
  private JudgmentStore.JudgeCall order(Pair pair, JudgeCallOrder order, Order modelShown) {
    boolean modelIsA = modelShown == Order.FIRST;
    if (pair.done().containsKey(order)) {
      return pair.done().get(order);
    }
    Task task = pair.task();
    var key = pair.attempt().key();
    // Each side is drawn under its own label: the same file shown as A and then as B is named so.
    JudgeMaterials.Shown references = materials.references(task);
    JudgeMaterials.Shown a = materials.deliverable("A", modelIsA ? pair.model() : pair.other());
    JudgeMaterials.Shown b = materials.deliverable("B", modelIsA ? pair.other() : pair.model());
    String prompt = JudgePrompt.PAIRWISE.render(Map.of(
        "occupation", task.occupation().title(), "sector", task.sector(),
        "requester", Optional.ofNullable(task.request().from()).orElse("the requester"),
        "request", task.request().text(), "references", references.text(),
        "deliverable_a", a.text(), "deliverable_b", b.text()));
    List<Attachment> attachments = new ArrayList<>(references.attachments());
    attachments.addAll(a.attachments());
    attachments.addAll(b.attachments());
    Judge.Asked<JudgeOutput.Pairwise> asked = judge.ask(key.taskId(),
        pair.judgeSample() * 100 + orderIndex(order) * 10, prompt, attachments,
        references.imageTokens() + a.imageTokens() + b.imageTokens(), JudgeOutput::pairwise);
    if (asked.status() == Judge.Status.NOT_ASKED) {
      return null;
    }
    boolean answered = asked.status() == Judge.Status.ANSWERED;
    JudgmentStore.JudgeCall call = new JudgmentStore.JudgeCall(runId, key.taskId(), key.model(), pair.opponent(),
        key.sample(), pair.grader(), pair.judgeSample(), order, answered ? asked.verdict().verdict() : null,
        answered ? asked.verdict().rationale() : null,
        answered ? JudgeCallStatus.ANSWERED
            : asked.status() == Judge.Status.INVALID_OUTPUT ? JudgeCallStatus.INVALID_OUTPUT : JudgeCallStatus.FAILED,
        asked.error(), asked.httpAttempts(), asked.costUsd(), clock.instant(),
        materials.inputs(List.of(references, a, b)));
    judgments.recordCall(call);
    return call;
  }

  private static boolean answered(JudgmentStore.JudgeCall call) {
    return call != null && call.answered();
  }

  /**
   * Counts one judge failure for a judgment when one of its calls was made and has no verdict;
   * otherwise a call was not made (the judge stopped).
   */
  private Result countFailure(JudgmentStore.JudgeCall... calls) {
    for (JudgmentStore.JudgeCall call : calls) {
      if (call != null && !answered(call)) {
        tally.judgeFailures.incrementAndGet();
        return Result.FAILED;
      }
    }
    return Result.NOT_ASKED;
  }

  private static int orderIndex(JudgeCallOrder order) {
    return switch (order) {
      case MODEL_FIRST -> 0;
      case MODEL_SECOND -> 1;
      case THIRD -> 2;
    };
  }
}
