package dev.parity.graders.baseline;

import dev.parity.documents.FileFormat;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.Roster;
import dev.parity.harness.run.HumanAttempts;
import dev.parity.harness.run.HumanAttempts.Assigned;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Baseline campaigns: creating one (a run named after it, each task given to professionals of its
 * occupation), and what an administrator reads of it (progress per professional and task).
 * Thread-safe; every write is one transaction.
 */
public final class BaselineCampaigns {
  private final Database db;
  private final Clock clock;

  /** Baseline campaigns in {@code database} (migrated), timed with {@code clock}. */
  public BaselineCampaigns(Database database, Clock clock) {
    this.db = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A campaign as stored.
   *
   * @param id its id
   * @param name its unique name, also its run's id
   * @param suitePath the suite its tasks come from
   * @param perTask how many professionals each task was given to
   * @param seed the seed of the assignment
   * @param createdAt when it was created
   */
  public record Campaign(String id, String name, Path suitePath, int perTask, long seed, Instant createdAt) {
    /** The run its submissions are attempts of: the run has the campaign's name. */
    public String runId() {
      return name;
    }
  }

  /**
   * What was created: the campaign and its assignments by professional id (task ids in suite order).
   */
  public record Created(Campaign campaign, Map<String, List<String>> tasksByPerson) {
    public Created {
      tasksByPerson = Map.copyOf(tasksByPerson);
    }

    /** How many pieces of work were assigned. */
    public int assignments() {
      return tasksByPerson.values().stream().mapToInt(List::size).sum();
    }
  }

  /**
   * Creates campaign {@code name}: run {@code name} of {@code suite} with an attempt of contestant
   * {@code human:<id>} for each task given to a professional ({@code perTask} professionals a task
   * of its occupation, never the author of its baseline), and the work of each in the app. The
   * people file's people are saved (graders too, so one file serves both).
   *
   * @param tasks the tasks to work on, of {@code suite}
   * @throws InvalidCampaignException listing every problem; nothing is stored then
   */
  public Created create(String name, Suite suite, List<Task> tasks, List<Grader> people, int perTask, long seed) {
    List<String> problems = new ArrayList<>();
    if (perTask < 1) {
      problems.add("--per-task must be 1 or more, not " + perTask);
    }
    List<Grader> professionals = people.stream().filter(Grader::isProfessional).toList();
    if (professionals.isEmpty()) {
      problems.add("the people file has no professional (role professional, with occupations and hourly_wage)");
    }
    if (tasks.isEmpty()) {
      problems.add("no task to work on: the selection is empty");
    }
    Store store = new Store(db);
    if (store.findRun(name).isPresent()) {
      problems.add("a run named \"" + name + "\" exists already: the campaign's run takes its name");
    }
    List<Assigned> plan = problems.isEmpty()
        ? BaselinePlan.plan(tasks, professionals, perTask, new Random(seed), problems) : List.of();
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("baseline campaign " + name, problems);
    }
    Map<String, List<CampaignFile>> references = tasks.stream()
        .collect(Collectors.toMap(Task::id, t -> references(t, store)));
    Map<String, Task> byId = tasks.stream().collect(Collectors.toMap(Task::id, Function.identity()));
    String campaignId = Campaigns.randomId();
    Instant now = clock.instant();
    new HumanAttempts(store).createRun(name, suite, plan, now, h -> {
      List<String> conflicts = conflicts(h, name, people);
      if (!conflicts.isEmpty()) {
        throw new InvalidCampaignException("baseline campaign " + name, conflicts);
      }
      Roster.save(h, people, now);
      h.update("INSERT INTO grading_work_campaigns (id, name, run_id, suite_path, per_task, seed, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", campaignId, name, name, suite.root().toAbsolutePath().normalize().toString(),
          perTask, seed, now.toString());
      Map<String, Integer> positions = new HashMap<>();
      for (Assigned work : plan) {
        insertWork(h, campaignId, work, byId.get(work.taskId()), positions.merge(work.personId(), 1, Integer::sum),
            references.get(work.taskId()), now);
      }
      return null;
    });
    Map<String, List<String>> byPerson = new TreeMap<>();
    plan.forEach(w -> byPerson.computeIfAbsent(w.personId(), p -> new ArrayList<>()).add(w.taskId()));
    return new Created(find(name).orElseThrow(), byPerson);
  }

  private static List<String> conflicts(Handle h, String name, List<Grader> people) throws SQLException {
    List<String> problems = new ArrayList<>(Roster.conflicts(h, people));
    if (h.first("SELECT id FROM grading_work_campaigns WHERE name = ?", r -> r.text(1), name).isPresent()) {
      problems.add("a baseline campaign named \"" + name + "\" exists already");
    }
    return problems;
  }

  private static void insertWork(Handle h, String campaignId, Assigned work, Task task, int position,
      List<CampaignFile> references, Instant now) throws SQLException {
    String workId = Campaigns.randomId();
    h.update("INSERT INTO grading_work (id, campaign_id, person_id, task_id, task_title, occupation, request_from,"
        + " request_text, formats, position, status, active_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        workId, campaignId, work.personId(), task.id(), Objects.requireNonNullElse(task.title(), task.id()),
        task.occupation().title(), task.request().from(), task.request().text(),
        task.deliverable().formats().stream().map(FileFormat::id).collect(Collectors.joining(",")), position,
        WorkStatus.OPEN.id());
    for (CampaignFile file : references) {
      h.update("INSERT INTO grading_work_files (work_id, role, name, sha256, size_bytes, description, added_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", workId, WorkFiles.REFERENCE, file.name(), file.sha256(), file.sizeBytes(),
          file.description(), now.toString());
    }
  }

  private static List<CampaignFile> references(Task task, Store store) {
    List<CampaignFile> files = new ArrayList<>();
    for (Reference reference : task.references()) {
      Path path = task.file(reference.file());
      try {
        files.add(CampaignFile.put(store.blobs(), path.getFileName().toString(), Files.readAllBytes(path),
            reference.description()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read reference " + path + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  /** Every campaign, the newest first. */
  public List<Campaign> list() {
    return db.read("list baseline campaigns", h -> h.list(CAMPAIGN + " ORDER BY created_at DESC, name",
        BaselineCampaigns::campaign));
  }

  /** The campaign with this name or id. */
  public Optional<Campaign> find(String nameOrId) {
    return db.read("find baseline campaign " + nameOrId, h -> h.first(CAMPAIGN + " WHERE id = ? OR name = ?",
        BaselineCampaigns::campaign, nameOrId, nameOrId));
  }

  private static final String CAMPAIGN = "SELECT id, name, suite_path, per_task, seed, created_at"
      + " FROM grading_work_campaigns";

  private static Campaign campaign(Row r) throws SQLException {
    return new Campaign(r.text(1), r.text(2), Path.of(r.text(3)), r.integer(4), r.bigint(5), Instant.parse(r.text(6)));
  }

  /**
   * Every piece of work of a campaign, by professional and position: for the admin pages and the
   * export.
   */
  public List<WorkItem> work(String campaignId) {
    Instant now = clock.instant();
    return db.read("read work of baseline campaign " + campaignId, h -> h.list(WorkItem.SELECT
        + " WHERE w.campaign_id = ? ORDER BY w.person_id, w.position", r -> WorkItem.read(r, now), campaignId));
  }

  /**
   * Marks the submission of {@code personId} on {@code taskId} as the one to become the task's
   * baseline on export, in place of any other chosen for the task.
   *
   * @throws InvalidCampaignException when there is no such submitted work
   */
  public void choose(String campaignId, String taskId, String personId) {
    db.transaction("choose a baseline for " + taskId, h -> {
      int found = h.update("UPDATE grading_work SET chosen = ? WHERE campaign_id = ? AND task_id = ? AND person_id = ?"
          + " AND status = ?", true, campaignId, taskId, personId, WorkStatus.SUBMITTED.id());
      if (found == 0) {
        throw new InvalidCampaignException("choose", List.of("no submitted work of " + personId + " on task " + taskId
            + " in this campaign"));
      }
      return h.update("UPDATE grading_work SET chosen = ? WHERE campaign_id = ? AND task_id = ? AND person_id <> ?",
          false, campaignId, taskId, personId);
    });
  }
}
