package dev.parity.graders.judgment;

import dev.parity.judgments.Outcome;
import java.util.Objects;

/**
 * One grader's pairwise verdict: {@code model}'s deliverable for a task against an opponent's
 * (the human baseline, or another model's).
 *
 * @param taskId the task
 * @param model whose deliverable was compared
 * @param opponent what it was compared with: {@link #BASELINE} or another model's name
 * @param grader a pseudonymous grader id, or a judge spec
 * @param graderType human or model
 * @param outcome from {@code model}'s side
 * @param sample which sample of the model, from 0
 * @param occupation the task's occupation title
 * @param sector the task's sector
 * @param minutes the grader's time on this judgment; null when unknown
 * @param rationale the grader's explanation; may be null
 */
public record Judgment(
    String taskId,
    String model,
    String opponent,
    String grader,
    GraderType graderType,
    Outcome outcome,
    int sample,
    String occupation,
    String sector,
    Double minutes,
    String rationale) {

  /** The opponent name for the human professional's deliverable. */
  public static final String BASELINE = "baseline";

  public Judgment {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(model, "model");
    opponent = opponent == null || opponent.isBlank() ? BASELINE : opponent;
    Objects.requireNonNull(grader, "grader");
    graderType = graderType == null ? GraderType.HUMAN : graderType;
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(occupation, "occupation");
    Objects.requireNonNull(sector, "sector");
  }

  /** Whether the model was compared with the human baseline. */
  public boolean againstBaseline() {
    return BASELINE.equals(opponent);
  }
}
