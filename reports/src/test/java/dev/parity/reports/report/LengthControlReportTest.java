package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.harness.features.DeliverableFeatures;
import dev.parity.harness.store.AttemptKey;
import dev.parity.judgments.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The length-controlled score in a report: from recorded features to the page. */
class LengthControlReportTest {
  private static final int TASKS = 60;

  /**
   * 60 tasks; the professional's deliverable is 600 words, the model's 600·e^d with d from
   * N(0.4, 0.5), so longer on about 80% of tasks. A judge that always picks the longer deliverable
   * judges every pair; its verdicts are the report's (no human judged).
   */
  private static ReportInput input(int withoutFeatures) {
    Random random = new Random(21);
    Judgments judgments = new Judgments();
    Map<AttemptKey, DeliverableFeatures> attempts = new LinkedHashMap<>();
    ReportInput.Builder input = ReportInput.builder(Judgments.NOW);
    for (int t = 0; t < TASKS; t++) {
      String task = "t" + t;
      int words = (int) Math.round(600 * Math.exp(0.4 + 0.5 * random.nextGaussian()));
      judgments.judge(task, "m", "longer-judge", words > 600 ? Outcome.WIN : Outcome.LOSS);
      if (t >= withoutFeatures) {
        attempts.put(new AttemptKey("r1", "m", task, 0), memo(words));
        input.baselineFeatures(task, memo(600));
      }
    }
    return input.judgments(new Source("judgments", "test", false), judgments.list()).attemptFeatures(attempts).build();
  }

  private static DeliverableFeatures memo(int words) {
    return new DeliverableFeatures(1, words, 0, 0, 0, 0, 3, 2, 0);
  }

  @Test
  void aJudgeThatPicksTheLongerDeliverableIsBetterRawButAtChanceControlledForLength() throws Exception {
    Report report = Judgments.report(input(0));

    GroupResult overall = report.group(Level.OVERALL, Grouping.ALL_TASKS, "m").orElseThrow();
    assertThat(overall.verdict()).isEqualTo(Reading.BETTER);
    LengthControlResult controlled = report.lengthControl("m").orElseThrow();
    assertThat(controlled.scoreCi().low()).isLessThan(0.5);
    assertThat(controlled.scoreCi().high()).isGreaterThan(0.5);
    assertThat(controlled.rawScore()).isCloseTo(overall.score(), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(controlled.covariates()).containsOnlyKeys("length");
    assertThat(controlled.nTasks()).isEqualTo(TASKS);
    assertThat(controlled.leftOut()).isZero();

    JsonNode json = JsonReport.mapper().readTree(JsonReport.toJson(report)).get("length_control").get(0);
    assertThat(json.get("model").asText()).isEqualTo("m");
    assertThat(json.get("score_ci").get("low").asDouble()).isEqualTo(controlled.scoreCi().low());
    assertThat(json.get("covariates").get("length").asDouble()).isPositive();
    assertThat(report.methods()).containsKey("length_control");
    String line = "Controlled for length and format: " + Text.rateWithInterval(controlled.score(), controlled.scoreCi());
    assertThat(Jsoup.parse(HtmlReport.render(report, java.util.List.of())).select("#summary .length-control").text())
        .startsWith(line);
    assertThat(MarkdownReport.render(report)).contains("better than the professionals", "Controlled for length and "
        + "format: " + Text.percent(controlled.score()) + " \\[" + Text.percentInterval(controlled.scoreCi()) + "\\]");
  }

  @Test
  void judgmentsWithoutFeaturesAreLeftOutWithANoteSayingHowMany() {
    Report report = Judgments.report(input(15));

    assertThat(report.lengthControl("m").orElseThrow().nJudgments()).isEqualTo(TASKS - 15);
    assertThat(report.lengthControl("m").orElseThrow().leftOut()).isEqualTo(15);
    assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("15 of 60 judgments against the "
        + "professionals were left out of the length-controlled scores"));
  }

  @Test
  void withoutAnyFeaturesThereIsNoFigureAndANoteSaysWhy() {
    Report report = Judgments.report(input(TASKS));

    assertThat(report.lengthControl()).isEmpty();
    assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("No length-controlled scores"));
    assertThat(MarkdownReport.render(report)).doesNotContain("Controlled for length and format");
  }
}
