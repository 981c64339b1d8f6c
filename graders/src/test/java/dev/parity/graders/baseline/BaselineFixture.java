package dev.parity.graders.baseline;

import dev.parity.documents.FileFormat;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.Role;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** Tasks, a suite and people for baseline campaign tests. */
final class BaselineFixture {
  private BaselineFixture() {}

  /** A task of {@code occupation} asking for a DOCX and an XLSX, whose baseline {@code author} wrote. */
  static Task task(String id, Occupation occupation, String author) {
    return new Task(id, "Task " + id, occupation, "Finance and Insurance",
        new TaskRequest("Finance Director", "Please reconcile the figures for " + id + "."), List.of(),
        new DeliverableSpec(List.of(FileFormat.DOCX, FileFormat.XLSX), "A memo and a workbook"),
        new Baseline(List.of("baseline/memo.docx"), 60, 50, author, 12.0), List.of(), null, List.of(), null);
  }

  static Suite suite(Path root, List<Task> tasks) {
    return new Suite("sample", "1.0", "test", "CC-BY-4.0", root, tasks, "sha256:test");
  }

  static Grader professional(String id, Occupation occupation, double wage) {
    return new Grader(id, "Pro " + id, id + "@example.org", List.of(occupation.title()),
        EnumSet.of(Role.PROFESSIONAL), wage);
  }

  static Grader grader(String id, Occupation occupation) {
    return new Grader(id, "Grader " + id, id + "@example.org", List.of(occupation.title()), Role.GRADER);
  }

  static final Occupation ACCOUNTANTS = CampaignFixture.ACCOUNTANTS;
  static final Occupation NURSES = CampaignFixture.NURSES;
}
