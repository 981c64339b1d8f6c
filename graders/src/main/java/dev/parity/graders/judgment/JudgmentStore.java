package dev.parity.graders.judgment;

import dev.parity.graders.rubric.CriterionScore;
import dev.parity.harness.store.Store;
import dev.parity.judgments.JudgmentSource;
import dev.parity.judgments.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graders' tables in the store: judgments, the judge calls behind them, and rubric scores
 * (migration {@code db/migration/graders/V2_0__judgments.sql}). Every write is one transaction.
 *
 * <p>Thread-safe: it goes through the store, which serialises access to its connection.
 */
public final class JudgmentStore {
  private final Store store;

  public JudgmentStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * A stored judgment: the judgment with where it came from.
   *
   * @param source where it came from
   * @param runId the run whose attempts were judged; null when unknown
   * @param judgeSample which repetition of the judgment, from 0
   */
  public record Stored(JudgmentSource source, String runId, int judgeSample, Judgment judgment, Instant createdAt) {}

  /** Stores {@code judgments} from one source in one transaction: all of them or, on error, none. */
  public void add(JudgmentSource source, String runId, List<Judgment> judgments, Instant at) {
    store.transaction("store " + judgments.size() + " judgments from " + source, connection -> {
      for (Judgment judgment : judgments) {
        insert(connection, source, runId, 0, judgment, at);
      }
      return null;
    });
  }

  /** Stores one judgment of a judging pass (repetition {@code judgeSample}). */
  public void add(JudgmentSource source, String runId, int judgeSample, Judgment judgment, Instant at) {
    store.transaction("store a judgment of " + judgment.taskId(), connection -> {
      insert(connection, source, runId, judgeSample, judgment, at);
      return null;
    });
  }

  /** Whether a source already holds judgments (a file imported before). */
  public boolean hasSource(JudgmentSource source) {
    return store.transaction("look up " + source, connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT COUNT(*) FROM judgments WHERE source = ?")) {
        statement.setString(1, source.toString());
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next() && rows.getInt(1) > 0;
        }
      }
    });
  }

  /** Every stored judgment, or only those about a run's attempts when {@code runId} is given. */
  public List<Stored> judgments(String runId) {
    return store.transaction("read judgments", connection -> {
      String sql = "SELECT * FROM judgments" + (runId == null ? "" : " WHERE run_id = ?")
          + " ORDER BY source, task_id, model, opponent, sample, grader, judge_sample";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        if (runId != null) {
          statement.setString(1, runId);
        }
        List<Stored> stored = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            double minutes = rows.getDouble("minutes");
            Double minutesOrNull = rows.wasNull() ? null : minutes;
            Judgment judgment = new Judgment(rows.getString("task_id"), rows.getString("model"),
                rows.getString("opponent"), rows.getString("grader"),
                GraderType.parse(rows.getString("grader_type")).orElseThrow(),
                Outcome.parse(rows.getString("outcome")).orElseThrow(), rows.getInt("sample"),
                rows.getString("occupation"), rows.getString("sector"), minutesOrNull, rows.getString("rationale"));
            stored.add(new Stored(source(rows.getString("source")), rows.getString("run_id"), rows.getInt("judge_sample"),
                judgment, Instant.parse(rows.getString("created_at"))));
          }
        }
        return stored;
      }
    });
  }

  /** Whether a run's judgment (model judge, repetition) is already stored: a resume skips it. */
  public boolean hasJudgment(String runId, String taskId, String model, String opponent, int sample,
      String grader, int judgeSample) {
    return store.transaction("look up a judgment", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT 1 FROM judgments WHERE source = ? AND task_id = ? AND model = ? AND opponent = ?"
              + " AND sample = ? AND grader = ? AND judge_sample = ?")) {
        bind(statement, JudgmentSource.run(runId).toString(), taskId, model, opponent, sample, grader, judgeSample);
        try (ResultSet rows = statement.executeQuery()) {
          return rows.next();
        }
      }
    });
  }

  /**
   * One judge call of a pairwise judgment.
   *
   * @param order {@code model_first}, {@code model_second} or {@code third}
   * @param verdict {@code A}, {@code B} or {@code TIE}; null when the call failed
   * @param status {@code answered}, {@code invalid_output} or {@code failed}
   */
  public record JudgeCall(String runId, String taskId, String model, String opponent, int sample, String grader,
      int judgeSample, String order, String verdict, String rationale, String status, String error,
      int httpAttempts, Double costUsd, Instant createdAt) {}

  /** Records a judge call; a call recorded before (same key) is replaced. */
  public void recordCall(JudgeCall call) {
    store.transaction("record a judge call", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM judge_calls WHERE run_id = ? AND task_id = ? AND model = ? AND opponent = ? AND sample = ?"
              + " AND grader = ? AND judge_sample = ? AND call_order = ?")) {
        bind(delete, call.runId(), call.taskId(), call.model(), call.opponent(), call.sample(), call.grader(),
            call.judgeSample());
        delete.setString(8, call.order());
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO judge_calls (run_id, task_id, model, opponent, sample, grader, judge_sample, call_order,"
              + " verdict, rationale, status, error, http_attempts, cost_usd, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(insert, call.runId(), call.taskId(), call.model(), call.opponent(), call.sample(), call.grader(),
            call.judgeSample());
        insert.setString(8, call.order());
        text(insert, 9, call.verdict());
        text(insert, 10, call.rationale());
        insert.setString(11, call.status());
        text(insert, 12, call.error());
        insert.setInt(13, call.httpAttempts());
        real(insert, 14, call.costUsd());
        insert.setString(15, call.createdAt().toString());
        insert.executeUpdate();
      }
      return null;
    });
  }

  /** The answered judge calls of one judgment, by order; a resume reuses them instead of paying again. */
  public List<JudgeCall> calls(String runId, String taskId, String model, String opponent, int sample,
      String grader, int judgeSample) {
    return store.transaction("read judge calls", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT * FROM judge_calls WHERE run_id = ? AND task_id = ? AND model = ? AND opponent = ? AND sample = ?"
              + " AND grader = ? AND judge_sample = ? ORDER BY created_at")) {
        bind(statement, runId, taskId, model, opponent, sample, grader, judgeSample);
        List<JudgeCall> calls = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            double cost = rows.getDouble("cost_usd");
            Double costOrNull = rows.wasNull() ? null : cost;
            calls.add(new JudgeCall(runId, taskId, model, opponent, sample, grader, judgeSample,
                rows.getString("call_order"), rows.getString("verdict"), rows.getString("rationale"),
                rows.getString("status"), rows.getString("error"), rows.getInt("http_attempts"), costOrNull,
                Instant.parse(rows.getString("created_at"))));
          }
        }
        return calls;
      }
    });
  }

  /** Every judge call of a run. */
  public List<JudgeCall> calls(String runId) {
    return store.transaction("read judge calls", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT * FROM judge_calls WHERE run_id = ? ORDER BY task_id, model, sample, judge_sample, call_order")) {
        statement.setString(1, runId);
        List<JudgeCall> calls = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            double cost = rows.getDouble("cost_usd");
            Double costOrNull = rows.wasNull() ? null : cost;
            calls.add(new JudgeCall(runId, rows.getString("task_id"), rows.getString("model"),
                rows.getString("opponent"), rows.getInt("sample"), rows.getString("grader"),
                rows.getInt("judge_sample"), rows.getString("call_order"), rows.getString("verdict"),
                rows.getString("rationale"), rows.getString("status"), rows.getString("error"),
                rows.getInt("http_attempts"), costOrNull, Instant.parse(rows.getString("created_at"))));
          }
        }
        return calls;
      }
    });
  }

  /**
   * A stored rubric score: null share with status {@code judge_failure} when the judge never
   * gave a valid verdict (never counted as zero).
   */
  public record StoredScore(String runId, CriterionScore score, String status, Double costUsd) {
    public boolean scored() {
      return "scored".equals(status);
    }
  }

  /** Records one criterion's score (or judge failure) for a run's deliverable. */
  public void addScore(String runId, CriterionScore score, String status, Double costUsd, Instant at) {
    store.transaction("store a rubric score of " + score.taskId(), connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM rubric_scores WHERE run_id = ? AND task_id = ? AND subject = ? AND sample = ?"
              + " AND criterion_id = ? AND grader = ?")) {
        delete.setString(1, runId);
        delete.setString(2, score.taskId());
        delete.setString(3, score.subject());
        delete.setInt(4, score.sample());
        delete.setString(5, score.criterionId());
        delete.setString(6, score.grader());
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO rubric_scores (run_id, task_id, subject, sample, criterion_id, grader, points, share,"
              + " status, evidence, cost_usd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, runId);
        insert.setString(2, score.taskId());
        insert.setString(3, score.subject());
        insert.setInt(4, score.sample());
        insert.setString(5, score.criterionId());
        insert.setString(6, score.grader());
        insert.setDouble(7, score.points());
        real(insert, 8, "scored".equals(status) ? score.share() : null);
        insert.setString(9, status);
        text(insert, 10, score.evidence());
        real(insert, 11, costUsd);
        insert.setString(12, at.toString());
        insert.executeUpdate();
      }
      return null;
    });
  }

  /** Every rubric score of a run. */
  public List<StoredScore> scores(String runId) {
    return store.transaction("read rubric scores", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT * FROM rubric_scores WHERE run_id = ? ORDER BY task_id, subject, sample, criterion_id, grader")) {
        statement.setString(1, runId);
        List<StoredScore> scores = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            double share = rows.getDouble("share");
            boolean failed = rows.wasNull();
            double cost = rows.getDouble("cost_usd");
            Double costOrNull = rows.wasNull() ? null : cost;
            scores.add(new StoredScore(runId, new CriterionScore(rows.getString("task_id"), rows.getString("subject"),
                rows.getInt("sample"), rows.getString("criterion_id"), rows.getDouble("points"), failed ? 0 : share,
                rows.getString("grader"), rows.getString("evidence")), rows.getString("status"), costOrNull));
          }
        }
        return scores;
      }
    });
  }

  private static JudgmentSource source(String stored) {
    return JudgmentSource.parse(stored)
        .orElseThrow(() -> new IllegalStateException("a stored judgment's source is not run:, campaign: or file:: " + stored));
  }

  private static void insert(Connection connection, JudgmentSource source, String runId, int judgeSample, Judgment j,
      Instant at) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO judgments (source, run_id, task_id, model, opponent, grader, grader_type, outcome, sample,"
            + " judge_sample, occupation, sector, minutes, rationale, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, source.toString());
      text(insert, 2, runId);
      insert.setString(3, j.taskId());
      insert.setString(4, j.model());
      insert.setString(5, j.opponent());
      insert.setString(6, j.grader());
      insert.setString(7, j.graderType().id());
      insert.setString(8, j.outcome().id());
      insert.setInt(9, j.sample());
      insert.setInt(10, judgeSample);
      insert.setString(11, j.occupation());
      insert.setString(12, j.sector());
      real(insert, 13, j.minutes());
      text(insert, 14, j.rationale());
      insert.setString(15, at.toString());
      insert.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, String runId, String taskId, String model, String opponent,
      int sample, String grader, int judgeSample) throws SQLException {
    statement.setString(1, runId);
    statement.setString(2, taskId);
    statement.setString(3, model);
    statement.setString(4, opponent);
    statement.setInt(5, sample);
    statement.setString(6, grader);
    statement.setInt(7, judgeSample);
  }

  private static void text(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  private static void real(PreparedStatement statement, int index, Double value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }
}
