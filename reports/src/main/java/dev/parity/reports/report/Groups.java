package dev.parity.reports.report;

import dev.parity.reports.stats.BinomialTest;
import dev.parity.reports.stats.BootstrapInterval;
import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.MinimumDetectableDifference;
import dev.parity.reports.stats.OutcomeCounts;
import dev.parity.reports.stats.PValueAdjustment;
import dev.parity.reports.stats.SharedTaskBootstrap;
import dev.parity.reports.stats.Weighting;
import dev.parity.reports.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The scores and rates of every model in every group, with their intervals, tests and verdicts. */
final class Groups {
  /** How the score's interval was made: the task bootstrap, or Wilson over tasks when that has no width. */
  static final String BOOTSTRAP = "bootstrap";
  static final String WILSON_TASKS = "wilson_tasks";

  /**
   * The replicates one job keeps at most (32 MB) when it resamples several models from one stream
   * of draws: at 5,000 resamples and 64 groups, twelve models whose sums pack into a long, six
   * whose do not (SharedTaskBootstrap.replicateBytes); draws for all of them at the cost of one.
   */
  static final long REPLICATE_BYTES_PER_JOB = 32L << 20;

  /** Below this many tasks a bootstrap has too few distinct resamples (35 at 4 tasks) to give an interval. */
  static final int FEWEST_TASKS_TO_BOOTSTRAP = 5;

  private Groups() {}

  /** A rate with its interval, its interval adjusted for the family, and how they were made. */
  private record Estimate(double value, Interval ci, Interval adjusted, String method) {}

  /** One group's figures before the p-values are adjusted across the group's family. */
  private record Figures(Grouping.Key key, String model, OutcomeCounts counts, int tasks,
      double[] weighted, Estimate score, Estimate winOrTie, WilsonInterval wilson,
      OutcomeCounts taskVerdicts, BinomialTest signTest, MinimumDetectableDifference detectable) {}

  /**
   * Starts every model's groups on {@code executor} and returns them when asked (waiting then). Holm
   * and Benjamini–Hochberg adjust the sign tests' p-values, and Bonferroni the score intervals the
   * verdicts read, within each family: the groups of one level for one model (every occupation of a
   * model, say).
   */
  static Supplier<List<GroupResult>> start(Grouping grouping, ReportSettings settings, Executor executor) {
    List<String> models = grouping.models();
    List<SharedTaskBootstrap.Sample> samples = models.stream().map(model -> sample(grouping.groups(model))).toList();
    // Models with as many tasks draw the same resamples: each job resamples a few models from one
    // stream of draws, as many as keep its replicates (every group's, both rates, until its
    // intervals are read) within REPLICATE_BYTES_PER_JOB; the jobs run side by side.
    long perModel = samples.stream().mapToLong(s ->
        SharedTaskBootstrap.replicateBytes(s, settings.weighting(), settings.bootstrap().resamples())).max().orElse(1);
    int size = (int) Math.max(1, Math.min(models.size(), REPLICATE_BYTES_PER_JOB / Math.max(1, perModel)));
    List<List<Integer>> jobs = new ArrayList<>();
    for (int from = 0; from < models.size(); from += size) {
      jobs.add(java.util.stream.IntStream.range(from, Math.min(models.size(), from + size)).boxed().toList());
    }
    Supplier<List<List<Figures>>> perJob = Parallel.startMap(jobs, job -> {
      List<SharedTaskBootstrap> bootstraps = SharedTaskBootstrap.resample(
          job.stream().map(samples::get).toList(), settings.weighting(), settings.bootstrap());
      List<Figures> figures = new ArrayList<>();
      // Groups of as many tasks can detect the same difference (a bisection over binomial tails, the
      // costliest figure of a group but its intervals): found once per number of tasks.
      Map<Integer, MinimumDetectableDifference> detectable = new HashMap<>();
      for (int m = 0; m < job.size(); m++) {
        String model = models.get(job.get(m));
        figures.addAll(figures(model, grouping.groups(model), bootstraps.get(m), settings, detectable));
      }
      return figures;
    }, executor);
    return () -> adjusted(perJob.get(), settings);
  }

  /** A model's tasks in the order first met (groups and their tasks are sorted: not the input's order), and its groups. */
  private static SharedTaskBootstrap.Sample sample(Map<Grouping.Key, Map<String, OutcomeCounts>> groups) {
    Map<String, Integer> index = new HashMap<>();
    List<OutcomeCounts> tasks = new ArrayList<>();
    List<int[]> members = new ArrayList<>();
    groups.values().forEach(group -> members.add(group.entrySet().stream().mapToInt(task ->
        index.computeIfAbsent(task.getKey(), id -> {
          tasks.add(task.getValue());
          return tasks.size() - 1;
        })).toArray()));
    return new SharedTaskBootstrap.Sample(tasks, members);
  }

  private static List<GroupResult> adjusted(List<List<Figures>> perModel, ReportSettings settings) {
    List<Figures> computed = new ArrayList<>();
    perModel.forEach(computed::addAll);
    Map<List<Object>, List<Figures>> families = new LinkedHashMap<>();
    for (Figures f : computed) {
      families.computeIfAbsent(List.of(f.model(), f.key().level()), k -> new ArrayList<>()).add(f);
    }
    List<GroupResult> results = new ArrayList<>();
    for (List<Figures> family : families.values()) {
      double[] p = family.stream().mapToDouble(f -> f.signTest().pTwoSided()).toArray();
      double[] holm = PValueAdjustment.HOLM.adjust(p);
      double[] bh = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p);
      for (int i = 0; i < family.size(); i++) {
        results.add(result(family.get(i), settings.weighting(), holm[i], bh[i]));
      }
    }
    return results;
  }

  /**
   * The figures of every group of one model; one bootstrap of the model's tasks gives every group's
   * intervals ({@link SharedTaskBootstrap}), at the nominal level and at the level adjusted for the
   * group's family.
   */
  private static List<Figures> figures(String model, Map<Grouping.Key, Map<String, OutcomeCounts>> groups,
      SharedTaskBootstrap bootstrap, ReportSettings settings, Map<Integer, MinimumDetectableDifference> detectable) {
    Map<Level, Integer> familySize = new HashMap<>();
    groups.keySet().forEach(k -> familySize.merge(k.level(), 1, Integer::sum));
    BootstrapSettings plain = settings.bootstrap();
    List<Figures> figures = new ArrayList<>();
    int g = 0;
    for (Map.Entry<Grouping.Key, Map<String, OutcomeCounts>> group : groups.entrySet()) {
      List<OutcomeCounts> counts = List.copyOf(group.getValue().values());
      BootstrapSettings adjusted = plain.withLevel(1 - (1 - plain.level()) / familySize.get(group.getKey().level()));
      figures.add(figures(model, group.getKey(), counts, bootstrap, g++, plain, adjusted,
          detectable.computeIfAbsent(counts.size(), MinimumDetectableDifference::forTasks)));
    }
    return figures;
  }

  private static Figures figures(String model, Grouping.Key key, List<OutcomeCounts> tasks,
      SharedTaskBootstrap bootstrap, int group, BootstrapSettings plain, BootstrapSettings adjusted,
      MinimumDetectableDifference detectable) {
    OutcomeCounts counts = tasks.stream().reduce(OutcomeCounts.EMPTY, OutcomeCounts::plus);
    OutcomeCounts taskVerdicts = taskVerdicts(tasks);
    List<BootstrapInterval> scores = bootstrap.intervals(group, SharedTaskBootstrap.Rate.SCORE, plain.level(),
        adjusted.level());
    List<BootstrapInterval> winOrTies = bootstrap.intervals(group, SharedTaskBootstrap.Rate.WIN_OR_TIE,
        plain.level(), adjusted.level());
    Estimate score = estimate(scores.get(0), scores.get(1), tasks.size(), plain, adjusted);
    Estimate winOrTie = estimate(winOrTies.get(0), winOrTies.get(1), tasks.size(), plain, adjusted);
    return new Figures(key, model, counts, tasks.size(), weighted(tasks, bootstrap.weighting()), score,
        winOrTie, WilsonInterval.winOrTieRate(counts), taskVerdicts, BinomialTest.signTest(taskVerdicts),
        detectable);
  }

  /**
   * The bootstrap's intervals, or Wilson's over tasks when the bootstrap cannot tell: with fewer
   * than {@value #FEWEST_TASKS_TO_BOOTSTRAP} tasks (its interval would only span the few tasks'
   * own scores), or when its interval has no width (every task with the same score: every
   * resample is then the same). A zero-width or two-task-wide interval would claim a certainty
   * the data do not have.
   */
  private static Estimate estimate(BootstrapInterval plain, BootstrapInterval adjusted, int tasks,
      BootstrapSettings plainSettings, BootstrapSettings adjustedSettings) {
    if (plain.high() > plain.low() && tasks >= FEWEST_TASKS_TO_BOOTSTRAP) {
      return new Estimate(plain.estimate(), Interval.of(plain.interval()), Interval.of(adjusted.interval()), BOOTSTRAP);
    }
    double value = Math.min(1, Math.max(0, plain.estimate()));
    return new Estimate(plain.estimate(),
        Interval.of(WilsonInterval.bounds(value, tasks, plainSettings.level())),
        Interval.of(WilsonInterval.bounds(value, tasks, adjustedSettings.level())), WILSON_TASKS);
  }

  /**
   * Wins, ties and losses weighted as asked: each judgment of a task weighs 1/(the task's
   * judgments) with task weighting, 1 with judgment weighting.
   */
  static double[] weighted(List<OutcomeCounts> tasks, Weighting weighting) {
    double[] wtl = new double[3];
    for (OutcomeCounts t : tasks) {
      if (t.total() == 0) {
        continue;
      }
      double w = weighting == Weighting.TASK ? 1.0 / t.total() : 1;
      wtl[0] += w * t.wins();
      wtl[1] += w * t.ties();
      wtl[2] += w * t.losses();
    }
    return wtl;
  }

  /**
   * Each task as one verdict for the sign test: won when the model won more of its judgments than
   * it lost, lost when the reverse, tied otherwise. Tasks are the independent units; a task's
   * several judgments are not several pieces of evidence.
   */
  static OutcomeCounts taskVerdicts(List<OutcomeCounts> tasks) {
    int won = 0;
    int tied = 0;
    int lost = 0;
    for (OutcomeCounts t : tasks) {
      if (t.wins() > t.losses()) {
        won++;
      } else if (t.wins() < t.losses()) {
        lost++;
      } else {
        tied++;
      }
    }
    return OutcomeCounts.of(won, tied, lost);
  }

  private static GroupResult result(Figures f, Weighting weighting, double holm, double bh) {
    OutcomeCounts c = f.counts();
    double[] w = f.weighted();
    double total = w[0] + w[1] + w[2];
    double detectable = f.detectable().difference();
    boolean tooFew = f.tasks() < ReportSettings.MINIMUM_TASKS;
    return new GroupResult(f.key().level(), f.key().name(), f.model(), f.tasks(), c.total(),
        c.wins(), c.ties(), c.losses(), weighting, f.score().value(), f.score().ci(), f.score().method(),
        f.score().adjusted(), Reading.of(f.score().adjusted(), tooFew), f.winOrTie().value(), f.winOrTie().ci(),
        w[0] / total, w[0] + w[2] == 0 ? Double.NaN : w[0] / (w[0] + w[2]), Interval.of(f.wilson().interval()),
        f.taskVerdicts().wins(), f.taskVerdicts().losses(), f.signTest().pTwoSided(), holm, bh,
        Double.isNaN(detectable) ? null : detectable, tooFew);
  }
}
