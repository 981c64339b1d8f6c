package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.reports.chart.Axis;
import dev.parity.reports.chart.IntervalPlot;
import dev.parity.reports.chart.StackedBars;
import dev.parity.reports.chart.Tag;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code report.html}: one self-contained page — inline CSS and SVG charts, no script, no font,
 * image or stylesheet to load, and a Content-Security-Policy that forbids loading anything — that
 * opens offline from an e-mail. A summary for leadership comes first (headline win-or-tie rate per
 * model with intervals against the parity line, speed and cost, where models lead and trail), then
 * the sections per sector, occupation, file type and task length, rubric scores, agreement,
 * ratings, time horizons, economics, the trend, the tasks, the methods and the provenance.
 *
 * <p>Every piece of text from the data (model names, task titles, rationales) goes through
 * {@link Tag}, which escapes it.
 */
public final class HtmlReport {
  static final double CHART_WIDTH = 760;
  /** A page lists tasks one by one only up to this many; beyond, report.json and the CSVs have them. */
  static final int MAX_TASKS_LISTED = 300;

  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";
  private static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1f2933;
        margin: 0 auto; max-width: 1344px; padding: 24px 28px 64px; line-height: 1.45; }
      p, li, dd, .banner { max-width: 1000px; }
      h1 { font-size: 28px; margin: 0 0 4px; }
      h2 { font-size: 21px; margin: 40px 0 10px; padding-top: 10px; border-top: 2px solid #e4e7eb; }
      h3 { font-size: 16px; margin: 26px 0 6px; }
      .subtitle { color: #52606d; margin: 0 0 16px; }
      .banner { border: 2px solid #b7791f; background: #fffbea; color: #744210; padding: 10px 14px;
        border-radius: 6px; margin: 12px 0 18px; font-weight: 600; }
      .headline { font-size: 17px; margin: 6px 0; }
      .muted, .too-few { color: #7b8794; }
      .flag, .judge-only { color: #b7341a; font-weight: 600; }
      nav ul { columns: 3; padding-left: 18px; margin: 6px 0; }
      div.table { overflow-x: auto; margin: 8px 0 14px; }
      table { border-collapse: collapse; font-size: 13px; }
      th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: right; vertical-align: top;
        white-space: nowrap; }
      td:first-child { white-space: normal; min-width: 9em; }
      div.table.wrap td { white-space: normal; min-width: 4.5em; }
      th { background: #f5f7fa; font-weight: 600; white-space: normal; min-width: 3.5em; }
      th:first-child, td:first-child, td.text, th.text { text-align: left; }
      tr.too-few td { color: #7b8794; }
      figure { margin: 6px 0 12px; }
      figcaption { font-size: 12px; color: #52606d; }
      svg { display: block; max-width: 100%; height: auto; }
      dt { font-weight: 600; margin-top: 8px; }
      dd { margin: 2px 0 0 0; }
      details { margin: 4px 0; }
      summary { cursor: pointer; }
      blockquote { margin: 4px 0 4px 12px; padding-left: 10px; border-left: 3px solid #e4e7eb; white-space: pre-wrap; }
      @media print { nav { display: none; } h2 { break-before: auto; } }
      """;

  private HtmlReport() {}

  /**
   * The page.
   *
   * @param judgments the judgments the report was computed from, for the rationales listed with
   *     each task; may be empty
   */
  public static String render(Report report, List<Judgment> judgments) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n");
    Tag.of("meta").attr("charset", "utf-8").render(page);
    Tag.of("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CSP).render(page);
    Tag.of("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1").render(page);
    Tag.of("meta").attr("name", "generator").attr("content", "Parity " + report.provenance().parityVersion()).render(page);
    Tag.of("title", title(report)).render(page);
    // The stylesheet is a constant of this class: written as is, since <style> content is not
    // HTML-decoded and escaping would break it.
    page.append("\n<style>\n").append(CSS).append("</style>\n</head>\n");
    body(report, judgments).render(page);
    page.append("\n</html>\n");
    return page.toString();
  }

  private static String title(Report report) {
    ReportProvenance p = report.provenance();
    return "Parity report" + (p.suiteName() == null ? "" : ": " + p.suiteName() + " " + p.suiteVersion());
  }

  private static Tag body(Report report, List<Judgment> judgments) {
    Tag body = Tag.of("body");
    body.add(Tag.of("h1", title(report)));
    ReportProvenance p = report.provenance();
    body.add(Tag.of("p", "Models against human professionals on the same tasks, judged by "
        + p.graders() + " graders. Computed " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            p.generatedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC by Parity "
        + p.parityVersion() + ".").attr("class", "subtitle"));
    if (p.exampleData()) {
      body.add(Tag.of("div", "Example data — not real results. This report is computed from example "
          + "data shipped with Parity (" + exampleSources(p) + "). It shows what a report looks like; "
          + "it says nothing about any model.").attr("class", "banner").attr("id", "example-data")
          .attr("role", "alert"));
    }
    Text.unsafeNoSandbox(p).ifPresent(label -> body.add(Tag.of("div", label).attr("class", "banner")
        .attr("id", "unsafe-no-sandbox").attr("role", "alert")));
    if (!report.warnings().isEmpty()) {
      Tag warnings = Tag.of("div").attr("class", "banner").attr("id", "warnings").attr("role", "alert");
      warnings.add(Tag.of("strong", "Before reading the figures"));
      Tag list = warnings.child("ul");
      report.warnings().forEach(w -> list.child("li", w));
      body.add(warnings);
    }
    body.add(contents(report));
    HtmlSections sections = new HtmlSections(report, modelsByRate(report));
    body.add(summary(report, sections));
    for (Level level : List.of(Level.SECTOR, Level.OCCUPATION, Level.FILE_TYPE, Level.TASK_LENGTH)) {
      body.add(sections.level(level));
    }
    body.add(sections.rubric());
    body.add(sections.agreement());
    body.add(sections.positionBias());
    body.add(sections.judgeGating());
    body.add(sections.ratings());
    body.add(sections.pairwise());
    body.add(sections.timeHorizon());
    body.add(sections.economics());
    body.add(sections.trend());
    body.add(sections.tasks(judgments));
    body.add(sections.notes());
    body.add(sections.methods());
    body.add(sections.provenance());
    return body;
  }

  private static String exampleSources(ReportProvenance p) {
    return String.join(", ", p.sources().stream().filter(Source::example).map(Source::name).toList());
  }

  private static Tag contents(Report report) {
    Tag nav = Tag.of("nav").attr("aria-label", "Contents");
    Tag list = nav.child("ul");
    String[][] entries = {
        {"summary", "Summary"}, {"sector", "By sector"}, {"occupation", "By occupation"},
        {"file_type", "By deliverable file type"}, {"task_length", "By task length"},
        {"rubric", "Rubric scores"}, {"agreement", "Agreement between graders"},
        {"position-bias", "Position bias"}, {"judge-gating", "Judge gating by occupation"},
        {"ratings", "Ratings"}, {"pairwise", "Pairwise win matrix"}, {"time-horizon", "Time horizon"}, {"economics", "Speed and cost"},
        {"trend", "Trend by release date"}, {"tasks", "Tasks"}, {"notes", "Notes"},
        {"methods", "Methods"}, {"provenance", "Provenance"}};
    for (String[] entry : entries) {
      list.child("li").add(Tag.of("a", entry[1]).attr("href", "#" + entry[0]));
    }
    return nav;
  }

  /** The models, best overall score first: the order of every chart and table. */
  static List<String> modelsByRate(Report report) {
    return report.groups(Level.OVERALL).stream()
        .sorted(Comparator.comparingDouble(GroupResult::score).reversed()
            .thenComparing(GroupResult::model))
        .map(GroupResult::model).toList();
  }

  private static Tag summary(Report report, HtmlSections sections) {
    Tag section = Tag.of("section").attr("id", "summary");
    section.add(Tag.of("h2", "Summary"));
    List<GroupResult> overall = new ArrayList<>();
    for (String model : sections.models()) {
      overall.add(report.group(Level.OVERALL, Grouping.ALL_TASKS, model).orElseThrow());
    }
    if (overall.isEmpty()) {
      section.add(Tag.of("p", "No model was judged against the professionals: this report compares models "
          + "with each other only (ratings, the pairwise win matrix and agreement below).").attr("class", "headline"));
      return section;
    }
    section.add(Tag.of("p", "The score counts a win as 1, a tie as ½ and a loss as 0, each task weighing "
        + "the same: 50% is as good as the professionals. A model is better or worse than the professionals "
        + "only when the score's 95% interval excludes 50%.").attr("class", "muted"));
    for (GroupResult g : overall) {
      Tag line = section.child("p").attr("class", "headline");
      line.add(Tag.of("strong", g.model()));
      line.text(": " + Text.scoreLine(g) + ": ");
      line.add(Tag.of("span", Text.verdict(g)).attr("class", g.tooFewToTell() ? "too-few" : "verdict"));
      line.text(". ");
      line.add(Tag.of("span", Text.besideScore(g)).attr("class", "muted"));
      String controlled = Text.lengthControlled(report.lengthControl(g.model()));
      if (!controlled.isEmpty()) {
        line.text(" ");
        line.add(Tag.of("span", controlled).attr("class", "muted length-control"));
      }
      Text.agentRuns(report.provenance(), g.model()).forEach(agent -> section.add(Tag.of("p", agent)
          .attr("class", "muted agent-run")));
    }
    section.add(HtmlSections.figure(IntervalPlot.svg("Score per model, 95% intervals, against 50% "
        + "(as good as the professionals)", Axis.percent(),
        new IntervalPlot.Reference(0.5, "as good as the professionals (50%)"),
        overall.stream().map(HtmlSections::row).toList(), CHART_WIDTH),
        "Score against the professionals (win 1, tie ½, loss 0), with 95% task-bootstrap intervals. The "
            + "dashed line is 50%: as good as the professionals. Grey: too few tasks to tell."));
    section.add(HtmlSections.figure(StackedBars.svg("Wins, ties and losses per model",
        StackedBars.winsTiesLosses(), overall.stream().map(g -> new StackedBars.Bar(g.model(),
            List.of((double) g.wins(), (double) g.ties(), (double) g.losses()),
            Text.count(g.nJudgments()))).toList(), 0.5, CHART_WIDTH),
        "Shares of judgments won, tied and lost; the number of judgments at the right."));
    section.add(sections.speedAndCostSummary());
    section.add(sections.leadsAndTrails());
    return section;
  }
}
