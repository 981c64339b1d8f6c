package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.judgments.CriterionScore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report that pools judgments of two versions of one judge prompt says so, in report.json too. */
class PromptVersionsTest {
  private static final String V1 = "openai:gpt-5 pairwise-v1@0123456789ab";
  private static final String V2 = "openai:gpt-5 pairwise-v2@ba9876543210";

  @Test
  void judgmentsOfTwoPairwisePromptVersionsGetANoteNamingBothWithTheirCounts() throws Exception {
    Judgments judgments = new Judgments();
    for (int task = 1; task <= 6; task++) {
      judgments.judge("T" + task, "gpt-5", task <= 2 ? V1 : V2, task % 2 == 0 ? WIN : LOSS);
    }

    Report report = judgments.report();

    assertThat(report.notes()).filteredOn(n -> n.startsWith("Judge prompts of different versions are pooled"))
        .singleElement().satisfies(note -> assertThat(note)
            .contains("pairwise: pairwise-v1@0123456789ab (2), pairwise-v2@ba9876543210 (4)"));
    JsonNode notes = JsonReport.mapper().readTree(JsonReport.toJson(report)).get("notes");
    List<String> written = new ArrayList<>();
    notes.forEach(n -> written.add(n.asText()));
    assertThat(written).anyMatch(n -> n.startsWith("Judge prompts of different versions are pooled"));
  }

  @Test
  void oneVersionPerPromptIsNotNotedNorAreHumanGradersOrTwoJudgesOfOneVersion() {
    Judgments judgments = new Judgments();
    for (int task = 1; task <= 4; task++) {
      judgments.judge("T" + task, "gpt-5", V2, TIE)
          .judge("T" + task, "gpt-5", "anthropic:claude-opus-4-1 pairwise-v2@ba9876543210", WIN)
          .human("T" + task, "gpt-5", "expert-v1@abc", LOSS);
    }

    assertThat(judgments.report().notes()).noneMatch(n -> n.startsWith("Judge prompts"));
  }

  @Test
  void rubricScoresOfTwoCriterionPromptVersionsAreNotedToo() {
    List<CriterionScore> scores = List.of(
        new CriterionScore("T1", "gpt-5", 0, "c1", 1, 1, "openai:gpt-5 rubric-criterion-v1@aaaaaaaaaaaa", null),
        new CriterionScore("T1", "gpt-5", 0, "c2", 1, 1, "openai:gpt-5 rubric-criterion-v2@bbbbbbbbbbbb", null),
        new CriterionScore("T1", "gpt-5", 0, "c3", 1, 1, CriterionScore.CHECK, null));

    assertThat(PromptVersions.note(List.of(), scores)).hasValueSatisfying(note -> assertThat(note)
        .contains("rubric-criterion: rubric-criterion-v1@aaaaaaaaaaaa (1), rubric-criterion-v2@bbbbbbbbbbbb (1)"));
  }
}
