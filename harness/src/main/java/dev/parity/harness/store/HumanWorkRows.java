package dev.parity.harness.store;

import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SQL of {@code attempt_human_work}. */
final class HumanWorkRows {
  private HumanWorkRows() {}

  static void insert(Handle h, AttemptKey key, HumanWork work) throws SQLException {
    h.update("INSERT INTO attempt_human_work (run_id, model_name, task_id, sample, measured_millis, outside_minutes,"
        + " pauses, hourly_wage_usd, ai_tools, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key.runId(), key.model(), key.taskId(), key.sample(), work.measured().toMillis(), work.outsideMinutes(),
        work.pauses(), work.hourlyWageUsd(), work.aiTools(), work.notes());
  }

  static Map<AttemptKey, HumanWork> ofRun(Handle h, String runId) throws SQLException {
    Map<AttemptKey, HumanWork> work = new LinkedHashMap<>();
    h.list("SELECT run_id, model_name, task_id, sample, measured_millis, outside_minutes, pauses, hourly_wage_usd,"
        + " ai_tools, notes FROM attempt_human_work WHERE run_id = ? ORDER BY model_name, task_id, sample",
        r -> Map.entry(new AttemptKey(r.text(1), r.text(2), r.text(3), r.integer(4)), read(r)), runId)
        .forEach(e -> work.put(e.getKey(), e.getValue()));
    return work;
  }

  private static HumanWork read(Row r) throws SQLException {
    return new HumanWork(Duration.ofMillis(r.bigint(5)), r.real(6), r.integer(7), r.real(8), r.text(9), r.text(10));
  }
}
