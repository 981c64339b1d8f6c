package dev.parity.judgments;

import dev.parity.harness.store.Contestant;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The graders' tables in the store: judgments, the judge calls behind them, and rubric scores
 * (migrations {@code db/migration/graders/V2_0__judgments.sql} and {@code V2_2__judgments_version_2.sql}). Every write is one transaction.
 *
 * <p>Thread-safe, as its {@link Database} is.
 */
public final class JudgmentStore {
  private final Database database;

  public JudgmentStore(Database database) {
    this.database = Objects.requireNonNull(database, "database");
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
    database.transaction("store " + judgments.size() + " judgments from " + source, h -> {
      for (Judgment judgment : judgments) {
        insert(h, source, runId, 0, judgment, at);
      }
      return null;
    });
  }

  /** Stores one judgment of a judging pass (repetition {@code judgeSample}). */
  public void add(JudgmentSource source, String runId, int judgeSample, Judgment judgment, Instant at) {
    add(source, runId, judgeSample, judgment, at, h -> true);
  }

  /**
   * Stores one judgment of a judging pass if {@code onlyIf}, run first in the same transaction,
   * says so: a worker's lease on the judgment is checked (and the judgment marked done) together
   * with its recording, so a judgment is recorded once however many workers made it.
   *
   * @return whether it was stored
   */
  public boolean add(JudgmentSource source, String runId, int judgeSample, Judgment judgment, Instant at,
      Database.Work<Boolean> onlyIf) {
    return database.transaction("store a judgment of " + judgment.taskId(),
        h -> onlyIf.apply(h) && insert(h, source, runId, judgeSample, judgment, at) == 1);
  }

  /** Whether a source already holds judgments (a file imported before). */
  public boolean hasSource(JudgmentSource source) {
    return database.read("look up " + source,
        h -> h.first("SELECT COUNT(*) FROM judgments WHERE source = ?", r -> r.integer(1) > 0, source.toString()))
        .orElse(false);
  }

  /** Every stored judgment, or only those about a run's attempts when {@code runId} is given. */
  public List<Stored> judgments(String runId) {
    String sql = "SELECT * FROM judgments" + (runId == null ? "" : " WHERE run_id = ?")
        + " ORDER BY source, task_id, model, opponent, sample, grader, judge_sample";
    Object[] parameters = runId == null ? new Object[0] : new Object[] {runId};
    return database.read("read judgments", h -> h.list(sql, JudgmentStore::stored, parameters));
  }

  private static Stored stored(Row r) throws SQLException {
    Judgment judgment = new Judgment(r.text("task_id"), Contestant.parse(r.text("model")), r.text("opponent"),
        r.text("grader"), GraderType.parse(r.text("grader_type")).orElseThrow(),
        Outcome.parse(r.text("outcome")).orElseThrow(), r.integer("sample"), r.text("occupation"), r.text("sector"),
        r.real("minutes"), r.text("rationale"), showing(r));
    return new Stored(source(r.text("source")), r.text("run_id"), r.integer("judge_sample"), judgment,
        r.instant("created_at"));
  }

  /** Whether a run's judgment (model judge, repetition) is already stored: a resume skips it. */
  public boolean hasJudgment(String runId, String taskId, String model, String opponent, int sample,
      String grader, int judgeSample) {
    return database.read("look up a judgment", h -> h.first(
        "SELECT 1 FROM judgments WHERE source = ? AND task_id = ? AND model = ? AND opponent = ?"
            + " AND sample = ? AND grader = ? AND judge_sample = ?",
        r -> true, JudgmentSource.run(runId).toString(), taskId, model, opponent, sample, grader, judgeSample)).isPresent();
  }

  /**
   * One judge call of a pairwise judgment.
   *
   * @param order which call of the judgment this is
   * @param verdict null when the call has no verdict (its status is not {@link JudgeCallStatus#ANSWERED})
   * @param status how the call ended
   * @param inputs what the judge was shown (pages, PDFs, text); null for calls stored before judges saw pages
   */
  public record JudgeCall(String runId, String taskId, String model, String opponent, int sample, String grader,
      int judgeSample, JudgeCallOrder order, PairwiseVerdict verdict, String rationale, JudgeCallStatus status,
      String error, int httpAttempts, Double costUsd, Instant createdAt, JudgeInputs inputs) {
    public JudgeCall {
      Objects.requireNonNull(order, "order");
      Objects.requireNonNull(status, "status");
    }

    /** Whether the judge answered with a verdict. */
    public boolean answered() {
      return status == JudgeCallStatus.ANSWERED;
    }
  }

  private static final String CALL_KEY = "run_id = ? AND task_id = ? AND model = ? AND opponent = ? AND sample = ?"
      + " AND grader = ? AND judge_sample = ?";

  /** Records a judge call; a call recorded before (same key) is replaced. */
  public void recordCall(JudgeCall call) {
    database.transaction("record a judge call", h -> {
      h.update("DELETE FROM judge_calls WHERE " + CALL_KEY + " AND call_order = ?", call.runId(), call.taskId(),
          call.model(), call.opponent(), call.sample(), call.grader(), call.judgeSample(), call.order().id());
      return h.update("INSERT INTO judge_calls (run_id, task_id, model, opponent, sample, grader, judge_sample,"
              + " call_order, verdict, rationale, status, error, http_attempts, cost_usd, created_at, inputs)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          call.runId(), call.taskId(), call.model(), call.opponent(), call.sample(), call.grader(),
          call.judgeSample(), call.order().id(), call.verdict() == null ? null : call.verdict().id(), call.rationale(),
          call.status().id(), call.error(),
          call.httpAttempts(), call.costUsd(), call.createdAt(), call.inputs() == null ? null : call.inputs().toJson());
    });
  }

  /** The answered judge calls of one judgment, by order; a resume reuses them instead of paying again. */
  public List<JudgeCall> calls(String runId, String taskId, String model, String opponent, int sample,
      String grader, int judgeSample) {
    return database.read("read judge calls", h -> h.list(
        "SELECT * FROM judge_calls WHERE " + CALL_KEY + " ORDER BY created_at", JudgmentStore::call,
        runId, taskId, model, opponent, sample, grader, judgeSample));
  }

  /** Every judge call of a run. */
  public List<JudgeCall> calls(String runId) {
    return database.read("read judge calls", h -> h.list(
        "SELECT * FROM judge_calls WHERE run_id = ? ORDER BY task_id, model, sample, judge_sample, call_order",
        JudgmentStore::call, runId));
  }

  private static JudgeCall call(Row r) throws SQLException {
    String verdict = r.text("verdict");
    return new JudgeCall(r.text("run_id"), r.text("task_id"), r.text("model"), r.text("opponent"),
        r.integer("sample"), r.text("grader"), r.integer("judge_sample"), JudgeCallOrder.ofStored(r.text("call_order")),
        verdict == null ? null : PairwiseVerdict.ofStored(verdict), r.text("rationale"),
        JudgeCallStatus.ofStored(r.text("status")), r.text("error"), r.integer("http_attempts"), r.real("cost_usd"),
        r.instant("created_at"), JudgeInputs.ofJson(r.text("inputs")));
  }

  /**
   * A stored rubric score: null share with status {@code judge_failure} when the judge never
   * gave a valid verdict (never counted as zero).
   */
  public record StoredScore(String runId, CriterionScore score, String status, Double costUsd, JudgeInputs inputs) {
    public boolean scored() {
      return "scored".equals(status);
    }
  }

  /** Records one criterion's score (or judge failure) for a run's deliverable, made without a judge call. */
  public void addScore(String runId, CriterionScore score, String status, Double costUsd, Instant at) {
    addScore(runId, score, status, costUsd, at, null);
  }

  /**
   * Records one criterion's score (or judge failure) for a run's deliverable.
   *
   * @param inputs what the judge was shown; null for a check's score
   */
  public void addScore(String runId, CriterionScore score, String status, Double costUsd, Instant at,
      JudgeInputs inputs) {
    database.transaction("store a rubric score of " + score.taskId(), h -> {
      h.update("DELETE FROM rubric_scores WHERE run_id = ? AND task_id = ? AND subject = ? AND sample = ?"
              + " AND criterion_id = ? AND grader = ?",
          runId, score.taskId(), score.subject(), score.sample(), score.criterionId(), score.grader());
      return h.update("INSERT INTO rubric_scores (run_id, task_id, subject, sample, criterion_id, grader, points,"
              + " share, status, evidence, cost_usd, created_at, inputs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          runId, score.taskId(), score.subject(), score.sample(), score.criterionId(), score.grader(),
          score.points(), "scored".equals(status) ? score.share() : null, status, score.evidence(), costUsd, at,
          inputs == null ? null : inputs.toJson());
    });
  }

  /** Every rubric score of a run. */
  public List<StoredScore> scores(String runId) {
    return database.read("read rubric scores", h -> h.list(
        "SELECT * FROM rubric_scores WHERE run_id = ? ORDER BY task_id, subject, sample, criterion_id, grader",
        r -> {
          Double share = r.real("share");
          return new StoredScore(runId, new CriterionScore(r.text("task_id"), r.text("subject"), r.integer("sample"),
              r.text("criterion_id"), r.real("points"), share == null ? 0 : share, r.text("grader"),
              r.text("evidence")), r.text("status"), r.real("cost_usd"), JudgeInputs.ofJson(r.text("inputs")));
        }, runId));
  }

  private static JudgmentSource source(String stored) {
    return JudgmentSource.parse(stored)
        .orElseThrow(() -> new IllegalStateException("a stored judgment's source is not run:, campaign: or file:: " + stored));
  }

  private static int insert(Handle h, JudgmentSource source, String runId, int judgeSample, Judgment j, Instant at)
      throws SQLException {
    Showing showing = j.showing();
    return h.update("INSERT INTO judgments (source, run_id, task_id, model, opponent, grader, grader_type, outcome,"
            + " sample, judge_sample, occupation, sector, minutes, rationale, created_at, shown, outcome_shown_first,"
            + " outcome_shown_second) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        source.toString(), runId, j.taskId(), j.contestant().toString(), j.opponent(), j.grader(), j.graderType().id(),
        j.outcome().id(), j.sample(), judgeSample, j.occupation(), j.sector(), j.minutes(), j.rationale(), at,
        showing.side() == null ? null : showing.side().id(), id(showing.shownFirst()), id(showing.shownSecond()));
  }

  private static String id(Outcome outcome) {
    return outcome == null ? null : outcome.id();
  }

  /** How the contestant's deliverable was shown; unknown for judgments stored before V2_2. */
  private static Showing showing(Row r) throws SQLException {
    String side = r.text("shown");
    String first = r.text("outcome_shown_first");
    String second = r.text("outcome_shown_second");
    return new Showing(side == null ? null : Side.parse(side).orElseThrow(),
        first == null ? null : Outcome.parse(first).orElseThrow(), second == null ? null : Outcome.parse(second).orElseThrow());
  }
}
