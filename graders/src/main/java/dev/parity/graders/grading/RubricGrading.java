package dev.parity.graders.grading;

import dev.parity.graders.judge.JudgeOutput;
import dev.parity.graders.judge.JudgePrompt;
import dev.parity.judgments.JudgmentStore;
import dev.parity.graders.rubric.CheckResult;
import dev.parity.graders.rubric.Checks;
import dev.parity.judgments.CriterionScore;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Task;
import dev.parity.harness.client.Attachment;
import dev.parity.judgments.JudgeInputs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rubric grading of one run's deliverables: each criterion with a check is scored by the check,
 * each other criterion by the model judge (when there is one). A score already stored is kept; a
 * judge that never gives a valid verdict is recorded as a judge failure, never as a zero.
 *
 * <p>Thread-safe: one instance grades many deliverables at once.
 */
final class RubricGrading {
  private final JudgmentStore judgments;
  private final String runId;
  private final Judge judge;
  private final Clock clock;
  private final Tally tally;
  private final JudgeMaterials materials;

  /**
   * @param judge the judge of criteria without a check; null to grade checks only
   * @param materials how the judge is shown files; null when there is no judge
   */
  RubricGrading(JudgmentStore judgments, String runId, Judge judge, Clock clock, Tally tally,
      JudgeMaterials materials) {
    this.judgments = judgments;
    this.runId = runId;
    this.judge = judge;
    this.clock = clock;
    this.tally = tally;
    this.materials = materials;
  }

  /** The grader identity of the rubric judge: its spec and the prompt's version. */
  static String grader(String judgeSpec) {
    return judgeSpec + " " + JudgePrompt.RUBRIC_CRITERION.version();
  }

  /** Grades one deliverable ({@code subject} is a model or {@link CriterionScore#BASELINE}). */
  void grade(Task task, String subject, int sample, List<DeliverableContent.File> files) {
    String judgeGrader = judge == null ? null : grader(judge.spec());
    Set<String> stored = new HashSet<>();
    for (JudgmentStore.StoredScore score : judgments.scores(runId)) {
      if (score.score().taskId().equals(task.id()) && score.score().subject().equals(subject)
          && score.score().sample() == sample && score.scored()) {
        stored.add(score.score().criterionId() + "\u0000" + score.score().grader());
      }
    }
    DeliverableContent content = DeliverableContent.of(files);
    JudgeMaterials.Shown deliverable = null;
    for (Criterion criterion : task.rubric()) {
      if (criterion.check() != null) {
        if (judge != null && judge.dry()) {
          continue;  // a dry run counts judge calls and stores nothing; checks cost nothing
        }
        if (stored.contains(criterion.id() + "\u0000" + CriterionScore.CHECK)) {
          tally.scoresKept.incrementAndGet();
          continue;
        }
        CheckResult result = Checks.parse(criterion.check()).evaluate(content);
        judgments.addScore(runId, new CriterionScore(task.id(), subject, sample, criterion.id(), criterion.points(),
            result.met() ? 1 : 0, CriterionScore.CHECK, result.evidence()), "scored", null, clock.instant());
        tally.scoresByCheck.incrementAndGet();
      } else if (judge == null) {
        tally.withoutGrader.incrementAndGet();
      } else if (stored.contains(criterion.id() + "\u0000" + judgeGrader)) {
        tally.scoresKept.incrementAndGet();
      } else if (judge.mayStart()) {
        if (deliverable == null) {
          deliverable = materials.deliverable(null, files);
        }
        judgeCriterion(task, subject, sample, criterion, deliverable, judgeGrader);
      }
    }
  }

  private void judgeCriterion(Task task, String subject, int sample, Criterion criterion,
      JudgeMaterials.Shown deliverable, String grader) {
    JudgeMaterials.Shown references = materials.references(task);
    String prompt = JudgePrompt.RUBRIC_CRITERION.render(Map.of(
        "occupation", task.occupation().title(), "sector", task.sector(),
        "requester", Optional.ofNullable(task.request().from()).orElse("the requester"),
        "request", task.request().text(), "references", references.text(),
        "deliverable", deliverable.text(), "points", format(criterion.points()), "criterion", criterion.criterion()));
    List<Attachment> attachments = new ArrayList<>(references.attachments());
    attachments.addAll(deliverable.attachments());
    Judge.Asked<JudgeOutput.Rubric> asked = judge.ask(task.id(), sample * 100, prompt, attachments,
        references.imageTokens() + deliverable.imageTokens(), JudgeOutput::rubric);
    JudgeInputs inputs = materials.inputs(List.of(references, deliverable));
    switch (asked.status()) {
      case ANSWERED -> {
        judgments.addScore(runId, new CriterionScore(task.id(), subject, sample, criterion.id(), criterion.points(),
            asked.verdict().verdict().share(), grader, asked.verdict().rationale()), "scored", asked.costUsd(),
            clock.instant(), inputs);
        tally.scoresByJudge.incrementAndGet();
      }
      case INVALID_OUTPUT, FAILED -> {
        String error = asked.status() == Judge.Status.INVALID_OUTPUT
            ? "invalid judge output: " + asked.error() : asked.error();
        judgments.addScore(runId, new CriterionScore(task.id(), subject, sample, criterion.id(), criterion.points(),
            0, grader, error), "judge_failure", asked.costUsd(), clock.instant(), inputs);
        tally.judgeFailures.incrementAndGet();
      }
      case NOT_ASKED -> {
        // The judge stopped or the budget ran out: nothing is recorded, and the next pass asks.
      }
    }
  }

  private static String format(double points) {
    return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
  }
}
