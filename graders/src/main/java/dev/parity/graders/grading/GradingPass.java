package dev.parity.graders.grading;

import dev.parity.core.ParityException;
import dev.parity.graders.judge.InvalidJudgeOutputException;
import dev.parity.graders.judge.JudgeOutput;
import dev.parity.graders.judge.JudgePrompt;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.graders.judge.PairwiseVerdict;
import dev.parity.graders.judgment.GraderType;
import dev.parity.graders.judgment.Judgment;
import dev.parity.graders.judgment.JudgmentStore;
import dev.parity.graders.rubric.CheckResult;
import dev.parity.graders.rubric.Checks;
import dev.parity.graders.rubric.CriterionScore;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.run.ModelCaller;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.judgments.JudgmentSource;
import dev.parity.judgments.Outcome;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * One grading pass over a run: rubric scores for every completed attempt and for the
 * professional's baseline (deterministic checks, and a model judge for criteria without one), and
 * pairwise judgments of each attempt against the baseline, made in both orders.
 *
 * <p>Resumable: what is already stored (a score, a judgment, an answered judge call) is never
 * requested again, so running the same pass twice costs nothing the second time. A judge that
 * answers with something other than its verdict JSON is asked again, and after
 * {@link #INVALID_OUTPUT_RETRIES} more tries the criterion or judgment is recorded as a judge
 * failure — never as a zero or a loss.
 */
public final class GradingPass {
  /** Extra calls after a judge answer that is not a valid verdict. */
  public static final int INVALID_OUTPUT_RETRIES = 2;

  /**
   * What to grade, and how.
   *
   * @param rubric grade rubric criteria (checks always; the others with the judge, if any)
   * @param pairwise judge each attempt against the baseline (needs a judge)
   * @param pairs model-against-model pairs to judge too, each {@code [model, opponent]}, for
   *     ratings among models: the same task and sample of both are compared
   * @param samplesPerJudgment how many times to repeat each pairwise judgment (judge samples)
   * @param disagreement what to do when the two orders disagree outright
   * @param budgetUsd no new judge work starts once this much was spent; null for no limit
   * @param concurrency how many pieces of work run at once (the judge's own limits still apply)
   * @param timeout the longest one judge call may take
   */
  public record Options(boolean rubric, boolean pairwise, List<List<String>> pairs, int samplesPerJudgment,
      OrderSwap.Disagreement disagreement, Double budgetUsd, int concurrency, Duration timeout) {
    public Options {
      pairs = pairs == null ? List.of() : List.copyOf(pairs);
      for (List<String> pair : pairs) {
        if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
          throw new IllegalArgumentException("a pair names two different models, not " + pair);
        }
      }
      if (samplesPerJudgment < 1) {
        throw new IllegalArgumentException("samples per judgment must be at least 1");
      }
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1");
      }
    }
  }

  /** What a pass did. */
  public record Summary(int judgmentsMade, int judgmentsKept, int judgeFailures, int scoresByCheck,
      int scoresByJudge, int scoresKept, int criteriaWithoutGrader, double costUsd, String stopReason) {}

  private final Store store;
  private final JudgmentStore judgments;
  private final Suite suite;
  private final String runId;
  private final ModelCaller judge;
  private final String judgeName;
  private final Clock clock;
  private final Random random;
  private final Options options;
  private final DeliverableTexts texts;

  private final AtomicInteger judgmentsMade = new AtomicInteger();
  private final AtomicInteger judgmentsKept = new AtomicInteger();
  private final AtomicInteger judgeFailures = new AtomicInteger();
  private final AtomicInteger scoresByCheck = new AtomicInteger();
  private final AtomicInteger scoresByJudge = new AtomicInteger();
  private final AtomicInteger scoresKept = new AtomicInteger();
  private final AtomicInteger withoutGrader = new AtomicInteger();
  private final DoubleAdder spent = new DoubleAdder();
  private volatile String stopReason;

  /**
   * @param judge the model judge, or null to grade with deterministic checks only
   * @param judgeSpec the judge's model spec, part of every judgment's grader identity
   */
  public GradingPass(Store store, Suite suite, String runId, ModelCaller judge, String judgeSpec, Clock clock,
      Random random, Options options) {
    this.store = store;
    this.judgments = new JudgmentStore(store);
    this.suite = suite;
    this.runId = runId;
    this.judge = judge;
    this.judgeName = judgeSpec;
    this.clock = clock;
    this.random = random;
    this.options = options;
    this.texts = new DeliverableTexts(store);
    if ((options.pairwise() || !options.pairs().isEmpty()) && judge == null) {
      throw new ParityException("pairwise judging needs a judge: give --judge PROVIDER:MODEL");
    }
  }

  /** The grader identity of the pairwise judge: its spec and the prompt's version. */
  public String pairwiseGrader() {
    return judgeName + " " + JudgePrompt.PAIRWISE.version();
  }

  /** The grader identity of the rubric judge. */
  public String rubricGrader() {
    return judgeName + " " + JudgePrompt.RUBRIC_CRITERION.version();
  }

  /** Grades the run; blocks until every piece of work has ended or the budget stopped it. */
  public Summary grade() throws InterruptedException {
    List<Attempt> attempts = store.attempts(runId).stream()
        .filter(a -> a.status() == AttemptStatus.COMPLETED).toList();
    List<Runnable> work = new ArrayList<>();
    if (options.rubric()) {
      attempts.stream().map(a -> a.key().taskId()).distinct().forEach(id ->
          work.add(() -> gradeRubric(task(id), CriterionScore.BASELINE, 0, DeliverableTexts.baselineFiles(task(id)))));
      for (Attempt attempt : attempts) {
        work.add(() -> gradeRubric(task(attempt.key().taskId()), attempt.key().model(), attempt.key().sample(),
            texts.attemptFiles(attempt.key())));
      }
    }
    if (options.pairwise()) {
      for (Attempt attempt : attempts) {
        for (int judgeSample = 0; judgeSample < options.samplesPerJudgment(); judgeSample++) {
          int repetition = judgeSample;
          work.add(() -> judgePair(attempt, repetition, Judgment.BASELINE, null));
        }
      }
    }
    for (List<String> pair : options.pairs()) {
      for (Attempt attempt : attempts) {
        if (!attempt.key().model().equals(pair.get(0))) {
          continue;
        }
        Optional<Attempt> opponent = attempts.stream().filter(o -> o.key().model().equals(pair.get(1))
            && o.key().taskId().equals(attempt.key().taskId()) && o.key().sample() == attempt.key().sample()).findFirst();
        for (int judgeSample = 0; judgeSample < options.samplesPerJudgment() && opponent.isPresent(); judgeSample++) {
          int repetition = judgeSample;
          work.add(() -> judgePair(attempt, repetition, pair.get(1), opponent.get()));
        }
      }
    }
    ExecutorService executor = Executors.newFixedThreadPool(options.concurrency());
    try {
      List<Future<?>> futures = work.stream().<Future<?>>map(executor::submit).toList();
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new ParityException("grading failed", e.getCause());
        }
      }
    } finally {
      executor.shutdownNow();
    }
    return new Summary(judgmentsMade.get(), judgmentsKept.get(), judgeFailures.get(), scoresByCheck.get(),
        scoresByJudge.get(), scoresKept.get(), withoutGrader.get(), spent.sum(), stopReason);
  }

  private Task task(String id) {
    return suite.task(id).orElseThrow(() -> new ParityException(
        "task " + id + " of run " + runId + " is not in suite " + suite.root()));
  }

  private boolean overBudget() {
    if (options.budgetUsd() != null && spent.sum() >= options.budgetUsd()) {
      stopReason = "budget";
      return true;
    }
    return judge != null && judge.stopped() && (stopReason = judge.stopMessage()) != null;
  }

  private void gradeRubric(Task task, String subject, int sample, List<DeliverableContent.File> files) {
    Map<String, Boolean> stored = new java.util.HashMap<>();
    for (JudgmentStore.StoredScore score : judgments.scores(runId)) {
      if (score.score().taskId().equals(task.id()) && score.score().subject().equals(subject)
          && score.score().sample() == sample && score.scored()) {
        stored.put(score.score().criterionId() + "\u0000" + score.score().grader(), true);
      }
    }
    DeliverableContent content = DeliverableContent.of(files);
    String deliverableText = null;
    for (Criterion criterion : task.rubric()) {
      if (criterion.check() != null) {
        if (stored.containsKey(criterion.id() + "\u0000" + CriterionScore.CHECK)) {
          scoresKept.incrementAndGet();
          continue;
        }
        CheckResult result = Checks.parse(criterion.check()).evaluate(content);
        judgments.addScore(runId, new CriterionScore(task.id(), subject, sample, criterion.id(), criterion.points(),
            result.met() ? 1 : 0, CriterionScore.CHECK, result.evidence()), "scored", null, clock.instant());
        scoresByCheck.incrementAndGet();
      } else if (judge == null) {
        withoutGrader.incrementAndGet();
      } else if (stored.containsKey(criterion.id() + "\u0000" + rubricGrader())) {
        scoresKept.incrementAndGet();
      } else if (!overBudget()) {
        if (deliverableText == null) {
          deliverableText = DeliverableTexts.forJudge(files);
        }
        judgeCriterion(task, subject, sample, criterion, deliverableText);
      }
    }
  }

  private void judgeCriterion(Task task, String subject, int sample, Criterion criterion, String deliverable) {
    String prompt = JudgePrompt.RUBRIC_CRITERION.render(Map.of(
        "occupation", task.occupation().title(), "sector", task.sector(),
        "requester", Optional.ofNullable(task.request().from()).orElse("the requester"),
        "request", task.request().text(), "references", DeliverableTexts.references(task),
        "deliverable", deliverable, "points", format(criterion.points()), "criterion", criterion.criterion()));
    double cost = 0;
    String error = null;
    for (int call = 0; call <= INVALID_OUTPUT_RETRIES; call++) {
      ModelCaller.Result result = call(task.id(), sample * 100 + call, prompt);
      cost += cost(result);
      if (!result.answered()) {
        error = result.failure().getMessage();
        break;
      }
      try {
        JudgeOutput.Rubric verdict = JudgeOutput.rubric(result.answer().text());
        judgments.addScore(runId, new CriterionScore(task.id(), subject, sample, criterion.id(), criterion.points(),
            verdict.verdict().share(), rubricGrader(), verdict.rationale()), "scored", cost, clock.instant());
        scoresByJudge.incrementAndGet();
        return;
      } catch (InvalidJudgeOutputException e) {
        error = "invalid judge output: " + e.getMessage();
      }
    }
    judgments.addScore(runId, new CriterionScore(task.id(), subject, sample, criterion.id(), criterion.points(), 0,
        rubricGrader(), error), "judge_failure", cost, clock.instant());
    judgeFailures.incrementAndGet();
  }

  /**
   * Judges {@code attempt} against the baseline ({@code opponentAttempt} null) or against another
   * model's attempt of the same task and sample.
   */
  private void judgePair(Attempt attempt, int judgeSample, String opponent, Attempt opponentAttempt) {
    var key = attempt.key();
    String grader = pairwiseGrader();
    if (judgments.hasJudgment(runId, key.taskId(), key.model(), opponent, key.sample(), grader, judgeSample)) {
      judgmentsKept.incrementAndGet();
      return;
    }
    if (overBudget()) {
      return;
    }
    Task task = task(key.taskId());
    String model = DeliverableTexts.forJudge(texts.attemptFiles(key));
    String other = DeliverableTexts.forJudge(opponentAttempt == null ? DeliverableTexts.baselineFiles(task)
        : texts.attemptFiles(opponentAttempt.key()));
    Map<String, JudgmentStore.JudgeCall> done = new java.util.HashMap<>();
    judgments.calls(runId, key.taskId(), key.model(), opponent, key.sample(), grader, judgeSample).stream()
        .filter(c -> "answered".equals(c.status())).forEach(c -> done.put(c.order(), c));
    Optional<JudgmentStore.JudgeCall> first = order(task, attempt, opponent, judgeSample, "model_first", true, model, other, done);
    Optional<JudgmentStore.JudgeCall> second = order(task, attempt, opponent, judgeSample, "model_second", false, model, other, done);
    if (first.isEmpty() || second.isEmpty()) {
      judgeFailures.incrementAndGet();
      return;
    }
    PairwiseVerdict asA = PairwiseVerdict.valueOf(first.get().verdict());
    PairwiseVerdict asB = PairwiseVerdict.valueOf(second.get().verdict());
    Optional<Outcome> outcome = OrderSwap.combine(asA, asB, options.disagreement());
    String rationale = "model as A: " + first.get().rationale() + "\nmodel as B: " + second.get().rationale();
    if (outcome.isEmpty()) {
      boolean modelFirst = random.nextBoolean();
      Optional<JudgmentStore.JudgeCall> third = order(task, attempt, opponent, judgeSample, "third", modelFirst, model, other, done);
      if (third.isEmpty()) {
        judgeFailures.incrementAndGet();
        return;
      }
      outcome = Optional.of(OrderSwap.fromModelSide(PairwiseVerdict.valueOf(third.get().verdict()), modelFirst));
      rationale += "\nthird call (model as " + (modelFirst ? "A" : "B") + "): " + third.get().rationale();
    }
    judgments.add(JudgmentSource.run(runId), runId, judgeSample, new Judgment(key.taskId(), key.model(),
        opponent, grader, GraderType.MODEL, outcome.get(), key.sample(), task.occupation().title(),
        task.sector(), null, rationale), clock.instant());
    judgmentsMade.incrementAndGet();
  }

  /** One order's call: the stored answer when a resume has it, else a new call (retried if invalid). */
  private Optional<JudgmentStore.JudgeCall> order(Task task, Attempt attempt, String opponent, int judgeSample,
      String order, boolean modelIsA, String model, String other, Map<String, JudgmentStore.JudgeCall> done) {
    if (done.containsKey(order)) {
      return Optional.of(done.get(order));
    }
    var key = attempt.key();
    String prompt = JudgePrompt.PAIRWISE.render(Map.of(
        "occupation", task.occupation().title(), "sector", task.sector(),
        "requester", Optional.ofNullable(task.request().from()).orElse("the requester"),
        "request", task.request().text(), "references", DeliverableTexts.references(task),
        "deliverable_a", modelIsA ? model : other, "deliverable_b", modelIsA ? other : model));
    double cost = 0;
    int calls = 0;
    String status = "failed";
    String error = null;
    for (int call = 0; call <= INVALID_OUTPUT_RETRIES; call++) {
      ModelCaller.Result result = call(key.taskId(), judgeSample * 100 + orderIndex(order) * 10 + call, prompt);
      cost += cost(result);
      calls += result.httpAttempts();
      if (!result.answered()) {
        error = result.failure().getMessage();
        status = "failed";
        break;
      }
      try {
        JudgeOutput.Pairwise verdict = JudgeOutput.pairwise(result.answer().text());
        JudgmentStore.JudgeCall answered = new JudgmentStore.JudgeCall(runId, key.taskId(), key.model(),
            opponent, key.sample(), pairwiseGrader(), judgeSample, order, verdict.verdict().name(),
            verdict.rationale(), "answered", null, calls, cost, clock.instant());
        judgments.recordCall(answered);
        return Optional.of(answered);
      } catch (InvalidJudgeOutputException e) {
        status = "invalid_output";
        error = e.getMessage();
      }
    }
    judgments.recordCall(new JudgmentStore.JudgeCall(runId, key.taskId(), key.model(), opponent,
        key.sample(), pairwiseGrader(), judgeSample, order, null, null, status, error, calls, cost, clock.instant()));
    return Optional.empty();
  }

  private static int orderIndex(String order) {
    return switch (order) {
      case "model_first" -> 0;
      case "model_second" -> 1;
      default -> 2;
    };
  }

  private ModelCaller.Result call(String taskId, int sample, String prompt) {
    ModelRequest request = new ModelRequest(taskId, sample, "", prompt, List.of(), List.of(), options.timeout());
    try {
      return judge.call(request, prompt.length() / 4 + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException("grading interrupted", e);
    }
  }

  private double cost(ModelCaller.Result result) {
    ModelAnswer answer = result.answer();
    double cost = answer == null || answer.record().costUsd() == null ? 0 : answer.record().costUsd();
    spent.add(cost);
    return cost;
  }

  private static String format(double points) {
    return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
  }
}
