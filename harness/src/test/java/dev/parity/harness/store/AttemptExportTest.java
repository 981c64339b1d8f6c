package dev.parity.harness.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class AttemptExportTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  @TempDir Path folder;
  private Store store;
  private Run run;

  @BeforeEach
  void setUp() {
    store = new Store(stores.open(engine));
    ModelConfig model = new ModelConfig("gpt", "openai", "gpt-5", null, null, null, null, null, null, false, null);
    run = new Run("r1", "s", "1", "sha256:x", folder, "{}", ParityVersion.current(), RunStatus.RUNNING,
        null, T0, T0, null, List.of(model), null);
    AttemptKey done = new AttemptKey("r1", "gpt", "T1", 0);
    store.createRun(run, List.of(done, new AttemptKey("r1", "gpt", "T2", 0)));
    store.record(Attempt.answered(done, AttemptStatus.COMPLETED, new Attempt.Calls(null, false, 2, null),
        new Attempt.Answer(null, "gpt-5-2025", "req_1", FinishReason.REFUSED, "content_filter",
            new Usage(120L, 30L, null, null), 0.002,
            Duration.ofMillis(900), null),
        Attempt.Failure.NONE, new Attempt.Timing(T0, T0.plusSeconds(1)), new Attempt.Delivery("raw", List.of(
            new DeliverableFinding(DeliverableFinding.Kind.MISSING, null, "promised docx, delivered none"),
            DeliverableFinding.note("second, with \"quotes\"")))),
        List.of(new AttemptFile("answer.md", "b".repeat(64), 10)), List.of());
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void csvHasAHeaderAndOneRowPerAttemptThatPandasCanRead() throws Exception {
    StringWriter out = new StringWriter();

    AttemptExport.write(store, run, AttemptExport.Format.CSV, out);

    MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(out.toString());
    List<Map<String, String>> all = rows.readAll();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).keySet()).containsExactlyElementsOf(AttemptExport.COLUMNS);
    assertThat(all.get(0)).containsEntry("format_version", "1").containsEntry("task_id", "T1")
        .containsEntry("status", "completed").containsEntry("retries", "1")
        .containsEntry("input_tokens", "120").containsEntry("latency_ms", "900")
        .containsEntry("provider_finish_reason", "content_filter")
        .containsEntry("files", "answer.md").containsEntry("provider", "openai")
        .containsEntry("deliverable_notes", "promised docx, delivered none\nsecond, with \"quotes\"");
    assertThat(all.get(1)).containsEntry("status", "pending").containsEntry("input_tokens", "");
  }

  @Test
  void jsonlHasOneObjectALineWithTypedValues() throws Exception {
    StringWriter out = new StringWriter();

    AttemptExport.write(store, run, AttemptExport.Format.JSONL, out);

    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("cost_usd").asDouble()).isEqualTo(0.002);
    assertThat(first.get("model_outcome").asBoolean()).isTrue();
    assertThat(first.get("finish_reason").asText()).isEqualTo("refused");
    assertThat(first.get("provider_finish_reason").asText()).as("as the provider reported it").isEqualTo("content_filter");
    JsonNode second = new ObjectMapper().readTree(lines[1]);
    assertThat(second.get("input_tokens").isNull()).isTrue();
    assertThat(out.toString()).endsWith("}\n");
  }

  @Test
  void csvCellsThatASpreadsheetWouldTakeForAFormulaAreGuardedAndJsonlKeepsThemAsTheyAre() throws Exception {
    ModelConfig model = new ModelConfig("=HYPERLINK(\"http://evil.example\")", "openai", "gpt-5", null, null, null,
        null, null, null, false, null);
    Run hostile = new Run("r2", "s", "1", "sha256:x", folder, "{}", ParityVersion.current(), RunStatus.RUNNING,
        null, T0, T0, null, List.of(model), null);
    store.createRun(hostile, List.of(new AttemptKey("r2", model.name(), "T1", 0)));
    StringWriter csv = new StringWriter();
    StringWriter jsonl = new StringWriter();

    AttemptExport.write(store, hostile, AttemptExport.Format.CSV, csv);
    AttemptExport.write(store, hostile, AttemptExport.Format.JSONL, jsonl);

    Map<String, String> row = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(csv.toString()).next();
    assertThat(row.get("model")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(row.get("format_version")).isEqualTo("1");
    assertThat(new ObjectMapper().readTree(jsonl.toString()).get("model").asText()).isEqualTo(model.name());
  }
}
