package dev.parity.graders.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Side;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a grader does with their assignments: list them, open one, save a draft, submit. Every
 * method takes the grader's id and refuses an assignment that is not theirs. Thread-safe; every
 * write is one transaction, and a submission never replaces an earlier one: it adds a version.
 */
public final class Assignments {
  /** The most time one save or submission may add to an assignment. */
  static final Duration MAX_TIME_STEP = Duration.ofHours(8);

  private final Database db;
  private final Clock clock;

  /** Assignments in the tables of {@code dataSource} (migrated already). */
  public Assignments(Database database, Clock clock) {
    this.db = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Where submissions come from. */
  public enum Source {
    APP,
    PACKET;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The grader's assignments in every campaign, oldest campaign first, each in queue order. */
  public List<QueueItem> queue(String graderId) {
    return db.read("read the queue of " + graderId, connection -> connection.list("SELECT a.id, c.name, a.position, p.task_title, p.occupation, a.status,"
            + " (SELECT COUNT(*) FROM grading_submissions s WHERE s.assignment_id = a.id)"
            + " FROM grading_assignments a JOIN grading_campaigns c ON c.id = a.campaign_id"
            + " JOIN grading_pairs p ON p.id = a.pair_id WHERE a.grader_id = ?"
            + " ORDER BY c.created_at, c.name, a.position",
        r -> new QueueItem(r.text(1), r.text(2), r.integer(3), r.text(4), r.text(5),
            r.text(6), r.integer(7)), graderId));
  }

  /** The grader's first open assignment in queue order, if any is left. */
  public Optional<String> nextOpen(String graderId) {
    return db.read("find the next assignment of " + graderId, connection -> connection.first("SELECT a.id FROM grading_assignments a JOIN grading_campaigns c ON c.id = a.campaign_id"
            + " WHERE a.grader_id = ? AND a.status = 'open' ORDER BY c.created_at, c.name, a.position",
        r -> r.text(1), graderId));
  }

  /**
   * One assignment, sides placed.
   *
   * @throws NoSuchAssignmentException when no assignment has this id
   * @throws NotYourAssignmentException when it is another grader's
   */
  public AssignmentView open(String graderId, String assignmentId) {
    return db.read("open assignment " + assignmentId, connection -> {
      Row row = row(connection, graderId, assignmentId);
      List<CampaignFile> candidate = files(connection, row.pairId(), "candidate");
      List<CampaignFile> baseline = files(connection, row.pairId(), "baseline");
      boolean baselineLeft = row.baselineSide() == Side.LEFT;
      Optional<Latest> latest = connection.first("SELECT version, verdict, rubric_json, rationale, ai_guess, flag, flag_note, submitted_at"
              + " FROM grading_submissions WHERE assignment_id = ? ORDER BY version DESC",
          r -> new Latest(r.integer(1), submission(r.text(2), r.text(3), r.text(4), r.text(5),
              r.text(6), r.text(7)), r.text(8)), assignmentId);
      int total = connection.first("SELECT COUNT(*) FROM grading_assignments WHERE grader_id = ? AND campaign_id = ?",
          r -> r.integer(1), graderId, row.campaignId()).orElse(0);
      Submission draft = row.draftJson() == null ? null : Campaigns.parse(row.draftJson(), new TypeReference<Submission>() {});
      return new AssignmentView(assignmentId, row.campaign(), row.position(), total, row.status(), row.taskTitle(),
          row.occupation(), row.requestFrom(), row.requestText(), files(connection, row.pairId(), "reference"),
          baselineLeft ? baseline : candidate, baselineLeft ? candidate : baseline,
          row.rubricScoring() ? row.rubric() : List.of(), row.minRationaleChars(), draft,
          latest.map(Latest::submission).orElse(null), latest.map(Latest::version).orElse(0),
          latest.map(Latest::submittedAt).orElse(null));
    });
  }

  /**
   * Keeps what the grader entered so far, and adds {@code timeSpent} to their time on it.
   *
   * @throws NoSuchAssignmentException when no assignment has this id
   * @throws NotYourAssignmentException when it is another grader's
   */
  public void saveDraft(String graderId, String assignmentId, Submission draft, Duration timeSpent) {
    // Who owns an assignment never changes: check it before taking the write lock, keep the write short.
    db.read("open assignment " + assignmentId, connection -> row(connection, graderId, assignmentId));
    db.transaction("save a draft of assignment " + assignmentId, connection -> connection.update("UPDATE grading_assignments SET draft_json = ?, draft_saved_at = ?, seconds_spent = seconds_spent + ?"
            + " WHERE id = ? AND grader_id = ?", Campaigns.json(draft), clock.instant().toString(), seconds(timeSpent),
        assignmentId, graderId));
  }

  /**
   * Submits the grader's verdict (or flag) as a new version of the assignment, in one transaction,
   * and clears the draft. The outcome for the model is worked out here, from the blinding key.
   *
   * @param timeSpent time on the assignment since the last save, added to its total
   * @param expectedVersion the version the grader saw (0 for none); null to accept any
   * @return the new version, from 1
   * @throws InvalidCampaignException listing what is missing or wrong; nothing is stored
   * @throws StaleSubmissionException when the assignment was submitted since {@code expectedVersion}
   * @throws NoSuchAssignmentException when no assignment has this id
   * @throws NotYourAssignmentException when it is another grader's
   */
  public int submit(String graderId, String assignmentId, Submission submission, Duration timeSpent,
      Integer expectedVersion, Source source) {
    Entry entry = new Entry(assignmentId, submission, timeSpent, expectedVersion);
    Row row = db.read("open assignment " + assignmentId, connection -> checked(connection, graderId, entry));
    return db.transaction("submit assignment " + assignmentId, connection -> submit(connection, row, entry, source));
  }

  /**
   * One submission of {@link #submitAll}.
   *
   * @param timeSpent time on the assignment to add to its total; may be null
   * @param expectedVersion the version the grader saw; null to accept any
   */
  public record Entry(String assignmentId, Submission submission, Duration timeSpent, Integer expectedVersion) {}

  /**
   * Submits several assignments of one grader in one transaction: all of them, or none when one is
   * refused (the exception is that one's, as for {@link #submit}).
   *
   * @return the new version of each, in order
   */
  public List<Integer> submitAll(String graderId, List<Entry> entries, Source source) {
    List<Row> rows = db.read("open " + entries.size() + " assignments of " + graderId, connection -> {
      List<Row> checked = new java.util.ArrayList<>();
      for (Entry entry : entries) {
        checked.add(checked(connection, graderId, entry));
      }
      return checked;
    });
    return db.transaction("submit " + entries.size() + " assignments of " + graderId, connection -> {
      List<Integer> versions = new java.util.ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        versions.add(submit(connection, rows.get(i), entries.get(i), source));
      }
      return versions;
    });
  }

  /**
   * The rubric and minimum rationale an assignment's submissions are checked against.
   *
   * @throws NoSuchAssignmentException when no assignment has this id
   * @throws NotYourAssignmentException when it is another grader's
   */
  public Rules rules(String graderId, String assignmentId) {
    return db.read("read assignment " + assignmentId, connection -> {
      Row row = row(connection, graderId, assignmentId);
      return new Rules(row.rubricScoring() ? row.rubric() : List.of(), row.minRationaleChars());
    });
  }

  /** What a submission of an assignment is checked against: {@link Submission#problems}. */
  public record Rules(List<RubricItem> rubric, int minRationaleChars) {
    public Rules {
      rubric = List.copyOf(rubric);
    }
  }

  /** The assignment's row, once the entry is known to be the grader's and to follow the rules. */
  private static Row checked(Handle connection, String graderId, Entry entry) throws SQLException {
    Row row = row(connection, graderId, entry.assignmentId());
    List<String> problems = entry.submission().problems(row.minRationaleChars(), row.rubricScoring() ? row.rubric() : List.of());
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("the submission", problems);
    }
    return row;
  }

  private int submit(Handle connection, Row row, Entry entry, Source source) throws SQLException {
    String assignmentId = entry.assignmentId();
    Submission submission = entry.submission();
    List<RubricItem> rubric = row.rubricScoring() ? row.rubric() : List.of();
    // The assignment's row is written first: on PostgreSQL that locks it until the commit, so a
    // concurrent submission of the same assignment waits here and then reads the version this one
    // adds, instead of both reading one MAX(version) (SQLite's writers take turns anyway).
    connection.update("UPDATE grading_assignments SET seconds_spent = seconds_spent + ?, draft_json = NULL,"
        + " draft_saved_at = NULL, status = ? WHERE id = ?", seconds(entry.timeSpent()),
        submission.verdict() == null ? "flagged" : "submitted", assignmentId);
    int current = connection.first("SELECT MAX(version) FROM grading_submissions WHERE assignment_id = ?",
        r -> r.integer(1), assignmentId).orElse(0);
    if (entry.expectedVersion() != null && entry.expectedVersion() != current) {
      throw new StaleSubmissionException(assignmentId, entry.expectedVersion(), current);
    }
    int secondsSpent = connection.first("SELECT seconds_spent FROM grading_assignments WHERE id = ?",
        r -> r.integer(1), assignmentId).orElse(0);
    Outcome outcome = outcome(submission.verdict(), row.baselineSide());
    Map<String, Set<String>> scores = new TreeMap<>(Map.of("A", submission.rubricA(), "B", submission.rubricB()));
    connection.update("INSERT INTO grading_submissions (assignment_id, version, verdict, outcome, rubric_json,"
        + " rationale, ai_guess, flag, flag_note, seconds, source, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        assignmentId, current + 1, id(submission.verdict()), outcome == null ? null : outcome.id(),
        rubric.isEmpty() ? null : Campaigns.json(scores), submission.rationale(), id(submission.aiGuess()),
        submission.flag() == null ? null : submission.flag().id(), submission.flagNote(), secondsSpent,
        source.id(), clock.instant().toString());
    return current + 1;
  }

  /** The candidate's outcome from a verdict as seen: choosing the baseline's side is the candidate's loss. */
  static Outcome outcome(Verdict verdict, Side baselineSide) {
    if (verdict == null) {
      return null;
    }
    return switch (verdict) {
      case TIE -> Outcome.TIE;
      case A -> baselineSide == Side.LEFT ? Outcome.LOSS : Outcome.WIN;
      case B -> baselineSide == Side.RIGHT ? Outcome.LOSS : Outcome.WIN;
    };
  }

  private static long seconds(Duration timeSpent) {
    if (timeSpent == null || timeSpent.isNegative()) {
      return 0;
    }
    return Math.min(timeSpent.toSeconds(), MAX_TIME_STEP.toSeconds());
  }

  private static String id(Verdict verdict) {
    return verdict == null ? null : verdict.id();
  }

  private static String id(AiGuess guess) {
    return guess == null ? null : guess.id();
  }

  private record Row(String graderId, String campaignId, String campaign, String pairId, Side baselineSide,
      int position, String status, String taskTitle, String occupation, String requestFrom, String requestText,
      List<RubricItem> rubric, boolean rubricScoring, int minRationaleChars, String draftJson) {}

  private record Latest(int version, Submission submission, String submittedAt) {}

  private static Row row(Handle connection, String graderId, String assignmentId) throws SQLException {
    Row row = connection.first("SELECT a.grader_id, c.id, c.name, p.id, a.baseline_side, a.position, a.status, p.task_title, p.occupation,"
            + " p.request_from, p.request_text, p.rubric_json, c.rubric_scoring, c.min_rationale_chars, a.draft_json"
            + " FROM grading_assignments a JOIN grading_campaigns c ON c.id = a.campaign_id"
            + " JOIN grading_pairs p ON p.id = a.pair_id WHERE a.id = ?",
        r -> new Row(r.text(1), r.text(2), r.text(3), r.text(4), Side.ofLabel(r.text(5)).orElseThrow(), r.integer(6),
            r.text(7), r.text(8), r.text(9), r.text(10), r.text(11),
            Campaigns.parse(r.text(12), Campaigns.RUBRIC), r.bool(13), r.integer(14), r.text(15)),
        assignmentId).orElseThrow(() -> new NoSuchAssignmentException(assignmentId));
    if (!row.graderId().equals(graderId)) {
      throw new NotYourAssignmentException(assignmentId);
    }
    return row;
  }

  private static List<CampaignFile> files(Handle connection, String pairId, String role) throws SQLException {
    return connection.list("SELECT name, sha256, size_bytes, description FROM grading_pair_files"
        + " WHERE pair_id = ? AND role = ? ORDER BY ordinal",
        r -> new CampaignFile(r.text(1), r.text(2), r.bigint(3), r.text(4)), pairId, role);
  }

  private static Submission submission(String verdict, String rubricJson, String rationale, String aiGuess,
      String flag, String flagNote) {
    Map<String, Set<String>> rubric = rubricJson == null ? Map.of()
        : Campaigns.parse(rubricJson, new TypeReference<TreeMap<String, Set<String>>>() {});
    return new Submission(verdict == null ? null : Verdict.parse(verdict).orElseThrow(),
        rubric.getOrDefault("A", Set.of()), rubric.getOrDefault("B", Set.of()), rationale,
        aiGuess == null ? null : AiGuess.parse(aiGuess).orElseThrow(),
        flag == null ? null : Flag.parse(flag).orElseThrow(), flagNote);
  }
}
