package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfessionalsTest {
  @Test
  void everyProfessionalCountsAsOnePlayerBesideTheModels() {
    Report report = new Judgments()
        .human("t1", "human:p1", "g1", WIN).human("t1", "human:p2", "g2", TIE).human("t2", "human:p1", "g2", LOSS)
        .human("t1", "m", "g1", LOSS).human("t2", "m", "g2", LOSS).report();

    List<GroupResult> overall = report.groups(Level.OVERALL);
    assertThat(overall).extracting(GroupResult::model).containsExactlyInAnyOrder("m", "professionals");
    GroupResult professionals = overall.stream().filter(g -> g.model().equals("professionals")).findFirst().orElseThrow();
    assertThat(professionals.nJudgments()).isEqualTo(3);
    assertThat(professionals.nTasks()).isEqualTo(2);
    assertThat(List.of(professionals.wins(), professionals.ties(), professionals.losses())).containsExactly(1, 1, 1);
  }

  @Test
  void theProfessionalsMeasuredMinutesAndCostStandBesideTheModels() {
    Suite suite = SampleReports.suite();
    Task task = suite.task("card-dispute-reply").orElseThrow();
    Judgments judgments = new Judgments().in(task.sector(), task.occupation().title())
        .human(task.id(), "human:p1", "h1", WIN, 10.0, null).human(task.id(), "human:p2", "h2", TIE, 10.0, null);
    ReportProvenance.RunInfo run = new ReportProvenance.RunInfo("q3-baselines", suite.name(), suite.version(),
        suite.contentHash(), "completed", Instant.EPOCH, Instant.EPOCH, List.of("human:p1", "human:p2"), null, 0);
    Report report = Judgments.report(judgments.input().suite(suite).attempts(run, List.of(
        new ReportInput.MeasuredAttempt("q3-baselines", "human:p1", task.id(), 0, 40, 16.0),
        new ReportInput.MeasuredAttempt("q3-baselines", "human:p2", task.id(), 0, 60, 24.0)), false).build());

    EconomicsResult e = report.economics().stream().filter(r -> r.level() == Level.OVERALL).findFirst().orElseThrow();
    assertThat(e.model()).isEqualTo("professionals");
    assertThat(e.modelMinutes()).isEqualTo(50);
    assertThat(e.modelCostUsd()).isEqualTo(20);
    assertThat(e.humanMinutes()).as("the suite's baseline").isEqualTo(55);
  }

  @Test
  void theProfessionalsReportedMinutesStandBesideTheirMeasuredOnes() {
    Suite suite = SampleReports.suite();
    Task task = suite.task("card-dispute-reply").orElseThrow();
    Judgments judgments = new Judgments().in(task.sector(), task.occupation().title())
        .human(task.id(), "human:p1", "h1", WIN, 10.0, null).human(task.id(), "human:p2", "h2", TIE, 10.0, null);
    Report report = Judgments.report(judgments.input().suite(suite).attempts(run(suite, "human:p1", "human:p2"), List.of(
        new ReportInput.MeasuredAttempt("q3-baselines", "human:p1", task.id(), 0, 40, 16.0, 45.0),
        new ReportInput.MeasuredAttempt("q3-baselines", "human:p2", task.id(), 0, 60, 24.0, 70.0)), false).build());

    EconomicsResult e = overall(report, "professionals");
    assertThat(e.modelMinutes()).as("measured").isEqualTo(50);
    assertThat(e.modelReportedMinutes()).isEqualTo(57.5);
    assertThat(e.modelCostUsd()).as("measured minutes x wage").isEqualTo(20);
    assertThat(e.humanMinutesSources()).isEqualTo(new EconomicsResult.MinutesSources(0, 1, 0, 0));
    assertThat(MarkdownReport.render(report)).contains("| professionals | 55 min (reported) | 50 min (reported 58 min) |");
  }

  @Test
  void theProfessionalsMinutesAreLabelledMeasuredOrReportedAndEstimatesAreLeftOutWithANote(@TempDir Path dir)
      throws IOException {
    Path copy = dir.resolve("sample");
    copyTree(SampleReports.SAMPLE_SUITE, copy);
    setMinutes(copy, "card-dispute-reply", "{\"value\": 40, \"source\": \"measured\"}");
    setMinutes(copy, "msa-clause-summary", "{\"value\": 48.9, \"source\": \"estimated\", \"basis\": \"O*NET\"}");
    Suite suite = SuiteLoader.create().load(copy);
    Judgments judgments = new Judgments();
    List<ReportInput.MeasuredAttempt> attempts = new java.util.ArrayList<>();
    for (String id : List.of("card-dispute-reply", "feature-copy-edit", "msa-clause-summary")) {
      Task task = suite.task(id).orElseThrow();
      judgments.in(task.sector(), task.occupation().title()).human(id, "m", "h1", WIN, 10.0, null);
      attempts.add(new ReportInput.MeasuredAttempt("r", "m", id, 0, 5, 0.5));
    }
    Report report = Judgments.report(judgments.input().suite(suite).attempts(run(suite, "m"), attempts, false).build());

    EconomicsResult e = overall(report, "m");
    assertThat(e.nTasks()).isEqualTo(2);
    assertThat(e.humanMinutesSources()).isEqualTo(new EconomicsResult.MinutesSources(1, 1, 1, 0));
    assertThat(e.humanMinutesSources().label()).isEqualTo("1 measured, 1 reported");
    assertThat(e.modelReportedMinutes()).as("a model reports nothing").isNull();
    assertThat(report.notes()).anyMatch(n -> n.startsWith("1 tasks with measured attempts are left out of speed and "
        + "cost: the professional's minutes or wage are estimated") && n.endsWith("msa-clause-summary"));
    assertThat(HtmlReport.render(report, List.of())).contains("(1 measured, 1 reported)");
  }

  private static EconomicsResult overall(Report report, String player) {
    return report.economics().stream().filter(r -> r.level() == Level.OVERALL && r.model().equals(player))
        .findFirst().orElseThrow();
  }

  private static ReportProvenance.RunInfo run(Suite suite, String... contestants) {
    return new ReportProvenance.RunInfo("q3-baselines", suite.name(), suite.version(), suite.contentHash(),
        "completed", Instant.EPOCH, Instant.EPOCH, List.of(contestants), null, 0);
  }

  private static void setMinutes(Path suite, String task, String minutes) throws IOException {
    Path file = suite.resolve("tasks").resolve(task).resolve("task.json");
    String json = Files.readString(file);
    String changed = json.replaceFirst("\"minutes\": [0-9.]+", java.util.regex.Matcher.quoteReplacement("\"minutes\": " + minutes));
    assertThat(changed).as(file.toString()).isNotEqualTo(json);
    Files.writeString(file, changed);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
