package dev.parity.graders.baseline;

import static dev.parity.graders.baseline.BaselineFixture.ACCOUNTANTS;
import static dev.parity.graders.baseline.BaselineFixture.NURSES;
import static dev.parity.graders.baseline.BaselineFixture.grader;
import static dev.parity.graders.baseline.BaselineFixture.professional;
import static dev.parity.graders.baseline.BaselineFixture.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.harness.run.HumanAttempts;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Contestant;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCampaignsTest {
  @TempDir Path folder;

  @Test
  void createsARunNamedAfterTheCampaignWithAnAttemptPerProfessionalOfTheTasksOccupation() {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      List<Task> tasks = List.of(task("t1", ACCOUNTANTS, "someone"), task("t2", ACCOUNTANTS, "someone"),
          task("t3", NURSES, "someone"));
      var created = new BaselineCampaigns(fixture.database, fixture.clock).create("q3-baselines",
          BaselineFixture.suite(folder, tasks), tasks, List.of(professional("acc-pro", ACCOUNTANTS, 40),
              professional("rn-pro", NURSES, 55), grader("acc-grader", ACCOUNTANTS)), 1, 7);

      assertThat(created.tasksByPerson()).containsOnlyKeys("acc-pro", "rn-pro");
      assertThat(created.tasksByPerson().get("acc-pro")).containsExactly("t1", "t2");
      assertThat(created.tasksByPerson().get("rn-pro")).containsExactly("t3");
      Store store = new Store(fixture.database);
      Run run = store.findRun("q3-baselines").orElseThrow();
      assertThat(run.models()).extracting(m -> m.provider()).containsOnly(HumanAttempts.PROVIDER);
      assertThat(store.attempts(run.id())).extracting(a -> a.key().contestant())
          .containsExactlyInAnyOrder(Contestant.human("acc-pro"), Contestant.human("acc-pro"), Contestant.human("rn-pro"));
      assertThat(store.attempts(run.id())).extracting(Attempt::status).containsOnly(AttemptStatus.PENDING);
      assertThat(fixture.accounts.grader("rn-pro").orElseThrow().hourlyWageUsd()).isEqualTo(55.0);
      assertThat(new Workbench(fixture.database, fixture.clock).list("acc-pro")).extracting(WorkItem::taskId)
          .containsExactly("t1", "t2");
    }
  }

  @Test
  void aProfessionalIsNeverGivenATaskWhoseBaselineTheyWrote() {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      List<Task> tasks = List.of(task("t1", ACCOUNTANTS, "pro-a"), task("t2", ACCOUNTANTS, "pro-b"));
      var created = new BaselineCampaigns(fixture.database, fixture.clock).create("c", BaselineFixture.suite(folder,
          tasks), tasks, List.of(professional("pro-a", ACCOUNTANTS, 40), professional("pro-b", ACCOUNTANTS, 40)), 1, 3);

      assertThat(created.tasksByPerson().get("pro-a")).containsExactly("t2");
      assertThat(created.tasksByPerson().get("pro-b")).containsExactly("t1");
    }
  }

  @Test
  void aCampaignThatCannotBeStaffedIsRefusedWholeNamingEachTask() {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      List<Task> tasks = List.of(task("t1", ACCOUNTANTS, "pro-a"), task("t2", NURSES, "x"), task("t3", ACCOUNTANTS, "y"));
      BaselineCampaigns campaigns = new BaselineCampaigns(fixture.database, fixture.clock);

      assertThatThrownBy(() -> campaigns.create("c", BaselineFixture.suite(folder, tasks), tasks,
          List.of(professional("pro-a", ACCOUNTANTS, 40)), 1, 3))
          .isInstanceOf(InvalidCampaignException.class)
          .hasMessageContaining("task t1 (Accountants and Auditors): 0 professionals")
          .hasMessageContaining("task t2 (Registered Nurses): 0 professionals")
          .hasMessageNotContaining("task t3");
      assertThat(new Store(fixture.database).findRun("c")).isEmpty();
      assertThat(campaigns.find("c")).isEmpty();
    }
  }

  @Test
  void theNameIsTheRunsSoATakenNameIsRefused() {
    try (CampaignFixture fixture = new CampaignFixture(folder)) {
      List<Task> tasks = List.of(task("t1", ACCOUNTANTS, "x"));
      BaselineCampaigns campaigns = new BaselineCampaigns(fixture.database, fixture.clock);
      campaigns.create("c", BaselineFixture.suite(folder, tasks), tasks, List.of(professional("p", ACCOUNTANTS, 40)),
          1, 3);

      assertThatThrownBy(() -> campaigns.create("c", BaselineFixture.suite(folder, tasks), tasks,
          List.of(professional("p", ACCOUNTANTS, 40)), 1, 3))
          .hasMessageContaining("a run named \"c\" exists already");
    }
  }
}
