package dev.parity.graders.baseline;

import dev.parity.documents.FileFormat;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.NoSuchAssignmentException;
import dev.parity.graders.campaign.NotYourAssignmentException;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.run.HumanAttempts;
import dev.parity.harness.run.HumanAttempts.Assigned;
import dev.parity.harness.store.HumanWork;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional's work: their list, a piece of work's page, the clock (Start, Pause, Resume),
 * uploads, notes and the submission that makes it an attempt of the campaign's run. Everything is
 * kept in the store as it happens, so a closed tab or a restarted server loses nothing; the clock
 * is the server's ({@link WorkTime}). Each method checks that the work is the caller's. Thread-safe;
 * each change is one transaction.
 */
public final class Workbench {
  /** The longest notes or AI-tools declaration kept. */
  public static final int MAX_TEXT_CHARS = 20_000;

  private final Database db;
  private final Store store;
  private final Clock clock;

  /** The work in {@code database} (migrated), timed with {@code clock}. */
  public Workbench(Database database, Clock clock) {
    this.db = Objects.requireNonNull(database, "database");
    this.store = new Store(database);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The professional's work, by campaign and position. */
  public List<WorkItem> list(String personId) {
    Instant now = clock.instant();
    return db.read("list work of " + personId, h -> h.list(WorkItem.SELECT
        + " WHERE w.person_id = ? ORDER BY c.created_at, w.position", r -> WorkItem.read(r, now), personId));
  }

  /**
   * The professional's piece of work.
   *
   * @throws NoSuchAssignmentException when there is none with this id
   * @throws NotYourAssignmentException when it is someone else's
   */
  public WorkView open(String personId, String workId) {
    Instant now = clock.instant();
    return db.read("open work " + workId, h -> {
      mine(h, personId, workId);
      WorkItem item = h.first(WorkItem.SELECT + " WHERE w.id = ?", r -> WorkItem.read(r, now), workId).orElseThrow();
      return h.first("SELECT request_from, request_text, formats, notes, ai_tools FROM grading_work WHERE id = ?",
          r -> new WorkView(item, r.text(1), r.text(2), Arrays.stream(r.text(3).split(",")).filter(f -> !f.isEmpty())
              .toList(), files(h, workId, WorkFiles.REFERENCE), files(h, workId, WorkFiles.UPLOAD), r.text(4),
              r.text(5)), workId).orElseThrow();
    });
  }

  /** Starts the clock (a no-op once started). */
  public WorkTime start(String personId, String workId) {
    return change(personId, workId, "start", (h, time, now) -> time.start(now));
  }

  /** Pauses the clock (a no-op unless running); the pause is recorded. */
  public WorkTime pause(String personId, String workId) {
    return change(personId, workId, "pause", (h, time, now) -> {
      WorkTime paused = time.pause(now);
      if (paused != time) {
        h.update("INSERT INTO grading_work_pauses (work_id, ordinal, paused_at) VALUES (?, ?, ?)", workId,
            paused.pauses(), now.toString());
      }
      return paused;
    });
  }

  /** Runs the clock again (a no-op unless paused). */
  public WorkTime resume(String personId, String workId) {
    return change(personId, workId, "resume", (h, time, now) -> {
      WorkTime resumed = time.resume(now);
      if (resumed != time) {
        h.update("UPDATE grading_work_pauses SET resumed_at = ? WHERE work_id = ? AND ordinal = ?", now.toString(),
            workId, time.pauses());
      }
      return resumed;
    });
  }

  /**
   * Keeps an uploaded file, replacing one of the same name. The file is checked first
   * ({@link WorkFiles#problems}); its bytes are stored before its row, so an interrupted upload
   * leaves no file behind.
   *
   * @throws InvalidCampaignException saying why the file is refused, or when the work is not
   *     started or is handed in already
   */
  public void upload(String personId, String workId, String name, byte[] bytes) {
    List<String> problems = WorkFiles.problems(name, bytes);
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("the upload", problems);
    }
    String sha256 = store.blobs().put(bytes);
    db.transaction("upload to work " + workId, h -> {
      started(h, personId, workId);
      boolean replaces = h.first("SELECT name FROM grading_work_files WHERE work_id = ? AND role = ? AND name = ?",
          r -> r.text(1), workId, WorkFiles.UPLOAD, name).isPresent();
      if (!replaces && files(h, workId, WorkFiles.UPLOAD).size() >= WorkFiles.MAX_FILES) {
        throw new InvalidCampaignException("the upload", List.of("a task takes at most " + WorkFiles.MAX_FILES
            + " files; remove one first"));
      }
      h.update("DELETE FROM grading_work_files WHERE work_id = ? AND role = ? AND name = ?", workId, WorkFiles.UPLOAD,
          name);
      return h.update("INSERT INTO grading_work_files (work_id, role, name, sha256, size_bytes, added_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", workId, WorkFiles.UPLOAD, name, sha256, bytes.length,
          clock.instant().toString());
    });
  }

  /** Removes an uploaded file (a no-op when there is none of that name). */
  public void remove(String personId, String workId, String name) {
    db.transaction("remove a file of work " + workId, h -> {
      started(h, personId, workId);
      return h.update("DELETE FROM grading_work_files WHERE work_id = ? AND role = ? AND name = ?", workId,
          WorkFiles.UPLOAD, name);
    });
  }

  /**
   * Keeps the notes, the AI-tools declaration (null: not declared yet) and the minutes stated
   * outside the page (null: not stated).
   *
   * @throws InvalidCampaignException for text too long, negative minutes, or work handed in already
   */
  public void save(String personId, String workId, String notes, String aiTools, Double outsideMinutes) {
    List<String> problems = new ArrayList<>();
    if (notes != null && notes.length() > MAX_TEXT_CHARS || aiTools != null && aiTools.length() > MAX_TEXT_CHARS) {
      problems.add("notes and the AI-tools declaration take at most " + MAX_TEXT_CHARS + " characters each");
    }
    if (outsideMinutes != null && !(outsideMinutes >= 0 && outsideMinutes < 100_000)) {
      problems.add("minutes outside this page must be a number from 0, not " + outsideMinutes);
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("your entries", problems);
    }
    db.transaction("save work " + workId, h -> {
      started(h, personId, workId);
      return h.update("UPDATE grading_work SET notes = ?, ai_tools = ?, outside_minutes = ? WHERE id = ?", notes,
          aiTools, outsideMinutes, workId);
    });
  }

  /**
   * What a submission would hand in, or why it cannot be submitted yet: for the confirmation.
   * Empty when it can.
   */
  public List<String> notReady(WorkView view) {
    List<String> problems = new ArrayList<>();
    if (view.item().status() == WorkStatus.OPEN) {
      problems.add("press Start first: the clock has not run");
    }
    if (view.aiTools() == null) {
      problems.add("say whether you used AI tools (and which)");
    }
    if (view.item().outsideMinutes() == null) {
      problems.add("say how many minutes you spent on this task outside this page (0 if none)");
    }
    return problems;
  }

  /**
   * Hands the work in: the clock stops, and the uploads become an attempt of the campaign's run
   * by contestant {@code human:<id>} with the measured time and its cost (measured hours × the
   * professional's wage), all in one transaction. Submitting again (a double click, a second tab)
   * changes nothing and returns the same result.
   *
   * @return whether this call handed it in (false: it was handed in already)
   * @throws InvalidCampaignException when it is not ready ({@link #notReady})
   */
  public boolean submit(String personId, String workId) {
    WorkView view = open(personId, workId);
    if (view.item().status() == WorkStatus.SUBMITTED) {
      return false;
    }
    List<String> problems = notReady(view);
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("the submission", problems);
    }
    Instant now = clock.instant();
    WorkTime done = view.item().time().submit(now);
    Double wage = db.read("read wage of " + personId, h -> h.first("SELECT hourly_wage_usd FROM grading_graders"
        + " WHERE id = ?", r -> r.real(1), personId)).orElse(null);
    if (wage == null) {
      throw new InvalidCampaignException("the submission", List.of(personId + " has no hourly_wage in the people file:"
          + " add it and create or update the roster again"));
    }
    List<DeliveredFile> files = view.uploads().stream().map(f -> new DeliveredFile(f.name(),
        FileFormat.ofFileName(f.name()).orElseThrow(), store.blobs().get(f.sha256()))).toList();
    HumanWork work = new HumanWork(done.activeBefore(), view.item().outsideMinutes(), done.pauses(), wage,
        view.aiTools(), view.notes());
    String runId = view.item().campaign();
    HumanAttempts attempts = new HumanAttempts(store);
    Optional<?> recorded = attempts.submit(new Assigned(personId, view.item().taskId()).key(runId),
        view.formats().stream().map(f -> FileFormat.fromId(f).orElseThrow()).toList(), files, work,
        done.startedAt(), now, h -> h.update("UPDATE grading_work SET status = ?, running_since = NULL,"
            + " active_millis = ?, submitted_at = ? WHERE id = ? AND status IN (?, ?)", WorkStatus.SUBMITTED.id(),
            done.activeBefore().toMillis(), now.toString(), workId, WorkStatus.RUNNING.id(),
            WorkStatus.PAUSED.id()) == 1);
    if (recorded.isPresent()) {
      attempts.endIfDone(runId, now);
    }
    return recorded.isPresent();
  }

  /** A change of the clock: from the stored time and the time now, the new time (the same when it does not apply). */
  private interface Change {
    WorkTime apply(Handle h, WorkTime time, Instant now) throws SQLException;
  }

  private WorkTime change(String personId, String workId, String what, Change change) {
    return db.transaction(what + " work " + workId, h -> {
      mine(h, personId, workId);
      WorkTime time = time(h, workId);
      WorkTime changed = change.apply(h, time, clock.instant());
      if (changed != time) {
        h.update("UPDATE grading_work SET status = ?, started_at = ?, running_since = ?, active_millis = ?"
            + " WHERE id = ?", changed.status().id(), text(changed.startedAt()), text(changed.runningSince()),
            changed.activeBefore().toMillis(), workId);
      }
      return changed;
    });
  }

  private static WorkTime time(Handle h, String workId) throws SQLException {
    return h.first("SELECT w.status, w.started_at, w.running_since, w.active_millis,"
        + " (SELECT COUNT(*) FROM grading_work_pauses p WHERE p.work_id = w.id) AS pauses"
        + " FROM grading_work w WHERE w.id = ?", r -> WorkItem.time(r, 1), workId).orElseThrow();
  }

  /** The work's time, after checking it is the caller's, started and not handed in. */
  private static WorkTime started(Handle h, String personId, String workId) throws SQLException {
    mine(h, personId, workId);
    WorkTime time = time(h, workId);
    if (time.status() == WorkStatus.OPEN) {
      throw new InvalidCampaignException("this task", List.of("press Start first"));
    }
    if (time.status() == WorkStatus.SUBMITTED) {
      throw new InvalidCampaignException("this task", List.of("it is handed in already; nothing more can change"));
    }
    return time;
  }

  private static void mine(Handle h, String personId, String workId) throws SQLException {
    String owner = h.first("SELECT person_id FROM grading_work WHERE id = ?", r -> r.text(1), workId)
        .orElseThrow(() -> new NoSuchAssignmentException(workId));
    if (!owner.equals(personId)) {
      throw new NotYourAssignmentException(workId);
    }
  }

  private static List<CampaignFile> files(Handle h, String workId, String role) throws SQLException {
    return h.list("SELECT name, sha256, size_bytes, description FROM grading_work_files WHERE work_id = ? AND role = ?"
        + " ORDER BY name", r -> new CampaignFile(r.text(1), r.text(2), r.bigint(3), r.text(4)), workId, role);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
