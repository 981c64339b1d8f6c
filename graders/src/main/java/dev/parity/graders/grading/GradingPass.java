package dev.parity.graders.grading;

import dev.parity.core.ParityException;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.graders.pages.PageCache;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.CriterionScore;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.time.Clock;
import java.time.Duration;
import dev.parity.harness.store.AttemptKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One grading pass over a run: {@link RubricGrading rubric scores} for every completed attempt and
 * for the professional's baseline (deterministic checks, and a model judge for criteria without
 * one), and {@link PairwiseJudging pairwise judgments} of each attempt against the baseline, made
 * in both orders. Every judge call goes through the harness's one call path ({@link ModelCaller})
 * under the pass's budget.
 *
 * <p>Resumable: what is already stored (a score, a judgment, an answered judge call) is never
 * requested again, so running the same pass twice costs nothing the second time. A judge that
 * answers with something other than its verdict JSON is asked again, and after
 * {@link #INVALID_OUTPUT_RETRIES} more tries the criterion or judgment is recorded as a judge
 * failure — never as a zero or a loss. Reproducible: the one random choice (the order of a third
 * call) comes from {@link Options#seed()}, which the judgment's rationale records.
 */
public final class GradingPass {
  /** Extra calls after a judge answer that is not a valid verdict. */
  public static final int INVALID_OUTPUT_RETRIES = 2;

  /** The seed when none is given: the same as the report's, so that a default pass is reproducible. */
  public static final long DEFAULT_SEED = 20250925L;

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
   * @param seed decides every random choice of the pass (the order of a third call): the same seed
   *     gives the same judgments
   * @param pages the page budget of each file a judge that reads images is shown: how many pages,
   *     how large
   */
  public record Options(boolean rubric, boolean pairwise, List<List<String>> pairs, int samplesPerJudgment,
      OrderSwap.Disagreement disagreement, Double budgetUsd, int concurrency, Duration timeout, long seed,
      PageOptions pages) {
    public Options {
      Objects.requireNonNull(pages, "pages");
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

    /** These options with the default page budget, {@link PageOptions#DEFAULT}. */
    public Options(boolean rubric, boolean pairwise, List<List<String>> pairs, int samplesPerJudgment,
        OrderSwap.Disagreement disagreement, Double budgetUsd, int concurrency, Duration timeout, long seed) {
      this(rubric, pairwise, pairs, samplesPerJudgment, disagreement, budgetUsd, concurrency, timeout, seed,
          PageOptions.DEFAULT);
    }

    /** These options with the default seed, {@link #DEFAULT_SEED}, and page budget. */
    public Options(boolean rubric, boolean pairwise, List<List<String>> pairs, int samplesPerJudgment,
        OrderSwap.Disagreement disagreement, Double budgetUsd, int concurrency, Duration timeout) {
      this(rubric, pairwise, pairs, samplesPerJudgment, disagreement, budgetUsd, concurrency, timeout, DEFAULT_SEED);
    }
  }

  /**
   * What a pass did.
   *
   * @param skipped one note per kind of work left out because a task lacks what it needs (a rubric,
   *     a baseline), naming how many tasks; empty when nothing was skipped
   */
  /**
   * @param takenOver on PostgreSQL, the pass's judgments taken over from workers whose lease ran out
   *     (by anyone): each may have cost the judge calls that worker had in flight, unrecorded
   */
  public record Summary(int judgmentsMade, int judgmentsKept, int judgeFailures, int scoresByCheck,
      int scoresByJudge, int scoresKept, int criteriaWithoutGrader, double costUsd, String stopReason,
      List<String> skipped, int takenOver) {
    public Summary {
      skipped = List.copyOf(skipped);
    }
  }

  private final Store store;
  private final Suite suite;
  private final String runId;
  private final Options options;
  private final Judge judge;
  private final Tally tally = new Tally();
  private final RubricGrading rubric;
  private final PairwiseJudging pairwise;
  private final DeliverableTexts texts;

  /**
   * What a pass would ask its judge, counted without asking ({@code parity grade --dry-run}).
   *
   * @param calls the judge calls it would make, one try each; third calls of split judgments,
   *     which depend on the verdicts, are not counted
   * @param textTokens the prompts' estimated input tokens (four characters a token)
   * @param imageTokens the page images' and PDFs' input tokens, by the judge's provider formula
   *     ({@link dev.parity.harness.client.ImageTokens})
   * @param attachments the page images and PDFs sent in all
   * @param costUsd the estimated cost at the judge's price, answers counted at
   *     {@value Judge#ANSWER_TOKENS} tokens (or the judge's maximum); null without a price
   */
  public record Estimate(long calls, long textTokens, long imageTokens, long attachments, Double costUsd) {}

  /**
   * @param judge the model judge, or null to grade with deterministic checks only
   * @param judgeSpec the judge's model spec, part of every judgment's grader identity
   * @param renderer draws the pages a judge that reads images is shown (see {@link JudgeMaterials});
   *     formats it does not handle go as text
   */
  public GradingPass(Store store, Suite suite, String runId, ModelCaller judge, String judgeSpec,
      PageRenderer renderer, Clock clock, Options options) {
    this(store, suite, runId, judge, judgeSpec, renderer, clock, options, null);
  }

  /**
   * What grading the run with {@code options} would ask {@code judge}: every question is built
   * (pages drawn, and kept in the page cache for the pass that follows) and counted; none is sent,
   * no judgment or score is stored.
   */
  public static Estimate estimate(Store store, Suite suite, String runId, ModelCaller judge, String judgeSpec,
      PageRenderer renderer, Options options) throws InterruptedException {
    return estimate(store, suite, runId, judge, judgeSpec, renderer, options, null);
  }

  /** What grading the tasks {@code taskIds} of the run would ask (null for every task); see above. */
  public static Estimate estimate(Store store, Suite suite, String runId, ModelCaller judge, String judgeSpec,
      PageRenderer renderer, Options options, Set<String> taskIds) throws InterruptedException {
    Judge.DryRun counts = new Judge.DryRun();
    GradingPass pass = new GradingPass(store, suite, runId, Objects.requireNonNull(judge, "judge"), judgeSpec,
        renderer, Clock.systemUTC(), options, counts);
    pass.grade(taskIds);
    Double cost = pass.judge.estimatedCostUsd(counts.calls.get(), counts.textTokens.get() + counts.imageTokens.get())
        .orElse(null);
    return new Estimate(counts.calls.get(), counts.textTokens.get(), counts.imageTokens.get(),
        counts.attachments.get(), cost);
  }

  private GradingPass(Store store, Suite suite, String runId, ModelCaller judge, String judgeSpec,
      PageRenderer renderer, Clock clock, Options options, Judge.DryRun dryRun) {
    if ((options.pairwise() || !options.pairs().isEmpty()) && judge == null) {
      throw new ParityException("pairwise judging needs a judge: give --judge PROVIDER:MODEL");
    }
    this.store = store;
    this.suite = suite;
    this.runId = runId;
    this.options = options;
    this.judge = judge == null ? null
        : new Judge(judge, judgeSpec, Budget.of(options.budgetUsd(), 0), options.timeout(), dryRun);
    this.texts = new DeliverableTexts(store);
    JudgmentStore judgments = new JudgmentStore(store.database());
    JudgeMaterials materials = judge == null ? null
        : new JudgeMaterials(store.blobs(), new PageCache(store.database(), clock),
            Objects.requireNonNull(renderer, "renderer"), options.pages(), judge.config());
    this.rubric = new RubricGrading(judgments, runId, this.judge, clock, tally, materials);
    this.pairwise = this.judge == null ? null : new PairwiseJudging(judgments, runId, this.judge,
        options.disagreement(), options.seed(), clock, tally, this::task, texts, materials);
  }

  /** Grades the run; blocks until every piece of work has ended or the budget stopped it. */
  public Summary grade() throws InterruptedException {
    return grade(null);
  }

  /**
   * Grades the attempts of the tasks {@code taskIds} only (a task selection); null for every task.
   * Blocks until every piece of work has ended or the budget stopped it.
   */
  public Summary grade(Set<String> taskIds) throws InterruptedException {
    Plan plan = plan(taskIds);
    Map<AttemptKey, Attempt> attempts = byKey(plan.attempts());
    List<Runnable> work = new ArrayList<>(plan.rubric());
    plan.judgments().forEach(unit -> work.add(() -> judge(unit, attempts, h -> true)));
    WorkQueue.runAll(work, options.concurrency());
    return summary(plan.skipped(), 0);
  }

  /**
   * Grades as {@link #grade(Set)} does, with the pairwise judgments as units of work in {@code
   * queue} (a PostgreSQL store) that {@code parity worker} processes claim too: queues them as the
   * job {@code job}, makes the rubric scores here, then works the job until no judgment is left
   * to claim and none is held (by a worker elsewhere) or this pass stopped.
   */
  public Summary grade(Set<String> taskIds, JudgmentWork queue, JudgmentWork.Job job) throws InterruptedException {
    Plan plan = plan(taskIds);
    if (plan.judgments().isEmpty()) {
      WorkQueue.runAll(plan.rubric(), options.concurrency());
      return summary(plan.skipped(), 0);
    }
    String jobId = queue.enqueue(job, plan.judgments());
    WorkQueue.runAll(plan.rubric(), options.concurrency());
    work(queue, jobId, byKey(plan.attempts()));
    return summary(plan.skipped(), queue.progress(jobId).expiredLeases());
  }

  /**
   * Makes the judgments of the job {@code jobId} in {@code queue} that this process can claim, as
   * many at a time as the options' concurrency, each recorded only under its latest lease, which
   * this pass renews every third of a lease meanwhile. Returns once none is left (or held
   * elsewhere) or the judge stopped; a worker's part of a grading pass.
   */
  public Summary work(JudgmentWork queue, String jobId) throws InterruptedException {
    work(queue, jobId, byKey(store.attempts(runId)));
    return summary(List.of(), queue.progress(jobId).expiredLeases());
  }

  private void work(JudgmentWork queue, String jobId, Map<AttemptKey, Attempt> attempts) throws InterruptedException {
    long third = Math.max(1, queue.lease().toMillis() / 3);
    ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor();
    renewer.scheduleAtFixedRate(() -> renew(queue), third, third, TimeUnit.MILLISECONDS);
    try {
      while (judge.stopReason() == null) {
        List<JudgmentWork.Claim> claims = queue.claim(jobId, options.concurrency());
        if (claims.isEmpty()) {
          if (queue.progress(jobId).drained()) {
            return;
          }
          // The rest is held elsewhere: wait for it to be made, or for a dead holder's lease to run out.
          Thread.sleep(Math.min(third, 1000));
          continue;
        }
        WorkQueue.runAll(claims.stream().<Runnable>map(claim -> () -> settle(queue, claim,
            judge(claim.unit(), attempts, queue.completion(claim)))).toList(), options.concurrency());
      }
    } finally {
      renewer.shutdownNow();
    }
  }

  private static void renew(JudgmentWork queue) {
    try {
      queue.renew();
    } catch (RuntimeException e) {
      // A failed renewal (a lost connection) must not end the renewals: the next one extends the lease.
    }
  }

  /** Marks a claimed judgment done, or gives it back, as it went; a made one was marked when stored. */
  private static void settle(JudgmentWork queue, JudgmentWork.Claim claim, PairwiseJudging.Result result) {
    switch (result) {
      case KEPT, FAILED -> queue.complete(claim);
      case NOT_ASKED -> queue.release(List.of(claim));
      case MADE, REFUSED -> { }
    }
  }

  private PairwiseJudging.Result judge(JudgmentWork.Unit unit, Map<AttemptKey, Attempt> attempts,
      dev.parity.store.Database.Work<Boolean> onlyIf) {
    Attempt attempt = attempt(attempts, unit.model(), unit);
    Attempt opponent = unit.opponent().equals(Judgment.BASELINE) ? null : attempt(attempts, unit.opponent(), unit);
    return pairwise.judge(attempt, unit.judgeSample(), unit.opponent(), opponent, onlyIf);
  }

  private Attempt attempt(Map<AttemptKey, Attempt> attempts, String model, JudgmentWork.Unit unit) {
    Attempt attempt = attempts.get(new AttemptKey(runId, model, unit.taskId(), unit.sample()));
    if (attempt == null || attempt.status() != AttemptStatus.COMPLETED) {
      throw new ParityException("run " + runId + " has no completed attempt of task " + unit.taskId() + " by "
          + model + " (sample " + unit.sample() + ") to judge");
    }
    return attempt;
  }

  private static Map<AttemptKey, Attempt> byKey(List<Attempt> attempts) {
    Map<AttemptKey, Attempt> byKey = new HashMap<>();
    attempts.forEach(a -> byKey.put(a.key(), a));
    return byKey;
  }

  /** What a pass does: its completed attempts, rubric pieces, judgments to make, and notes on what it skips. */
  private record Plan(List<Attempt> attempts, List<Runnable> rubric, List<JudgmentWork.Unit> judgments,
      List<String> skipped) {}

  private Plan plan(Set<String> taskIds) {
    List<Attempt> attempts = store.attempts(runId).stream()
        .filter(a -> a.status() == AttemptStatus.COMPLETED)
        .filter(a -> taskIds == null || taskIds.contains(a.key().taskId())).toList();
    List<Runnable> work = new ArrayList<>();
    List<JudgmentWork.Unit> units = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    if (options.rubric()) {
      skipped.addAll(skipNote(attempts, Task::hasRubric, "rubric grading", "a rubric"));
      attempts.stream().map(a -> a.key().taskId()).distinct().filter(id -> task(id).hasBaseline()
          && task(id).hasRubric()).forEach(id ->
          work.add(() -> rubric.grade(task(id), CriterionScore.BASELINE, 0, DeliverableTexts.baselineFiles(task(id)))));
      for (Attempt attempt : attempts.stream().filter(a -> task(a.key().taskId()).hasRubric()).toList()) {
        work.add(() -> rubric.grade(task(attempt.key().taskId()), attempt.key().model(), attempt.key().sample(),
            texts.attemptFiles(attempt.key())));
      }
    }
    if (options.pairwise()) {
      skipped.addAll(skipNote(attempts, Task::hasBaseline, "pairwise judging against the baseline",
          "a human deliverable"));
      for (Attempt attempt : attempts.stream().filter(a -> task(a.key().taskId()).hasBaseline()).toList()) {
        units.addAll(repeated(attempt, Judgment.BASELINE));
      }
    }
    for (List<String> pair : options.pairs()) {
      for (Attempt attempt : attempts) {
        boolean opponentMade = attempts.stream().anyMatch(o -> o.key().model().equals(pair.get(1))
            && o.key().taskId().equals(attempt.key().taskId()) && o.key().sample() == attempt.key().sample());
        if (attempt.key().model().equals(pair.get(0)) && opponentMade) {
          units.addAll(repeated(attempt, pair.get(1)));
        }
      }
    }
    return new Plan(attempts, work, units, skipped);
  }

  /** The judgments of {@code attempt} against {@code opponent}, one per judge sample. */
  private List<JudgmentWork.Unit> repeated(Attempt attempt, String opponent) {
    AttemptKey key = attempt.key();
    return java.util.stream.IntStream.range(0, options.samplesPerJudgment())
        .mapToObj(n -> new JudgmentWork.Unit(key.taskId(), key.model(), opponent, key.sample(), n)).toList();
  }

  private Summary summary(List<String> skipped, int takenOver) {
    return new Summary(tally.judgmentsMade.get(), tally.judgmentsKept.get(), tally.judgeFailures.get(),
        tally.scoresByCheck.get(), tally.scoresByJudge.get(), tally.scoresKept.get(), tally.withoutGrader.get(),
        judge == null ? 0 : judge.spentUsd(), judge == null ? null : judge.stopReason(), skipped, takenOver);
  }

  /** A note on the attempted tasks that lack what some grading needs; empty when none does. */
  private List<String> skipNote(List<Attempt> attempts, java.util.function.Predicate<Task> has, String what,
      String needed) {
    long without = attempts.stream().map(a -> a.key().taskId()).distinct().filter(id -> !has.test(task(id))).count();
    return without == 0 ? List.of()
        : List.of(what + " skipped " + without + (without == 1 ? " task" : " tasks") + " without " + needed);
  }

  /** The grader identity of the pairwise judge: its spec and the prompt's version. */
  public String pairwiseGrader() {
    return PairwiseJudging.grader(judge == null ? null : judge.spec());
  }

  /** The grader identity of the rubric judge. */
  public String rubricGrader() {
    return RubricGrading.grader(judge == null ? null : judge.spec());
  }

  private Task task(String id) {
    return suite.task(id).orElseThrow(() -> new ParityException(
        "task " + id + " of run " + runId + " is not in suite " + suite.root()));
  }
}
