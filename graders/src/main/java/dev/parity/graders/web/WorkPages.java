package dev.parity.graders.web;

import dev.parity.graders.baseline.WorkFiles;
import dev.parity.graders.baseline.WorkItem;
import dev.parity.graders.baseline.WorkStatus;
import dev.parity.graders.baseline.WorkTime;
import dev.parity.graders.baseline.WorkView;
import dev.parity.graders.baseline.Workbench;
import dev.parity.graders.campaign.BlindFile;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.NoSuchAssignmentException;
import dev.parity.graders.campaign.NotYourAssignmentException;
import dev.parity.graders.campaign.Session;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A professional's pages (docs/baselines.md): their tasks, a task's work page with the clock,
 * uploads, notes and the AI-tools declaration, and the confirmation before handing in. Every route
 * checks that the work is the caller's (403 otherwise); downloads are attachments with no active
 * content, as the grading pages' are.
 */
final class WorkPages {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private final Workbench bench;
  private final Guard guard;
  private final Templates templates;
  private final FileViews files;

  WorkPages(Workbench bench, Guard guard, Templates templates, FileViews files) {
    this.bench = bench;
    this.guard = guard;
    this.templates = templates;
    this.files = files;
  }

  void list(Context ctx) {
    Session session = guard.require(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WorkItem item : bench.list(session.grader().id())) {
      rows.add(Map.of("id", item.id(), "campaign", item.campaign(), "position", item.position(), "taskTitle",
          item.taskTitle(), "occupation", item.occupation(), "status", item.status().id(), "statusText",
          statusText(item.status()), "active", clock(item.active())));
    }
    Map<String, Object> model = Page.of("My tasks", session);
    model.put("items", rows);
    model.put("hasItems", !rows.isEmpty());
    model.put("done", "1".equals(ctx.queryParam("done")));
    ctx.html(templates.render("work-list", model));
  }

  void page(Context ctx) {
    Session session = guard.require(ctx);
    ctx.html(page(session, open(session, ctx), List.of()));
  }

  void start(Context ctx) {
    changeClock(ctx, bench::start);
  }

  void pause(Context ctx) {
    changeClock(ctx, bench::pause);
  }

  void resume(Context ctx) {
    changeClock(ctx, bench::resume);
  }

  private void changeClock(Context ctx, BiFunction<String, String, WorkTime> change) {
    Session session = guard.require(ctx);
    call(() -> change.apply(session.grader().id(), id(ctx)));
    ctx.redirect("/w/" + id(ctx));
  }

  void upload(Context ctx) {
    Session session = guard.require(ctx);
    String person = session.grader().id();
    // A part over the server's limits fails here (or in the CSRF check, which reads a browser's
    // form first): UploadRefusal answers 413.
    List<UploadedFile> uploaded = ctx.uploadedFiles("files");
    List<String> problems = new ArrayList<>();
    if (uploaded.isEmpty()) {
      problems.add("choose one or more files to upload");
    }
    for (UploadedFile file : uploaded) {
      byte[] bytes = read(file);
      try {
        call(() -> {
          bench.upload(person, id(ctx), file.filename(), bytes);
          return null;
        });
      } catch (InvalidCampaignException e) {
        problems.addAll(e.problems());
      }
    }
    again(ctx, session, problems);
  }

  void remove(Context ctx) {
    Session session = guard.require(ctx);
    try {
      call(() -> {
        bench.remove(session.grader().id(), id(ctx), ctx.formParam("name"));
        return null;
      });
    } catch (InvalidCampaignException e) {
      again(ctx, session, e.problems());
      return;
    }
    ctx.redirect("/w/" + id(ctx));
  }

  void save(Context ctx) {
    Session session = guard.require(ctx);
    List<String> problems = saveEntries(ctx, session);
    again(ctx, session, problems);
  }

  /** Saves the entries, then asks to confirm; with {@code confirm=yes}, hands the work in. */
  void submit(Context ctx) {
    Session session = guard.require(ctx);
    String person = session.grader().id();
    if ("yes".equals(ctx.formParam("confirm"))) {
      try {
        call(() -> bench.submit(person, id(ctx)));
      } catch (InvalidCampaignException e) {
        again(ctx, session, e.problems());
        return;
      }
      ctx.redirect("/work?done=1");
      return;
    }
    List<String> problems = saveEntries(ctx, session);
    WorkView view = open(session, ctx);
    problems.addAll(bench.notReady(view));
    if (view.item().status() == WorkStatus.SUBMITTED) {
      ctx.redirect("/w/" + id(ctx));
      return;
    }
    if (!problems.isEmpty()) {
      ctx.status(422).html(page(session, view, problems));
      return;
    }
    Map<String, Object> model = Page.of("Hand in " + view.item().taskTitle(), session);
    model.put("id", view.item().id());
    model.put("taskTitle", view.item().taskTitle());
    model.put("uploads", uploads(view));
    model.put("active", clock(view.item().active()));
    model.put("outsideMinutes", number(view.item().outsideMinutes()));
    model.put("aiShown", view.aiTools().isEmpty() ? "none" : view.aiTools());
    model.put("notes", view.notes());
    List<String> warnings = new ArrayList<>();
    if (view.uploads().isEmpty()) {
      warnings.add("You are handing in no file.");
    }
    for (String format : view.formats()) {
      if (view.uploads().stream().noneMatch(f -> f.name().toLowerCase(Locale.ROOT).endsWith("." + format))) {
        warnings.add("The request asks for a " + format.toUpperCase(Locale.ROOT) + " file and none is uploaded.");
      }
    }
    model.put("warnings", warnings);
    model.put("hasWarnings", !warnings.isEmpty());
    ctx.html(templates.render("work-confirm", model));
  }

  /** A reference (R) or one's own upload (U): attachments without active content. */
  void download(Context ctx) {
    Session session = guard.require(ctx);
    WorkView view = open(session, ctx);
    String side = ctx.pathParam("side");
    ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    ctx.contentType("application/octet-stream");
    if (side.equals("U")) {
      CampaignFile file = nth(view.uploads(), ctx);
      ctx.header("Content-Disposition", "attachment; filename=\"" + file.name().replace("\"", "") + "\"");
      ctx.result(files.bytes(file));
      return;
    }
    BlindFile file = reference(view, ctx);
    ctx.header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
    ctx.result(files.download(file));
  }

  void pageImage(Context ctx) {
    Session session = guard.require(ctx);
    BlindFile file = reference(open(session, ctx), ctx);
    String page = ctx.pathParam("page");
    if (!page.matches("[0-9]{1,4}")) {
      throw new HttpError(404, "No such page.");
    }
    byte[] png = files.png(file, Integer.parseInt(page))
        .orElseThrow(() -> new HttpError(404, "This page is not drawn."));
    ctx.contentType("image/png");
    ctx.result(png);
  }

  void text(Context ctx) {
    Session session = guard.require(ctx);
    BlindFile file = reference(open(session, ctx), ctx);
    DeliverableView.Shown shown = files.text(file);
    Map<String, Object> model = Page.of(file.name(), session);
    model.put("id", id(ctx));
    model.put("name", file.name());
    model.put("notes", shown.notes());
    model.put("html", shown.html());
    ctx.html(templates.render("file-text", model));
  }

  private List<String> saveEntries(Context ctx, Session session) {
    List<String> problems = new ArrayList<>();
    String aiUsed = ctx.formParam("ai_used");
    String aiTools = ctx.formParam("ai_tools");
    String declared = null;
    if ("no".equals(aiUsed)) {
      declared = "";
    } else if ("yes".equals(aiUsed)) {
      if (aiTools == null || aiTools.isBlank()) {
        problems.add("name the AI tools you used (or choose No)");
      } else {
        declared = aiTools.strip();
      }
    }
    Double outside = null;
    String minutes = ctx.formParam("outside_minutes");
    if (minutes != null && !minutes.isBlank()) {
      try {
        outside = Double.parseDouble(minutes.strip());
      } catch (NumberFormatException e) {
        problems.add("minutes outside this page must be a number, not \"" + minutes + "\"");
      }
    }
    String notes = ctx.formParam("notes");
    Double stated = outside;
    String ai = declared;
    try {
      call(() -> {
        bench.save(session.grader().id(), id(ctx), notes == null ? "" : notes, ai, stated);
        return null;
      });
    } catch (InvalidCampaignException e) {
      problems.addAll(e.problems());
    }
    return problems;
  }

  /** Back to the work page: a redirect when all went well, else the page with the problems (422). */
  private void again(Context ctx, Session session, List<String> problems) {
    if (problems.isEmpty()) {
      ctx.redirect("/w/" + id(ctx));
    } else {
      ctx.status(422).html(page(session, open(session, ctx), problems));
    }
  }

  private String page(Session session, WorkView view, List<String> errors) {
    WorkItem item = view.item();
    String base = "/w/" + item.id();
    Map<String, Object> model = Page.of(item.taskTitle(), session);
    model.put("id", item.id());
    model.put("campaign", item.campaign());
    model.put("position", item.position());
    model.put("taskTitle", item.taskTitle());
    model.put("occupation", item.occupation());
    model.put("requestFrom", view.requestFrom());
    model.put("requestParagraphs", List.of(view.requestText().strip().split("\\n\\s*\\n")));
    model.put("formats", String.join(", ", view.formats().stream().map(f -> f.toUpperCase(Locale.ROOT)).toList()));
    List<FileViews.FileView> references = files.of(base, "R", BlindFile.references(view.references()));
    model.put("references", references);
    model.put("hasReferences", !references.isEmpty());
    model.put("rendering", FileViews.pending(references));
    model.put("uploads", uploads(view));
    model.put("maxMb", WorkFiles.MAX_FILE_BYTES / (1024 * 1024));
    model.put("open", item.status() == WorkStatus.OPEN);
    model.put("running", item.status() == WorkStatus.RUNNING);
    model.put("paused", item.status() == WorkStatus.PAUSED);
    model.put("started", item.status() == WorkStatus.RUNNING || item.status() == WorkStatus.PAUSED);
    model.put("statusText", statusText(item.status()));
    model.put("active", clock(item.active()));
    model.put("activeMillis", item.active().toMillis());
    model.put("notes", view.notes());
    model.put("aiNo", view.aiTools() != null && view.aiTools().isEmpty());
    model.put("aiYes", view.aiTools() != null && !view.aiTools().isEmpty());
    model.put("aiTools", view.aiTools() == null ? "" : view.aiTools());
    model.put("outsideMinutes", number(item.outsideMinutes()));
    model.put("errors", errors);
    model.put("hasErrors", !errors.isEmpty());
    return templates.render("work", model);
  }

  private static List<Map<String, Object>> uploads(WorkView view) {
    List<Map<String, Object>> uploads = new ArrayList<>();
    for (int i = 0; i < view.uploads().size(); i++) {
      CampaignFile file = view.uploads().get(i);
      uploads.add(Map.of("id", view.item().id(), "n", i + 1, "name", file.name(), "size",
          FileViews.size(file.sizeBytes())));
    }
    return uploads;
  }

  private WorkView open(Session session, Context ctx) {
    return call(() -> bench.open(session.grader().id(), id(ctx)));
  }

  private static BlindFile reference(WorkView view, Context ctx) {
    if (!ctx.pathParam("side").equals("R")) {
      throw new HttpError(404, "No such file.");
    }
    List<BlindFile> references = BlindFile.references(view.references());
    return references.get(index(references.size(), ctx));
  }

  private static CampaignFile nth(List<CampaignFile> list, Context ctx) {
    return list.get(index(list.size(), ctx));
  }

  private static int index(int size, Context ctx) {
    String n = ctx.pathParam("n");
    int index = n.matches("[0-9]{1,4}") ? Integer.parseInt(n) - 1 : -1;
    if (index < 0 || index >= size) {
      throw new HttpError(404, "No such file.");
    }
    return index;
  }

  private static String id(Context ctx) {
    String id = ctx.pathParam("id");
    if (!ID.matcher(id).matches()) {
      throw new HttpError(404, "There is no such task.");
    }
    return id;
  }

  private static byte[] read(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readNBytes(WorkFiles.MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the upload " + file.filename() + ": " + e.getMessage(), e);
    }
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (NotYourAssignmentException e) {
      throw new HttpError(403, "This task is not yours.");
    } catch (NoSuchAssignmentException e) {
      throw new HttpError(404, "There is no such task.");
    }
  }

  static String statusText(WorkStatus status) {
    return switch (status) {
      case OPEN -> "not started";
      case RUNNING -> "clock running";
      case PAUSED -> "paused";
      case SUBMITTED -> "handed in";
    };
  }

  /** A duration as h:mm:ss. */
  static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private static String number(Double value) {
    if (value == null) {
      return "";
    }
    return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
  }
}
