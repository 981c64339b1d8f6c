package dev.parity.harness.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parity.core.SpreadsheetCells;
import dev.parity.harness.client.ModelConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a run's attempts for pandas or R: one row (CSV) or one JSON object a line (JSONL) per
 * attempt, with the columns of {@link #COLUMNS}. Format version {@value #FORMAT_VERSION}, carried
 * in each row's {@code format_version}; documented in {@code docs/store.md}.
 */
public final class AttemptExport {
  /** The version of the exported columns; it changes when a column changes meaning or goes away. */
  public static final int FORMAT_VERSION = 1;

  /** The output formats. */
  public enum Format {
    CSV, JSONL;

    /** The format named {@code csv} or {@code jsonl}, ignoring case. */
    public static Format of(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown export format \"" + name + "\"; known: csv, jsonl", e);
      }
    }
  }

  private static final Map<String, Function<Row, Object>> FIELDS = fields();
  /** The columns, in order. */
  public static final List<String> COLUMNS = List.copyOf(FIELDS.keySet());

  private AttemptExport() {}

  /** Writes every attempt of {@code run} from {@code store} to {@code out}; does not close it. */
  public static void write(Store store, Run run, Format format, Writer out) {
    Map<String, ModelConfig> models = run.models().stream()
        .collect(Collectors.toMap(ModelConfig::name, m -> m));
    List<Attempt> attempts = store.attempts(run.id());
    try {
      SequenceWriter writer = format == Format.CSV
          ? new CsvMapper().writer(schema()).writeValues(out)
          : new ObjectMapper().writer().withRootValueSeparator("\n").writeValues(out);
      for (Attempt attempt : attempts) {
        Row row = new Row(attempt, models.get(attempt.key().model()), store.files(attempt.key()));
        Map<String, Object> values = new LinkedHashMap<>();
        FIELDS.forEach((column, field) -> values.put(column, cell(field.apply(row), format)));
        writer.write(values);
      }
      writer.flush();
      if (format == Format.JSONL && !attempts.isEmpty()) {
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the attempts of run " + run.id(), e);
    }
  }

  /** A CSV cell that a spreadsheet would take for a formula is guarded; JSON values stay as they are. */
  private static Object cell(Object value, Format format) {
    return format == Format.CSV && value instanceof String text ? SpreadsheetCells.guard(text) : value;
  }

  private record Row(Attempt attempt, ModelConfig model, List<AttemptFile> files) {}

  private static CsvSchema schema() {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    COLUMNS.forEach(schema::addColumn);
    return schema.build();
  }

  private static Map<String, Function<Row, Object>> fields() {
    Map<String, Function<Row, Object>> fields = new LinkedHashMap<>();
    fields.put("format_version", r -> FORMAT_VERSION);
    fields.put("run_id", r -> r.attempt().key().runId());
    fields.put("model", r -> r.attempt().key().model());
    fields.put("provider", r -> r.model().provider());
    fields.put("model_id", r -> r.model().model());
    fields.put("task_id", r -> r.attempt().key().taskId());
    fields.put("sample", r -> r.attempt().key().sample());
    fields.put("status", r -> r.attempt().status().id());
    fields.put("model_outcome", r -> r.attempt().status().isModelOutcome());
    fields.put("cache_hit", r -> r.attempt().calls().cacheHit());
    fields.put("http_attempts", r -> r.attempt().calls().httpAttempts());
    fields.put("retries", r -> r.attempt().retries());
    fields.put("error_type", r -> r.attempt().failure().type());
    fields.put("error_message", r -> r.attempt().failure().message());
    fields.put("provider_model", r -> r.attempt().answer().providerModel());
    fields.put("request_id", r -> r.attempt().answer().requestId());
    fields.put("finish_reason", r -> r.attempt().answer().finishReason() == null ? null
        : r.attempt().answer().finishReason().name().toLowerCase(Locale.ROOT));
    fields.put("provider_finish_reason", r -> r.attempt().answer().providerFinishReason());
    fields.put("input_tokens", r -> r.attempt().answer().usage().inputTokens());
    fields.put("output_tokens", r -> r.attempt().answer().usage().outputTokens());
    fields.put("reasoning_tokens", r -> r.attempt().answer().usage().reasoningTokens());
    fields.put("cached_input_tokens", r -> r.attempt().answer().usage().cachedInputTokens());
    fields.put("cost_usd", r -> r.attempt().answer().costUsd());
    fields.put("paid_usd", r -> r.attempt().paidUsd());
    fields.put("latency_ms", r -> r.attempt().answer().latency() == null ? null : r.attempt().answer().latency().toMillis());
    fields.put("ttfb_ms", r -> r.attempt().answer().timeToFirstByte() == null ? null
        : r.attempt().answer().timeToFirstByte().toMillis());
    fields.put("started_at", r -> r.attempt().timing().startedAt() == null ? null : r.attempt().timing().startedAt().toString());
    fields.put("ended_at", r -> r.attempt().timing().endedAt() == null ? null : r.attempt().timing().endedAt().toString());
    fields.put("files", r -> r.files().stream().map(AttemptFile::name).collect(Collectors.joining(";")));
    fields.put("answer_sha256", r -> r.attempt().answer().sha256());
    fields.put("transcript_sha256", r -> r.attempt().calls().transcriptSha256());
    fields.put("extraction", r -> r.attempt().delivery().extraction());
    fields.put("deliverable_notes", r -> DeliverableFinding.asNotes(r.attempt().delivery().findings()));
    // An agent attempt's columns, empty for plain attempts (see docs/agents.md).
    fields.put("agent_end", r -> r.attempt().agentEnd());
    fields.put("agent_turns", r -> r.attempt().agent().turns());
    fields.put("agent_tool_calls", r -> r.attempt().agent().toolCalls());
    fields.put("sandbox_cpu_seconds", r -> r.attempt().agent().sandboxCpuMs() == null ? null
        : r.attempt().agent().sandboxCpuMs() / 1000.0);
    fields.put("sandbox_peak_memory_kb", r -> r.attempt().agent().sandboxPeakMemoryKb());
    fields.put("spent_input_tokens", r -> r.attempt().agent().spentUsage().inputTokens());
    fields.put("spent_output_tokens", r -> r.attempt().agent().spentUsage().outputTokens());
    fields.put("spent_reasoning_tokens", r -> r.attempt().agent().spentUsage().reasoningTokens());
    fields.put("spent_usd", r -> r.attempt().agent().spentUsd());
    return fields;
  }
}
