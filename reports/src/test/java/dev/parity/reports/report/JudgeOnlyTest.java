package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Judge-only figures are labelled in occupations where the judge may not stand in for the humans. */
class JudgeOnlyTest {
  private static final String SECTOR = "Finance and Insurance";
  private static final String AGREES = "Accountants and Auditors";
  private static final String DISAGREES = "Financial Managers";
  private static final String UNCHECKED = "Loan Officers";
  private static final String JUDGE = "openai:gpt-5";

  /**
   * No human judged a model against the professionals, so the judge's verdicts make the scores.
   * Two humans compared models m and n on 12 tasks of each of two occupations and always agreed;
   * the judge agrees with them in the first and contradicts them in the second; in the third
   * occupation no human graded anything.
   */
  private static List<Judgment> judgments() {
    List<Judgment> list = new ArrayList<>();
    for (String occupation : List.of(AGREES, DISAGREES, UNCHECKED)) {
      for (int t = 0; t < 12; t++) {
        String task = occupation.substring(0, 4) + t;
        Outcome truth = t % 3 == 0 ? Outcome.LOSS : Outcome.WIN;
        list.add(judgment(task, "m", Judgment.BASELINE, JUDGE, GraderType.MODEL, truth, occupation));
        if (!occupation.equals(UNCHECKED)) {
          list.add(judgment(task, "m", "n", "expert-1", GraderType.HUMAN, truth, occupation));
          list.add(judgment(task, "m", "n", "expert-2", GraderType.HUMAN, truth, occupation));
          Outcome judged = occupation.equals(AGREES) ? truth : truth == Outcome.WIN ? Outcome.LOSS : Outcome.WIN;
          list.add(judgment(task, "m", "n", JUDGE, GraderType.MODEL, judged, occupation));
        }
      }
    }
    return list;
  }

  private static Judgment judgment(String task, String model, String opponent, String grader, GraderType type,
      Outcome outcome, String occupation) {
    return new Judgment(task, model, opponent, grader, type, outcome, 0, occupation, SECTOR, null, null);
  }

  @Test
  void occupationsWhereTheJudgeIsNotQualifiedOrNeverCheckedAreLabelledOnEveryPage() throws Exception {
    Report report = Judgments.report(ReportInput.builder(Judgments.NOW)
        .judgments(new Source("judgments", "test", false), judgments()).build());

    assertThat(report.provenance().graders()).isEqualTo("model");
    assertThat(report.judgeOnly()).containsExactly(
        new JudgeOnlyLabel(DISAGREES, List.of(JUDGE), List.of("below_human_agreement")),
        new JudgeOnlyLabel(UNCHECKED, List.of(JUDGE), List.of("not_checked")));

    JsonNode json = JsonReport.mapper().readTree(JsonReport.toJson(report)).get("judge_only");
    assertThat(json.get(0).get("occupation").asText()).isEqualTo(DISAGREES);
    assertThat(json.get(0).get("reasons").get(0).asText()).isEqualTo("below_human_agreement");

    Document page = Jsoup.parse(HtmlReport.render(report, List.of()));
    assertThat(page.select("#occupation p.judge-only")).hasSize(2)
        .allSatisfy(p -> assertThat(p.text()).startsWith("Judge-only figures: " + JUDGE + " is not qualified"));
    assertThat(page.select("#occupation h3:contains(" + AGREES + ") + p.judge-only")).isEmpty();
    assertThat(page.select("#occupation h3:contains(" + DISAGREES + ") + p.judge-only")).hasSize(1);
    assertThat(MarkdownReport.render(report))
        .contains("- **" + DISAGREES + "**: Judge-only figures: " + JUDGE + " is not qualified")
        .contains("- **" + UNCHECKED + "**: Judge-only figures: " + JUDGE + " is not qualified to stand in for the "
            + "human graders here: no human graded the items it graded")
        .doesNotContain("- **" + AGREES + "**: Judge-only");
  }

  @Test
  void figuresMadeByHumansAreNeverLabelled() {
    Judgments judgments = new Judgments().in(SECTOR, DISAGREES);
    for (int t = 0; t < 12; t++) {
      judgments.human("t" + t, "m", "expert-1", t % 2 == 0 ? Outcome.WIN : Outcome.LOSS)
          .judge("t" + t, "m", JUDGE, Outcome.WIN);
    }

    assertThat(judgments.report().judgeOnly()).isEmpty();
  }
}
