package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** report.json has at least the keys the report format promises, and only valid JSON numbers. */
class ReportJsonTest {
  static String json;
  static JsonNode root;

  @BeforeAll
  static void write() throws Exception {
    json = JsonReport.toJson(SampleReports.report(false));
    root = JsonReport.mapper().readTree(json);
  }

  @Test
  void writingStreamsTheSameTextAsUtf8AndLeavesTheStreamOpen() {
    Report report = SampleReports.report(false);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    boolean[] closed = {false};
    java.io.OutputStream out = new java.io.FilterOutputStream(bytes) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    JsonReport.write(report, out);

    assertThat(closed[0]).as("closed").isFalse();
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(JsonReport.toJson(report));
  }

  @Test
  void theTopLevelHasEveryPart() {
    assertThat(root.get("format_version").asInt()).isEqualTo(4);
    assertThat(names(root)).containsExactly("format_version", "provenance", "models", "groups", "length_control",
        "rubric", "ratings", "ratings_fit", "pairwise", "agreement", "position_bias", "judge_gating", "judge_only",
        "time_horizon", "economics", "trend", "tasks", "warnings", "notes", "methods");
  }

  @Test
  void everyGroupHasItsCountsRatesIntervalsAndTests() {
    assertThat(root.get("groups")).isNotEmpty().allSatisfy(g -> assertThat(names(g)).contains("level", "name",
        "model", "n_tasks", "n_judgments", "wins", "ties", "losses", "weighting", "score", "score_ci",
        "score_ci_method", "score_ci_adjusted", "verdict", "win_or_tie_rate", "win_or_tie_ci", "win_rate",
        "win_rate_without_ties", "ci_wilson", "sign_test_p", "p_holm", "p_bh", "too_few_to_tell")
        .doesNotContain("ci_bootstrap"));
    JsonNode first = root.get("groups").get(0);
    assertThat(names(first.get("ci_wilson"))).containsExactly("low", "high");
    assertThat(names(first.get("score_ci"))).containsExactly("low", "high");
    assertThat(names(first.get("win_or_tie_ci"))).containsExactly("low", "high");
    assertThat(first.get("weighting").asText()).isEqualTo("task");
    assertThat(first.get("verdict").asText()).isIn("better", "worse", "not_distinguishable", "too_few_tasks");
    List<String> levels = new ArrayList<>();
    root.get("groups").forEach(g -> levels.add(g.get("level").asText()));
    assertThat(levels).contains("overall", "sector", "occupation", "file_type", "task_length");
  }

  @Test
  void ratingsAgreementHorizonAndEconomicsHaveTheirKeys() {
    assertThat(root.get("ratings")).hasSize(3).allSatisfy(r ->
        assertThat(names(r)).containsExactly("group", "player", "rating", "ci_low", "ci_high", "compared_with_baseline"));
    assertThat(root.get("ratings_fit").get(0).get("group").asInt()).isEqualTo(1);
    assertThat(root.get("pairwise")).allSatisfy(p ->
        assertThat(names(p)).containsExactly("player", "opponent", "judgments", "wins", "ties", "losses", "score"));
    List<String> kinds = new ArrayList<>();
    root.get("agreement").forEach(a -> {
      kinds.add(a.get("kind").asText());
      // Every key of format version 3, each once: the result's parts are written as keys of its own.
      assertThat(names(a)).containsExactlyInAnyOrder("kind", "judge", "items", "graders", "fleiss_items", "gdpval",
          "percent", "percent_without_ties", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha_ordinal",
          "leave_one_out", "ci", "difference_from_humans", "below_human_agreement");
    });
    assertThat(kinds).containsExactly("human_human", "model_human");
    assertThat(root.get("time_horizon")).hasSize(2);
    assertThat(root.get("economics").get(0).get("speed").get("naive").isNumber()).isTrue();
    assertThat(names(root.get("provenance"))).contains("suite_name", "suite_version", "suite_hash", "run_ids",
        "human_graders", "model_graders", "generated_at", "parity_version", "seed");
  }

  @Test
  void noNumberIsNaNOrInfinite() {
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void everyFigureReadsBackAsTheSameDouble() {
    Report report = SampleReports.report(false);
    JsonNode groups = root.get("groups");
    assertThat(groups).hasSize(report.groups().size());
    for (int i = 0; i < groups.size(); i++) {
      GroupResult g = report.groups().get(i);
      JsonNode written = groups.get(i);
      assertThat(written.get("score").doubleValue()).isEqualTo(g.score());
      assertThat(written.get("score_ci").get("low").doubleValue()).isEqualTo(g.scoreCi().low());
      assertThat(written.get("win_rate_without_ties").doubleValue()).isEqualTo(g.winRateWithoutTies());
      if (g.minimumDetectableDifference() != null) {
        assertThat(written.get("minimum_detectable_difference").doubleValue())
            .isEqualTo(g.minimumDetectableDifference());
      }
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(p -> names.add(p.getKey()));
    return names;
  }
}
