package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.CriterionScore;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.features.DeliverableFeatures;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Contestant;
import dev.parity.judgments.GraderType;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.harness.store.HumanWork;
import dev.parity.harness.store.Run;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import dev.parity.tasks.Suite;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report is computed from, whatever its source: judgments (from a store, a grading
 * campaign or a CSV file), rubric scores, the suite, and the runs' attempts.
 *
 * <p>Every part is optional but the judgments: a CSV of judgments from elsewhere makes a report
 * on its own, and each part added unlocks more (the suite: task lengths, wages, file types and
 * titles; runs: the models' time and cost, and release dates).
 *
 * <p>Immutable; build one with {@link #builder(Instant)}.
 *
 * @param judgments every judgment
 * @param criterionScores every rubric criterion score
 * @param suite the suite the tasks come from; null when unknown
 * @param attempts the models' attempts, as measured by the runs
 * @param runs the runs the attempts come from
 * @param releaseDates models' release dates, for the trend
 * @param unmeasured models whose attempts say nothing of a model's time and cost, with the reason
 * @param sources where the data came from, in the order given
 * @param features the length and form of the deliverables judged, for length control
 * @param generatedAt when the report is made
 */
public record ReportInput(
    List<Judgment> judgments,
    List<CriterionScore> criterionScores,
    Suite suite,
    List<MeasuredAttempt> attempts,
    List<ReportProvenance.RunInfo> runs,
    Map<String, LocalDate> releaseDates,
    Map<String, String> unmeasured,
    List<Source> sources,
    Features features,
    Instant generatedAt) {

  public ReportInput {
    judgments = List.copyOf(judgments);
    criterionScores = List.copyOf(criterionScores);
    attempts = List.copyOf(attempts);
    runs = List.copyOf(runs);
    releaseDates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(releaseDates));
    unmeasured = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unmeasured));
    sources = List.copyOf(sources);
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(generatedAt, "generatedAt");
  }

  /**
   * The grader named in the loss an agent attempt without a deliverable counts as (status
   * {@code no_deliverable}: no files, the turn, time or cost limit). It is Parity's record, not a
   * grader's verdict; judgments.csv carries it so that a report made again from that file counts
   * it the same.
   */
  public static final String NO_DELIVERABLE = "parity:no_deliverable";

  /** Whether {@code judgment} is the loss of an attempt without a deliverable ({@link #NO_DELIVERABLE}). */
  public static boolean isNoDeliverable(Judgment judgment) {
    return NO_DELIVERABLE.equals(judgment.grader()) && judgment.againstBaseline();
  }

  /** A builder for a report made at {@code generatedAt} (take it from an injected clock). */
  public static Builder builder(Instant generatedAt) {
    return new Builder(generatedAt);
  }

  /** The suite, when known. */
  public Optional<Suite> suiteIfKnown() {
    return Optional.ofNullable(suite);
  }

  /** Whether any source is example data. */
  public boolean exampleData() {
    return sources.stream().anyMatch(Source::example);
  }

  /**
   * One model attempt as the report needs it: how long the model took and what it cost.
   *
   * @param runId the run
   * @param model the model's name in the run (as judgments name it)
   * @param taskId the task
   * @param sample which sample
   * @param minutes the contestant's time on the attempt, in minutes: a model's latency, a
   *     professional's measured minutes (active time on the work page, measured by the server)
   * @param costUsd what the attempt cost; null when unknown
   * @param reportedMinutes a professional's reported minutes (measured plus the time they stated
   *     they spent outside the page), shown beside the measured; null for a model's attempt
   */
  public record MeasuredAttempt(String runId, String model, String taskId, int sample, double minutes,
      Double costUsd, Double reportedMinutes) {

    public MeasuredAttempt {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(taskId, "taskId");
      if (!(minutes >= 0 && Double.isFinite(minutes))) {
        throw new IllegalArgumentException("attempt " + model + " / " + taskId + " #" + sample
            + ": minutes must be zero or more, got " + minutes);
      }
      if (reportedMinutes != null && !(reportedMinutes >= minutes && Double.isFinite(reportedMinutes))) {
        throw new IllegalArgumentException("attempt " + model + " / " + taskId + " #" + sample
            + ": reported minutes must be at least the measured " + minutes + ", got " + reportedMinutes);
      }
    }

    /** A model's attempt: its time is all there is, nothing is reported beside it. */
    public MeasuredAttempt(String runId, String model, String taskId, int sample, double minutes, Double costUsd) {
      this(runId, model, taskId, sample, minutes, costUsd, null);
    }
  }

  /**
   * The length and form of the deliverables judged, as recorded in the store ({@code
   * file_features}): the report never reads a deliverable for them.
   *
   * @param attempts the models' deliverables, by contestant, task and sample
   * @param baselines the professionals' deliverables, by task
   */
  public record Features(Map<Deliverable, DeliverableFeatures> attempts, Map<String, DeliverableFeatures> baselines) {
    public Features {
      attempts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attempts));
      baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    }
  }

  /**
   * A deliverable as judgments name it.
   *
   * @param contestant the model's name (as judgments name it)
   * @param taskId the task
   * @param sample which sample
   */
  public record Deliverable(String contestant, String taskId, int sample) {
    public Deliverable {
      Objects.requireNonNull(contestant, "contestant");
      Objects.requireNonNull(taskId, "taskId");
    }
  }

  /** Collects a report's input; not thread-safe. */
  public static final class Builder {
    private static final String REPLAY = "replay";

    private final Instant generatedAt;
    private final List<Judgment> judgments = new ArrayList<>();
    private final List<CriterionScore> scores = new ArrayList<>();
    private final List<MeasuredAttempt> attempts = new ArrayList<>();
    private final List<ReportProvenance.RunInfo> runs = new ArrayList<>();
    private final Map<String, LocalDate> releaseDates = new LinkedHashMap<>();
    private final Map<String, String> unmeasured = new LinkedHashMap<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<Attempt> noDeliverable = new ArrayList<>();
    private final Map<Deliverable, DeliverableFeatures> attemptFeatures = new LinkedHashMap<>();
    private final Map<String, DeliverableFeatures> baselineFeatures = new LinkedHashMap<>();
    private Suite suite;

    private Builder(Instant generatedAt) {
      this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /**
     * Adds judgments from one source.
     *
     * @param source where they came from; an example source puts a banner on the report
     */
    public Builder judgments(Source source, List<Judgment> list) {
      sources.add(Objects.requireNonNull(source, "source"));
      judgments.addAll(list);
      return this;
    }

    /**
     * Adds judgments read from the store. A model judge asked several times about one item
     * (repetitions, {@code judge_sample} 0, 1, …) counts once, with its majority verdict: the mean
     * of its verdicts' scores above ½ is a win, below ½ a loss, ½ a tie. Its first repetition's
     * rationale is kept.
     */
    public Builder storedJudgments(Source source, List<JudgmentStore.Stored> stored) {
      Map<List<Object>, List<Judgment>> repetitions = new LinkedHashMap<>();
      for (JudgmentStore.Stored s : stored) {
        Judgment j = s.judgment();
        repetitions.computeIfAbsent(List.of(s.source(), j.taskId(), j.model(), j.opponent(), j.sample(),
            j.grader(), j.graderType()), k -> new ArrayList<>()).add(j);
      }
      List<Judgment> collapsed = new ArrayList<>();
      repetitions.values().forEach(list -> collapsed.add(majority(list)));
      return judgments(source, collapsed);
    }

    private static Judgment majority(List<Judgment> repetitions) {
      Judgment first = repetitions.get(0);
      if (repetitions.size() == 1) {
        return first;
      }
      double mean = repetitions.stream().mapToDouble(j -> j.outcome().score()).average().orElseThrow();
      Outcome verdict = mean > 0.5 ? Outcome.WIN : mean < 0.5 ? Outcome.LOSS : Outcome.TIE;
      // The majority of several repetitions was not shown in one way: how each was shown stays in the store.
      return new Judgment(first.taskId(), first.contestant(), first.opponent(), first.grader(), first.graderType(),
          verdict, first.sample(), first.occupation(), first.sector(), first.minutes(), first.rationale(),
          Showing.UNKNOWN);
    }

    /** Adds rubric scores read from the store; a judge failure is no score, never a zero. */
    public Builder storedScores(List<JudgmentStore.StoredScore> stored) {
      stored.stream().filter(JudgmentStore.StoredScore::scored).map(JudgmentStore.StoredScore::score)
          .forEach(scores::add);
      return this;
    }

    /** Adds rubric criterion scores. */
    public Builder criterionScores(List<CriterionScore> list) {
      scores.addAll(list);
      return this;
    }

    /** The suite the tasks come from. */
    public Builder suite(Suite value) {
      suite = Objects.requireNonNull(value, "suite");
      return this;
    }

    /**
     * Adds a run from the store: its attempts' times and costs, and its models' release dates.
     * Only attempts the model answered count ({@code completed}, {@code refused},
     * {@code invalid_output}): a failure is the infrastructure's, and pending attempts have no
     * time. An attempt's time is its answering call's latency, or else the time from its start to
     * its end. A {@code replay} model's attempts are left out: serving a recorded answer takes no
     * model's time and costs nothing. The deliverables built with {@code --convert-formats} are
     * counted for the report to say so. An agent run's attempts that ended without a deliverable
     * count as losses against the professionals ({@link #NO_DELIVERABLE}), and its limits and
     * sandbox go to the report with each model's rate of such failures. The run's status is as it
     * reads when the report is made ({@code abandoned} for a run whose process died).
     */
    public Builder run(Run run, List<Attempt> runAttempts) {
      return run(run, runAttempts, Map.of());
    }

    /**
     * Adds a run as {@link #run(Run, List)} does, with what its professionals' attempts took
     * ({@code human:<id>} contestants): their measured minutes are the attempt's time, and their
     * reported minutes are kept to be shown beside them.
     *
     * @param humanWork the professionals' work by attempt, as the store records it
     */
    public Builder run(Run run, List<Attempt> runAttempts, Map<AttemptKey, HumanWork> humanWork) {
      runAttempts.stream().filter(a -> a.status() == AttemptStatus.NO_DELIVERABLE).forEach(noDeliverable::add);
      List<MeasuredAttempt> measured = new ArrayList<>();
      java.util.Set<String> replays = new java.util.HashSet<>();
      for (ModelConfig model : run.models()) {
        if (model.provider().equals(REPLAY)) {
          replays.add(model.name());
          unmeasured.put(model.name(), "it replays recorded answers, so its attempts' time and cost are not a model's");
        }
      }
      for (Attempt a : runAttempts) {
        if (replays.contains(a.key().model())) {
          continue;
        }
        Duration latency = a.answer().latency();
        Attempt.Timing timing = a.timing();
        Duration time = latency != null ? latency : timing.startedAt() != null && timing.endedAt() != null
            ? Duration.between(timing.startedAt(), timing.endedAt()) : null;
        if (a.status().isModelOutcome() && time != null) {
          HumanWork work = humanWork.get(a.key());
          measured.add(new MeasuredAttempt(run.id(), a.key().model(), a.key().taskId(), a.key().sample(),
              time.toNanos() / 60e9, a.answer().costUsd(), work == null ? null : work.reportedMinutes()));
        }
      }
      for (ModelConfig model : run.models()) {
        if (model.releaseDate() != null) {
          releaseDates.putIfAbsent(model.name(), model.releaseDate());
        }
      }
      return attempts(new ReportProvenance.RunInfo(run.id(), run.suiteName(), run.suiteVersion(),
          run.suiteHash(), run.statusAt(generatedAt).id(), run.createdAt(), run.endedAt(),
          run.models().stream().map(ModelConfig::name).toList(),
          run.parity() == null ? null : run.parity().toString(), converted(runAttempts),
          ReportProvenance.AgentInfo.of(run, runAttempts)), measured, false);
    }

    /** The attempts whose deliverable has a format built from another one the model delivered. */
    private static int converted(List<Attempt> attempts) {
      return (int) attempts.stream().filter(a -> a.delivery().findings().stream()
          .anyMatch(f -> f.kind() == DeliverableFinding.Kind.CONVERTED)).count();
    }

    /**
     * Adds measured attempts from any source.
     *
     * @param run the run they belong to
     * @param example whether the run's answers are examples, not a real model's
     */
    public Builder attempts(ReportProvenance.RunInfo run, List<MeasuredAttempt> measured, boolean example) {
      runs.add(Objects.requireNonNull(run, "run"));
      sources.add(new Source("run", run.id(), example));
      attempts.addAll(measured);
      return this;
    }

    /**
     * Adds the features of a run's deliverables, by attempt (a run's from {@code
     * FeatureCache.ofRun}); a deliverable given before (by an earlier run with the same model name)
     * keeps its features.
     */
    public Builder attemptFeatures(Map<AttemptKey, DeliverableFeatures> features) {
      features.forEach((key, f) -> attemptFeatures.putIfAbsent(
          new Deliverable(key.model(), key.taskId(), key.sample()), Objects.requireNonNull(f, "features")));
      return this;
    }

    /** The features of the professional's deliverable of task {@code taskId}. */
    public Builder baselineFeatures(String taskId, DeliverableFeatures features) {
      baselineFeatures.put(Objects.requireNonNull(taskId, "taskId"), Objects.requireNonNull(features, "features"));
      return this;
    }

    /** A model's release date, for the trend; this wins over a run's. */
    public Builder releaseDate(String model, LocalDate date) {
      releaseDates.put(Objects.requireNonNull(model, "model"), Objects.requireNonNull(date, "date"));
      return this;
    }

    /** The input collected so far. */
    public ReportInput build() {
      List<Judgment> all = new ArrayList<>(judgments);
      all.addAll(noDeliverableLosses());
      return new ReportInput(all, scores, suite, attempts, runs, releaseDates, unmeasured, sources,
          new Features(attemptFeatures, baselineFeatures), generatedAt);
    }

    /**
     * One loss against the professionals for each attempt without a deliverable, placed in its
     * task's occupation and sector as the judgments (or else the suite) give them.
     */
    private List<Judgment> noDeliverableLosses() {
      Map<String, Judgment> placeOfTask = new java.util.HashMap<>();
      judgments.forEach(j -> placeOfTask.putIfAbsent(j.taskId(), j));
      List<Judgment> losses = new ArrayList<>();
      for (Attempt a : noDeliverable) {
        Judgment placed = placeOfTask.get(a.key().taskId());
        Optional<dev.parity.tasks.Task> task = suite == null ? Optional.empty() : suite.tasks().stream()
            .filter(t -> t.id().equals(a.key().taskId())).findFirst();
        String occupation = placed != null ? placed.occupation()
            : task.map(t -> t.occupation().title()).orElse("unknown");
        String sector = placed != null ? placed.sector() : task.map(dev.parity.tasks.Task::sector).orElse("unknown");
        losses.add(new Judgment(a.key().taskId(), Contestant.model(a.key().model()), Judgment.BASELINE, NO_DELIVERABLE,
            GraderType.MODEL, Outcome.LOSS, a.key().sample(), occupation, sector, null,
            "no deliverable: " + a.failure().type(), Showing.UNKNOWN));
      }
      return losses;
    }
  }
}
