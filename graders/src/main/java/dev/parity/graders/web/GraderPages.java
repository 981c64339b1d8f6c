package dev.parity.graders.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.graders.campaign.AiGuess;
import dev.parity.graders.campaign.AssignmentView;
import dev.parity.graders.campaign.Assignments;
import dev.parity.graders.campaign.BlindFile;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.campaign.Flag;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.NoSuchAssignmentException;
import dev.parity.graders.campaign.NotYourAssignmentException;
import dev.parity.graders.campaign.QueueItem;
import dev.parity.graders.campaign.Session;
import dev.parity.graders.campaign.StaleSubmissionException;
import dev.parity.graders.campaign.Submission;
import dev.parity.graders.campaign.Verdict;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A grader's pages: the queue, an assignment, its draft, its submission and its files. */
final class GraderPages {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  // Autosaves come every few seconds; a larger step is a clock gone wrong, not time on the task.
  private static final long MAX_SECONDS_PER_SAVE = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Assignments assignments;
  private final Guard guard;
  private final Templates templates;
  private final FileViews files;

  GraderPages(Assignments assignments, Guard guard, Templates templates, FileViews files) {
    this.assignments = assignments;
    this.guard = guard;
    this.templates = templates;
    this.files = files;
  }

  void queue(Context ctx) {
    Session session = guard.require(ctx);
    List<QueueItem> items = assignments.queue(session.grader().id());
    Map<String, List<Map<String, Object>>> byCampaign = new LinkedHashMap<>();
    for (QueueItem item : items) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("assignmentId", item.assignmentId());
      row.put("position", item.position());
      row.put("taskTitle", item.taskTitle());
      row.put("occupation", item.occupation());
      row.put("status", item.status());
      row.put("open", item.isOpen());
      row.put("statusText", switch (item.status()) {
        case "open" -> "to do";
        case "flagged" -> "flagged";
        default -> item.version() > 1 ? "submitted (" + item.version() + " versions)" : "submitted";
      });
      byCampaign.computeIfAbsent(item.campaign(), c -> new ArrayList<>()).add(row);
    }
    Map<String, Object> model = Page.of("My queue", session);
    List<Map<String, Object>> campaigns = new ArrayList<>();
    byCampaign.forEach((name, rows) -> campaigns.add(Map.of("name", name, "items", rows)));
    long done = items.stream().filter(i -> !i.isOpen()).count();
    model.put("campaigns", campaigns);
    model.put("total", items.size());
    model.put("done", done);
    model.put("hasOpen", done < items.size());
    ctx.html(templates.render("queue", model));
  }

  void next(Context ctx) {
    Session session = guard.require(ctx);
    ctx.redirect(assignments.nextOpen(session.grader().id()).map(id -> "/a/" + id).orElse("/queue"));
  }

  void assignment(Context ctx) {
    Session session = guard.require(ctx);
    AssignmentView view = open(session, ctx.pathParam("id"));
    ctx.html(page(session, view, view.entered(), List.of()));
  }

  void draft(Context ctx) {
    Session session = guard.require(ctx);
    String id = id(ctx.pathParam("id"));
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new HttpError(400, "The draft is not JSON.");
    }
    if (body == null || !body.isObject()) {
      throw new HttpError(400, "The draft is not a JSON object.");
    }
    Submission draft = new Submission(parse(text(body, "verdict"), Verdict::parse), ids(body.get("rubric_a")),
        ids(body.get("rubric_b")), limited(text(body, "rationale")), parse(text(body, "ai_guess"), AiGuess::parse),
        parse(text(body, "flag"), Flag::parse), limited(text(body, "flag_note")));
    call(() -> {
      assignments.saveDraft(session.grader().id(), id, draft, seconds(body.path("seconds").asLong(0)));
      return null;
    });
    ctx.json(Map.of("saved", true));
  }

  void submit(Context ctx) {
    Session session = guard.require(ctx);
    String id = id(ctx.pathParam("id"));
    List<String> problems = new ArrayList<>();
    Submission submission = new Submission(strict(ctx, "verdict", Verdict::parse, problems), set(ctx, "rubric_a"),
        set(ctx, "rubric_b"), ctx.formParam("rationale"), strict(ctx, "ai_guess", AiGuess::parse, problems),
        strict(ctx, "flag", Flag::parse, problems), ctx.formParam("flag_note"));
    Duration time = seconds(parseLong(ctx.formParam("seconds")));
    Integer version = (int) parseLong(ctx.formParam("version"));
    String grader = session.grader().id();
    try {
      if (!problems.isEmpty()) {
        throw new HttpError(422, String.join("; ", problems));
      }
      call(() -> assignments.submit(grader, id, submission, time, version, Assignments.Source.APP));
      ctx.redirect("/next");
    } catch (InvalidCampaignException | StaleSubmissionException e) {
      // Nothing entered is lost: what was typed stays as the draft, shown again with the problems.
      call(() -> {
        assignments.saveDraft(grader, id, submission, time);
        return null;
      });
      List<String> shown = e instanceof InvalidCampaignException invalid ? invalid.problems()
          : List.of("This assignment was submitted again from another window since you opened it. "
              + "Your entries are kept below; submit again to add them as a new version.");
      ctx.status(e instanceof StaleSubmissionException ? 409 : 422);
      ctx.html(page(session, open(session, id), submission, shown));
    } catch (HttpError e) {
      ctx.status(e.status);
      ctx.html(page(session, open(session, id), submission, problems));
    }
  }

  void download(Context ctx) {
    BlindFile file = file(ctx);
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
    ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    ctx.contentType("application/octet-stream");
    ctx.result(files.download(file));
  }

  /** A page image of a file: 404 until it is drawn. */
  void pageImage(Context ctx) {
    BlindFile file = file(ctx);
    byte[] png = files.png(file, (int) parseLong(ctx.pathParam("page")))
        .orElseThrow(() -> new HttpError(404, "This page is not drawn."));
    ctx.contentType("image/png");
    ctx.result(png);
  }

  /** A file's HTML view as a page of its own: what the Text tab of a file shown as pages loads. */
  void text(Context ctx) {
    Session session = guard.require(ctx);
    BlindFile file = file(ctx);
    DeliverableView.Shown shown = files.text(file);
    Map<String, Object> model = Page.of(file.name(), session);
    model.put("id", ctx.pathParam("id"));
    model.put("name", file.name());
    model.put("notes", shown.notes());
    model.put("html", shown.html());
    ctx.html(templates.render("file-text", model));
  }

  /** The file a download or page image names: side A, B or R (references), number n from 1, of one's own assignment. */
  private BlindFile file(Context ctx) {
    Session session = guard.require(ctx);
    AssignmentView view = open(session, ctx.pathParam("id"));
    List<BlindFile> side = switch (ctx.pathParam("side")) {
      case "A" -> BlindFile.side("A", view.left());
      case "B" -> BlindFile.side("B", view.right());
      case "R" -> BlindFile.references(view.references());
      default -> throw new HttpError(404, "No such file.");
    };
    int n = (int) parseLong(ctx.pathParam("n"));
    if (n < 1 || n > side.size()) {
      throw new HttpError(404, "No such file.");
    }
    return side.get(n - 1);
  }

  private AssignmentView open(Session session, String id) {
    return call(() -> assignments.open(session.grader().id(), id(id)));
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (NotYourAssignmentException e) {
      throw new HttpError(403, "This assignment is not yours.");
    } catch (NoSuchAssignmentException e) {
      throw new HttpError(404, "There is no such assignment.");
    }
  }

  private String page(Session session, AssignmentView view, Submission entered, List<String> errors) {
    String base = "/a/" + view.id();
    Map<String, Object> model = Page.of(view.taskTitle(), session);
    model.put("id", view.id());
    model.put("campaign", view.campaign());
    model.put("position", view.position());
    model.put("total", view.total());
    model.put("taskTitle", view.taskTitle());
    model.put("occupation", view.occupation());
    model.put("requestFrom", view.requestFrom());
    model.put("requestParagraphs", List.of(view.requestText().strip().split("\\n\\s*\\n")));
    List<FileViews.FileView> references = files.of(base, "R", BlindFile.references(view.references()));
    model.put("references", references);
    model.put("hasReferences", !references.isEmpty());
    List<FileViews.FileView> left = files.of(base, "A", BlindFile.side("A", view.left()));
    List<FileViews.FileView> right = files.of(base, "B", BlindFile.side("B", view.right()));
    model.put("sides", List.of(Map.of("label", "A", "files", left), Map.of("label", "B", "files", right)));
    model.put("hasPages", Stream.of(references, left, right).flatMap(List::stream)
        .anyMatch(f -> f.pages() != null && f.pages().tabs()));
    model.put("rendering", Stream.of(references, left, right).anyMatch(FileViews::pending));
    model.put("version", view.version());
    model.put("submittedAt", view.submittedAt());
    model.put("errors", errors);
    model.put("hasErrors", !errors.isEmpty());
    model.put("verdictA", entered.verdict() == Verdict.A);
    model.put("verdictTie", entered.verdict() == Verdict.TIE);
    model.put("verdictB", entered.verdict() == Verdict.B);
    List<Map<String, Object>> rubric = new ArrayList<>();
    view.rubric().forEach(item -> rubric.add(Map.of("id", item.id(), "criterion", item.criterion(),
        "points", item.points() == Math.rint(item.points()) ? Long.toString((long) item.points()) : Double.toString(item.points()),
        "a", entered.rubricA().contains(item.id()), "b", entered.rubricB().contains(item.id()))));
    model.put("rubric", rubric);
    model.put("hasRubric", !rubric.isEmpty());
    model.put("minRationale", view.minRationaleChars());
    model.put("rationale", Optional.ofNullable(entered.rationale()).orElse(""));
    model.put("guessNone", entered.aiGuess() == null);
    model.put("guessCannot", entered.aiGuess() == AiGuess.CANNOT_TELL);
    model.put("guessA", entered.aiGuess() == AiGuess.A);
    model.put("guessB", entered.aiGuess() == AiGuess.B);
    model.put("flagNone", entered.flag() == null);
    model.put("flagConflict", entered.flag() == Flag.CONFLICT_OF_INTEREST);
    model.put("flagBroken", entered.flag() == Flag.BROKEN_FILE);
    model.put("flagOther", entered.flag() == Flag.OTHER);
    model.put("flagNote", Optional.ofNullable(entered.flagNote()).orElse(""));
    model.put("draftStatus", view.draft() != null ? "Draft restored" : "");
    return templates.render("assignment", model);
  }

  private static String id(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new HttpError(404, "There is no such assignment.");
    }
    return id;
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_SECONDS_PER_SAVE)));
  }

  private static long parseLong(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String limited(String text) {
    return text == null || text.length() <= Submission.MAX_TEXT_CHARS ? text : text.substring(0, Submission.MAX_TEXT_CHARS);
  }

  private static <T> T parse(String text, Function<String, Optional<T>> parser) {
    return text == null || text.isBlank() ? null : parser.apply(text).orElse(null);
  }

  private static <T> T strict(Context ctx, String field, Function<String, Optional<T>> parser, List<String> problems) {
    String text = ctx.formParam(field);
    if (text == null || text.isBlank()) {
      return null;
    }
    Optional<T> value = parser.apply(text);
    if (value.isEmpty()) {
      problems.add(field + " \"" + text + "\" is not one of the choices");
    }
    return value.orElse(null);
  }

  private static Set<String> ids(JsonNode array) {
    Set<String> ids = new HashSet<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> ids.add(n.asText()));
    }
    return ids;
  }

  private static Set<String> set(Context ctx, String field) {
    return new HashSet<>(ctx.formParams(field));
  }
}
