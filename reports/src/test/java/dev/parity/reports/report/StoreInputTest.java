package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.JudgmentsCsv;
import dev.parity.judgments.CriterionScore;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptExport;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.judgments.JudgmentSource;
import dev.parity.judgments.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report from a real store: a run's attempts, its model judges' judgments and rubric scores. */
class StoreInputTest {
  static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  @TempDir Path folder;
  Store store;
  Run run;

  @BeforeEach
  void record() {
    store = Store.open(folder.resolve("parity.db"));
    ModelConfig gpt = new ModelConfig("gpt", "openai", "gpt-5", null, null, null, null, null, null, false,
        LocalDate.of(2025, 8, 7));
    ModelConfig replay = new ModelConfig("recorded", "replay", "answers/", null, null, null, null, null, null, false, null);
    run = new Run("r1", "s", "1", "sha256:x", folder, RunSettings.DEFAULT.json(), ParityVersion.current(),
        RunStatus.COMPLETED, null, T0, T0, T0.plusSeconds(600), List.of(gpt, replay), null);
    AttemptKey answered = new AttemptKey("r1", "gpt", "T1", 0);
    AttemptKey timedOut = new AttemptKey("r1", "gpt", "T2", 0);
    AttemptKey replayed = new AttemptKey("r1", "recorded", "T1", 0);
    store.createRun(run, List.of(answered, timedOut, replayed));
    store.record(attempt(answered, AttemptStatus.COMPLETED, Duration.ofSeconds(90), 0.25), List.of(), List.of());
    store.record(attempt(timedOut, AttemptStatus.TIMED_OUT, Duration.ofSeconds(600), null), List.of(), List.of());
    store.record(attempt(replayed, AttemptStatus.COMPLETED, Duration.ofMillis(20), 0.0), List.of(), List.of());
    JudgmentStore judgments = new JudgmentStore(store.database());
    // The judge asked three times about T1: win, loss, win — a majority win.
    for (int rep = 0; rep < 3; rep++) {
      judgments.add(JudgmentSource.run("r1"), "r1", rep, judgment("T1", rep == 1 ? Outcome.LOSS : Outcome.WIN), T0);
    }
    judgments.add(JudgmentSource.run("r1"), "r1", 0, judgment("T2", Outcome.LOSS), T0);
    judgments.addScore("r1", new CriterionScore("T1", "gpt", 0, "c1", 2, 1, "check", null), "scored", null, T0);
    judgments.addScore("r1", new CriterionScore("T1", "gpt", 0, "c2", 2, 0, "judge", null), "judge_failure", 0.01, T0);
    judgments.addScore("r1", new CriterionScore("T1", "baseline", 0, "c1", 2, 1, "check", null), "scored", null, T0);
    judgments.addScore("r1", new CriterionScore("T1", "baseline", 0, "c2", 2, 1, "check", null), "scored", null, T0);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Attempt attempt(AttemptKey key, AttemptStatus status, Duration latency, Double cost) {
    return new Attempt(key, status, new Attempt.Calls(null, false, 1, null),
        new Attempt.Answer(null, null, null, status == AttemptStatus.COMPLETED ? FinishReason.COMPLETED : null,
            Usage.UNKNOWN, cost, latency, null),
        Attempt.Failure.NONE, new Attempt.Timing(T0, T0.plusSeconds(1)), Attempt.Delivery.NONE);
  }

  private static Judgment judgment(String task, Outcome outcome) {
    return new Judgment(task, "gpt", Judgment.BASELINE, "openai:gpt-5 judge", GraderType.MODEL, outcome, 0,
        "Accountants and Auditors", "Finance and Insurance", null, null);
  }

  private ReportInput input() {
    JudgmentStore judgments = new JudgmentStore(store.database());
    return ReportInput.builder(T0)
        .run(run, store.attempts("r1"))
        .storedJudgments(new Source("stored_judgments", "run:r1", false), judgments.judgments("r1"))
        .storedScores(judgments.scores("r1"))
        .build();
  }

  @Test
  void onlyAnsweredAttemptsOfRealModelsAreMeasuredByTheirLatency() {
    ReportInput input = input();

    assertThat(input.attempts()).containsExactly(new ReportInput.MeasuredAttempt("r1", "gpt", "T1", 0, 1.5, 0.25));
    assertThat(input.unmeasured()).containsOnlyKeys("recorded");
    assertThat(input.releaseDates()).containsEntry("gpt", LocalDate.of(2025, 8, 7));
    assertThat(input.runs().get(0).models()).containsExactly("gpt", "recorded");
  }

  @Test
  void theProvenanceSaysARunWhoseProcessDiedIsAbandonedAsOfTheReport() {
    Run died = new Run("r2", "s", "1", "sha256:x", folder, RunSettings.DEFAULT.json(), ParityVersion.current(),
        RunStatus.RUNNING,
        null, T0, T0, null, run.models(), new Run.Heartbeat(T0, Duration.ofSeconds(30)));

    assertThat(ReportInput.builder(T0.plusSeconds(90)).run(died, List.of()).build().runs().get(0).status())
        .isEqualTo("running");
    assertThat(ReportInput.builder(T0.plusSeconds(91)).run(died, List.of()).build().runs().get(0).status())
        .isEqualTo("abandoned");
  }

  @Test
  void theReportSaysHowManyDeliverablesARunConverted() {
    AttemptKey converted = new AttemptKey("r1", "gpt", "T1", 0);
    Attempt base = attempt(converted, AttemptStatus.COMPLETED, Duration.ofSeconds(90), 0.25);
    store.record(new Attempt(converted, base.status(), base.calls(), base.answer(), base.failure(), base.timing(),
        new Attempt.Delivery("envelope", List.of(new DeliverableFinding(DeliverableFinding.Kind.CONVERTED,
            "memo.docx", "memo.docx was built from memo.md: docx was requested, the model delivered md")))),
        List.of(), List.of());
    ReportInput input = input();
    Report report = Judgments.report(input);

    assertThat(input.runs().get(0).convertedDeliverables()).isEqualTo(1);
    String line = "1 deliverable converted to the requested format (--convert-formats)";
    assertThat(MarkdownReport.render(report)).contains("- Run r1: " + line);
    assertThat(HtmlReport.render(report, input.judgments())).contains("Converted formats", "r1: " + line);
    assertThat(JsonReport.toJson(report)).contains("\"converted_deliverables\" : 1");
  }

  @Test
  void aJudgeAskedSeveralTimesCountsOnceWithItsMajorityAndAJudgeFailureIsNoScore() {
    ReportInput input = input();

    assertThat(input.judgments()).hasSize(2);
    assertThat(input.judgments().get(0).outcome()).isEqualTo(Outcome.WIN);
    assertThat(input.criterionScores()).hasSize(3).noneMatch(s -> s.criterionId().equals("c2") && s.subject().equals("gpt"));
  }

  @Test
  void theReportFilesHoldTheRunsAttemptsAndTheJudgmentsCounted() throws Exception {
    ReportInput input = input();
    Report report = Judgments.report(input);

    List<Path> files = ReportFiles.write(folder.resolve("out"), report, input, store, Runnable::run);

    assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(ReportFiles.NAMES);
    assertThat(report.provenance().graders()).isEqualTo("model");
    assertThat(report.group(Level.OVERALL, "All tasks", "gpt").orElseThrow().wins()).isEqualTo(1);
    // c2 failed for the model, so it earns nothing of it: 2 of 4 points; the professional 4 of 4.
    assertThat(report.rubric().get(0).modelMean()).isEqualTo(0.5);
    assertThat(report.trend()).extracting(TrendPoint::model).containsExactly("gpt");
    List<Judgment> written = JudgmentsCsv.read("judgments.csv",
        Files.newBufferedReader(folder.resolve("out/judgments.csv")), id -> Optional.empty());
    assertThat(written).isEqualTo(input.judgments());
    MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(Files.readString(folder.resolve("out/attempts.csv")));
    List<Map<String, String>> attempts = rows.readAll();
    assertThat(attempts).hasSize(3).allSatisfy(row -> assertThat(row).containsEntry("run_id", "r1"));
    assertThat(attempts.get(0).keySet()).containsExactlyElementsOf(AttemptExport.COLUMNS);
  }

  @Test
  void withoutAStoreAttemptsCsvHasItsHeaderOnly() throws Exception {
    ReportInput input = new Judgments().human("t1", "m", "g", Outcome.WIN).input().build();

    ReportFiles.write(folder.resolve("out"), Judgments.report(input), input, null, Runnable::run);

    assertThat(Files.readString(folder.resolve("out/attempts.csv")).strip())
        .isEqualTo(String.join(",", AttemptExport.COLUMNS));
    assertThat(Files.readString(folder.resolve("out/report.md"))).startsWith("# Parity report");
  }
}
