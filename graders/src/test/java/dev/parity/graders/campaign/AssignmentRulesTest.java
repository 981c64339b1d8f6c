package dev.parity.graders.campaign;

import static dev.parity.graders.campaign.CampaignFixture.ACCOUNTANTS;
import static dev.parity.graders.campaign.CampaignFixture.NURSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.tasks.Task;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
class AssignmentRulesTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  CampaignFixture fixture;

  @AfterEach
  void closeTheStore() {
    fixture.close();
  }

  @BeforeEach
  void setUp() {
    fixture = new CampaignFixture(stores.open(engine));
  }

  record Row(String grader, String task, String kind, String occupation, String baselineSide, String pair) {}

  List<Row> rows(String campaignId) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT a.grader_id, a.task_id, p.kind, p.occupation, a.baseline_side, a.pair_id"
            + " FROM grading_assignments a JOIN grading_pairs p ON p.id = a.pair_id WHERE a.campaign_id = '"
            + campaignId + "'")) {
      while (r.next()) {
        rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)));
      }
    }
    return rows;
  }

  CampaignSummary create(CampaignSettings settings, List<Grader> graders, List<Candidate> candidates) {
    return fixture.campaigns.create(settings, graders, candidates, "run-1").campaign();
  }

  @Test
  void everyPairGoesToKGradersOfItsTasksOccupation() throws Exception {
    List<Grader> graders = new ArrayList<>(CampaignFixture.graders(5, ACCOUNTANTS, "acc"));
    graders.addAll(CampaignFixture.graders(4, NURSES, "nur"));
    List<Candidate> candidates = new ArrayList<>(fixture.candidates(CampaignFixture.tasks(6, ACCOUNTANTS, "fin"),
        List.of("model-x")));
    candidates.addAll(fixture.candidates(CampaignFixture.tasks(4, NURSES, "care"), List.of("model-x")));

    CampaignSummary campaign = create(CampaignFixture.settings("occupations", 3, 0), graders, candidates);

    List<Row> rows = rows(campaign.id());
    assertThat(campaign.pairs()).isEqualTo(10);
    assertThat(rows).hasSize(30);
    Map<String, List<Row>> byPair = rows.stream().collect(Collectors.groupingBy(Row::pair));
    assertThat(byPair).hasSize(10).allSatisfy((pair, graded) -> assertThat(graded).hasSize(3));
    assertThat(rows).allSatisfy(row -> assertThat(row.grader()).startsWith(
        row.occupation().equals(ACCOUNTANTS.title()) ? "acc" : "nur"));
  }

  @Test
  void loadIsBalancedWithinOneAssignmentPerOccupation() throws Exception {
    List<Grader> graders = CampaignFixture.graders(7, ACCOUNTANTS, "acc");
    CampaignSummary campaign = create(CampaignFixture.settings("balance", 3, 0), graders,
        fixture.candidates(CampaignFixture.tasks(20, ACCOUNTANTS, "t"), List.of("model-x")));

    Map<String, Long> load = rows(campaign.id()).stream().collect(Collectors.groupingBy(Row::grader, Collectors.counting()));
    assertThat(load).hasSize(7);
    assertThat(load.values().stream().mapToLong(Long::longValue).max().getAsLong()
        - load.values().stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
  }

  @Test
  void noGraderGetsTheSameTaskTwiceEvenWithSeveralModelsAndAttentionChecks() throws Exception {
    List<Grader> graders = CampaignFixture.graders(8, ACCOUNTANTS, "acc");
    CampaignSummary campaign = create(CampaignFixture.settings("repeats", 3, 0.2), graders,
        fixture.candidates(CampaignFixture.tasks(12, ACCOUNTANTS, "t"), List.of("model-x", "model-y")));

    List<Row> rows = rows(campaign.id());
    Set<String> graderTask = new HashSet<>();
    assertThat(rows).allSatisfy(row -> assertThat(graderTask.add(row.grader() + "/" + row.task()))
        .as("grader %s has task %s once", row.grader(), row.task()).isTrue());
  }

  @Test
  void attentionChecksComeAtTheGivenRateAndAreRecordedAsSuch() throws Exception {
    List<Grader> graders = CampaignFixture.graders(30, ACCOUNTANTS, "acc");
    CampaignSummary campaign = create(CampaignFixture.settings("attention", 3, 0.1), graders,
        fixture.candidates(CampaignFixture.tasks(120, ACCOUNTANTS, "t"), List.of("model-x")));

    List<Row> rows = rows(campaign.id());
    long checks = rows.stream().filter(r -> r.kind().equals("attention_check")).count();
    assertThat(rows.size() - checks).isEqualTo(360);
    assertThat((double) checks / rows.size()).isBetween(0.07, 0.13);
    assertThat(campaign.attentionChecks()).isPositive();
  }

  @Test
  void anAttentionCheckIsTheBaselineAgainstABrokenCopyOfIt() throws Exception {
    // Two graders share eight tasks, one each: each has four unseen tasks for attention checks.
    create(CampaignFixture.settings("broken", 1, 0.5), CampaignFixture.graders(2, ACCOUNTANTS, "acc"),
        fixture.candidates(CampaignFixture.tasks(8, ACCOUNTANTS, "t"), List.of("model-x")));

    String check = fixture.assignments.queue("acc1").stream()
        .map(q -> fixture.assignments.open("acc1", q.assignmentId()))
        .filter(a -> Stream.concat(a.left().stream(), a.right().stream()).noneMatch(f -> f.name().contains("answer")))
        .map(AssignmentView::id).findFirst().orElseThrow();
    AssignmentView view = fixture.assignments.open("acc1", check);
    String left = new String(fixture.blobs.get(view.left().get(0).sha256()), StandardCharsets.UTF_8);
    String right = new String(fixture.blobs.get(view.right().get(0).sha256()), StandardCharsets.UTF_8);
    String baseline = "# Summary\n\nThe quarter's total is 1200.\nSources: ledger.\nChecked twice.\n";
    assertThat(List.of(left, right)).contains(baseline);
    String broken = left.equals(baseline) ? right : left;
    assertThat(broken).isNotEqualTo(baseline).hasSizeLessThan(baseline.length() / 2);
  }

  @Test
  void leftAndRightAreDrawnPerAssignmentAndTheSameSeedGivesTheSamePlan() throws Exception {
    List<Grader> graders = CampaignFixture.graders(6, ACCOUNTANTS, "acc");
    List<Candidate> candidates = fixture.candidates(CampaignFixture.tasks(30, ACCOUNTANTS, "t"), List.of("model-x"));
    CampaignSummary first = create(CampaignFixture.settings("seeded-1", 3, 0.1), graders, candidates);
    CampaignSummary second = create(CampaignFixture.settings("seeded-2", 3, 0.1), graders, candidates);

    List<Row> a = rows(first.id());
    long left = a.stream().filter(r -> r.baselineSide().equals("A")).count();
    assertThat((double) left / a.size()).isBetween(0.3, 0.7);
    Map<String, String> sides = new HashMap<>();
    a.forEach(r -> sides.put(r.grader() + "/" + r.task() + "/" + r.kind(), r.baselineSide()));
    Map<String, String> again = new HashMap<>();
    rows(second.id()).forEach(r -> again.put(r.grader() + "/" + r.task() + "/" + r.kind(), r.baselineSide()));
    assertThat(again).isEqualTo(sides);
  }

  @Test
  void aCampaignThatCannotBeStaffedNamesEveryShortTaskAndStoresNothing() {
    List<Grader> graders = CampaignFixture.graders(2, ACCOUNTANTS, "acc");
    List<Candidate> candidates = new ArrayList<>(fixture.candidates(CampaignFixture.tasks(2, ACCOUNTANTS, "fin"),
        List.of("model-x")));
    candidates.addAll(fixture.candidates(CampaignFixture.tasks(1, NURSES, "care"), List.of("model-x")));

    assertThatThrownBy(() -> create(CampaignFixture.settings("short", 3, 0), graders, candidates))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("task fin1 (Accountants and Auditors): a pair needs 3 graders")
        .hasMessageContaining("task fin2")
        .hasMessageContaining("task care1 (Registered Nurses)")
        .hasMessageContaining("0 on the roster grade Registered Nurses");
    assertThat(fixture.campaigns.list()).isEmpty();
  }

  @Test
  void badSettingsAndRepeatedCandidatesAreAllReported() {
    Candidate one = fixture.candidates(CampaignFixture.tasks(1, ACCOUNTANTS, "t"), List.of("m")).get(0);
    assertThatThrownBy(() -> create(new CampaignSettings("x", 0, 0.9, 1, false, 10),
        CampaignFixture.graders(1, ACCOUNTANTS, "acc"), List.of(one, one)))
        .isInstanceOf(InvalidCampaignException.class)
        .satisfies(e -> assertThat(((InvalidCampaignException) e).problems()).containsExactly(
            "per-pair must be between 1 and 50, not 0", "attention rate must be between 0 and 0.5, not 0.9",
            "t1 / m #0: given twice"));
  }

  @Test
  void aCampaignNameIsUsedOnce() {
    List<Grader> graders = CampaignFixture.graders(1, ACCOUNTANTS, "acc");
    List<Candidate> candidates = fixture.candidates(CampaignFixture.tasks(1, ACCOUNTANTS, "t"), List.of("m"));
    create(CampaignFixture.settings("once", 1, 0), graders, candidates);
    assertThatThrownBy(() -> create(CampaignFixture.settings("once", 1, 0), graders, candidates))
        .hasMessageContaining("a campaign named \"once\" exists already");
  }

  @Test
  void noOneGradesAPairOfATaskTheyWorkedOnOrWhoseBaselineTheyWrote() throws Exception {
    List<Grader> graders = CampaignFixture.graders(3, ACCOUNTANTS, "acc");
    Task byAcc3 = new Task("fin2", "Task fin2", ACCOUNTANTS, "Finance", CampaignFixture.task("fin2", ACCOUNTANTS)
        .request(), List.of(), CampaignFixture.task("fin2", ACCOUNTANTS).deliverable(),
        new dev.parity.tasks.Baseline(List.of("baseline/summary.md"), 60, 50, "acc3", 12.0), List.of(), null,
        List.of(), null);
    List<Candidate> candidates = new ArrayList<>();
    candidates.add(fixture.candidate(CampaignFixture.task("fin1", ACCOUNTANTS), "human:acc1", "# Mine", "# Theirs"));
    candidates.add(fixture.candidate(byAcc3, "model-x", "# Model", "# Acc3's"));

    CampaignSummary campaign = create(CampaignFixture.settings("own-work", 2, 0.3), graders, candidates);

    List<Row> rows = rows(campaign.id());
    assertThat(rows).filteredOn(r -> r.task().equals("fin1")).extracting(Row::grader)
        .containsExactlyInAnyOrder("acc2", "acc3");
    assertThat(rows).filteredOn(r -> r.task().equals("fin2")).extracting(Row::grader)
        .containsExactlyInAnyOrder("acc1", "acc2");
    assertThatThrownBy(() -> create(CampaignFixture.settings("too-few", 3, 0), graders, candidates))
        .hasMessageContaining("task fin1").hasMessageContaining("(nor worked on it)");
  }
}
