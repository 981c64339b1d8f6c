package dev.parity.reports.report;

import java.util.List;

/**
 * {@code report.md}: the report's figures as Markdown (GitHub tables) for pasting into documents:
 * the summary, a table per level, rubric scores, agreement, ratings, time horizons, speed and cost,
 * the trend, notes, methods and provenance. Text from the data is escaped, so a model name or a
 * title cannot break a table or become markup.
 */
public final class MarkdownReport {
  private final Report report;
  private final List<String> models;
  private final StringBuilder out = new StringBuilder(16 * 1024);

  private MarkdownReport(Report report) {
    this.report = report;
    this.models = HtmlReport.modelsByRate(report);
  }

  /** The report as Markdown. */
  public static String render(Report report) {
    return new MarkdownReport(report).document();
  }

  private String document() {
    ReportProvenance p = report.provenance();
    line("# Parity report" + (p.suiteName() == null ? "" : ": " + md(p.suiteName()) + " " + md(p.suiteVersion())));
    line("");
    if (p.exampleData()) {
      line("> **Example data — not real results.** This report is computed from example data shipped "
          + "with Parity; it says nothing about any model.");
      line("");
    }
    Text.unsafeNoSandbox(p).ifPresent(label -> {
      line("> **" + md(label) + "**");
      line("");
    });
    line("Models against human professionals on the same tasks, judged by " + p.graders() + " graders. "
        + "Computed " + p.generatedAt() + " by Parity " + md(p.parityVersion()) + ".");
    if (!report.warnings().isEmpty()) {
      line("");
      line("> **Before reading the figures:**");
      report.warnings().forEach(w -> line("> - " + md(w)));
    }
    summary();
    for (Level level : List.of(Level.SECTOR, Level.OCCUPATION, Level.FILE_TYPE, Level.TASK_LENGTH)) {
      level(level);
    }
    rubric();
    agreement();
    positionBias();
    judgeGating();
    ratings();
    pairwise();
    timeHorizon();
    economics();
    trend();
    heading("Notes");
    report.notes().forEach(n -> line("- " + md(n)));
    if (report.notes().isEmpty()) {
      line("Nothing to note: every figure could be computed.");
    }
    heading("Methods");
    report.methods().forEach((key, text) -> line("- **" + key.replace("_", "\\_") + "**: " + md(text)));
    provenance();
    return out.toString();
  }

  private void summary() {
    heading("Summary");
    if (models.isEmpty()) {
      line("No model was judged against the professionals: this report compares models with each other only.");
    }
    for (String model : models) {
      GroupResult g = report.group(Level.OVERALL, Grouping.ALL_TASKS, model).orElseThrow();
      String controlled = Text.lengthControlled(report.lengthControl(model));
      line("- **" + md(model) + "**: " + Text.scoreLine(g) + ": " + Text.verdict(g) + ". " + Text.besideScore(g)
          + (controlled.isEmpty() ? "" : " " + md(controlled)));
      Text.agentRuns(report.provenance(), model).forEach(agent -> line("  - " + md(agent)));
    }
    List<EconomicsResult> overall = report.economics().stream().filter(e -> e.level() == Level.OVERALL).toList();
    if (!overall.isEmpty()) {
      line("");
      row("Model", "Professional", "Model", "Review", "Speed: naive", "Speed: try once", "Cost: naive", "Cost: try once");
      separator(8);
      for (EconomicsResult e : overall) {
        row(md(e.model()), Text.humanMinutes(e), Text.contestantMinutes(e), Text.minutes(e.reviewMinutes()),
            Text.ratio(e.speed().naive()), Text.ratioWithRange(e.speed().tryOnce(), e.speed().tryOnceCi()),
            Text.ratio(e.cost().naive()), Text.ratioWithRange(e.cost().tryOnce(), e.cost().tryOnceCi()));
      }
    }
  }

  private void level(Level level) {
    List<GroupResult> groups = report.groups(level);
    heading("By " + level.title().toLowerCase(java.util.Locale.ROOT));
    if (groups.isEmpty()) {
      line("No groups.");
      return;
    }
    row("Group", "Model", "Tasks", "Judgments", "W / T / L", "Score [95%]", "Adjusted 95%", "Verdict",
        "Win-or-tie (GDPval)", "Win rate, no ties", "Sign p", "Holm p", "BH p");
    separator(13);
    for (GroupResult g : groups) {
      row(md(g.name()), md(g.model()), Text.count(g.nTasks()), Text.count(g.nJudgments()),
          g.wins() + " / " + g.ties() + " / " + g.losses(), Text.rateWithInterval(g.score(), g.scoreCi()),
          Text.percentInterval(g.scoreCiAdjusted()), Text.verdict(g), Text.percent(g.winOrTieRate()),
          Text.percent(g.winRateWithoutTies()), Text.p(g.signTestP()), Text.p(g.pHolm()), Text.p(g.pBh()));
    }
    if (level == Level.OCCUPATION && !report.judgeOnly().isEmpty()) {
      line("");
      report.judgeOnly().forEach(label -> line("- **" + md(label.occupation()) + "**: " + md(label.words())));
    }
  }

  private void rubric() {
    heading("Rubric scores");
    if (report.rubric().isEmpty()) {
      line("No rubric scores of both a model's and the professionals' deliverables on the same tasks.");
      return;
    }
    row("Model", "Tasks", "Model score", "Professional score", "Difference [95% bootstrap]", "Wilcoxon p");
    separator(6);
    for (RubricResult r : report.rubric()) {
      row(md(r.model()), Text.count(r.nTasks()), Text.percent(r.modelMean()), Text.percent(r.baselineMean()),
          Text.percent(r.meanDifference()) + " [" + Text.percentInterval(r.ciBootstrap()) + "]",
          Text.p(r.wilcoxonP()) + " (" + r.pMethod() + ")");
    }
  }

  private void agreement() {
    heading("Agreement between graders");
    if (report.agreement().isEmpty()) {
      line("No item was graded by two graders.");
      return;
    }
    line("95% intervals from a bootstrap over items; a judge is flagged only when the interval of its difference "
        + "from the humans' agreement lies wholly below zero.");
    line("");
    row("Graders", "Items", "GDPval [95%]", "Judge − humans [95%]", "Exact [95%]", "Exact, no ties [95%]",
        "Cohen κ [95%]", "Fleiss κ [95%]", "Krippendorff α (ordinal) [95%]", "Leave-one-out [95%]", "Flag");
    separator(11);
    for (AgreementResult a : report.agreement()) {
      AgreementIntervals ci = a.ci();
      row(a.judge() == null ? "humans with humans" : md(a.judge()) + " with humans", Text.count(a.sample().items()),
          Text.rateWithInterval(nan(a.figures().gdpval()), ci.gdpval()), HtmlSections.difference(a),
          Text.rateWithInterval(nan(a.figures().percent()), ci.percent()),
          Text.rateWithInterval(nan(a.figures().percentWithoutTies()), ci.percentWithoutTies()),
          Text.numberWithInterval(a.figures().cohenKappa(), ci.cohenKappa()),
          Text.numberWithInterval(a.figures().fleissKappa(), ci.fleissKappa()),
          Text.numberWithInterval(a.figures().krippendorffAlphaOrdinal(), ci.krippendorffAlphaOrdinal()),
          Text.rateWithInterval(nan(a.figures().leaveOneOut()), ci.leaveOneOut()),
          a.belowHumanAgreement() ? "**agrees less than humans**" : "");
    }
  }

  private static double nan(Double value) {
    return value == null ? Double.NaN : value;
  }

  private void judgeGating() {
    heading("Judge gating by occupation");
    if (report.judgeGating().isEmpty()) {
      line("No occupation where a model judge and humans judged the same items.");
      return;
    }
    row("Occupation", "Judge", "Items", "With the majority [95%]", "With each human [95%]", "Humans",
        "Judge − humans [95%]", "May stand in");
    separator(8);
    for (JudgeGatingResult g : report.judgeGating()) {
      AgreementDifference d = g.differenceFromHumans();
      row(md(g.occupation()), md(g.judge()), Text.count(g.items()),
          Text.rateWithInterval(nan(g.withMajority()), g.withMajorityCi()),
          Text.rateWithInterval(nan(g.withHumans()), g.withHumansCi()), Text.percent(nan(g.humans())),
          d == null ? Text.NONE : Text.signedPoints(d.estimate()) + " [" + Text.pointsInterval(d.ci()) + "]",
          g.qualified() ? "yes" : "**no**");
    }
  }

  private void positionBias() {
    heading("Position bias");
    if (report.positionBias().isEmpty()) {
      line("No judgment records where the deliverables were shown.");
      return;
    }
    row("Grader", "Kind", "Judgments", "A / B / tie", "Chose A [95%]", "p", "Holm p", "Same in both orders [95%]",
        "Flag");
    separator(9);
    for (PositionBiasResult r : report.positionBias()) {
      var c = r.choices();
      row(md(r.grader()), r.graderType(), Text.count(r.judgments()), c.first() + " / " + c.second() + " / " + c.ties(),
          r.firstShare() == null ? Text.NONE : Text.rateWithInterval(r.firstShare(), r.firstShareCi()),
          Text.p(r.p()), Text.p(r.pHolm()),
          r.consistency() == null ? Text.NONE : Text.rateWithInterval(r.consistency().share(), r.consistency().ci()),
          r.biased() ? "**prefers a position**" : "");
    }
  }

  private void ratings() {
    heading("Ratings");
    if (report.ratingsFit().isEmpty()) {
      line("No ratings: no pairwise judgment.");
      return;
    }
    line("Bradley–Terry, Elo scale, within each connected group of players (professionals at 1000 in theirs); "
        + "a tie counts as half a win to each side; 95% task-bootstrap intervals.");
    for (RatingsFit fit : report.ratingsFit()) {
      line("");
      boolean professionals = fit.members().contains(dev.parity.judgments.Judgment.BASELINE);
      if (report.ratingsFit().size() > 1 || !professionals) {
        line("**Group " + fit.group() + "**" + (professionals ? ", with the professionals" : ", never compared with "
            + "the professionals (" + md(fit.anchor()) + " at 1000)") + ":");
        line("");
      }
      List<Rating> ratings = report.ratings().stream().filter(r -> r.group() == fit.group()).toList();
      if (ratings.isEmpty()) {
        line("No ratings: " + md(fit.problem()));
        continue;
      }
      row("Player", "Rating", "95% interval", "Judged against the professionals");
      separator(4);
      for (Rating r : ratings) {
        row(md(r.player()), Text.number(r.rating(), 0),
            r.ciLow() == null ? Text.NONE : Text.number(r.ciLow(), 0) + "–" + Text.number(r.ciHigh(), 0),
            Text.comparedWithProfessionals(r, professionals));
      }
    }
  }

  private void pairwise() {
    heading("Pairwise win matrix");
    if (report.pairwise().isEmpty()) {
      line("No pairwise judgments.");
      return;
    }
    row("Player", "Opponent", "Judgments", "W / T / L", "Score");
    separator(5);
    for (PairwiseResult p : report.pairwise()) {
      row(md(p.player()), md(p.opponent()), Text.count(p.judgments()), p.wins() + " / " + p.ties() + " / " + p.losses(),
          Text.percent(p.score()));
    }
  }

  private void timeHorizon() {
    heading("Time horizon");
    if (report.timeHorizon().isEmpty()) {
      line("No time horizons: they need the professionals' minutes per task, from the suite.");
      return;
    }
    row("Model", "Horizon", "95% interval", "Tasks' lengths", "Tasks");
    separator(5);
    for (TimeHorizonResult h : report.timeHorizon()) {
      row(md(h.model()), Text.horizon(h), Text.horizonInterval(h), Text.dataRange(h), Text.count(h.nTasks()));
    }
  }

  private void economics() {
    heading("Speed and cost");
    if (report.economics().isEmpty()) {
      line("No speed and cost figures: they need a run's measured attempts and the suite's task lengths and wages.");
      return;
    }
    int n = report.provenance().tries();
    row("Level", "Group", "Model", "Tasks", "H", "M", "R", "Speed: naive", "try once", "try " + n, "Cost: naive",
        "try once", "try " + n);
    separator(13);
    for (EconomicsResult e : report.economics()) {
      row(e.level().id(), md(e.name()), md(e.model()), Text.count(e.nTasks()), Text.humanMinutes(e),
          Text.contestantMinutes(e), Text.minutes(e.reviewMinutes()), Text.ratio(e.speed().naive()),
          Text.ratioWithRange(e.speed().tryOnce(), e.speed().tryOnceCi()),
          Text.ratioWithRange(e.speed().tryN(), e.speed().tryNCi()), Text.ratio(e.cost().naive()),
          Text.ratioWithRange(e.cost().tryOnce(), e.cost().tryOnceCi()),
          Text.ratioWithRange(e.cost().tryN(), e.cost().tryNCi()));
    }
  }

  private void trend() {
    heading("Trend by release date");
    if (report.trend().isEmpty()) {
      line("No release dates.");
      return;
    }
    row("Model", "Released", "Score [95%]", "Tasks");
    separator(4);
    for (TrendPoint t : report.trend()) {
      row(md(t.model()), t.releaseDate().toString(), Text.rateWithInterval(t.score(), t.scoreCi()),
          Text.count(t.nTasks()));
    }
  }

  private void provenance() {
    heading("Provenance");
    ReportProvenance p = report.provenance();
    line("- Suite: " + (p.suiteName() == null ? "not given" : md(p.suiteName()) + " " + md(p.suiteVersion())
        + ", " + md(p.suiteHash())));
    line("- Runs: " + (p.runIds().isEmpty() ? "none" : md(String.join(", ", p.runIds()))));
    for (ReportProvenance.RunInfo r : p.runs()) {
      if (r.convertedDeliverables() > 0) {
        line("- Run " + md(r.id()) + ": " + Text.converted(r.convertedDeliverables()));
      }
    }
    for (Source s : p.sources()) {
      line("- Source (" + s.kind() + "): " + md(s.name()) + (s.example() ? " — example data" : ""));
    }
    line("- Judgments: " + Text.count(p.judgments()) + "; graders: " + p.humanGraders() + " human, "
        + p.modelGraders() + " model judges; rubric scores: " + Text.count(p.rubricScores()));
    line("- Bootstrap: " + Text.count(p.bootstrapResamples()) + " resamples (" + Text.count(p.refitResamples())
        + " for refits), seed " + p.seed());
    line("- Generated " + p.generatedAt() + " by Parity " + md(p.parityVersion()) + " (" + md(p.parityCommit()) + ")");
  }

  private void heading(String title) {
    out.append('\n').append("## ").append(title).append("\n\n");
  }

  private void row(String... cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private void separator(int columns) {
    out.append("|").append(" --- |".repeat(columns)).append('\n');
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  /**
   * Text from the data, safe in Markdown: one line, and the characters that make markup or break
   * a table cell backslash-escaped.
   */
  static String md(String text) {
    if (text == null) {
      return Text.NONE;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.replaceAll("\\s+", " ").toCharArray()) {
      if ("\\`*_[]<>|#!".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
