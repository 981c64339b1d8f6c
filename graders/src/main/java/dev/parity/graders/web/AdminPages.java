package dev.parity.graders.web;

import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.CampaignProgress;
import dev.parity.graders.campaign.CampaignSummary;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.graders.campaign.GraderQuality;
import dev.parity.graders.campaign.InvalidCampaignException;
import dev.parity.graders.campaign.Role;
import dev.parity.graders.campaign.Session;
import dev.parity.judgments.Judgment;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The administrator's pages: campaigns, graders and invites, progress, quality, exports. */
final class AdminPages {
  static final Duration INVITE_VALIDITY = Duration.ofDays(14);
  private final Campaigns campaigns;
  private final Accounts accounts;
  private final Guard guard;
  private final Templates templates;
  private final Function<List<Judgment>, String> report;
  private final String publicUrl;

  AdminPages(Campaigns campaigns, Accounts accounts, Guard guard, Templates templates,
      Function<List<Judgment>, String> report, String publicUrl) {
    this.campaigns = campaigns;
    this.accounts = accounts;
    this.guard = guard;
    this.templates = templates;
    this.report = report;
    this.publicUrl = publicUrl;
  }

  void home(Context ctx) {
    show(ctx, guard.admin(ctx), null, null);
  }

  void invite(Context ctx) {
    Session session = guard.admin(ctx);
    String graderId = ctx.pathParam("grader");
    try {
      String token = accounts.invite(graderId, INVITE_VALIDITY);
      String base = publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host();
      show(ctx, session, graderId, base.replaceAll("/+$", "") + "/invite/" + token);
    } catch (InvalidCampaignException e) {
      throw new HttpError(404, "There is no such grader.");
    }
  }

  private void show(Context ctx, Session session, String inviteFor, String inviteLink) {
    Map<String, Object> model = Page.of("Admin", session);
    model.put("campaigns", campaigns.list());
    List<Map<String, Object>> graders = new ArrayList<>();
    accounts.graders().forEach(g -> graders.add(Map.of("id", g.id(), "displayName", g.displayName(),
        "email", g.email(), "occupations", String.join("; ", g.occupations()), "role", Role.join(g.roles()),
        "csrf", session.csrfToken())));
    model.put("graders", graders);
    model.put("inviteFor", inviteFor);
    model.put("inviteLink", inviteLink);
    model.put("inviteDays", INVITE_VALIDITY.toDays());
    ctx.html(templates.render("admin", model));
  }

  void campaign(Context ctx) {
    Session session = guard.admin(ctx);
    CampaignSummary campaign = campaign(ctx.pathParam("id"));
    CampaignProgress progress = campaigns.progress(campaign.id());
    Map<String, Object> model = Page.of(campaign.name(), session);
    model.put("id", campaign.id());
    model.put("name", campaign.name());
    model.put("source", campaign.source());
    model.put("createdAt", campaign.createdAt());
    model.put("perPair", campaign.settings().perPair());
    model.put("attentionRate", percent(campaign.settings().attentionRate()));
    model.put("seed", campaign.settings().seed());
    model.put("rubricScoring", campaign.settings().rubricScoring());
    model.put("hasReport", report != null);
    model.put("assignments", campaign.assignments());
    model.put("submitted", campaign.submitted());
    model.put("occupations", progress.occupations());
    model.put("graders", progress.graders());
    List<Map<String, Object>> quality = new ArrayList<>();
    for (GraderQuality q : campaigns.quality(campaign.id())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("graderId", q.graderId());
      row.put("verdicts", q.verdicts());
      row.put("perHour", number(q.perHour()));
      row.put("medianMinutes", number(q.medianMinutes()));
      row.put("leftShare", q.leftShare() == null ? "–" : percent(q.leftShare()));
      row.put("attention", q.attentionFailures() + " of " + q.attentionChecks());
      row.put("agreement", q.agreement() == null ? "–" : percent(q.agreement()) + " of " + q.comparisons());
      row.put("aiGuess", q.aiGuesses() == 0 ? "–" : q.aiGuessesRight() + " of " + q.aiGuesses() + " guesses right");
      quality.add(row);
    }
    model.put("quality", quality);
    ctx.html(templates.render("admin-campaign", model));
  }

  void judgments(Context ctx) {
    guard.admin(ctx);
    CampaignSummary campaign = campaign(ctx.pathParam("id"));
    StringWriter csv = new StringWriter();
    campaigns.writeJudgments(campaign.id(), csv);
    attachment(ctx, campaign.name() + "-judgments.csv", csv.toString());
  }

  void rubricScores(Context ctx) {
    guard.admin(ctx);
    CampaignSummary campaign = campaign(ctx.pathParam("id"));
    StringWriter csv = new StringWriter();
    campaigns.writeRubricScores(campaign.id(), csv);
    attachment(ctx, campaign.name() + "-rubric-scores.csv", csv.toString());
  }

  void report(Context ctx) {
    guard.admin(ctx);
    if (report == null) {
      throw new HttpError(404, "No report is available on this server.");
    }
    // The report is one self-contained file with inline styles and charts, and no script.
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    ctx.html(report.apply(campaigns.judgments(campaign(ctx.pathParam("id")).id())));
  }

  private CampaignSummary campaign(String id) {
    return campaigns.find(id).orElseThrow(() -> new HttpError(404, "There is no such campaign."));
  }

  private static void attachment(Context ctx, String name, String body) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.result(body);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static String number(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
  }
}
