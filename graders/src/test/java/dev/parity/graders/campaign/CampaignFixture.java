package dev.parity.graders.campaign;

import dev.parity.documents.FileFormat;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A real campaign store (an SQLite file in a folder, or any database given), with tasks, candidates and rosters for tests. Close it when done. */
public final class CampaignFixture implements AutoCloseable {
  public static final Occupation ACCOUNTANTS = new Occupation("Accountants and Auditors", "13-2011.00");
  public static final Occupation NURSES = new Occupation("Registered Nurses", "29-1141.00");

  public final Database database;
  public final BlobStore blobs;
  public final TestClock clock = new TestClock(Instant.parse("2025-06-01T09:00:00Z"));
  public final Campaigns campaigns;
  public final Assignments assignments;
  public final Accounts accounts;

  public CampaignFixture(Path folder) {
    this(Database.open(folder.resolve("grading.db")));
  }

  /** A fixture on {@code database} (which it closes), for tests on SQLite and PostgreSQL. */
  public CampaignFixture(Database database) {
    this.database = database;
    blobs = database.blobs();
    campaigns = new Campaigns(database, blobs, clock);
    assignments = new Assignments(database, clock);
    accounts = new Accounts(database, clock, new SecureRandom(), 4);
  }

  @Override
  public void close() {
    database.close();
  }

  public static Task task(String id, Occupation occupation) {
    return new Task(id, "Task " + id, occupation, "Finance and Insurance",
        new TaskRequest("Finance Director", "Please summarise the attached figures for task " + id + "."),
        List.of(), new DeliverableSpec(List.of(FileFormat.MD), "A summary"),
        new Baseline(List.of("baseline/summary.md"), 60, 50, "Jane Doe", 12.0),
        List.of(new Criterion("totals", "States the total", 2, true, List.of(), null),
            new Criterion("sources", "Names its sources", 1, false, List.of(), null)),
        null, List.of(), null);
  }

  /** A candidate whose deliverable and baseline are Markdown files with the given text. */
  public Candidate candidate(Task task, String model, String deliverableText, String baselineText) {
    return new Candidate(task, model, 0, "run-1/" + model + "/" + task.id() + "/0",
        List.of(CampaignFile.put(blobs, model + "-" + task.id() + "-answer.md", bytes(deliverableText), null)),
        List.of(CampaignFile.put(blobs, "summary_final_JaneDoe.md", bytes(baselineText), null)),
        List.of(CampaignFile.put(blobs, "q3-actuals.csv", bytes("quarter,total\nQ3,1200\n"), "Q3 actuals")));
  }

  /** One candidate per task and model, with distinct text. */
  public List<Candidate> candidates(List<Task> tasks, List<String> models) {
    List<Candidate> candidates = new ArrayList<>();
    for (Task task : tasks) {
      for (String model : models) {
        candidates.add(candidate(task, model, "# Summary\n\nTotal 1200 for " + task.id() + ".\n",
            "# Summary\n\nThe quarter's total is 1200.\nSources: ledger.\nChecked twice.\n"));
      }
    }
    return candidates;
  }

  public static List<Task> tasks(int count, Occupation occupation, String prefix) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      tasks.add(task(prefix + i, occupation));
    }
    return tasks;
  }

  public static List<Grader> graders(int count, Occupation occupation, String prefix) {
    List<Grader> graders = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      graders.add(new Grader(prefix + i, "Grader " + prefix + i, prefix + i + "@example.org",
          List.of(occupation.title()), Role.GRADER));
    }
    return graders;
  }

  public static CampaignSettings settings(String name, int perPair, double attentionRate) {
    return new CampaignSettings(name, perPair, attentionRate, 42, false, 20);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A clock that moves only when told. */
  public static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
