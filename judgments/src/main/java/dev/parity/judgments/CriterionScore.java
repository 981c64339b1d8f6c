package dev.parity.judgments;

import java.util.Objects;

/**
 * How one deliverable did on one rubric criterion, by one grader.
 *
 * @param taskId the task
 * @param subject whose deliverable: a model's name, or {@link #BASELINE} for the professional's
 * @param sample which sample of the model, from 0 (0 for the baseline)
 * @param criterionId the criterion's id in the task's rubric
 * @param points the criterion's points (negative for a penalty)
 * @param share the share of the points earned: 1 met, ½ partly, 0 not met
 * @param grader {@code check} for a deterministic check, or the judge's identity
 *     (spec and prompt version)
 * @param evidence what the check found, or the judge's rationale
 */
public record CriterionScore(
    String taskId, String subject, int sample, String criterionId, double points, double share,
    String grader, String evidence) {

  /** The subject name for the human professional's deliverable. */
  public static final String BASELINE = "baseline";

  /** The grader name of deterministic checks. */
  public static final String CHECK = "check";

  public CriterionScore {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(criterionId, "criterionId");
    Objects.requireNonNull(grader, "grader");
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("share must be within [0, 1], was " + share);
    }
  }

  /** The points this score earns: share × points (negative for a penalty that was met). */
  public double earned() {
    return share * points;
  }
}
