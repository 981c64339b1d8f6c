package dev.parity.harness.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.ModelConfig;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import dev.parity.tasks.SuiteLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code runs} and {@code run_models} tables. */
final class RunRows {
  private static final ObjectMapper JSON = SuiteLoader.mapper();
  private static final String COLUMNS = "id, suite_name, suite_version, suite_hash, suite_path,"
      + " settings_json, parity_version, parity_commit, status, stop_reason, created_at, started_at, ended_at,"
      + " heartbeat_at, heartbeat_interval_ms";
  private static final String INSERT_MODEL =
      "INSERT INTO run_models (run_id, name, ordinal, provider, model, config_json) VALUES (?, ?, ?, ?, ?, ?)";

  private RunRows() {}

  static void insert(Handle h, Run run) throws SQLException {
    Run.Heartbeat heartbeat = run.heartbeat();
    h.update("INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        run.id(), run.suiteName(), run.suiteVersion(), run.suiteHash(), run.suitePath().toString(),
        run.settingsJson(), run.parity().version(), run.parity().commit(), run.status().id(), run.stopReason(),
        run.createdAt(), run.startedAt(), run.endedAt(), heartbeat == null ? null : heartbeat.at(),
        heartbeat == null ? null : heartbeat.interval());
    List<Object[]> models = new ArrayList<>();
    for (int i = 0; i < run.models().size(); i++) {
      models.add(model(run.id(), i, run.models().get(i)));
    }
    h.batch(INSERT_MODEL, models);
  }

  private static Object[] model(String runId, int ordinal, ModelConfig model) {
    return new Object[] {runId, model.name(), ordinal, model.provider(), model.model(), json(model)};
  }

  /** Adds {@code model} last to the run's models, unless the run has a model of that name. */
  static void addModelIfAbsent(Handle h, String runId, ModelConfig model) throws SQLException {
    int[] counts = h.first(
        "SELECT COUNT(*), SUM(CASE WHEN name = ? THEN 1 ELSE 0 END), MAX(ordinal) FROM run_models WHERE run_id = ?",
        r -> new int[] {r.integer(1), r.integer(2), r.integer(3)}, model.name(), runId).orElseThrow();
    if (counts[0] == 0) {
      throw new SQLException("no run " + runId);
    }
    if (counts[1] > 0) {
      return;
    }
    h.update(INSERT_MODEL, model(runId, counts[2] + 1, model));
  }

  static void restart(Handle h, String runId, Run.Heartbeat heartbeat, List<ModelConfig> models) throws SQLException {
    h.update("UPDATE runs SET status = ?, stop_reason = NULL, started_at = ?, ended_at = NULL, heartbeat_at = ?,"
        + " heartbeat_interval_ms = ? WHERE id = ?", RunStatus.RUNNING.id(), heartbeat.at(), heartbeat.at(),
        heartbeat.interval(), runId);
    h.batch("UPDATE run_models SET config_json = ? WHERE run_id = ? AND name = ?",
        models.stream().map(m -> new Object[] {json(m), runId, m.name()}).toList());
  }

  static int beat(Handle h, String runId, Instant at) throws SQLException {
    return h.update("UPDATE runs SET heartbeat_at = ? WHERE id = ?", at, runId);
  }

  static int end(Handle h, String runId, RunStatus status, String reason, Instant at) throws SQLException {
    return h.update("UPDATE runs SET status = ?, stop_reason = ?, ended_at = ? WHERE id = ?",
        status.id(), reason, at, runId);
  }

  static Optional<Run> find(Handle h, String id) throws SQLException {
    return h.list("SELECT " + COLUMNS + " FROM runs WHERE id = ?", r -> read(h, r), id).stream().findFirst();
  }

  static List<Run> all(Handle h) throws SQLException {
    return h.list("SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, id", r -> read(h, r));
  }

  private static Run read(Handle h, Row r) throws SQLException {
    String id = r.text("id");
    return new Run(id, r.text("suite_name"), r.text("suite_version"), r.text("suite_hash"),
        Path.of(r.text("suite_path")), r.text("settings_json"),
        new ParityVersion(r.text("parity_version"), r.text("parity_commit")),
        RunStatus.fromId(r.text("status")), r.text("stop_reason"),
        r.instant("created_at"), r.instant("started_at"), r.instant("ended_at"),
        models(h, id), heartbeat(r));
  }

  private static Run.Heartbeat heartbeat(Row r) throws SQLException {
    Instant at = r.instant("heartbeat_at");
    return at == null ? null : new Run.Heartbeat(at, r.millis("heartbeat_interval_ms"));
  }

  private static List<ModelConfig> models(Handle h, String runId) throws SQLException {
    return h.list("SELECT config_json FROM run_models WHERE run_id = ? ORDER BY ordinal",
        r -> model(r.text("config_json")), runId);
  }

  private static String json(ModelConfig model) {
    try {
      return JSON.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write model " + model.name() + " as JSON", e);
    }
  }

  private static ModelConfig model(String json) throws SQLException {
    try {
      return JSON.readValue(json, ModelConfig.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable model settings in run_models: " + e.getOriginalMessage(), e);
    }
  }
}
