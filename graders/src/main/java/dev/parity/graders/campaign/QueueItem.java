package dev.parity.graders.campaign;

/**
 * One assignment in a grader's queue.
 *
 * @param assignmentId its random id
 * @param campaign the campaign's name
 * @param position its place in the grader's queue of that campaign, from 1
 * @param taskTitle the task's title
 * @param occupation the task's occupation
 * @param status {@code open}, {@code submitted} or {@code flagged}
 * @param version how many times it was submitted
 */
public record QueueItem(String assignmentId, String campaign, int position, String taskTitle, String occupation,
    String status, int version) {

  /** Whether it still waits for the grader. */
  public boolean isOpen() {
    return status.equals("open");
  }
}
