package dev.parity.harness.store;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.Usage;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
      + " a.answer_sha256, a.transcript_sha256, a.extraction, a.deliverable_notes, a.agent_turns,"
      + " a.agent_tool_calls, a.sandbox_cpu_ms, a.sandbox_peak_memory_kb, a.spent_input_tokens,"
      + " a.spent_output_tokens, a.spent_reasoning_tokens, a.spent_cached_input_tokens, a.spent_usd,"
      + " a.provider_finish_reason";
  private static final String CACHED =
      " FROM attempts a WHERE a.answer_sha256 IS NOT NULL AND a.status IN (?, ?, ?)";

  private AttemptRows() {}

  static void insertPending(Handle h, List<AttemptKey> keys) throws SQLException {
    h.batch("INSERT INTO attempts (run_id, model_name, task_id, sample, status) VALUES (?, ?, ?, ?, ?)",
        keys.stream().map(k -> new Object[] {k.runId(), k.model(), k.taskId(), k.sample(),
            AttemptStatus.PENDING.id()}).toList());
  }

  /** An attempt's result to record, with its files and the errors of its calls. */
  record Result(Attempt attempt, List<AttemptFile> files, List<CallError> errors) {}

  /**
   * Records the results of attempts that exist (created pending with their run), all in the
   * caller's transaction, one batch per statement for all of them (a round trip each, whatever
   * their number).
   */
  static void record(Handle h, List<Result> results) throws SQLException {
    List<Object[]> attempts = new ArrayList<>();
    List<Object[]> files = new ArrayList<>();
    List<Object[]> keys = new ArrayList<>();
    List<Object[]> findings = new ArrayList<>();
    List<Object[]> errors = new ArrayList<>();
    for (Result result : results) {
      Attempt attempt = result.attempt();
      AttemptKey key = attempt.key();
      attempts.add(updateParameters(attempt));
      result.files().forEach(f -> files.add(new Object[] {key.runId(), key.model(), key.taskId(), key.sample(),
          f.name(), f.sha256(), f.sizeBytes()}));
      keys.add(new Object[] {key.runId(), key.model(), key.taskId(), key.sample()});
      List<DeliverableFinding> found = attempt.delivery().findings();
      for (int i = 0; i < found.size(); i++) {
        DeliverableFinding f = found.get(i);
        findings.add(new Object[] {key.runId(), key.model(), key.taskId(), key.sample(), i, f.kind().id(), f.file(),
            f.message()});
      }
      result.errors().forEach(e -> errors.add(new Object[] {key.runId(), key.model(), key.taskId(), key.sample(),
          e.tryNumber(), e.failure().name(), e.message(), e.retryWait(), e.at()}));
    }
    int[] updated = h.batchCounts("UPDATE attempts SET status = ?,"
            + " cache_key = ?, cache_hit = ?, http_attempts = ?, error_type = ?, error_message = ?,"
            + " provider_model = ?, request_id = ?, finish_reason = ?, input_tokens = ?, output_tokens = ?,"
            + " reasoning_tokens = ?, cached_input_tokens = ?, cost_usd = ?, latency_ms = ?, ttfb_ms = ?,"
            + " started_at = ?, ended_at = ?, answer_sha256 = ?, transcript_sha256 = ?, extraction = ?,"
            // The spent_ columns are added to turn by turn (addSpent), never set here.
            + " deliverable_notes = ?, agent_turns = ?, agent_tool_calls = ?, sandbox_cpu_ms = ?,"
            + " sandbox_peak_memory_kb = ?, provider_finish_reason = ? WHERE " + KEY,
        attempts);
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] != 1) {
        AttemptKey key = results.get(i).attempt().key();
        throw new SQLException("no attempt " + key + " in run " + key.runId());
      }
    }
    h.batch("INSERT INTO attempt_files (run_id, model_name, task_id, sample, name, sha256, size_bytes)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", files);
    h.batch("DELETE FROM attempt_findings WHERE " + KEY, keys);
    h.batch("INSERT INTO attempt_findings (run_id, model_name, task_id, sample, ordinal, kind, file, message)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", findings);
    h.batch("INSERT INTO attempt_errors (run_id, model_name, task_id, sample, try_number, failure, message,"
        + " wait_ms, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", errors);
  }

  /** The parameters of the attempt's update, in the order of its statement. */
  private static Object[] updateParameters(Attempt attempt) {
    Attempt.Calls calls = attempt.calls();
    Attempt.Answer answer = attempt.answer();
    Usage usage = answer.usage();
    Attempt.Agent agent = attempt.agent();
    AttemptKey key = attempt.key();
    return new Object[] {attempt.status().id(), calls.cacheKey(), calls.cacheHit(), calls.httpAttempts(),
        attempt.failure().type(), attempt.failure().message(), answer.providerModel(), answer.requestId(),
        answer.finishReason() == null ? null : answer.finishReason().name(),
        usage.inputTokens(), usage.outputTokens(), usage.reasoningTokens(), usage.cachedInputTokens(),
        answer.costUsd(), answer.latency(), answer.timeToFirstByte(), attempt.timing().startedAt(),
        attempt.timing().endedAt(), answer.sha256(), calls.transcriptSha256(), attempt.delivery().extraction(),
        // Findings live in attempt_findings since store version 1.2; the text column is for older rows.
        null,
        agent.turns(), agent.toolCalls(), agent.sandboxCpuMs(), agent.sandboxPeakMemoryKb(),
        answer.providerFinishReason(), key.runId(), key.model(), key.taskId(), key.sample()};
  }

  /**
   * Adds one turn's tokens and cost to what the attempt's tries have spent, as the turn answers, so
   * that a try a kill leaves unfinished stays counted. A null cost (unknown price) adds nothing.
   */
  static void addSpent(Handle h, AttemptKey key, Usage usage, Double costUsd) throws SQLException {
    int updated = h.update("UPDATE attempts SET"
            + " spent_input_tokens = COALESCE(spent_input_tokens, 0) + ?,"
            + " spent_output_tokens = COALESCE(spent_output_tokens, 0) + ?,"
            + " spent_reasoning_tokens = COALESCE(spent_reasoning_tokens, 0) + ?,"
            + " spent_cached_input_tokens = COALESCE(spent_cached_input_tokens, 0) + ?,"
            + " spent_usd = COALESCE(spent_usd, 0) + ? WHERE " + KEY,
        orZero(usage.inputTokens()), orZero(usage.outputTokens()), orZero(usage.reasoningTokens()),
        orZero(usage.cachedInputTokens()), costUsd == null ? 0.0 : costUsd,
        key.runId(), key.model(), key.taskId(), key.sample());
    if (updated != 1) {
      throw new SQLException("no attempt " + key + " in run " + key.runId());
    }
  }

  private static Integer toInt(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }

  private static long orZero(Long tokens) {
    return tokens == null ? 0 : tokens;
  }

  static List<Attempt> ofRun(Handle h, String runId) throws SQLException {
    List<Attempt> attempts = h.list("SELECT " + COLUMNS
        + " FROM attempts a JOIN run_models m ON m.run_id = a.run_id AND m.name = a.model_name"
        + " WHERE a.run_id = ? ORDER BY m.ordinal, a.task_id, a.sample", AttemptRows::read, runId);
    Map<AttemptKey, List<DeliverableFinding>> findings = new HashMap<>();
    for (Map.Entry<AttemptKey, DeliverableFinding> row : h.list(FINDINGS + " WHERE run_id = ?"
        + " ORDER BY model_name, task_id, sample, ordinal", AttemptRows::finding, runId)) {
      findings.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
    }
    return findings.isEmpty() ? attempts : attempts.stream().map(a -> withFindings(a, findings.get(a.key()))).toList();
  }

  /** What every attempt of a run cost, in the order of {@link #ofRun}. */
  static List<AttemptCost> costsOfRun(Handle h, String runId) throws SQLException {
    return h.list("SELECT a.status, a.cache_hit, a.answer_sha256 IS NOT NULL AS answered, a.cost_usd, a.spent_usd"
        + " FROM attempts a JOIN run_models m ON m.run_id = a.run_id AND m.name = a.model_name"
        + " WHERE a.run_id = ? ORDER BY m.ordinal, a.task_id, a.sample",
        r -> AttemptCost.of(AttemptStatus.fromId(r.text("status")), r.bool("cache_hit"), r.bool("answered"),
            r.real("cost_usd"), r.real("spent_usd")), runId);
  }

  static Optional<Attempt> cached(Handle h, String cacheKey) throws SQLException {
    Optional<Attempt> cached = h.first("SELECT " + COLUMNS + CACHED + " AND a.cache_key = ? ORDER BY a.ended_at LIMIT 1",
        AttemptRows::read, AttemptStatus.COMPLETED.id(), AttemptStatus.REFUSED.id(),
        AttemptStatus.INVALID_OUTPUT.id(), cacheKey);
    if (cached.isEmpty()) {
      return cached;
    }
    AttemptKey key = cached.get().key();
    List<DeliverableFinding> findings = h.list(FINDINGS + " WHERE " + KEY + " ORDER BY ordinal", AttemptRows::finding,
        key.runId(), key.model(), key.taskId(), key.sample()).stream().map(Map.Entry::getValue).toList();
    return Optional.of(withFindings(cached.get(), findings));
  }

  private static final String FINDINGS =
      "SELECT run_id, model_name, task_id, sample, kind, file, message FROM attempt_findings";

  private static Map.Entry<AttemptKey, DeliverableFinding> finding(Row r) throws SQLException {
    return Map.entry(key(r), new DeliverableFinding(DeliverableFinding.Kind.fromId(r.text("kind")), r.text("file"),
        r.text("message")));
  }

  /** {@code attempt} with the findings kept in their own table, when it has any (older rows have them as notes). */
  private static Attempt withFindings(Attempt attempt, List<DeliverableFinding> findings) {
    if (findings == null || findings.isEmpty()) {
      return attempt;
    }
    return new Attempt(attempt.key(), attempt.status(), attempt.calls(), attempt.answer(), attempt.failure(),
        attempt.timing(), new Attempt.Delivery(attempt.delivery().extraction(), findings), attempt.agent());
  }

  static Set<String> cachedKeys(Handle h) throws SQLException {
    return new HashSet<>(h.list("SELECT DISTINCT a.cache_key" + CACHED, r -> r.text(1),
        AttemptStatus.COMPLETED.id(), AttemptStatus.REFUSED.id(), AttemptStatus.INVALID_OUTPUT.id()));
  }

  static List<AttemptFile> files(Handle h, AttemptKey key) throws SQLException {
    return h.list("SELECT name, sha256, size_bytes FROM attempt_files WHERE " + KEY + " ORDER BY name",
        r -> new AttemptFile(r.text("name"), r.text("sha256"), r.bigint("size_bytes")),
        key.runId(), key.model(), key.taskId(), key.sample());
  }

  static Map<AttemptKey, List<AttemptFile>> filesOfRun(Handle h, String runId) throws SQLException {
    Map<AttemptKey, List<AttemptFile>> files = new LinkedHashMap<>();
    h.list("SELECT run_id, model_name, task_id, sample, name, sha256, size_bytes FROM attempt_files WHERE run_id = ?"
            + " ORDER BY model_name, task_id, sample, name",
        r -> files.computeIfAbsent(key(r), k -> new ArrayList<>())
            .add(new AttemptFile(r.text("name"), r.text("sha256"), r.bigint("size_bytes"))),
        runId);
    return files;
  }

  static List<CallError> errors(Handle h, AttemptKey key) throws SQLException {
    return h.list("SELECT try_number, failure, message, wait_ms, at FROM attempt_errors WHERE " + KEY
            + " ORDER BY try_number",
        r -> new CallError(r.integer("try_number"), CallFailure.valueOf(r.text("failure")), r.text("message"),
            r.millis("wait_ms"), r.instant("at")),
        key.runId(), key.model(), key.taskId(), key.sample());
  }

  private static AttemptKey key(Row r) throws SQLException {
    return new AttemptKey(r.text("run_id"), r.text("model_name"), r.text("task_id"), r.integer("sample"));
  }

  private static Attempt read(Row r) throws SQLException {
    String finish = r.text("finish_reason");
    Usage usage = new Usage(r.bigint("input_tokens"), r.bigint("output_tokens"), r.bigint("reasoning_tokens"),
        r.bigint("cached_input_tokens"));
    String errorType = r.text("error_type");
    return new Attempt(key(r), AttemptStatus.fromId(r.text("status")),
        new Attempt.Calls(r.text("cache_key"), r.bool("cache_hit"), r.integer("http_attempts"),
            r.text("transcript_sha256")),
        new Attempt.Answer(r.text("answer_sha256"), r.text("provider_model"), r.text("request_id"),
            finish == null ? null : FinishReason.valueOf(finish), r.text("provider_finish_reason"), usage, r.real("cost_usd"), r.millis("latency_ms"),
            r.millis("ttfb_ms")),
        errorType == null ? Attempt.Failure.NONE : Attempt.Failure.of(errorType, r.text("error_message")),
        new Attempt.Timing(r.instant("started_at"), r.instant("ended_at")),
        new Attempt.Delivery(r.text("extraction"), DeliverableFinding.fromNotes(r.text("deliverable_notes"))),
        new Attempt.Agent(toInt(r.bigint("agent_turns")), toInt(r.bigint("agent_tool_calls")), r.bigint("sandbox_cpu_ms"),
            r.bigint("sandbox_peak_memory_kb"), new Usage(r.bigint("spent_input_tokens"),
            r.bigint("spent_output_tokens"), r.bigint("spent_reasoning_tokens"),
            r.bigint("spent_cached_input_tokens")), r.real("spent_usd")));
  }
}
