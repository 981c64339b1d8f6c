package dev.parity.harness.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.ModelConfig;
import dev.parity.tasks.SuiteLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code runs} and {@code run_models} tables. */
final class RunRows {
  private static final ObjectMapper JSON = SuiteLoader.mapper();
  private static final String COLUMNS = "id, suite_name, suite_version, suite_hash, suite_path,"
      + " settings_json, parity_version, parity_commit, status, stop_reason, created_at, started_at, ended_at";

  private RunRows() {}

  static void insert(Connection connection, Run run) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, run.id());
      statement.setString(2, run.suiteName());
      statement.setString(3, run.suiteVersion());
      statement.setString(4, run.suiteHash());
      statement.setString(5, run.suitePath().toString());
      statement.setString(6, run.settingsJson());
      statement.setString(7, run.parity().version());
      statement.setString(8, run.parity().commit());
      statement.setString(9, run.status().id());
      Sql.text(statement, 10, run.stopReason());
      Sql.instant(statement, 11, run.createdAt());
      Sql.instant(statement, 12, run.startedAt());
      Sql.instant(statement, 13, run.endedAt());
      statement.executeUpdate();
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT_MODEL)) {
      for (int i = 0; i < run.models().size(); i++) {
        bindModel(statement, run.id(), i, run.models().get(i));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static final String INSERT_MODEL =
      "INSERT INTO run_models (run_id, name, ordinal, provider, model, config_json) VALUES (?, ?, ?, ?, ?, ?)";

  private static void bindModel(PreparedStatement statement, String runId, int ordinal, ModelConfig model)
      throws SQLException {
    statement.setString(1, runId);
    statement.setString(2, model.name());
    statement.setInt(3, ordinal);
    statement.setString(4, model.provider());
    statement.setString(5, model.model());
    statement.setString(6, json(model));
  }

  /** Adds {@code model} last to the run's models, unless the run has a model of that name. */
  static void addModelIfAbsent(Connection connection, String runId, ModelConfig model) throws SQLException {
    int ordinal;
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT COUNT(*), SUM(CASE WHEN name = ? THEN 1 ELSE 0 END), MAX(ordinal) FROM run_models WHERE run_id = ?")) {
      statement.setString(1, model.name());
      statement.setString(2, runId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        if (rows.getInt(1) == 0) {
          throw new SQLException("no run " + runId);
        }
        if (rows.getInt(2) > 0) {
          return;
        }
        ordinal = rows.getInt(3) + 1;
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT_MODEL)) {
      bindModel(statement, runId, ordinal, model);
      statement.executeUpdate();
    }
  }

  static void restart(Connection connection, String runId, Instant at, List<ModelConfig> models)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE runs SET status = ?, stop_reason = NULL, started_at = ?, ended_at = NULL WHERE id = ?")) {
      statement.setString(1, RunStatus.RUNNING.id());
      Sql.instant(statement, 2, at);
      statement.setString(3, runId);
      statement.executeUpdate();
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE run_models SET config_json = ? WHERE run_id = ? AND name = ?")) {
      for (ModelConfig model : models) {
        statement.setString(1, json(model));
        statement.setString(2, runId);
        statement.setString(3, model.name());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  static void end(Connection connection, String runId, RunStatus status, String reason, Instant at)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "UPDATE runs SET status = ?, stop_reason = ?, ended_at = ? WHERE id = ?")) {
      statement.setString(1, status.id());
      Sql.text(statement, 2, reason);
      Sql.instant(statement, 3, at);
      statement.setString(4, runId);
      statement.executeUpdate();
    }
  }

  static Optional<Run> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
      statement.setString(1, id);
      List<Run> runs = Store.list(statement, rows -> read(connection, rows));
      return runs.stream().findFirst();
    }
  }

  static List<Run> all(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, id")) {
      return Store.list(statement, rows -> read(connection, rows));
    }
  }

  private static Run read(Connection connection, ResultSet rows) throws SQLException {
    String id = rows.getString("id");
    return new Run(id, rows.getString("suite_name"), rows.getString("suite_version"),
        rows.getString("suite_hash"), Path.of(rows.getString("suite_path")),
        rows.getString("settings_json"),
        new ParityVersion(rows.getString("parity_version"), rows.getString("parity_commit")),
        RunStatus.fromId(rows.getString("status")), rows.getString("stop_reason"),
        Sql.instant(rows, "created_at"), Sql.instant(rows, "started_at"), Sql.instant(rows, "ended_at"),
        models(connection, id));
  }

  private static List<ModelConfig> models(Connection connection, String runId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT config_json FROM run_models WHERE run_id = ? ORDER BY ordinal")) {
      statement.setString(1, runId);
      return Store.list(statement, rows -> model(rows.getString("config_json")));
    }
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
