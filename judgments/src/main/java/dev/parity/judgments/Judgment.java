package dev.parity.judgments;

import dev.parity.harness.store.Contestant;
import java.util.Objects;

/**
 * One grader's pairwise verdict: a contestant's deliverable for a task against an opponent's (the
 * human baseline, or another model's), and how the contestant's deliverable was shown.
 *
 * @param taskId the task
 * @param contestant whose deliverable was compared
 * @param opponent what it was compared with: {@link #BASELINE} or another model's name
 * @param grader a pseudonymous grader id, or a judge spec
 * @param graderType human or model
 * @param outcome from the contestant's side (for a model judge asked in both orders, derived from
 *     the two orders' outcomes in {@code showing})
 * @param sample which sample of the contestant, from 0
 * @param occupation the task's occupation title
 * @param sector the task's sector
 * @param minutes the grader's time on this judgment; null when unknown
 * @param rationale the grader's explanation; may be null
 * @param showing on which side a human saw the contestant's deliverable, or what each order of a
 *     judge's calls gave; {@link Showing#UNKNOWN} when not known (never null)
 */
public record Judgment(
    String taskId,
    Contestant contestant,
    String opponent,
    String grader,
    GraderType graderType,
    Outcome outcome,
    int sample,
    String occupation,
    String sector,
    Double minutes,
    String rationale,
    Showing showing) {

  /** The opponent name for the human professional's deliverable. */
  public static final String BASELINE = "baseline";

  public Judgment {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(contestant, "contestant");
    opponent = opponent == null || opponent.isBlank() ? BASELINE : opponent;
    Objects.requireNonNull(grader, "grader");
    graderType = graderType == null ? GraderType.HUMAN : graderType;
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(occupation, "occupation");
    Objects.requireNonNull(sector, "sector");
    showing = showing == null ? Showing.UNKNOWN : showing;
  }

  /**
   * A judgment of a model's deliverable with nothing known about how it was shown, as a
   * version-1 file gives it.
   *
   * @param model the model's name
   */
  public Judgment(String taskId, String model, String opponent, String grader, GraderType graderType, Outcome outcome,
      int sample, String occupation, String sector, Double minutes, String rationale) {
    this(taskId, Contestant.model(Objects.requireNonNull(model, "model")), opponent, grader, graderType, outcome,
        sample, occupation, sector, minutes, rationale, Showing.UNKNOWN);
  }

  /** The contestant as printed: a model's name, or {@code human:<id>}. Reports group by it. */
  public String model() {
    return contestant.toString();
  }

  /** This judgment with another outcome (e.g. the majority of a judge's repetitions). */
  public Judgment withOutcome(Outcome other) {
    return new Judgment(taskId, contestant, opponent, grader, graderType, other, sample, occupation, sector, minutes,
        rationale, showing);
  }

  /** Whether the contestant was compared with the human baseline. */
  public boolean againstBaseline() {
    return BASELINE.equals(opponent);
  }
}
