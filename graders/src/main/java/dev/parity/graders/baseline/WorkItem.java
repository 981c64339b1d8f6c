package dev.parity.graders.baseline;

import dev.parity.store.Row;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * One piece of work as a list shows it: whose, which task, where it stands and its time.
 *
 * @param id the work's id (in its page's address)
 * @param campaign the baseline campaign's name
 * @param personId the professional's id
 * @param taskId the task's id
 * @param taskTitle the task's title
 * @param occupation the task's occupation
 * @param position its place in the professional's list, from 1
 * @param time its clock
 * @param active the active time when read
 * @param outsideMinutes the minutes stated outside the page; null until stated
 * @param submittedAt when it was handed in; null until then
 * @param chosen whether an administrator chose it to become the task's baseline
 */
public record WorkItem(String id, String campaign, String personId, String taskId, String taskTitle,
    String occupation, int position, WorkTime time, Duration active, Double outsideMinutes, Instant submittedAt,
    boolean chosen) {

  static final String SELECT = "SELECT w.id, c.name, w.person_id, w.task_id, w.task_title, w.occupation, w.position,"
      + " w.status, w.started_at, w.running_since, w.active_millis, w.outside_minutes, w.submitted_at, w.chosen,"
      + " (SELECT COUNT(*) FROM grading_work_pauses p WHERE p.work_id = w.id) AS pauses"
      + " FROM grading_work w JOIN grading_work_campaigns c ON c.id = w.campaign_id";

  /** Where it stands. */
  public WorkStatus status() {
    return time.status();
  }

  static WorkItem read(Row r, Instant now) throws SQLException {
    WorkTime time = time(r, 8);
    return new WorkItem(r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.integer(7), time,
        time.active(now), r.real(12), instant(r.text(13)), r.bool(14));
  }

  /** The clock in five columns from {@code first}: status, started_at, running_since, active_millis, then pauses at 15. */
  static WorkTime time(Row r, int first) throws SQLException {
    return new WorkTime(WorkStatus.of(r.text(first)), instant(r.text(first + 1)), instant(r.text(first + 2)),
        Duration.ofMillis(r.bigint(first + 3)), r.integer("pauses"));
  }

  static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
