package dev.parity.graders.web;

import dev.parity.graders.baseline.BaselineCampaigns;
import dev.parity.graders.baseline.WorkItem;
import dev.parity.graders.baseline.WorkStatus;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.Session;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The administrator's pages of baseline campaigns (docs/baselines.md): progress per professional
 * and task, the measured times per task, choosing the submission that becomes a task's baseline,
 * and the export of submissions and times.
 */
final class BaselineAdminPages {
  private final BaselineCampaigns campaigns;
  private final Guard guard;
  private final Templates templates;

  BaselineAdminPages(BaselineCampaigns campaigns, Guard guard, Templates templates) {
    this.campaigns = campaigns;
    this.guard = guard;
    this.templates = templates;
  }

  void list(Context ctx) {
    Session session = guard.admin(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BaselineCampaigns.Campaign c : campaigns.list()) {
      List<WorkItem> work = campaigns.work(c.id());
      rows.add(Map.of("id", c.id(), "name", c.name(), "createdAt", c.createdAt(), "suite", c.suitePath().toString(),
          "work", work.size(), "submitted", work.stream().filter(w -> w.status() == WorkStatus.SUBMITTED).count()));
    }
    Map<String, Object> model = Page.of("Baseline campaigns", session);
    model.put("campaigns", rows);
    ctx.html(templates.render("admin-baselines", model));
  }

  void campaign(Context ctx) {
    Session session = guard.admin(ctx);
    BaselineCampaigns.Campaign campaign = find(ctx);
    List<WorkItem> work = campaigns.work(campaign.id());
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, List<Double>> minutesByTask = new TreeMap<>();
    for (WorkItem w : work) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("personId", w.personId());
      row.put("taskId", w.taskId());
      row.put("status", WorkPages.statusText(w.status()));
      row.put("active", WorkPages.clock(w.active()));
      row.put("pauses", w.time().pauses());
      row.put("outside", w.outsideMinutes() == null ? "–" : minutes(w.outsideMinutes()));
      row.put("submitted", w.status() == WorkStatus.SUBMITTED);
      row.put("chosen", w.chosen());
      row.put("csrf", session.csrfToken());
      row.put("campaignId", campaign.id());
      rows.add(row);
      if (w.status() == WorkStatus.SUBMITTED) {
        minutesByTask.computeIfAbsent(w.taskId(), t -> new ArrayList<>()).add(w.active().toMillis() / 60_000.0);
      }
    }
    List<Map<String, Object>> times = new ArrayList<>();
    minutesByTask.forEach((task, minutes) -> {
      List<Double> sorted = minutes.stream().sorted().toList();
      times.add(Map.of("taskId", task, "n", sorted.size(), "min", minutes(sorted.get(0)),
          "median", minutes(median(sorted)), "max", minutes(sorted.get(sorted.size() - 1))));
    });
    Map<String, Object> model = Page.of(campaign.name(), session);
    model.put("id", campaign.id());
    model.put("name", campaign.name());
    model.put("work", rows);
    model.put("times", times);
    ctx.html(templates.render("admin-baseline", model));
  }

  void choose(Context ctx) {
    guard.admin(ctx);
    BaselineCampaigns.Campaign campaign = find(ctx);
    try {
      campaigns.choose(campaign.id(), String.valueOf(ctx.formParam("task")), String.valueOf(ctx.formParam("person")));
    } catch (InvalidCampaignException e) {
      throw new HttpError(422, String.join("; ", e.problems()));
    }
    ctx.redirect("/admin/baselines/" + campaign.id());
  }

  /** Submissions and times as CSV: one row per piece of work. */
  void csv(Context ctx) {
    guard.admin(ctx);
    BaselineCampaigns.Campaign campaign = find(ctx);
    StringBuilder csv = new StringBuilder("person_id,task_id,status,measured_minutes,outside_minutes,pauses,"
        + "started_at,submitted_at,chosen\n");
    for (WorkItem w : campaigns.work(campaign.id())) {
      csv.append(String.join(",", w.personId(), w.taskId(), w.status().id(),
          String.format(Locale.ROOT, "%.2f", w.active().toMillis() / 60_000.0),
          w.outsideMinutes() == null ? "" : String.valueOf(w.outsideMinutes()), String.valueOf(w.time().pauses()),
          w.time().startedAt() == null ? "" : w.time().startedAt().toString(),
          w.submittedAt() == null ? "" : w.submittedAt().toString(), String.valueOf(w.chosen()))).append('\n');
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + campaign.name().replaceAll("[^A-Za-z0-9._-]", "_")
        + "-work.csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.result(csv.toString());
  }

  private BaselineCampaigns.Campaign find(Context ctx) {
    return campaigns.find(ctx.pathParam("id")).orElseThrow(() -> new HttpError(404, "There is no such campaign."));
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String minutes(double minutes) {
    return String.format(Locale.ROOT, "%.1f", minutes);
  }
}
