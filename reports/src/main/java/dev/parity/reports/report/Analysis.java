package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.harness.ParityVersion;
import dev.parity.reports.stats.OutcomeCounts;
import dev.parity.tasks.Suite;
import dev.parity.tasks.ValueSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Computes a report from its input: the order of the work, and the notes on what is missing. */
final class Analysis {
  private final ReportInput input;
  private final ReportSettings settings;
  private final Executor executor;
  private final List<String> notes = new ArrayList<>();

  Analysis(ReportInput input, ReportSettings settings, Executor executor) {
    this.input = input;
    this.settings = settings;
    this.executor = executor;
  }

  Report report() {
    TaskFacts facts = TaskFacts.of(input.suite());
    Verdicts verdicts = Verdicts.of(input.judgments());
    if (input.judgments().isEmpty()) {
      throw new InvalidReportInputException(List.of(
          "no judgments: a report needs judgments of models against the professionals' deliverables or each other"));
    }
    // The parts that do not need each other start first, so that they fill the cores while the
    // groups and horizons (parallel per model) run.
    Supplier<List<AgreementResult>> agreementLater =
        Parallel.start(() -> Agreements.compute(verdicts.all, settings.refit()), executor);
    Supplier<List<JudgeGatingResult>> gatingLater =
        Parallel.start(() -> JudgeGating.compute(verdicts.all, settings.refit()), executor);
    RubricStats rubric = RubricStats.of(input.criterionScores(), facts);
    Grouping grouping = Grouping.of(verdicts.againstBaseline, facts);
    // Every model's groups and horizons are queued at once, so that no core waits for the groups to
    // finish before the horizons start; the rest runs here meanwhile. Longest first: the groups (as
    // many jobs as their replicates' memory allows) and the horizons (one job: all models share its
    // draws) behind the agreement and judge gating, and the short ratings last to fill the gap
    // (benchmarks/README.md: queued last, the horizons ran alone for the command's last second;
    // queued behind the horizons, the groups did, once the horizons took a third of their time).
    Supplier<List<GroupResult>> groupsLater = Groups.start(grouping, settings, executor);
    Supplier<List<TimeHorizonResult>> horizonsLater = Horizons.start(grouping, facts, settings, executor);
    Supplier<Ratings.Fitted> ratingsLater = Parallel.start(() -> Ratings.compute(verdicts.primaryAll, settings), executor);
    PositionBias.Computed position = PositionBias.compute(verdicts.all);
    LengthControls.Computed length =
        LengthControls.compute(verdicts.againstBaseline, input.features(), settings, executor);
    // What needs none of the pool's results is done here while the pool works: done after it, it
    // left a core idle (at 118,800 judgments about 0.1 s of this thread alone).
    AttemptTimes times = AttemptTimes.of(input.attempts());
    String graders = verdicts.primary.id();
    ReportProvenance provenance = provenance(verdicts, graders);
    List<PairwiseResult> pairwise = Pairwise.compute(verdicts.primaryAll);
    List<TaskResult> tasks = tasks(grouping, facts, times, rubric);
    EconomicsStats economicsStats = EconomicsStats.of(grouping, facts, times, verdicts.all, settings);
    List<GroupResult> groups = groupsLater.get();
    List<TimeHorizonResult> horizons = horizonsLater.get();
    Ratings.Fitted ratings = ratingsLater.get();
    List<AgreementResult> agreement = agreementLater.get();
    List<EconomicsResult> economics = economicsStats.compute(groups);
    List<JudgeGatingResult> gating = gatingLater.get();
    noteGaps(verdicts, facts, times, ratings, agreement, economics, grouping);
    notePositions(position);
    noteLength(length);
    PromptVersions.note(input.judgments(), input.criterionScores()).ifPresent(notes::add);
    if (rubric.partiallyScored() > 0) {
      notes.add(rubric.partiallyScored() + " deliverables were scored on only part of their rubric (say, its "
          + "deterministic checks alone): criteria not scored count as not met, so their rubric scores "
          + "understate, for models and professionals alike.");
    }
    return new Report(Report.FORMAT_VERSION, provenance, grouping.models(), groups,
        length.results(), rubric.compare(settings), ratings.ratings(), ratings.fits(), pairwise,
        agreement, position.results(), gating, JudgeOnly.label(verdicts, gating), horizons, economics,
        trend(groups), tasks,
        position.biased().stream().map(PositionBias::warning).toList(), notes, Methods.describe(settings, graders));
  }

  /** Tasks with measured attempts whose professional's minutes or wage are not first-hand. */
  private void noteLeftOutOfEconomics(Verdicts verdicts, TaskFacts facts, AttemptTimes times) {
    Set<String> estimated = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    for (Judgment j : verdicts.againstBaseline) {
      facts.of(j.taskId()).filter(f -> !f.costed() && times.of(Players.of(j.model()), j.taskId()).isPresent())
          .ifPresent(f -> (f.minutesSource() == ValueSource.ESTIMATED || f.wageSource() == ValueSource.ESTIMATED
              ? estimated : unknown).add(j.taskId()));
    }
    if (!estimated.isEmpty()) {
      notes.add(estimated.size() + " tasks with measured attempts are left out of speed and cost: the "
          + "professional's minutes or wage are estimated, not measured or reported: " + firstTen(estimated));
    }
    if (!unknown.isEmpty()) {
      notes.add(unknown.size() + " tasks with measured attempts are left out of speed and cost: the "
          + "professional's minutes or wage are unknown: " + firstTen(unknown));
    }
  }

  private void notePositions(PositionBias.Computed position) {
    if (position.withoutSides() > 0) {
      notes.add(position.withoutSides() + (position.withoutSides() == 1 ? " judgment records" : " judgments record")
          + " neither the side a human saw the contestant's deliverable on nor a judge's outcome in each order "
          + "(version-1 files, older runs): left out of the position-bias figures.");
    }
  }

  private void noteLength(LengthControls.Computed length) {
    if (length.judgments() == 0) {
      return;
    }
    if (length.leftOut() == length.judgments()) {
      notes.add("No length-controlled scores: none of the " + length.judgments() + " judgments against the "
          + "professionals has the length and form of both deliverables recorded (parity run records them; "
          + "give the runs with --run, and the suite).");
    } else if (length.leftOut() > 0) {
      notes.add(length.leftOut() + " of " + length.judgments() + " judgments against the professionals "
          + "were left out of the length-controlled scores: the length and form of one of their two deliverables "
          + "is not recorded (a judgment from a file without its run, a file that does not open, a baseline not in "
          + "the suite).");
    }
    if (!length.tooFew().isEmpty()) {
      notes.add("No length-controlled score for " + String.join(", ", length.tooFew()) + ": fewer than "
          + LengthControls.MINIMUM_TASKS + " tasks with both deliverables' length and form recorded.");
    }
  }

  private List<TrendPoint> trend(List<GroupResult> groups) {
    List<TrendPoint> points = new ArrayList<>();
    for (GroupResult g : groups) {
      LocalDate released = input.releaseDates().get(g.model());
      if (g.level() == Level.OVERALL && released != null) {
        points.add(new TrendPoint(g.model(), released, g.score(), g.scoreCi(), g.nTasks()));
      }
    }
    points.sort(java.util.Comparator.comparing(TrendPoint::releaseDate).thenComparing(TrendPoint::model));
    return points;
  }

  private List<TaskResult> tasks(Grouping grouping, TaskFacts facts, AttemptTimes times, RubricStats rubric) {
    List<TaskResult> results = new ArrayList<>();
    Map<String, Judgment> placeOfTask = new java.util.HashMap<>();
    input.judgments().forEach(j -> placeOfTask.putIfAbsent(j.taskId(), j));
    for (String model : grouping.models()) {
      for (Map.Entry<String, OutcomeCounts> e : grouping.overall(model).entrySet()) {
        String task = e.getKey();
        OutcomeCounts c = e.getValue();
        var f = facts.of(task);
        var measured = times.of(model, task);
        Judgment place = placeOfTask.get(task);
        results.add(new TaskResult(task, f.map(TaskFacts.Facts::title).orElse(null), place.occupation(),
            place.sector(), f.map(TaskFacts.Facts::fileTypes).orElse(List.of()), model, c.total(),
            c.wins(), c.ties(), c.losses(), f.map(TaskFacts.Facts::minutes).orElse(null),
            f.filter(TaskFacts.Facts::costed).map(TaskFacts.Facts::costUsd).orElse(null),
            measured.map(AttemptTimes.Measured::attempts).orElse(0),
            measured.map(AttemptTimes.Measured::minutes).orElse(null),
            measured.map(AttemptTimes.Measured::costUsd).orElse(null), rubric.score(model, task),
            rubric.score(dev.parity.judgments.CriterionScore.BASELINE, task)));
      }
    }
    return results;
  }

  private void noteGaps(Verdicts verdicts, TaskFacts facts, AttemptTimes times, Ratings.Fitted ratings,
      List<AgreementResult> agreement, List<EconomicsResult> economics, Grouping grouping) {
    if (input.exampleData()) {
      notes.add("Example data: some of this report's data are examples shipped with Parity, not "
          + "real results. Read it as a demonstration of the report, not as a finding about any model.");
    }
    if (verdicts.againstBaseline.isEmpty()) {
      notes.add("No judgment compares a model with the professionals (opponent 'baseline'): there are no "
          + "scores, verdicts, time horizons or speed and cost figures, only the models' ratings against "
          + "each other, the pairwise win matrix and agreement between graders.");
    }
    if (verdicts.primary == GraderType.MODEL && !verdicts.againstBaseline.isEmpty()) {
      notes.add("No human judged a model against the professionals: the win rates come from model "
          + "judges, whose verdicts may not agree with experts'.");
    }
    if (verdicts.repeats > 0) {
      notes.add(verdicts.repeats + (verdicts.repeats == 1 ? " judgment was" : " judgments were")
          + " read twice (same grader, item and verdict) and counted once.");
    }
    if (!facts.known()) {
      notes.add("No suite: the breakdowns by file type and task length, the time horizons and the "
          + "speed and cost figures need the tasks' lengths and wages (give --suite, or a run).");
    } else {
      Set<String> unknown = new TreeSet<>();
      verdicts.againstBaseline.stream().map(Judgment::taskId).filter(t -> facts.of(t).isEmpty())
          .forEach(unknown::add);
      if (!unknown.isEmpty()) {
        notes.add(unknown.size() + " judged tasks are not in the suite and count only in the overall, "
            + "sector and occupation groups: " + firstTen(unknown));
      }
    }
    input.unmeasured().forEach((model, why) -> notes.add("No speed and cost figures for " + model + ": " + why + "."));
    if (!times.any() && input.runs().isEmpty()) {
      notes.add("No run: the models' time and cost are unknown, so there are no speed and cost figures.");
    } else if (times.any()) {
      List<String> unmeasured = grouping.models().stream()
          .filter(m -> !times.any(m) && !input.unmeasured().containsKey(m)).toList();
      if (!unmeasured.isEmpty()) {
        notes.add("No measured attempts of " + String.join(", ", unmeasured)
            + " (not in the runs given, or named differently there): no speed and cost figures for them.");
      }
      if (economics.stream().anyMatch(e -> e.reviewMinutes() == null)) {
        notes.add("No review time: no human grader recorded minutes and none was given "
            + "(--review-minutes), so only the naive speed and cost ratios are shown.");
      }
      noteLeftOutOfEconomics(verdicts, facts, times);
    }
    boolean several = ratings.fits().size() > 1;
    for (RatingsFit fit : ratings.fits()) {
      String which = several ? " (group " + fit.group() + ": " + String.join(", ", fit.members()) + ")" : "";
      if (fit.problem() != null) {
        notes.add("No ratings" + which + ": " + fit.problem());
      } else if (fit.unfitResamples() > 0) {
        notes.add(fit.unfitResamples() + " of " + fit.resamples() + " rating resamples" + which
            + " could not be fitted and were left out: the rating intervals understate the uncertainty.");
      }
    }
    ratings.fits().stream().filter(f -> !f.members().contains(Judgment.BASELINE)).forEach(f -> notes.add(
        "Never compared with the professionals, directly or through other models: " + String.join(", ", f.members())
            + ". Their ratings (group " + f.group() + ") are on their own scale, " + f.anchor()
            + " at 1000, and are not ranked against the professionals."));
    List<String> indirect = ratings.ratings().stream().filter(r -> !r.comparedWithBaseline()).filter(r -> r.group() == 1
        && ratings.fits().get(0).members().contains(Judgment.BASELINE)).map(Rating::player).toList();
    if (!indirect.isEmpty()) {
      notes.add("Rated against the professionals only through other models (never judged against them "
          + "directly): " + String.join(", ", indirect) + ".");
    }
    for (AgreementResult a : agreement) {
      if (a.belowHumanAgreement()) {
        notes.add("Judge " + a.judge() + " agrees with humans less than humans agree with each other: "
            + Text.signedPoints(a.differenceFromHumans().estimate()) + " (95% interval "
            + Text.pointsInterval(a.differenceFromHumans().ci()) + ").");
      }
    }
    List<String> undated = grouping.models().stream().filter(m -> !input.releaseDates().containsKey(m)).toList();
    if (!undated.isEmpty() && undated.size() < grouping.models().size()) {
      notes.add("No release date for " + String.join(", ", undated) + ": left out of the trend.");
    }
    Set<String> hashes = new LinkedHashSet<>();
    input.runs().forEach(r -> hashes.add(r.suiteHash()));
    input.suiteIfKnown().ifPresent(s -> hashes.add(s.contentHash()));
    if (hashes.size() > 1) {
      notes.add("The runs and the suite are not all the same suite content: " + String.join(", ", hashes)
          + ". Figures mix tasks as they were in different versions.");
    }
  }

  private static String firstTen(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    return list.size() <= 10 ? String.join(", ", list) : String.join(", ", list.subList(0, 10)) + ", …";
  }

  private ReportProvenance provenance(Verdicts verdicts, String graders) {
    Suite suite = input.suite();
    String name = suite != null ? suite.name() : input.runs().isEmpty() ? null : input.runs().get(0).suiteName();
    String version = suite != null ? suite.version() : input.runs().isEmpty() ? null : input.runs().get(0).suiteVersion();
    String hash = suite != null ? suite.contentHash() : input.runs().isEmpty() ? null : input.runs().get(0).suiteHash();
    Set<String> humans = new TreeSet<>();
    Set<String> judges = new TreeSet<>();
    for (Judgment j : verdicts.all) {
      (j.graderType() == GraderType.HUMAN ? humans : judges).add(j.grader());
    }
    ParityVersion parity = ParityVersion.current();
    return new ReportProvenance(name, version, hash,
        input.runs().stream().map(ReportProvenance.RunInfo::id).toList(), input.runs(), input.sources(),
        input.exampleData(), verdicts.all.size(), humans.size(), judges.size(),
        input.criterionScores().size(), graders, input.generatedAt(), parity.version(), parity.commit(),
        settings.bootstrap().seed(), settings.bootstrap().resamples(), settings.refitResamples(),
        settings.tries());
  }
}
