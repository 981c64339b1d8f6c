package dev.parity.graders.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.SpreadsheetCells;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.harness.store.Contestant;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.judgments.Side;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import dev.parity.tasks.Occupation;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Human grading campaigns: creating them (pairs, assignments, attention checks), and what an
 * administrator reads of them (progress, judgments, grader quality). Thread-safe; every write is
 * one transaction.
 */
public final class Campaigns {
  static final ObjectMapper JSON = new ObjectMapper();
  static final TypeReference<List<RubricItem>> RUBRIC = new TypeReference<>() {};
  static final String MODEL_PAIR = "model";
  static final String ATTENTION_CHECK = "attention_check";

  private static final SecureRandom IDS = new SecureRandom();
  private final Database db;
  private final BlobStore blobs;
  private final Clock clock;

  /**
   * Campaigns in the tables of {@code database}, with their files in
   * {@code blobs}.
   */
  public Campaigns(Database database, BlobStore blobs, Clock clock) {
    this.db = Objects.requireNonNull(database, "database");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a campaign: a blinded pair of each candidate with its task's baseline, assigned to
   * {@code settings.perPair()} graders of the task's occupation (see docs/grading.md for the
   * rules), with attention checks mixed in at {@code settings.attentionRate()}. The roster's
   * graders are added to (or updated in) the store; their passwords are kept.
   *
   * @param source what the candidates came from, e.g. a run id; shown to administrators only
   * @throws InvalidCampaignException listing every problem (bad settings, a candidate without
   *     files, a repeated candidate, a pair that cannot get enough graders, a name in use)
   */
  public CampaignCreated create(CampaignSettings settings, List<Grader> graders, List<Candidate> candidates,
      String source) {
    List<String> problems = new ArrayList<>(settings.problems());
    if (graders.isEmpty()) {
      problems.add("the roster has no grader");
    }
    if (candidates.isEmpty()) {
      problems.add("there is nothing to grade: no candidate deliverable");
    }
    Set<String> seen = new HashSet<>();
    for (Candidate c : candidates) {
      String key = c.task().id() + " / " + c.model() + " #" + c.sample();
      if (!seen.add(key)) {
        problems.add(key + ": given twice");
      }
      if (c.deliverable().isEmpty()) {
        problems.add(key + ": the deliverable has no file");
      }
      if (c.baseline().isEmpty()) {
        problems.add(key + ": the baseline has no file");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("campaign " + settings.name(), problems);
    }
    Random random = new Random(settings.seed());
    List<Assigner.Slot> slots = candidates.stream()
        .map(c -> new Assigner.Slot(c.task().id(), c.task().occupation())).toList();
    Map<String, Candidate> firstOfTask = new LinkedHashMap<>();
    candidates.forEach(c -> firstOfTask.putIfAbsent(c.task().id(), c));
    Map<String, Occupation> checkTasks = new LinkedHashMap<>();
    firstOfTask.forEach((id, c) -> checkTasks.put(id, c.task().occupation()));
    Assigner.Plan plan = Assigner.plan(slots, checkTasks, graders, ownWork(candidates), settings.perPair(),
        settings.attentionRate(), random);

    List<NewPair> pairs = new ArrayList<>();
    for (int i = 0; i < plan.pairs().size(); i++) {
      if (i < plan.attentionFrom()) {
        pairs.add(new NewPair(randomId(), MODEL_PAIR, candidates.get(i), candidates.get(i).deliverable()));
      } else {
        Candidate source0 = firstOfTask.get(plan.pairs().get(i).taskId());
        pairs.add(new NewPair(randomId(), ATTENTION_CHECK, source0,
            AttentionChecks.broken(source0.baseline(), blobs, random)));
      }
    }
    String campaignId = randomId();
    Instant created = clock.instant();
    String now = created.toString();
    db.transaction("create campaign " + settings.name(), connection -> {
      checkNames(connection, settings, graders);
      Roster.save(connection, graders, created);
      connection.update("INSERT INTO grading_campaigns (id, name, source, per_pair, attention_rate, seed,"
          + " rubric_scoring, min_rationale_chars, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          campaignId, settings.name(), source, settings.perPair(), settings.attentionRate(), settings.seed(),
          settings.rubricScoring(), settings.minRationaleChars(), now);
      for (NewPair pair : pairs) {
        insertPair(connection, campaignId, pair);
      }
      for (Assigner.Planned planned : plan.assignments()) {
        NewPair pair = pairs.get(planned.pair());
        connection.update("INSERT INTO grading_assignments (id, campaign_id, pair_id, grader_id, task_id,"
            + " baseline_side, position, status, seconds_spent) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', 0)",
            randomId(), campaignId, pair.id(), planned.graderId(), pair.candidate().task().id(),
            (planned.baselineOnLeft() ? Side.LEFT : Side.RIGHT).label(), planned.position());
      }
      return null;
    });
    return new CampaignCreated(find(campaignId).orElseThrow(), plan.notes());
  }

  /**
   * Per person, the tasks whose pairs hold their own work: the professionals of human candidates
   * ({@code human:<id>}) and the authors of baselines. No one grades their own work.
   */
  private static Map<String, Set<String>> ownWork(List<Candidate> candidates) {
    Map<String, Set<String>> own = new HashMap<>();
    for (Candidate c : candidates) {
      if (Contestant.parse(c.model()) instanceof Contestant.Human human) {
        own.computeIfAbsent(human.id(), id -> new HashSet<>()).add(c.task().id());
      }
      String author = c.task().baseline().author();
      if (author != null) {
        own.computeIfAbsent(author, id -> new HashSet<>()).add(c.task().id());
      }
    }
    return own;
  }

  private record NewPair(String id, String kind, Candidate candidate, List<CampaignFile> shown) {}

  private static void checkNames(Handle connection, CampaignSettings settings, List<Grader> graders)
      throws SQLException {
    List<String> problems = new ArrayList<>();
    if (connection.first("SELECT id FROM grading_campaigns WHERE name = ?", r -> r.text(1), settings.name())
        .isPresent()) {
      problems.add("a campaign named \"" + settings.name() + "\" exists already");
    }
    problems.addAll(Roster.conflicts(connection, graders));
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("campaign " + settings.name(), problems);
    }
  }

  private static void insertPair(Handle connection, String campaignId, NewPair pair) throws SQLException {
    Candidate c = pair.candidate();
    boolean check = pair.kind().equals(ATTENTION_CHECK);
    List<RubricItem> rubric = c.task().rubric().stream()
        .map(r -> new RubricItem(r.id(), r.criterion(), r.points())).toList();
    connection.update("INSERT INTO grading_pairs (id, campaign_id, kind, task_id, task_title, occupation, sector,"
        + " model, sample, attempt_id, request_from, request_text, rubric_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        pair.id(), campaignId, pair.kind(), c.task().id(), Objects.requireNonNullElse(c.task().title(), c.task().id()),
        c.task().occupation().title(), Objects.requireNonNullElse(c.task().sector(), ""), check ? null : c.model(),
        check ? 0 : c.sample(), check ? null : c.attemptId(), c.task().request().from(), c.task().request().text(),
        json(rubric));
    insertFiles(connection, pair.id(), "candidate", pair.shown());
    insertFiles(connection, pair.id(), "baseline", c.baseline());
    insertFiles(connection, pair.id(), "reference", c.references());
  }

  private static void insertFiles(Handle connection, String pairId, String role, List<CampaignFile> files)
      throws SQLException {
    for (int i = 0; i < files.size(); i++) {
      CampaignFile f = files.get(i);
      connection.update("INSERT INTO grading_pair_files (pair_id, role, ordinal, name, sha256, size_bytes,"
          + " description) VALUES (?, ?, ?, ?, ?, ?, ?)", pairId, role, i, f.name(), f.sha256(), f.sizeBytes(),
          f.description());
    }
  }

  /** Every campaign, the newest first. */
  public List<CampaignSummary> list() {
    return db.read("list campaigns", connection -> connection.list(SUMMARY + " ORDER BY c.created_at DESC, c.name",
        Campaigns::summary));
  }

  /** The campaign with this name or id. */
  public Optional<CampaignSummary> find(String nameOrId) {
    return db.read("find campaign " + nameOrId, connection -> connection.first(SUMMARY + " WHERE c.id = ? OR c.name = ?", Campaigns::summary, nameOrId, nameOrId));
  }

  /**
   * The campaign with this name or id.
   *
   * @throws InvalidCampaignException naming the campaigns there are, when there is none by that name
   */
  public CampaignSummary require(String nameOrId) {
    return find(nameOrId).orElseThrow(() -> new InvalidCampaignException("campaign " + nameOrId,
        List.of("no such campaign; there are: " + (list().isEmpty() ? "none"
            : String.join(", ", list().stream().map(CampaignSummary::name).toList())))));
  }

  /**
   * Every file of a campaign's pairs (candidates, baselines, references, attention checks), each
   * stored file once per extension, for work on all of them (drawing their pages).
   */
  public List<CampaignFile> files(String campaignId) {
    List<CampaignFile> files = db.read("list the files of campaign " + campaignId, connection -> connection.list(
        "SELECT f.name, f.sha256, f.size_bytes FROM grading_pair_files f JOIN grading_pairs p ON p.id = f.pair_id"
            + " WHERE p.campaign_id = ? ORDER BY p.id, f.role, f.ordinal",
        r -> new CampaignFile(r.text(1), r.text(2), r.bigint(3), null), campaignId));
    Map<String, CampaignFile> distinct = new LinkedHashMap<>();
    files.forEach(f -> distinct.putIfAbsent(f.sha256() + "." + BlindFile.extension(f.name()), f));
    return List.copyOf(distinct.values());
  }

  private static final String SUMMARY = "SELECT c.id, c.name, c.source, c.created_at, c.per_pair, c.attention_rate,"
      + " c.seed, c.rubric_scoring, c.min_rationale_chars,"
      + " (SELECT COUNT(*) FROM grading_pairs p WHERE p.campaign_id = c.id AND p.kind = 'model'),"
      + " (SELECT COUNT(*) FROM grading_pairs p WHERE p.campaign_id = c.id AND p.kind = 'attention_check'),"
      + " (SELECT COUNT(*) FROM grading_assignments a WHERE a.campaign_id = c.id),"
      + " (SELECT COUNT(*) FROM grading_assignments a WHERE a.campaign_id = c.id AND a.status <> 'open')"
      + " FROM grading_campaigns c";

  private static CampaignSummary summary(Row r) throws SQLException {
    CampaignSettings settings = new CampaignSettings(r.text(2), r.integer(5), r.real(6), r.bigint(7),
        r.bool(8), r.integer(9));
    return new CampaignSummary(r.text(1), r.text(2), r.text(3), r.text(4), settings,
        r.integer(10), r.integer(11), r.integer(12), r.integer(13));
  }

  /** Progress per grader and per occupation. */
  public CampaignProgress progress(String campaignId) {
    CampaignSummary campaign = require(campaignId);
    return db.read("read progress of campaign " + campaign.name(), connection -> {
      List<CampaignProgress.GraderRow> graders = connection.list("SELECT g.id, g.display_name, COUNT(*),"
              + " SUM(CASE WHEN a.status <> 'open' THEN 1 ELSE 0 END),"
              + " SUM(CASE WHEN EXISTS (SELECT 1 FROM grading_submissions s WHERE s.assignment_id = a.id"
              + " AND s.flag IS NOT NULL) THEN 1 ELSE 0 END),"
              + " MAX((SELECT MAX(s.submitted_at) FROM grading_submissions s WHERE s.assignment_id = a.id))"
              + " FROM grading_assignments a JOIN grading_graders g ON g.id = a.grader_id"
              + " WHERE a.campaign_id = ? GROUP BY g.id, g.display_name ORDER BY g.id",
          r -> new CampaignProgress.GraderRow(r.text(1), r.text(2), r.integer(3), r.integer(4), r.integer(5),
              r.text(6)), campaign.id());
      List<CampaignProgress.OccupationRow> occupations = connection.list("SELECT p.occupation, COUNT(DISTINCT p.id), COUNT(a.id),"
              + " SUM(CASE WHEN a.status <> 'open' THEN 1 ELSE 0 END)"
              + " FROM grading_pairs p LEFT JOIN grading_assignments a ON a.pair_id = p.id"
              + " WHERE p.campaign_id = ? AND p.kind = 'model' GROUP BY p.occupation ORDER BY p.occupation",
          r -> new CampaignProgress.OccupationRow(r.text(1), r.integer(2), r.integer(3), r.integer(4)),
          campaign.id());
      return new CampaignProgress(campaign, graders, occupations);
    });
  }

  /**
   * The campaign's judgments in the interchange form: the latest submission of each assignment
   * of a model pair that has a verdict, from the model's side against the baseline. Attention
   * checks are not judgments of a model and are left out.
   */
  public List<Judgment> judgments(String campaignId) {
    CampaignSummary campaign = require(campaignId);
    return db.read("read judgments of campaign " + campaign.name(), connection -> connection.list("SELECT p.task_id, p.model, a.grader_id, s.outcome, p.sample, p.occupation, p.sector, s.seconds, s.rationale,"
            + " a.baseline_side"
            + " FROM grading_submissions s JOIN grading_assignments a ON a.id = s.assignment_id"
            + " JOIN grading_pairs p ON p.id = a.pair_id"
            + " WHERE a.campaign_id = ? AND p.kind = 'model' AND s.outcome IS NOT NULL"
            + " AND s.version = (SELECT MAX(s2.version) FROM grading_submissions s2 WHERE s2.assignment_id = a.id)"
            + " ORDER BY p.task_id, p.model, p.sample, a.grader_id",
        r -> new Judgment(r.text(1), Contestant.parse(r.text(2)), Judgment.BASELINE, r.text(3), GraderType.HUMAN,
            Outcome.parse(r.text(4)).orElseThrow(), r.integer(5), r.text(6), r.text(7),
            r.integer(8) == 0 ? null : Math.round(r.integer(8) / 6.0) / 10.0, r.text(9),
            // The model's deliverable was on the side across from the baseline's.
            Showing.onSide(Side.ofLabel(r.text(10)).orElseThrow().other())),
        campaign.id()));
  }

  /** Quality figures for every grader of the campaign, by grader id (see {@link GraderQuality}). */
  public List<GraderQuality> quality(String campaignId) {
    CampaignSummary campaign = require(campaignId);
    List<GraderQuality.Graded> graded = db.read("read submissions of campaign " + campaign.name(),
        connection -> connection.list("SELECT a.grader_id, a.pair_id, p.kind, a.baseline_side, s.verdict, s.outcome, s.seconds, s.ai_guess"
                + " FROM grading_submissions s JOIN grading_assignments a ON a.id = s.assignment_id"
                + " JOIN grading_pairs p ON p.id = a.pair_id"
                + " WHERE a.campaign_id = ? AND s.verdict IS NOT NULL"
                + " AND s.version = (SELECT MAX(s2.version) FROM grading_submissions s2 WHERE s2.assignment_id = a.id)",
            r -> new GraderQuality.Graded(r.text(1), r.text(2), r.text(3).equals(ATTENTION_CHECK),
                Side.ofLabel(r.text(4)).orElseThrow(), Verdict.parse(r.text(5)).orElseThrow(), Outcome.parse(r.text(6)).orElseThrow(),
                r.integer(7), r.text(8) == null ? null : AiGuess.parse(r.text(8)).orElseThrow()),
            campaign.id()));
    List<String> graders = db.read("read graders of campaign " + campaign.name(), connection -> connection.list("SELECT DISTINCT grader_id FROM grading_assignments WHERE campaign_id = ? ORDER BY grader_id",
        r -> r.text(1), campaign.id()));
    return GraderQuality.of(graders, graded);
  }

  /** Writes {@link #judgments} as the judgments interchange CSV (docs/judgments-format.md). */
  public void writeJudgments(String campaignId, java.io.Writer out) {
    List<Judgment> judgments = judgments(campaignId);
    if (judgments.isEmpty()) {
      Csv.write(out, dev.parity.judgments.JudgmentsCsv.COLUMNS, List.of());
    } else {
      dev.parity.judgments.JudgmentsCsv.write(judgments, out);
    }
  }

  /** The columns of {@link #writeRubricScores}. */
  public static final List<String> RUBRIC_SCORE_COLUMNS =
      List.of("task_id", "model", "sample", "side", "grader", "criterion", "met");

  /**
   * Writes {@link #rubricScores} as CSV with a header of {@link #RUBRIC_SCORE_COLUMNS}, each text cell
   * safe to open in a spreadsheet ({@link SpreadsheetCells}): a model named {@code =cmd|…} stays text.
   */
  public void writeRubricScores(String campaignId, java.io.Writer out) {
    Csv.write(out, RUBRIC_SCORE_COLUMNS, rubricScores(campaignId).stream().map(SpreadsheetCells::guard).toList());
  }

  /**
   * Rubric scores of the campaign's model pairs, one row per grader, side and criterion, from the
   * latest submission of each assignment: {@code task_id, model, sample, side (model or baseline),
   * grader, criterion, met}.
   */
  List<List<String>> rubricScores(String campaignId) {
    CampaignSummary campaign = require(campaignId);
    return db.read("read rubric scores of campaign " + campaign.name(), connection -> {
      List<List<String>> rows = new ArrayList<>();
      for (List<String> s : connection.list("SELECT p.task_id, p.model, p.sample, a.grader_id, a.baseline_side, s.rubric_json, p.rubric_json"
              + " FROM grading_submissions s JOIN grading_assignments a ON a.id = s.assignment_id"
              + " JOIN grading_pairs p ON p.id = a.pair_id"
              + " WHERE a.campaign_id = ? AND p.kind = 'model' AND s.verdict IS NOT NULL AND s.rubric_json IS NOT NULL"
              + " AND s.version = (SELECT MAX(s2.version) FROM grading_submissions s2 WHERE s2.assignment_id = a.id)"
              + " ORDER BY p.task_id, p.model, p.sample, a.grader_id",
          r -> List.of(r.text(1), r.text(2), Integer.toString(r.integer(3)), r.text(4), r.text(5),
              r.text(6), r.text(7)), campaign.id())) {
        Map<String, Set<String>> met = parse(s.get(5), new TypeReference<TreeMap<String, Set<String>>>() {});
        for (RubricItem item : parse(s.get(6), RUBRIC)) {
          for (String side : List.of("A", "B")) {
            String who = side.equals(s.get(4)) ? Judgment.BASELINE : "model";
            boolean yes = met.getOrDefault(side, Set.of()).contains(item.id());
            rows.add(List.of(s.get(0), s.get(1), s.get(2), who, s.get(3), item.id(), Boolean.toString(yes)));
          }
        }
      }
      return rows;
    });
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static <T> T parse(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON in the campaign tables: " + e.getMessage(), e);
    }
  }

  /** A new random 128-bit id in hex: unguessable, so it may appear in a URL. */
  public static String randomId() {
    byte[] bytes = new byte[16];
    IDS.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
