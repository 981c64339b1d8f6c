package dev.parity.harness.store;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of the {@code attempts}, {@code attempt_files} and {@code attempt_errors} tables. */
final class AttemptRows {
  private static final String KEY = "run_id = ? AND model_name = ? AND task_id = ? AND sample = ?";
  private static final String COLUMNS = "a.run_id, a.model_name, a.task_id, a.sample, a.status,"
      + " a.cache_key, a.cache_hit, a.http_attempts, a.error_type, a.error_message, a.provider_model,"
      + " a.request_id, a.finish_reason, a.input_tokens, a.output_tokens, a.reasoning_tokens,"
      + " a.cached_input_tokens, a.cost_usd, a.latency_ms, a.ttfb_ms, a.started_at, a.ended_at,"
      + " a.answer_sha256, a.transcript_sha256, a.extraction, a.deliverable_notes";

  private AttemptRows() {}

  static void insertPending(Connection connection, List<AttemptKey> keys) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO attempts (run_id, model_name, task_id, sample, status) VALUES (?, ?, ?, ?, ?)")) {
      for (AttemptKey key : keys) {
        bindKey(statement, 1, key);
        statement.setString(5, AttemptStatus.PENDING.id());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  static void record(Connection connection, Attempt attempt, List<AttemptFile> files, List<CallError> errors)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("UPDATE attempts SET status = ?,"
        + " cache_key = ?, cache_hit = ?, http_attempts = ?, error_type = ?, error_message = ?,"
        + " provider_model = ?, request_id = ?, finish_reason = ?, input_tokens = ?, output_tokens = ?,"
        + " reasoning_tokens = ?, cached_input_tokens = ?, cost_usd = ?, latency_ms = ?, ttfb_ms = ?,"
        + " started_at = ?, ended_at = ?, answer_sha256 = ?, transcript_sha256 = ?, extraction = ?,"
        + " deliverable_notes = ? WHERE " + KEY)) {
      Usage usage = attempt.usage();
      statement.setString(1, attempt.status().id());
      Sql.text(statement, 2, attempt.cacheKey());
      statement.setBoolean(3, attempt.cacheHit());
      statement.setInt(4, attempt.httpAttempts());
      Sql.text(statement, 5, attempt.errorType());
      Sql.text(statement, 6, attempt.errorMessage());
      Sql.text(statement, 7, attempt.providerModel());
      Sql.text(statement, 8, attempt.requestId());
      Sql.text(statement, 9, attempt.finishReason() == null ? null : attempt.finishReason().name());
      Sql.bigint(statement, 10, usage.inputTokens());
      Sql.bigint(statement, 11, usage.outputTokens());
      Sql.bigint(statement, 12, usage.reasoningTokens());
      Sql.bigint(statement, 13, usage.cachedInputTokens());
      Sql.real(statement, 14, attempt.costUsd());
      Sql.millis(statement, 15, attempt.latency());
      Sql.millis(statement, 16, attempt.timeToFirstByte());
      Sql.instant(statement, 17, attempt.startedAt());
      Sql.instant(statement, 18, attempt.endedAt());
      Sql.text(statement, 19, attempt.answerSha256());
      Sql.text(statement, 20, attempt.transcriptSha256());
      Sql.text(statement, 21, attempt.extraction());
      Sql.text(statement, 22, attempt.deliverableNotes());
      bindKey(statement, 23, attempt.key());
      if (statement.executeUpdate() != 1) {
        throw new SQLException("no attempt " + attempt.key() + " in run " + attempt.key().runId());
      }
    }
    if (!files.isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO attempt_files"
          + " (run_id, model_name, task_id, sample, name, sha256, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (AttemptFile file : files) {
          bindKey(statement, 1, attempt.key());
          statement.setString(5, file.name());
          statement.setString(6, file.sha256());
          statement.setLong(7, file.sizeBytes());
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
    if (!errors.isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO attempt_errors"
          + " (run_id, model_name, task_id, sample, try_number, failure, message, wait_ms, at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (CallError error : errors) {
          bindKey(statement, 1, attempt.key());
          statement.setInt(5, error.tryNumber());
          statement.setString(6, error.failure().name());
          Sql.text(statement, 7, error.message());
          Sql.millis(statement, 8, error.retryWait());
          Sql.instant(statement, 9, error.at());
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
  }

  static List<Attempt> ofRun(Connection connection, String runId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
        + " FROM attempts a JOIN run_models m ON m.run_id = a.run_id AND m.name = a.model_name"
        + " WHERE a.run_id = ? ORDER BY m.ordinal, a.task_id, a.sample")) {
      statement.setString(1, runId);
      return Store.list(statement, AttemptRows::read);
    }
  }

  private static final String CACHED = " FROM attempts a WHERE a.answer_sha256 IS NOT NULL AND a.status IN (?, ?, ?)";

  static Optional<Attempt> cached(Connection connection, String cacheKey) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + CACHED + " AND a.cache_key = ? ORDER BY a.ended_at LIMIT 1")) {
      bindCachedStatuses(statement);
      statement.setString(4, cacheKey);
      return Store.list(statement, AttemptRows::read).stream().findFirst();
    }
  }

  static Set<String> cachedKeys(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT a.cache_key" + CACHED)) {
      bindCachedStatuses(statement);
      return new HashSet<>(Store.list(statement, rows -> rows.getString(1)));
    }
  }

  private static void bindCachedStatuses(PreparedStatement statement) throws SQLException {
    statement.setString(1, AttemptStatus.COMPLETED.id());
    statement.setString(2, AttemptStatus.REFUSED.id());
    statement.setString(3, AttemptStatus.INVALID_OUTPUT.id());
  }

  static List<AttemptFile> files(Connection connection, AttemptKey key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name, sha256, size_bytes FROM attempt_files WHERE " + KEY + " ORDER BY name")) {
      bindKey(statement, 1, key);
      return Store.list(statement, rows ->
          new AttemptFile(rows.getString("name"), rows.getString("sha256"), rows.getLong("size_bytes")));
    }
  }

  static List<CallError> errors(Connection connection, AttemptKey key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT try_number, failure,"
        + " message, wait_ms, at FROM attempt_errors WHERE " + KEY + " ORDER BY try_number")) {
      bindKey(statement, 1, key);
      return Store.list(statement, rows -> new CallError(rows.getInt("try_number"),
          CallFailure.valueOf(rows.getString("failure")), rows.getString("message"),
          Sql.millis(rows, "wait_ms"), Sql.instant(rows, "at")));
    }
  }

  private static void bindKey(PreparedStatement statement, int first, AttemptKey key) throws SQLException {
    statement.setString(first, key.runId());
    statement.setString(first + 1, key.model());
    statement.setString(first + 2, key.taskId());
    statement.setInt(first + 3, key.sample());
  }

  private static Attempt read(ResultSet rows) throws SQLException {
    AttemptKey key = new AttemptKey(rows.getString("run_id"), rows.getString("model_name"),
        rows.getString("task_id"), rows.getInt("sample"));
    String finish = rows.getString("finish_reason");
    Usage usage = new Usage(Sql.bigint(rows, "input_tokens"), Sql.bigint(rows, "output_tokens"),
        Sql.bigint(rows, "reasoning_tokens"), Sql.bigint(rows, "cached_input_tokens"));
    Duration latency = Sql.millis(rows, "latency_ms");
    return new Attempt(key, AttemptStatus.fromId(rows.getString("status")),
        rows.getString("cache_key"), rows.getBoolean("cache_hit"), rows.getInt("http_attempts"),
        rows.getString("error_type"), rows.getString("error_message"), rows.getString("provider_model"),
        rows.getString("request_id"), finish == null ? null : FinishReason.valueOf(finish), usage,
        Sql.real(rows, "cost_usd"), latency, Sql.millis(rows, "ttfb_ms"),
        Sql.instant(rows, "started_at"), Sql.instant(rows, "ended_at"),
        rows.getString("answer_sha256"), rows.getString("transcript_sha256"),
        rows.getString("extraction"), rows.getString("deliverable_notes"));
  }
}
