package dev.parity.graders.campaign;

import java.util.List;

/**
 * Everything a grader needs to judge one assignment, with the sides already placed: {@code left}
 * is Deliverable A and {@code right} Deliverable B. Which of them is the baseline is deliberately
 * not here. File names are the originals: whoever shows them to a grader renames them.
 *
 * @param id the assignment's id
 * @param campaign the campaign's name
 * @param position its place in the grader's queue, from 1
 * @param total the grader's assignments in the campaign
 * @param status {@code open}, {@code submitted} or {@code flagged}
 * @param requestFrom the requester's role; may be null
 * @param rubric the criteria to score, empty when the campaign does not ask for rubric scores
 * @param draft what the grader entered and has not submitted; null when nothing
 * @param latest the latest submission; null before the first
 * @param version the latest submission's version, 0 before the first
 * @param submittedAt when the latest was submitted, ISO-8601 UTC; null before the first
 */
public record AssignmentView(
    String id, String campaign, int position, int total, String status, String taskTitle, String occupation,
    String requestFrom, String requestText, List<CampaignFile> references, List<CampaignFile> left,
    List<CampaignFile> right, List<RubricItem> rubric, int minRationaleChars, Submission draft, Submission latest,
    int version, String submittedAt) {

  public AssignmentView {
    references = List.copyOf(references);
    left = List.copyOf(left);
    right = List.copyOf(right);
    rubric = List.copyOf(rubric);
  }

  /** What the form shows: the draft, else the latest submission, else nothing. */
  public Submission entered() {
    return draft != null ? draft : latest != null ? latest : Submission.empty();
  }
}
