package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.reports.chart.Axis;
import dev.parity.reports.chart.IntervalPlot;
import dev.parity.reports.chart.Tag;
import dev.parity.reports.chart.TrendChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The sections of report.html after the summary, each built from the report's figures. */
final class HtmlSections {
  private final Report report;
  private final List<String> models;

  HtmlSections(Report report, List<String> models) {
    this.report = report;
    this.models = models;
  }

  /** The models in the order every chart and table lists them. */
  List<String> models() {
    return models;
  }

  static Tag figure(Tag svg, String caption) {
    return Tag.of("figure").add(svg).add(Tag.of("figcaption", caption));
  }

  /** A group as a row of an interval plot: its score and the score's interval. */
  static IntervalPlot.Row row(GroupResult g) {
    return new IntervalPlot.Row(g.model(), g.score(), g.scoreCi().low(), g.scoreCi().high(),
        Text.wholePercent(g.score()) + " [" + Text.wholePercentInterval(g.scoreCi()) + "]",
        g.tooFewToTell());
  }

  private static Tag section(String id, String title) {
    return Tag.of("section").attr("id", id).add(Tag.of("h2", title));
  }

  private static Tag paragraph(String text) {
    return Tag.of("p", text);
  }

  Tag speedAndCostSummary() {
    Tag part = Tag.of("div");
    part.add(Tag.of("h3", "Speed and cost"));
    List<EconomicsResult> overall = report.economics().stream().filter(e -> e.level() == Level.OVERALL).toList();
    if (overall.isEmpty()) {
      return part.add(paragraph("No speed and cost figures: they need a run's measured attempts and the "
          + "suite's task lengths and wages (see the notes)."));
    }
    part.add(paragraph("How many times faster and cheaper than the professional alone, per task "
        + "(above 1× the model helps). \"Try once\": the model tries, a professional reviews and "
        + "redoes the task when the attempt is not good enough. Ranges follow the win-or-tie "
        + "rate's interval."));
    Table table = new Table("Model", "Professional", "Model", "Review", "Speed: naive", "Speed: try once",
        "Cost: naive", "Cost: try once");
    for (String model : models) {
      overall.stream().filter(e -> e.model().equals(model)).findFirst().ifPresent(e -> table.row(null,
          e.model(), Text.humanMinutes(e), Text.contestantMinutes(e), Text.minutes(e.reviewMinutes()),
          Text.ratio(e.speed().naive()), Text.ratioWithRange(e.speed().tryOnce(), e.speed().tryOnceCi()),
          Text.ratio(e.cost().naive()), Text.ratioWithRange(e.cost().tryOnce(), e.cost().tryOnceCi())));
    }
    return part.add(table.tag());
  }

  Tag leadsAndTrails() {
    Tag part = Tag.of("div");
    part.add(Tag.of("h3", "Where models lead and trail"));
    part.add(paragraph("A sector or occupation is listed when its score's interval, adjusted for "
        + "the number of sectors (or occupations) compared, lies wholly above 50% (leads) or below "
        + "(trails); groups with too few tasks to tell are left out. Intervals shown are the adjusted ones."));
    Tag list = part.child("ul");
    for (String model : models) {
      List<GroupResult> groups = Stream.of(Level.SECTOR, Level.OCCUPATION)
          .flatMap(l -> report.groups(l).stream()).filter(g -> g.model().equals(model)).toList();
      List<GroupResult> telling = groups.stream().filter(g -> !g.tooFewToTell()).toList();
      Tag item = list.child("li");
      item.add(Tag.of("strong", model)).text(": ");
      List<String> leads = telling.stream().filter(g -> g.verdict() == Reading.BETTER).map(HtmlSections::named).toList();
      List<String> trails = telling.stream().filter(g -> g.verdict() == Reading.WORSE).map(HtmlSections::named).toList();
      if (telling.isEmpty()) {
        item.text("every sector and occupation has too few tasks to tell.");
      } else if (leads.isEmpty() && trails.isEmpty()) {
        GroupResult best = telling.stream().max(java.util.Comparator.comparingDouble(GroupResult::score)).orElseThrow();
        GroupResult worst = telling.stream().min(java.util.Comparator.comparingDouble(GroupResult::score)).orElseThrow();
        item.text("no sector or occupation is clearly better or worse than the professionals; highest " + named(best)
            + ", lowest " + named(worst) + ".");
      } else {
        item.text("leads in " + (leads.isEmpty() ? "none" : String.join("; ", leads))
            + ". Trails in " + (trails.isEmpty() ? "none" : String.join("; ", trails)) + ".");
      }
    }
    return part;
  }

  private static String named(GroupResult g) {
    return g.name() + " (" + g.level().id() + ", score " + Text.wholePercent(g.score()) + " ["
        + Text.wholePercent(g.scoreCiAdjusted().low()) + "–" + Text.wholePercent(g.scoreCiAdjusted().high()) + "])";
  }

  Tag level(Level level) {
    Tag section = section(level.id(), "By " + level.title().toLowerCase(java.util.Locale.ROOT));
    Map<String, List<GroupResult>> byName = new LinkedHashMap<>();
    report.groups(level).forEach(g -> byName.computeIfAbsent(g.name(), k -> new ArrayList<>()).add(g));
    if (byName.isEmpty()) {
      return section.add(paragraph(level == Level.FILE_TYPE || level == Level.TASK_LENGTH
          ? "No groups: they need the suite, which says each task's file types and length."
          : "No groups."));
    }
    section.add(paragraph("Score per model in each group (wins + ties/2, each task weighing the same unless "
        + "the methods say otherwise), with its 95% interval. The verdict reads the interval adjusted for the "
        + byName.size() + " groups of this level (Bonferroni), and p-values are adjusted across them likewise. "
        + "GDPval's win-or-tie rate is shown for comparison with GDPval only."));
    int index = 0;
    for (Map.Entry<String, List<GroupResult>> e : byName.entrySet()) {
      List<GroupResult> ordered = ordered(e.getValue());
      Tag h3 = Tag.of("h3", e.getKey()).attr("id", level.id() + "-" + index++);
      section.add(h3);
      if (level == Level.OCCUPATION) {
        report.judgeOnly(e.getKey()).ifPresent(label -> section.add(paragraph(label.words()).attr("class", "judge-only")));
      }
      section.add(figure(IntervalPlot.svg("Score in " + e.getKey(), Axis.percent(),
          new IntervalPlot.Reference(0.5, "as good as the professionals (50%)"),
          ordered.stream().map(HtmlSections::row).toList(), HtmlReport.CHART_WIDTH),
          e.getKey() + ": score per model, 95% intervals."));
      section.add(groupTable(ordered));
    }
    return section;
  }

  private List<GroupResult> ordered(List<GroupResult> groups) {
    List<GroupResult> ordered = new ArrayList<>();
    for (String model : models) {
      groups.stream().filter(g -> g.model().equals(model)).forEach(ordered::add);
    }
    return ordered;
  }

  private static Tag groupTable(List<GroupResult> groups) {
    Table table = new Table("Model", "Tasks", "W / T / L", "Score [95%]", "Adjusted 95%", "Verdict",
        "Win-or-tie (GDPval)", "Win rate, no ties", "Sign p", "Holm p", "BH p", "Detectable ±");
    for (GroupResult g : groups) {
      table.row(g.tooFewToTell() ? "too-few" : null, g.model(), Text.count(g.nTasks()),
          g.wins() + " / " + g.ties() + " / " + g.losses(), Text.rateWithInterval(g.score(), g.scoreCi()),
          Text.percentInterval(g.scoreCiAdjusted()), Text.verdict(g), Text.percent(g.winOrTieRate()),
          Text.percent(g.winRateWithoutTies()), Text.p(g.signTestP()), Text.p(g.pHolm()), Text.p(g.pBh()),
          g.minimumDetectableDifference() == null ? "none" : Text.percent(g.minimumDetectableDifference()));
    }
    return table.tag();
  }

  Tag rubric() {
    Tag section = section("rubric", "Rubric scores");
    if (report.rubric().isEmpty()) {
      return section.add(paragraph("No rubric scores of both a model's and the professionals' deliverables on the same tasks."));
    }
    section.add(paragraph("GDPval's rubric score (points earned over the rubric's positive points) of the "
        + "model's and the professional's deliverables on the same tasks."));
    Table table = new Table("Model", "Tasks", "Model score", "Professional score", "Difference [95% bootstrap]", "Wilcoxon p");
    for (RubricResult r : report.rubric()) {
      table.row(null, r.model(), Text.count(r.nTasks()), Text.percent(r.modelMean()), Text.percent(r.baselineMean()),
          Text.percent(r.meanDifference()) + " [" + Text.percentInterval(r.ciBootstrap()) + "]",
          Text.p(r.wilcoxonP()) + " (" + r.pMethod() + ")");
    }
    return section.add(table.tag());
  }

  Tag agreement() {
    Tag section = section("agreement", "Agreement between graders");
    if (report.agreement().isEmpty()) {
      return section.add(paragraph("No item was graded by two graders: agreement cannot be measured."));
    }
    section.add(paragraph("How far graders agree on the same pair of deliverables, with 95% intervals from a "
        + "bootstrap over items. A model judge is flagged when it agrees with humans less than humans agree with "
        + "each other (GDPval's measure) and the interval of the difference lies wholly below zero."));
    Table table = new Table("Graders", "Items", "Graders", "GDPval", "Judge − humans", "Exact", "Exact, no ties",
        "Cohen κ", "Fleiss κ (items)", "Krippendorff α (ordinal)", "Leave-one-out", "Flag");
    for (AgreementResult a : report.agreement()) {
      String who = a.judge() == null ? "humans with humans" : a.judge() + " with humans";
      AgreementIntervals ci = a.ci();
      AgreementDifference d = a.differenceFromHumans();
      table.row(a.belowHumanAgreement() ? "flagged" : null, who, Text.count(a.sample().items()), Text.count(a.sample().graders()),
          withInterval(Text.percent(nan(a.figures().gdpval())), Text.percentInterval(ci.gdpval())),
          d == null ? Text.NONE : withInterval(Text.signedPoints(d.estimate()), Text.pointsInterval(d.ci())),
          withInterval(Text.percent(nan(a.figures().percent())), Text.percentInterval(ci.percent())),
          withInterval(Text.percent(nan(a.figures().percentWithoutTies())), Text.percentInterval(ci.percentWithoutTies())),
          withInterval(Text.number(a.figures().cohenKappa(), 2), Text.numberInterval(ci.cohenKappa())),
          withInterval(Text.number(a.figures().fleissKappa(), 2) + " (" + a.sample().fleissItems() + ")",
              Text.numberInterval(ci.fleissKappa())),
          withInterval(Text.number(a.figures().krippendorffAlphaOrdinal(), 2), Text.numberInterval(ci.krippendorffAlphaOrdinal())),
          withInterval(Text.percent(nan(a.figures().leaveOneOut())), Text.percentInterval(ci.leaveOneOut())),
          a.belowHumanAgreement() ? Tag.of("span", "agrees less than humans").attr("class", "flag") : "");
    }
    return section.add(table.tag());
  }

  /** A figure with its 95% interval on a second, muted line: the table stays narrow. */
  private static Tag withInterval(String value, String interval) {
    return Tag.of("span").text(value).add(Tag.of("br")).add(Tag.of("span", "[" + interval + "]").attr("class", "muted"));
  }

  static String difference(AgreementResult a) {
    AgreementDifference d = a.differenceFromHumans();
    return d == null ? Text.NONE : Text.signedPoints(d.estimate()) + " [" + Text.pointsInterval(d.ci()) + "]";
  }

  Tag judgeGating() {
    Tag section = section("judge-gating", "Judge gating by occupation");
    if (report.judgeGating().isEmpty()) {
      return section.add(paragraph("No occupation where a model judge and humans judged the same items."));
    }
    section.add(paragraph("Per occupation, a model judge's agreement with the humans who judged the same items, "
        + "against the humans' with each other there. The judge may stand in for humans in an occupation when the "
        + "interval of the difference does not lie wholly below zero."));
    Table table = new Table("Occupation", "Judge", "Items", "With the majority", "With each human", "Humans",
        "Judge − humans", "May stand in");
    for (JudgeGatingResult g : report.judgeGating()) {
      AgreementDifference d = g.differenceFromHumans();
      table.row(g.qualified() ? null : "flagged", g.occupation(), g.judge(), Text.count(g.items()),
          withInterval(Text.percent(nan(g.withMajority())), Text.percentInterval(g.withMajorityCi())),
          withInterval(Text.percent(nan(g.withHumans())), Text.percentInterval(g.withHumansCi())),
          Text.percent(nan(g.humans())),
          d == null ? Text.NONE : withInterval(Text.signedPoints(d.estimate()), Text.pointsInterval(d.ci())),
          g.qualified() ? "yes" : Tag.of("span", "no").attr("class", "flag"));
    }
    return section.add(table.tag());
  }

  Tag positionBias() {
    Tag section = section("position-bias", "Position bias");
    if (report.positionBias().isEmpty()) {
      return section.add(paragraph("No judgment records where the deliverables were shown: position bias "
          + "cannot be measured."));
    }
    section.add(paragraph("How often each grader chose the deliverable shown on the left (humans) or first "
        + "(model judges); about 50% is no preference. Flagged when the test against 50%, adjusted for the "
        + "number of graders (Holm), is below 0.05."));
    Table table = new Table("Grader", "Kind", "Judgments", "A / B / tie", "Chose A [95%]", "p", "Holm p",
        "Same verdict in both orders [95%]", "Flag");
    for (PositionBiasResult r : report.positionBias()) {
      var c = r.choices();
      table.row(r.biased() ? "flagged" : null, r.grader(), r.graderType(), Text.count(r.judgments()),
          c.first() + " / " + c.second() + " / " + c.ties(),
          Text.rateWithInterval(nan(r.firstShare()), r.firstShareCi()), Text.p(r.p()), Text.p(r.pHolm()),
          r.consistency() == null ? Text.NONE
              : Text.rateWithInterval(r.consistency().share(), r.consistency().ci()),
          r.biased() ? Tag.of("span", "prefers a position").attr("class", "flag") : "");
    }
    return section.add(table.tag());
  }

  private static double nan(Double value) {
    return value == null ? Double.NaN : value;
  }

  Tag ratings() {
    Tag section = section("ratings", "Ratings");
    if (report.ratingsFit().isEmpty()) {
      return section.add(paragraph("No ratings: no pairwise judgment."));
    }
    section.add(paragraph("Bradley–Terry ratings on the Elo scale: 400 points above another means winning 10 "
        + "times for each loss; a tie counts as half a win to each side. Players are rated within their "
        + "connected group (players linked by judgments, directly or through others): the professionals' group "
        + "has them at 1000; a group never compared with the professionals has its own scale and is not ranked "
        + "against them. 95% intervals from task-bootstrap refits."));
    for (RatingsFit fit : report.ratingsFit()) {
      section.add(ratingsGroup(fit));
    }
    return section;
  }

  private Tag ratingsGroup(RatingsFit fit) {
    Tag part = Tag.of("div");
    boolean professionals = fit.members().contains(Judgment.BASELINE);
    if (report.ratingsFit().size() > 1 || !professionals) {
      part.add(Tag.of("h3", "Group " + fit.group() + (professionals ? ": with the professionals"
          : ": never compared with the professionals (" + fit.anchor() + " at 1000)")));
    }
    List<Rating> ratings = report.ratings().stream().filter(r -> r.group() == fit.group()).toList();
    if (ratings.isEmpty()) {
      return part.add(paragraph("No ratings: " + fit.problem()));
    }
    part.add(paragraph("From " + Text.count(fit.judgments()) + " pairwise judgments; " + Text.count(fit.resamples())
        + " refits" + (fit.unfitResamples() > 0 ? " (" + fit.unfitResamples() + " could not be fitted and were left out)" : "")
        + "."));
    double anchor = fit.anchorRating();
    double low = ratings.stream().mapToDouble(r -> r.ciLow() == null ? r.rating() : r.ciLow()).min().orElseThrow();
    double high = ratings.stream().mapToDouble(r -> r.ciHigh() == null ? r.rating() : r.ciHigh()).max().orElseThrow();
    Axis axis = Axis.spanning(Math.min(low, anchor), Math.max(high, anchor));
    List<IntervalPlot.Row> rows = ratings.stream().map(r -> new IntervalPlot.Row(playerName(r.player()), r.rating(),
        r.ciLow() == null ? Double.NaN : r.ciLow(), r.ciHigh() == null ? Double.NaN : r.ciHigh(),
        Text.number(r.rating(), 0), false)).toList();
    String reference = professionals ? "professionals (1000)" : fit.anchor() + " (1000)";
    part.add(figure(IntervalPlot.svg("Bradley–Terry ratings with 95% intervals", axis,
        new IntervalPlot.Reference(anchor, reference), rows, HtmlReport.CHART_WIDTH),
        "Ratings with 95% task-bootstrap intervals; the dashed line is " + reference + "."));
    Table table = new Table("Player", "Rating", "95% interval", "Judged against the professionals");
    for (Rating r : ratings) {
      table.row(null, r.player(), Text.number(r.rating(), 0),
          r.ciLow() == null ? Text.NONE : Text.number(r.ciLow(), 0) + "–" + Text.number(r.ciHigh(), 0),
          Text.comparedWithProfessionals(r, professionals));
    }
    return part.add(table.tag());
  }

  private static String playerName(String player) {
    return player.equals(Judgment.BASELINE) ? "professionals (baseline)" : player;
  }

  /** The most players the page shows as a matrix; report.json has every pair. */
  static final int MAX_MATRIX_PLAYERS = 12;

  Tag pairwise() {
    Tag section = section("pairwise", "Pairwise win matrix");
    List<String> players = report.pairwise().stream().map(PairwiseResult::player).distinct().toList();
    if (players.isEmpty()) {
      return section.add(paragraph("No pairwise judgments."));
    }
    if (players.size() > MAX_MATRIX_PLAYERS) {
      return section.add(paragraph(players.size() + " players: too many for a matrix here; every pair is in "
          + "report.json (\"pairwise\")."));
    }
    section.add(paragraph("Each cell: the row player's score against the column player (wins + ties/2 over "
        + "their judgments), and the judgments. Every judgment the ratings count, pooled over tasks."));
    java.util.Map<List<String>, PairwiseResult> cells = new java.util.HashMap<>();
    report.pairwise().forEach(p -> cells.put(List.of(p.player(), p.opponent()), p));
    List<String> headers = new ArrayList<>(List.of("Player"));
    players.forEach(p -> headers.add(p.equals(Judgment.BASELINE) ? "professionals" : p));
    Table table = new Table(headers.toArray(String[]::new));
    for (String player : players) {
      List<Object> row = new ArrayList<>(List.of(playerName(player)));
      for (String opponent : players) {
        PairwiseResult cell = cells.get(List.of(player, opponent));
        row.add(cell == null ? Text.NONE : Text.wholePercent(cell.score()) + " (" + Text.count(cell.judgments()) + ")");
      }
      table.row(null, row.toArray());
    }
    return section.add(table.tag());
  }

  Tag timeHorizon() {
    Tag section = section("time-horizon", "Time horizon");
    if (report.timeHorizon().isEmpty()) {
      return section.add(paragraph("No time horizons: they need the professionals' minutes per task, from the suite."));
    }
    section.add(paragraph("The length of a professional's task at which the model wins or ties half the "
        + "time (after METR): how long a task the model can take over half the time. Given only within the "
        + "lengths of the tasks judged: a fit that puts it outside them says \"beyond the data\", and an "
        + "interval bound outside them shows as beyond the shortest or the longest task."));
    Table table = new Table("Model", "Horizon", "95% interval", "Tasks' lengths", "Bracket (no fit)",
        "Slope per doubling", "Tasks", "Judgments");
    for (TimeHorizonResult h : report.timeHorizon()) {
      table.row(null, h.model(), Text.horizon(h), Text.horizonInterval(h), Text.dataRange(h),
          h.lowMinutes() == null ? Text.NONE : Text.minutes(h.lowMinutes()) + "–"
              + (h.highMinutes() == null ? "∞" : Text.minutes(h.highMinutes())),
          Text.number(h.slopePerDoubling(), 2), Text.count(h.nTasks()), Text.count(h.nJudgments()));
    }
    return section.add(table.tag());
  }

  Tag economics() {
    Tag section = section("economics", "Speed and cost");
    if (report.economics().isEmpty()) {
      return section.add(paragraph("No speed and cost figures: they need a run's measured attempts and the "
          + "suite's task lengths and wages."));
    }
    section.add(paragraph("Per task, averaged over each group's tasks with a professional's time and a "
        + "measured attempt: the professional alone (H) against the model's attempt (M), with review (R). "
        + "H says where the professionals' minutes come from: measured (timed on Parity's work page) or "
        + "reported (stated by the professional or the suite); for the professionals as contestants, M is "
        + "their measured time with the time they reported beside it. "
        + "Ratios above 1× mean the workflow saves time or money; n = "
        + report.provenance().tries() + " tries in the third."));
    for (Level level : Level.values()) {
      List<EconomicsResult> rows = report.economics().stream().filter(e -> e.level() == level).toList();
      if (rows.isEmpty()) {
        continue;
      }
      section.add(Tag.of("h3", level.title()));
      Table table = new Table("Group", "Model", "Tasks", "H", "M", "R", "Speed: naive", "try once",
          "try " + report.provenance().tries(), "H cost", "M cost", "Cost: naive", "try once",
          "try " + report.provenance().tries());
      for (EconomicsResult e : rows) {
        table.row(null, e.name(), e.model(), Text.count(e.nTasks()), Text.humanMinutes(e),
            Text.contestantMinutes(e), Text.minutes(e.reviewMinutes()), Text.ratio(e.speed().naive()),
            Text.ratioWithRange(e.speed().tryOnce(), e.speed().tryOnceCi()),
            Text.ratioWithRange(e.speed().tryN(), e.speed().tryNCi()), Text.usd(e.humanCostUsd()),
            Text.usd(e.modelCostUsd()), Text.ratio(e.cost().naive()),
            Text.ratioWithRange(e.cost().tryOnce(), e.cost().tryOnceCi()),
            Text.ratioWithRange(e.cost().tryN(), e.cost().tryNCi()));
      }
      // Fourteen columns: the ranges wrap under their ratios so that the table fits 1400 px.
      section.add(table.tag().attr("class", "table wrap"));
    }
    return section;
  }

  Tag trend() {
    Tag section = section("trend", "Trend by release date");
    if (report.trend().isEmpty()) {
      return section.add(paragraph("No release dates: give them in the models file (release_date) to see "
          + "how the score changes from release to release."));
    }
    List<TrendChart.Point> points = report.trend().stream().map(t -> new TrendChart.Point(t.model(),
        t.releaseDate(), t.score(), t.scoreCi().low(), t.scoreCi().high())).toList();
    section.add(figure(TrendChart.svg("Score by model release date", Axis.percent(), points, 0.5,
        "as good as the professionals (50%)", HtmlReport.CHART_WIDTH, 320),
        "Overall score of each model at its release date, with 95% intervals."));
    Table table = new Table("Model", "Released", "Score [95%]", "Tasks");
    for (TrendPoint t : report.trend()) {
      table.row(null, t.model(), t.releaseDate().toString(), Text.rateWithInterval(t.score(), t.scoreCi()),
          Text.count(t.nTasks()));
    }
    return section.add(table.tag());
  }

  Tag tasks(List<Judgment> judgments) {
    Tag section = section("tasks", "Tasks");
    Map<String, List<TaskResult>> byTask = new LinkedHashMap<>();
    report.tasks().stream().sorted(java.util.Comparator.comparing(TaskResult::taskId))
        .forEach(t -> byTask.computeIfAbsent(t.taskId(), k -> new ArrayList<>()).add(t));
    if (byTask.size() > HtmlReport.MAX_TASKS_LISTED) {
      return section.add(paragraph(Text.count(byTask.size()) + " tasks: too many to list here. Every task's "
          + "figures are in report.json (\"tasks\"), every judgment with its rationale in judgments.csv."));
    }
    Map<String, List<Judgment>> rationales = new LinkedHashMap<>();
    for (Judgment j : judgments) {
      if (j.rationale() != null && !j.rationale().isBlank()) {
        rationales.computeIfAbsent(j.taskId(), k -> new ArrayList<>()).add(j);
      }
    }
    for (Map.Entry<String, List<TaskResult>> e : byTask.entrySet()) {
      TaskResult first = e.getValue().get(0);
      Tag h3 = Tag.of("h3", first.title() == null ? e.getKey() : first.title() + " (" + e.getKey() + ")");
      section.add(h3);
      section.add(paragraph(first.occupation() + ", " + first.sector()
          + (first.baselineMinutes() == null ? "" : "; the professional took " + Text.minutes(first.baselineMinutes())
              + " (" + Text.usd(first.baselineCostUsd()) + ")")
          + (first.fileTypes().isEmpty() ? "" : "; delivers " + String.join(", ", first.fileTypes()))).attr("class", "muted"));
      Table table = new Table("Model", "W / T / L", "Model time", "Model cost", "Rubric: model", "Rubric: professional");
      for (TaskResult t : e.getValue()) {
        table.row(null, t.model(), t.wins() + " / " + t.ties() + " / " + t.losses(), Text.minutes(t.modelMinutes()),
            Text.usd(t.modelCostUsd()), Text.percent(nan(t.rubricModel())), Text.percent(nan(t.rubricBaseline())));
      }
      section.add(table.tag());
      List<Judgment> explained = rationales.getOrDefault(e.getKey(), List.of());
      if (!explained.isEmpty()) {
        Tag details = section.child("details");
        details.add(Tag.of("summary", "Graders' rationales (" + explained.size() + ")"));
        for (Judgment j : explained) {
          details.add(Tag.of("p").add(Tag.of("strong", j.grader())).text(" (" + j.graderType().id() + ") on "
              + j.model() + " against " + j.opponent() + ": " + j.outcome().id()));
          details.add(Tag.of("blockquote", j.rationale()));
        }
      }
    }
    return section;
  }

  Tag notes() {
    Tag section = section("notes", "Notes");
    if (report.notes().isEmpty()) {
      return section.add(paragraph("Nothing to note: every figure could be computed."));
    }
    Tag list = section.child("ul");
    report.notes().forEach(n -> list.child("li", n));
    return section;
  }

  Tag methods() {
    Tag section = section("methods", "Methods");
    section.add(paragraph("How every figure was computed. report.json holds every number with the same keys."));
    Tag list = section.child("dl");
    report.methods().forEach((key, text) -> {
      list.add(Tag.of("dt", key));
      list.add(Tag.of("dd", text));
    });
    return section;
  }

  Tag provenance() {
    Tag section = section("provenance", "Provenance");
    ReportProvenance p = report.provenance();
    Table table = new Table("What", "Value");
    table.row(null, "Suite", p.suiteName() == null ? "not given" : p.suiteName() + " " + p.suiteVersion());
    table.row(null, "Suite content hash", p.suiteHash() == null ? Text.NONE : p.suiteHash());
    table.row(null, "Runs", p.runIds().isEmpty() ? "none" : String.join(", ", p.runIds()));
    for (Source s : p.sources()) {
      table.row(null, "Source: " + s.kind(), s.name() + (s.example() ? " (example data)" : ""));
    }
    table.row(null, "Judgments", Text.count(p.judgments()));
    table.row(null, "Graders", p.humanGraders() + " human, " + p.modelGraders() + " model judges");
    table.row(null, "Win rates from", p.graders() + " graders");
    table.row(null, "Rubric scores", Text.count(p.rubricScores()));
    for (ReportProvenance.RunInfo r : p.runs()) {
      if (r.convertedDeliverables() > 0) {
        table.row(null, "Converted formats", r.id() + ": " + Text.converted(r.convertedDeliverables()));
      }
    }
    table.row(null, "Bootstrap", Text.count(p.bootstrapResamples()) + " resamples (" + Text.count(p.refitResamples())
        + " for refits), seed " + p.seed());
    table.row(null, "Generated", p.generatedAt().toString());
    table.row(null, "Parity", p.parityVersion() + " (" + p.parityCommit() + ")");
    section.add(table.tag());
    if (!p.runs().isEmpty()) {
      Table runs = new Table("Run", "Suite", "Status", "Started", "Ended", "Models", "Parity");
      for (ReportProvenance.RunInfo r : p.runs()) {
        runs.row(null, r.id(), r.suiteName() + " " + r.suiteVersion(), r.status(), String.valueOf(r.createdAt()),
            r.endedAt() == null ? Text.NONE : r.endedAt().toString(), String.join(", ", r.models()),
            r.parityVersion() == null ? Text.NONE : r.parityVersion());
      }
      section.add(runs.tag());
    }
    return section;
  }

  /** A table with a header row; cells are text or elements. */
  static final class Table {
    private final Tag table = Tag.of("table");
    private final Tag body;

    Table(String... headers) {
      Tag row = table.child("thead").child("tr");
      for (String header : headers) {
        row.child("th", header);
      }
      body = table.child("tbody");
    }

    Table row(String cssClass, Object... cells) {
      Tag row = body.child("tr").attr("class", cssClass);
      for (Object cell : cells) {
        Tag td = row.child("td");
        if (cell instanceof Tag tag) {
          td.add(tag);
        } else {
          td.text(String.valueOf(cell));
        }
      }
      return this;
    }

    Tag tag() {
      return Tag.of("div").attr("class", "table").add(table);
    }
  }
}
