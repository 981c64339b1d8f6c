package dev.parity.graders.baseline;

import static dev.parity.graders.baseline.BaselineFixture.ACCOUNTANTS;
import static dev.parity.graders.baseline.BaselineFixture.professional;
import static dev.parity.graders.baseline.BaselineFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.IdentifyingFiles;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.NotYourAssignmentException;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.HumanWork;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchTest {
  @TempDir Path folder;

  /** A campaign of one task for professional "pro" (wage 40) and one for "other"; the work id of pro's. */
  private static String campaign(CampaignFixture fixture, Path folder) {
    List<Task> tasks = List.of(task("t1", ACCOUNTANTS, "x"));
    new BaselineCampaigns(fixture.database, fixture.clock).create("q3", BaselineFixture.suite(folder, tasks), tasks,
        List.of(professional("pro", ACCOUNTANTS, 40), professional("other", ACCOUNTANTS, 40)), 2, 1);
    return new Workbench(fixture.database, fixture.clock).list("pro").get(0).id();
  }

  @Test
  void aSubmissionBecomesAnAttemptWithMeasuredMinutesAndTheirCost() throws Exception {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      String id = campaign(fixture, folder);
      Workbench bench = new Workbench(fixture.database, fixture.clock);
      bench.start("pro", id);
      fixture.clock.advance(Duration.ofMinutes(10));
      bench.pause("pro", id);
      fixture.clock.advance(Duration.ofMinutes(30));
      bench.resume("pro", id);
      bench.upload("pro", id, "memo.docx", IdentifyingFiles.docx());
      bench.upload("pro", id, "figures.xlsx", IdentifyingFiles.xlsx());
      bench.save("pro", id, "Used last year's template.", "", 12.0);
      fixture.clock.advance(Duration.ofMinutes(5));

      assertThat(bench.submit("pro", id)).isTrue();

      Store store = new Store(fixture.database);
      Attempt attempt = store.attempts("q3").stream().filter(a -> a.key().model().equals("human:pro")).findFirst()
          .orElseThrow();
      assertThat(attempt.status()).isEqualTo(AttemptStatus.COMPLETED);
      assertThat(attempt.answer().latency()).isEqualTo(Duration.ofMinutes(15));
      assertThat(attempt.answer().costUsd()).isEqualTo(10.0);
      assertThat(attempt.delivery().findings()).isEmpty();
      assertThat(store.files(attempt.key())).extracting(AttemptFile::name)
          .containsExactlyInAnyOrder("memo.docx", "figures.xlsx");
      HumanWork work = store.humanWork("q3").get(attempt.key());
      assertThat(work.measuredMinutes()).isEqualTo(15.0);
      assertThat(work.reportedMinutes()).isEqualTo(27.0);
      assertThat(work.pauses()).isEqualTo(1);
      assertThat(work.notes()).isEqualTo("Used last year's template.");
      assertThat(bench.open("pro", id).item().status()).isEqualTo(WorkStatus.SUBMITTED);
      assertThat(store.findRun("q3").orElseThrow().status()).as("other has not submitted").isEqualTo(RunStatus.RUNNING);
    }
  }

  /** Pro's work started, a memo uploaded and the declaration saved, on the fixture's clock. */
  private static Workbench readyToSubmit(CampaignFixture fixture, String id, String aiTools) throws Exception {
    Workbench bench = new Workbench(fixture.database, fixture.clock);
    bench.start("pro", id);
    bench.upload("pro", id, "memo.docx", IdentifyingFiles.docx());
    bench.save("pro", id, "", aiTools, 0.0);
    return bench;
  }

  @Test
  void aDoubleSubmitHandsInOnceAndChangesNothingAfter() throws Exception {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      String id = campaign(fixture, folder);
      Workbench bench = readyToSubmit(fixture, id, "ChatGPT for the first draft");
      fixture.clock.advance(Duration.ofMinutes(20));
      assertThat(bench.submit("pro", id)).isTrue();
      fixture.clock.advance(Duration.ofMinutes(20));

      assertThat(bench.submit("pro", id)).isFalse();
      assertThatThrownBy(() -> bench.upload("pro", id, "late.docx", IdentifyingFiles.docx()))
          .hasMessageContaining("handed in already");
      Store store = new Store(fixture.database);
      assertThat(store.humanWork("q3")).hasSize(1);
      assertThat(store.humanWork("q3").values().iterator().next().measuredMinutes()).isEqualTo(20.0);
      assertThat(store.humanWork("q3").values().iterator().next().aiTools()).isEqualTo("ChatGPT for the first draft");
    }
  }

  @Test
  void twoSubmitsAtOnceFromTwoTabsHandInExactlyOnce() throws Exception {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      String id = campaign(fixture, folder);
      Workbench bench = readyToSubmit(fixture, id, "");
      fixture.clock.advance(Duration.ofMinutes(30));
      // Both tabs pass their first look (not submitted yet) together; whichever way the two
      // transactions then interleave, one hands in and the other finds it done.
      CyclicBarrier together = new CyclicBarrier(2);
      Callable<Boolean> tab = () -> {
        Workbench own = new Workbench(fixture.database, fixture.clock);
        together.await();
        return own.submit("pro", id);
      };
      ExecutorService tabs = Executors.newFixedThreadPool(2);
      try {
        List<Future<Boolean>> submitted = tabs.invokeAll(List.of(tab, tab));
        List<Boolean> results = new java.util.ArrayList<>();
        for (Future<Boolean> f : submitted) {
          results.add(f.get());
        }
        assertThat(results).containsExactlyInAnyOrder(true, false);
      } finally {
        tabs.shutdownNow();
      }
      Store store = new Store(fixture.database);
      assertThat(store.humanWork("q3")).hasSize(1);
      assertThat(store.humanWork("q3").values().iterator().next().measuredMinutes()).isEqualTo(30.0);
      assertThat(store.attempts("q3").stream().filter(a -> a.status() == AttemptStatus.COMPLETED)).hasSize(1);
      assertThat(bench.open("pro", id).item().status()).isEqualTo(WorkStatus.SUBMITTED);
    }
  }

  @Test
  void theClockAndTheUploadsSurviveARestartAndAClosedTab() throws Exception {
    String id;
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      id = campaign(fixture, folder);
      Workbench bench = new Workbench(fixture.database, fixture.clock);
      bench.start("pro", id);
      bench.upload("pro", id, "memo.docx", IdentifyingFiles.docx());
      fixture.clock.advance(Duration.ofMinutes(7));
    }
    // The server stopped with the clock running; the tab was closed. A new server, a later time:
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      fixture.clock.advance(Duration.ofMinutes(7 + 3));
      Workbench bench = new Workbench(fixture.database, fixture.clock);
      WorkView view = bench.open("pro", id);
      assertThat(view.item().active()).isEqualTo(Duration.ofMinutes(10));
      assertThat(view.uploads()).extracting(f -> f.name()).containsExactly("memo.docx");
      bench.save("pro", id, "", "", 0.0);

      bench.submit("pro", id);

      assertThat(new Store(fixture.database).humanWork("q3").values().iterator().next().measuredMinutes())
          .isEqualTo(10.0);
    }
  }

  @Test
  void uploadsGoThroughTheDeliverableChecksAndARefusedFileLeavesNothing() throws Exception {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      String id = campaign(fixture, folder);
      Workbench bench = new Workbench(fixture.database, fixture.clock);
      assertThatThrownBy(() -> bench.upload("pro", id, "memo.docx", IdentifyingFiles.docx()))
          .hasMessageContaining("press Start first");
      bench.start("pro", id);

      assertThatThrownBy(() -> bench.upload("pro", id, "memo.docx", "not a docx".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(InvalidCampaignException.class).hasMessageContaining("memo.docx");
      assertThatThrownBy(() -> bench.upload("pro", id, "run.exe", new byte[10]))
          .hasMessageContaining("not a deliverable format");
      assertThatThrownBy(() -> bench.upload("pro", id, "../memo.md", "# hi".getBytes(StandardCharsets.UTF_8)))
          .hasMessageContaining("not a plain file name");
      assertThatThrownBy(() -> bench.upload("pro", id, "big.md", new byte[WorkFiles.MAX_FILE_BYTES + 1]))
          .hasMessageContaining("more than the 20 MB");
      assertThat(bench.open("pro", id).uploads()).isEmpty();
    }
  }

  @Test
  void aProfessionalSeesAndChangesOnlyTheirOwnWork() {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      String id = campaign(fixture, folder);
      Workbench bench = new Workbench(fixture.database, fixture.clock);

      assertThatThrownBy(() -> bench.open("other", id)).isInstanceOf(NotYourAssignmentException.class);
      assertThatThrownBy(() -> bench.start("other", id)).isInstanceOf(NotYourAssignmentException.class);
      assertThat(bench.open("pro", id).item().status()).isEqualTo(WorkStatus.OPEN);
    }
  }

  @Test
  void submittingNeedsStartTheAiDeclarationAndTheOutsideMinutes() {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      String id = campaign(fixture, folder);
      Workbench bench = new Workbench(fixture.database, fixture.clock);
      assertThatThrownBy(() -> bench.submit("pro", id)).hasMessageContaining("press Start first");
      bench.start("pro", id);

      assertThatThrownBy(() -> bench.submit("pro", id))
          .hasMessageContaining("say whether you used AI tools")
          .hasMessageContaining("minutes you spent on this task outside this page");
    }
  }
}
