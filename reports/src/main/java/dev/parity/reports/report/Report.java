package dev.parity.reports.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A report: every figure Parity computes from judgments, rubric scores, a suite and runs, each
 * with its interval and the method that made it. The same numbers go to {@code report.html},
 * {@code report.md} and {@code report.json}, whose layout this record is (snake_case keys; see
 * docs/report-format.md).
 *
 * <p>Make one with {@link #compute}. Immutable.
 *
 * @param formatVersion the version of this layout: {@value #FORMAT_VERSION}
 * @param provenance what the report was computed from
 * @param models the models with judgments against the professionals, by name
 * @param groups per model, win rates overall, per sector, per occupation, per deliverable file
 *     type and per task length bucket
 * @param lengthControl per model, its score controlled for the length and form of the
 *     deliverables: a secondary figure beside the verdict
 * @param rubric per model, rubric scores against the professionals'
 * @param ratings Bradley–Terry ratings of the models and the baseline, per connected group of
 *     players (the professionals' first); a group that cannot be fitted has none ({@code
 *     ratingsFit} says why)
 * @param ratingsFit how each group's ratings were fitted, by group
 * @param pairwise the pairwise win matrix: every pair of players, from both sides
 * @param agreement agreement between graders, per pair of grader kinds
 * @param positionBias per human grader and model judge, how often it chose the deliverable shown
 *     in the first position (left, or first in a judge's prompt), tested against chance
 * @param judgeGating per occupation and model judge where both judged the same items, whether the
 *     judge's verdicts may stand in for the humans' there
 * @param judgeOnly the occupations whose figures rest on model judges' verdicts alone and whose
 *     judges are not qualified to stand in for the humans there: labelled on the page
 * @param timeHorizon per model, its time horizon
 * @param economics per model and group, speed and cost
 * @param trend win-or-tie rates of models by release date
 * @param tasks per model and task, the figures behind the groups
 * @param warnings what a reader must know before trusting the figures (a grader or judge biased
 *     towards a position), shown on top of the page
 * @param notes what the report could not compute and why, in words
 * @param methods how each figure was computed, by key
 */
public record Report(
    int formatVersion,
    ReportProvenance provenance,
    List<String> models,
    List<GroupResult> groups,
    List<LengthControlResult> lengthControl,
    List<RubricResult> rubric,
    List<Rating> ratings,
    List<RatingsFit> ratingsFit,
    List<PairwiseResult> pairwise,
    List<AgreementResult> agreement,
    List<PositionBiasResult> positionBias,
    List<JudgeGatingResult> judgeGating,
    List<JudgeOnlyLabel> judgeOnly,
    List<TimeHorizonResult> timeHorizon,
    List<EconomicsResult> economics,
    List<TrendPoint> trend,
    List<TaskResult> tasks,
    List<String> warnings,
    List<String> notes,
    Map<String, String> methods) {

  /** The version of the JSON layout; it changes when a key changes meaning or goes away. */
  public static final int FORMAT_VERSION = 4;

  public Report {
    models = List.copyOf(models);
    groups = List.copyOf(groups);
    lengthControl = List.copyOf(lengthControl);
    rubric = List.copyOf(rubric);
    ratings = List.copyOf(ratings);
    ratingsFit = List.copyOf(ratingsFit);
    pairwise = List.copyOf(pairwise);
    agreement = List.copyOf(agreement);
    positionBias = List.copyOf(positionBias);
    judgeGating = List.copyOf(judgeGating);
    judgeOnly = List.copyOf(judgeOnly);
    timeHorizon = List.copyOf(timeHorizon);
    economics = List.copyOf(economics);
    trend = List.copyOf(trend);
    tasks = List.copyOf(tasks);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
    methods = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(methods));
  }

  /**
   * Computes a report.
   *
   * @param executor runs the independent parts: each model's groups and time horizon, agreement,
   *     judge gating and ratings (pass {@code Runnable::run} to compute on the calling thread); the
   *     report is the same whatever the executor
   * @throws InvalidReportInputException if there is no judgment at all, or the input contradicts
   *     itself (two verdicts of one grader on one
   *     item, a task in two occupations, a scored criterion missing from the task's rubric); the
   *     message lists every problem
   */
  public static Report compute(ReportInput input, ReportSettings settings, Executor executor) {
    return new Analysis(Objects.requireNonNull(input, "input"),
        Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(executor, "executor"))
        .report();
  }

  /** The length-controlled score of {@code model}, if it has one. */
  public java.util.Optional<LengthControlResult> lengthControl(String model) {
    return lengthControl.stream().filter(l -> l.model().equals(model)).findFirst();
  }

  /** The label of {@code occupation}'s judge-only figures, if they have one. */
  public java.util.Optional<JudgeOnlyLabel> judgeOnly(String occupation) {
    return judgeOnly.stream().filter(l -> l.occupation().equals(occupation)).findFirst();
  }

  /** The fit of the professionals' group (the first group); null when there is no judgment to rate. */
  public RatingsFit mainRatingsFit() {
    return ratingsFit.isEmpty() ? null : ratingsFit.get(0);
  }

  /** The groups of one level, in report order. */
  public List<GroupResult> groups(Level level) {
    return groups.stream().filter(g -> g.level() == level).toList();
  }

  /** The group of {@code model} at {@code level} named {@code name}, if any. */
  public java.util.Optional<GroupResult> group(Level level, String name, String model) {
    return groups.stream()
        .filter(g -> g.level() == level && g.name().equals(name) && g.model().equals(model))
        .findFirst();
  }
}
