package dev.parity.harness.store;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the {@code attempts}, {@code attempt_files}, {@code attempt_findings} and {@code
 * attempt_errors} tables.
 */
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
      Attempt.Calls calls = attempt.calls();
      Attempt.Answer answer = attempt.answer();
      Usage usage = answer.usage();
      statement.setString(1, attempt.status().id());
      Sql.text(statement, 2, calls.cacheKey());
      statement.setBoolean(3, calls.cacheHit());
      statement.setInt(4, calls.httpAttempts());
      Sql.text(statement, 5, attempt.failure().type());
      Sql.text(statement, 6, attempt.failure().message());
      Sql.text(statement, 7, answer.providerModel());
      Sql.text(statement, 8, answer.requestId());
      Sql.text(statement, 9, answer.finishReason() == null ? null : answer.finishReason().name());
      Sql.bigint(statement, 10, usage.inputTokens());
      Sql.bigint(statement, 11, usage.outputTokens());
      Sql.bigint(statement, 12, usage.reasoningTokens());
      Sql.bigint(statement, 13, usage.cachedInputTokens());
      Sql.real(statement, 14, answer.costUsd());
      Sql.millis(statement, 15, answer.latency());
      Sql.millis(statement, 16, answer.timeToFirstByte());
      Sql.instant(statement, 17, attempt.timing().startedAt());
      Sql.instant(statement, 18, attempt.timing().endedAt());
      Sql.text(statement, 19, answer.sha256());
      Sql.text(statement, 20, calls.transcriptSha256());
      Sql.text(statement, 21, attempt.delivery().extraction());
      // Findings live in attempt_findings since store version 1.2; the text column is for older rows.
      Sql.text(statement, 22, null);
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
    try (PreparedStatement statement = connection.prepareStatement(
        "DELETE FROM attempt_findings WHERE " + KEY)) {
      bindKey(statement, 1, attempt.key());
      statement.executeUpdate();
    }
    List<DeliverableFinding> findings = attempt.delivery().findings();
    if (!findings.isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO attempt_findings"
          + " (run_id, model_name, task_id, sample, ordinal, kind, file, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < findings.size(); i++) {
          bindKey(statement, 1, attempt.key());
          statement.setInt(5, i);
          statement.setString(6, findings.get(i).kind().id());
          Sql.text(statement, 7, findings.get(i).file());
          statement.setString(8, findings.get(i).message());
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
      List<Attempt> attempts = Store.list(statement, AttemptRows::read);
      Map<AttemptKey, List<DeliverableFinding>> findings = findingsOfRun(connection, runId);
      return findings.isEmpty() ? attempts : attempts.stream().map(a -> withFindings(a, findings.get(a.key()))).toList();
    }
  }

  private static Map<AttemptKey, List<DeliverableFinding>> findingsOfRun(Connection connection, String runId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT run_id, model_name, task_id, sample,"
        + " kind, file, message FROM attempt_findings WHERE run_id = ? ORDER BY model_name, task_id, sample, ordinal")) {
      statement.setString(1, runId);
      Map<AttemptKey, List<DeliverableFinding>> findings = new HashMap<>();
      for (Map.Entry<AttemptKey, DeliverableFinding> row : Store.list(statement, AttemptRows::finding)) {
        findings.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
      }
      return findings;
    }
  }

  private static List<DeliverableFinding> findings(Connection connection, AttemptKey key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT run_id, model_name, task_id, sample,"
        + " kind, file, message FROM attempt_findings WHERE " + KEY + " ORDER BY ordinal")) {
      bindKey(statement, 1, key);
      return Store.list(statement, AttemptRows::finding).stream().map(Map.Entry::getValue).toList();
    }
  }

  private static Map.Entry<AttemptKey, DeliverableFinding> finding(ResultSet rows) throws SQLException {
    return Map.entry(key(rows), new DeliverableFinding(DeliverableFinding.Kind.fromId(rows.getString("kind")),
        rows.getString("file"), rows.getString("message")));
  }

  /** {@code attempt} with the findings kept in their own table, when it has any (older rows have them as notes). */
  private static Attempt withFindings(Attempt attempt, List<DeliverableFinding> findings) {
    if (findings == null || findings.isEmpty()) {
      return attempt;
    }
    return new Attempt(attempt.key(), attempt.status(), attempt.calls(), attempt.answer(), attempt.failure(),
        attempt.timing(), new Attempt.Delivery(attempt.delivery().extraction(), findings));
  }

  private static final String CACHED = " FROM attempts a WHERE a.answer_sha256 IS NOT NULL AND a.status IN (?, ?, ?)";

  static Optional<Attempt> cached(Connection connection, String cacheKey) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT " + COLUMNS + CACHED + " AND a.cache_key = ? ORDER BY a.ended_at LIMIT 1")) {
      bindCachedStatuses(statement);
      statement.setString(4, cacheKey);
      Optional<Attempt> cached = Store.list(statement, AttemptRows::read).stream().findFirst();
      if (cached.isEmpty()) {
        return cached;
      }
      return Optional.of(withFindings(cached.get(), findings(connection, cached.get().key())));
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

  private static AttemptKey key(ResultSet rows) throws SQLException {
    return new AttemptKey(rows.getString("run_id"), rows.getString("model_name"), rows.getString("task_id"),
        rows.getInt("sample"));
  }

  private static Attempt read(ResultSet rows) throws SQLException {
    String finish = rows.getString("finish_reason");
    Usage usage = new Usage(Sql.bigint(rows, "input_tokens"), Sql.bigint(rows, "output_tokens"),
        Sql.bigint(rows, "reasoning_tokens"), Sql.bigint(rows, "cached_input_tokens"));
    String errorType = rows.getString("error_type");
    return new Attempt(key(rows), AttemptStatus.fromId(rows.getString("status")),
        new Attempt.Calls(rows.getString("cache_key"), rows.getBoolean("cache_hit"), rows.getInt("http_attempts"),
            rows.getString("transcript_sha256")),
        new Attempt.Answer(rows.getString("answer_sha256"), rows.getString("provider_model"),
            rows.getString("request_id"), finish == null ? null : FinishReason.valueOf(finish), usage,
            Sql.real(rows, "cost_usd"), Sql.millis(rows, "latency_ms"), Sql.millis(rows, "ttfb_ms")),
        errorType == null ? Attempt.Failure.NONE : Attempt.Failure.of(errorType, rows.getString("error_message")),
        new Attempt.Timing(Sql.instant(rows, "started_at"), Sql.instant(rows, "ended_at")),
        new Attempt.Delivery(rows.getString("extraction"),
            DeliverableFinding.fromNotes(rows.getString("deliverable_notes"))));
  }
}
