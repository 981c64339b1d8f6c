package dev.parity.graders.campaign;

import static dev.parity.graders.campaign.CampaignFixture.ACCOUNTANTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class RubricScoresExportTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  CampaignFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CampaignFixture(stores.open(engine));
  }

  @AfterEach
  void closeTheStore() {
    fixture.close();
  }

  @Test
  void rubricScoresSayWhichSideMetEachCriterionAndAreSafeToOpenInASpreadsheet() {
    String formulaName = "=HYPERLINK(\"http://example.test\")";
    fixture.campaigns.create(new CampaignSettings("c", 1, 0, 7, true, 20),
        CampaignFixture.graders(1, ACCOUNTANTS, "acc"),
        fixture.candidates(CampaignFixture.tasks(1, ACCOUNTANTS, "t"), List.of(formulaName)), "run-1");
    QueueItem item = fixture.assignments.queue("acc1").get(0);
    // The grader ticks "totals" on side A only; whichever side the model was shown on, one row of
    // each criterion is met for that side and not for the other.
    fixture.assignments.submit("acc1", item.assignmentId(),
        new Submission(Verdict.A, Set.of("totals"), Set.of(), "A has the totals; B leaves them out.", AiGuess.CANNOT_TELL, null, null),
        null, 0, Assignments.Source.APP);

    StringWriter csv = new StringWriter();
    fixture.campaigns.writeRubricScores(fixture.campaigns.list().get(0).id(), csv);

    List<String> lines = csv.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", Campaigns.RUBRIC_SCORE_COLUMNS));
    List<String> rows = lines.subList(1, lines.size());
    assertThat(rows).isNotEmpty().allSatisfy(line -> assertThat(line)
        .as("a formula-looking model name is written as text").contains("'=HYPERLINK(")
        .doesNotContain(",=HYPERLINK("));
    assertThat(rows).filteredOn(l -> l.contains(",totals,")).hasSize(2)
        .extracting(l -> l.substring(l.lastIndexOf(',') + 1)).containsExactlyInAnyOrder("true", "false");
  }
}
