package dev.parity.graders.campaign;

import static dev.parity.graders.campaign.CampaignFixture.ACCOUNTANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.judgments.Side;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
class SubmissionsTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  static final String RATIONALE = "A states the total and its sources; B misses them.";
  CampaignFixture fixture;
  Assignments assignments;

  @AfterEach
  void closeTheStore() {
    fixture.close();
  }

  @BeforeEach
  void setUp() {
    fixture = new CampaignFixture(stores.open(engine));
    assignments = fixture.assignments;
  }

  CampaignSummary campaign(int graders, int tasks, int perPair, double attention) {
    return fixture.campaigns.create(new CampaignSettings("c", perPair, attention, 7, true, 20),
        CampaignFixture.graders(graders, ACCOUNTANTS, "acc"),
        fixture.candidates(CampaignFixture.tasks(tasks, ACCOUNTANTS, "t"), List.of("model-x")), "run-1").campaign();
  }

  String baselineSide(String assignmentId) throws Exception {
    try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT baseline_side FROM grading_assignments WHERE id = '" + assignmentId + "'")) {
      r.next();
      return r.getString(1);
    }
  }

  static Submission verdict(Verdict verdict) {
    return new Submission(verdict, Set.of("totals"), Set.of(), RATIONALE, AiGuess.CANNOT_TELL, null, null);
  }

  @Test
  void theOutcomeIsTheModelsWhicheverSideItWasShownOn() throws Exception {
    campaign(1, 6, 1, 0);
    for (QueueItem item : assignments.queue("acc1")) {
      assignments.submit("acc1", item.assignmentId(), verdict(Verdict.A), Duration.ofMinutes(3), 0,
          Assignments.Source.APP);
    }
    List<Judgment> judgments = fixture.campaigns.judgments("c");
    assertThat(judgments).hasSize(6);
    for (QueueItem item : assignments.queue("acc1")) {
      Outcome expected = baselineSide(item.assignmentId()).equals("A") ? Outcome.LOSS : Outcome.WIN;
      String task = item.taskTitle().substring("Task ".length());
      assertThat(judgments).filteredOn(j -> j.taskId().equals(task)).singleElement()
          .satisfies(j -> assertThat(j.outcome()).isEqualTo(expected))
          .satisfies(j -> assertThat(j.minutes()).isEqualTo(3.0))
          .satisfies(j -> assertThat(j.model()).isEqualTo("model-x"))
          .satisfies(j -> assertThat(j.showing()).isEqualTo(Showing.onSide(
              baselineSide(item.assignmentId()).equals("A") ? Side.RIGHT : Side.LEFT)));
    }
  }

  @Test
  void aResubmissionAddsAVersionAndTheExportTakesTheLatest() throws Exception {
    campaign(1, 1, 1, 0);
    String id = assignments.nextOpen("acc1").orElseThrow();
    assertThat(assignments.submit("acc1", id, verdict(Verdict.A), null, 0, Assignments.Source.APP)).isEqualTo(1);
    assertThat(assignments.submit("acc1", id, verdict(Verdict.TIE), null, 1, Assignments.Source.APP)).isEqualTo(2);

    try (Connection c = fixture.database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version, verdict FROM grading_submissions ORDER BY version")) {
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(r.getInt(1) + ":" + r.getString(2));
      }
      assertThat(rows).containsExactly("1:A", "2:tie");
    }
    assertThat(fixture.campaigns.judgments("c")).singleElement()
        .satisfies(j -> assertThat(j.outcome()).isEqualTo(Outcome.TIE));
    assertThat(assignments.open("acc1", id).latest().verdict()).isEqualTo(Verdict.TIE);
    assertThat(assignments.nextOpen("acc1")).isEmpty();
  }

  @Test
  void aSubmissionFromAStaleWindowIsRefusedAndChangesNothing() {
    campaign(1, 1, 1, 0);
    String id = assignments.nextOpen("acc1").orElseThrow();
    assignments.submit("acc1", id, verdict(Verdict.A), null, 0, Assignments.Source.APP);

    assertThatThrownBy(() -> assignments.submit("acc1", id, verdict(Verdict.B), null, 0, Assignments.Source.APP))
        .isInstanceOf(StaleSubmissionException.class).hasMessageContaining("has version 1 now, not 0");
    assertThat(assignments.open("acc1", id).version()).isEqualTo(1);
  }

  @Test
  void aSubmissionBreakingTheRulesListsEveryProblemAndStoresNothing() {
    campaign(1, 1, 1, 0);
    String id = assignments.nextOpen("acc1").orElseThrow();
    Submission bad = new Submission(Verdict.B, Set.of("nonsense"), Set.of(), "too short", null, null, null);

    assertThatThrownBy(() -> assignments.submit("acc1", id, bad, null, null, Assignments.Source.APP))
        .isInstanceOf(InvalidCampaignException.class)
        .satisfies(e -> assertThat(((InvalidCampaignException) e).problems()).containsExactly(
            "write a rationale of at least 20 characters (this one has 9)",
            "unknown rubric criteria [nonsense]; this task's are [sources, totals]"));
    assertThat(assignments.open("acc1", id).version()).isZero();
  }

  @Test
  void aConflictOfInterestNeedsNoVerdictAndIsNoJudgment() {
    campaign(1, 1, 1, 0);
    String id = assignments.nextOpen("acc1").orElseThrow();
    assignments.submit("acc1", id, new Submission(null, null, null, null, null, Flag.CONFLICT_OF_INTEREST, "I wrote it"),
        null, null, Assignments.Source.APP);

    assertThat(assignments.queue("acc1")).singleElement().satisfies(q -> assertThat(q.status()).isEqualTo("flagged"));
    assertThat(fixture.campaigns.judgments("c")).isEmpty();
    assertThat(fixture.campaigns.progress("c").graders()).singleElement()
        .satisfies(g -> assertThat(g.flagged()).isEqualTo(1));
  }

  @Test
  void aGraderCannotOpenSaveOrSubmitAnothersAssignment() {
    campaign(2, 2, 1, 0);
    String theirs = assignments.nextOpen("acc2").orElseThrow();
    assertThatThrownBy(() -> assignments.open("acc1", theirs)).isInstanceOf(NotYourAssignmentException.class);
    assertThatThrownBy(() -> assignments.saveDraft("acc1", theirs, Submission.empty(), null))
        .isInstanceOf(NotYourAssignmentException.class);
    assertThatThrownBy(() -> assignments.submit("acc1", theirs, verdict(Verdict.A), null, null, Assignments.Source.APP))
        .isInstanceOf(NotYourAssignmentException.class);
    assertThatThrownBy(() -> assignments.open("acc1", "0".repeat(32))).isInstanceOf(NoSuchAssignmentException.class);
  }

  @Test
  void draftsAreKeptUntilSubmittedAndTimeAddsUp() {
    campaign(1, 1, 1, 0);
    String id = assignments.nextOpen("acc1").orElseThrow();
    Submission draft = new Submission(Verdict.B, null, null, "half a thought", null, null, null);
    assignments.saveDraft("acc1", id, draft, Duration.ofSeconds(90));
    assignments.saveDraft("acc1", id, draft, Duration.ofSeconds(30));
    assertThat(assignments.open("acc1", id).draft()).isEqualTo(draft);

    assignments.submit("acc1", id, verdict(Verdict.B), Duration.ofSeconds(60), null, Assignments.Source.APP);
    assertThat(assignments.open("acc1", id).draft()).isNull();
    assertThat(fixture.campaigns.judgments("c")).singleElement()
        .satisfies(j -> assertThat(j.minutes()).isEqualTo(3.0));
  }

  @Test
  void concurrentGradersOnOneCampaignAllLandAndOverwriteNothing() throws Exception {
    campaign(12, 12, 3, 0);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int g = 1; g <= 12; g++) {
        String grader = "acc" + g;
        done.add(pool.submit(() -> {
          int n = 0;
          for (QueueItem item : assignments.queue(grader)) {
            assignments.saveDraft(grader, item.assignmentId(), verdict(Verdict.TIE), Duration.ofSeconds(5));
            assignments.submit(grader, item.assignmentId(), verdict(Verdict.TIE), null, 0, Assignments.Source.APP);
            n++;
          }
          return n;
        }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      assertThat(total).isEqualTo(36);
    } finally {
      pool.shutdownNow();
    }
    assertThat(fixture.campaigns.judgments("c")).hasSize(36);
    assertThat(fixture.campaigns.progress("c").graders()).allSatisfy(g -> assertThat(g.submitted()).isEqualTo(3));
  }

  @Test
  void graderQualityShowsPositionBiasAttentionFailuresAndAgreement() throws Exception {
    campaign(4, 10, 3, 0.3);
    for (String grader : List.of("acc1", "acc2", "acc3", "acc4")) {
      for (QueueItem item : assignments.queue(grader)) {
        // acc1 always picks the left side; the others pick the baseline's side, and so pass every check.
        String baseline = baselineSide(item.assignmentId());
        Verdict verdict = grader.equals("acc1") ? Verdict.A : baseline.equals("A") ? Verdict.A : Verdict.B;
        assignments.submit(grader, item.assignmentId(), verdict(verdict),
            Duration.ofMinutes(grader.equals("acc3") ? 4 : 2), null, Assignments.Source.APP);
      }
    }
    List<GraderQuality> quality = fixture.campaigns.quality("c");
    assertThat(quality).extracting(GraderQuality::graderId).containsExactly("acc1", "acc2", "acc3", "acc4");
    GraderQuality biased = quality.get(0);
    GraderQuality careful = quality.get(1);
    assertThat(biased.leftShare()).isEqualTo(1.0);
    assertThat(careful.leftShare()).isBetween(0.0, 0.99);
    assertThat(quality).extracting(GraderQuality::attentionChecks).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(careful.attentionFailures()).isZero();
    assertThat(biased.attentionFailures()).isPositive().isLessThanOrEqualTo(biased.attentionChecks());
    assertThat(quality.get(2).medianMinutes()).isEqualTo(4.0);
    assertThat(quality.get(2).perHour()).isEqualTo(15.0);
    assertThat(careful.comparisons()).isPositive();
    assertThat(careful.agreement()).isGreaterThan(biased.agreement());
    assertThat(careful.aiGuesses()).isZero();
  }
}
