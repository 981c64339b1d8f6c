package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The model's time horizon, after METR (Kwa et al. 2025): the length of a professional's task,
 * in the professional's minutes, that the model takes over — wins or ties — half the time.
 *
 * <p>Fitted by logistic regression of each judgment's win-or-tie (1) or loss (0) on
 * log₂(baseline minutes): P = σ(a + b·log₂ minutes), maximum likelihood by Newton's method; the
 * horizon is 2^(−a/b). The slope b is the change in log-odds per doubling of task length: a
 * model that fades on longer tasks has b &lt; 0, and only then does "the model manages tasks up
 * to the horizon" describe it. Checked against R's {@code glm} (see {@code reference/} in the
 * tests).
 *
 * <p>When the data cannot give an estimate the result says so rather than inventing one:
 * {@link Status#SEPARATED} when lengths split the verdicts perfectly (all tasks up to some
 * length won or tied, all longer ones lost — or all won, or all lost), where the maximum
 * likelihood slope is infinite; {@link Status#ONE_LENGTH} when every task has the same length.
 * In both, {@link #lowMinutes()} and {@link #highMinutes()} bracket where the 50% point lies as
 * far as the data say.
 *
 * @param status whether the horizon could be estimated
 * @param intercept a (at log₂ minutes = 0, one minute); NaN unless ESTIMATED
 * @param slope b, in log-odds per doubling of length; ±∞ when SEPARATED, NaN for ONE_LENGTH
 * @param horizonMinutes 2^(−a/b); NaN unless ESTIMATED
 * @param lowMinutes the least the 50% point can be given the data: the horizon when ESTIMATED
 * @param highMinutes the most, possibly +∞: the horizon when ESTIMATED
 * @param tasks the number of tasks with a judgment
 * @param judgments the number of judgments
 */
public record TimeHorizon(
    Status status, double intercept, double slope, double horizonMinutes, double lowMinutes,
    double highMinutes, int tasks, long judgments) {

  /** Whether the data gave an estimate. */
  public enum Status {
    /** Fitted: the horizon is finite (it may lie outside the lengths observed). */
    ESTIMATED,
    /** Task length separates wins-or-ties from losses perfectly: no finite fit exists. */
    SEPARATED,
    /** All tasks have the same length: the slope cannot be fitted. */
    ONE_LENGTH
  }

  /**
   * Fits the time horizon.
   *
   * @param tasks one element per task; tasks without judgments are left out
   * @throws IllegalArgumentException if no task has a judgment
   */
  public static TimeHorizon fit(List<TimedOutcomes> tasks) {
    return Grouped.of(tasks).fitEveryTask();
  }

  /**
   * Fits the time horizon with a percentile interval from a bootstrap that resamples tasks and
   * refits. Resamples in which the horizon cannot be estimated (see {@link Status}) are left out
   * and counted; the percentiles are taken on log₂ minutes. Each refit is {@value #REFIT_STEPS}
   * Newton steps from the full data's fit ({@link Refit#STEPS}): the one-step bootstrap of a
   * generalised linear model.
   *
   * @throws IllegalArgumentException if no task has a judgment
   */
  public static TimeHorizonInterval bootstrap(List<TimedOutcomes> tasks, BootstrapSettings settings) {
    return bootstrap(tasks, settings, Refit.STEPS);
  }

  /**
   * Newton steps per bootstrap refit. From the full data's fit a resample's maximum is a
   * bootstrap deviation away (order 1/√n in the coefficients), and each Newton step squares the
   * relative error: one step leaves an error of order 1/n, the second of order 1/n², below the
   * interval's displayed precision (whole minutes, tenths of an hour) by orders of magnitude
   * (docs/design/0006-shared-task-resamples.md, benchmarks/README.md).
   */
  static final int REFIT_STEPS = 2;

  /** How a bootstrap refits each resample. */
  enum Refit {
    /** Newton's method to convergence from the intercept-only fit. */
    COLD,
    /** Newton's method to convergence from the full data's fit: the same maxima as COLD to ten digits. */
    WARM,
    /**
     * {@value #REFIT_STEPS} Newton steps from the full data's fit, without a convergence test: the
     * one-step bootstrap for generalised linear models (Moulton and Zeger, "Bootstrapping
     * generalized linear models", Computational Statistics &amp; Data Analysis 11, 1991; Davison
     * and Hinkley, Bootstrap Methods and Their Application, 1997, section 7.2), with one more step.
     */
    STEPS
  }

  /**
   * As {@link #bootstrap(List, BootstrapSettings)}, each resample refitted as {@code refit} says.
   * Package-private for comparing the refits ({@code TimeHorizonTest}). Data without an estimate
   * (separated, one length) have no full fit to start from: their refits start cold.
   */
  static TimeHorizonInterval bootstrap(List<TimedOutcomes> tasks, BootstrapSettings settings, Refit refit) {
    return bootstrapEach(List.of(tasks), settings, refit).get(0);
  }

  /**
   * Each model's horizon with its interval, as {@link #bootstrap(List, BootstrapSettings)} gives
   * it alone, to the bit. A model's resamples depend only on the seed and its number of tasks with
   * a judgment, so models with as many draw the same copies of each task: those are drawn once per
   * resample and refitted for each model.
   *
   * @param models each model's tasks
   * @throws IllegalArgumentException if a model has no task with a judgment
   */
  public static List<TimeHorizonInterval> bootstrapEach(List<List<TimedOutcomes>> models, BootstrapSettings settings) {
    return bootstrapEach(models, settings, Refit.STEPS);
  }

  private static List<TimeHorizonInterval> bootstrapEach(List<List<TimedOutcomes>> models, BootstrapSettings settings,
      Refit refit) {
    List<Refits> refits = models.stream().map(tasks -> new Refits(Grouped.of(tasks), refit, settings)).toList();
    Map<Integer, List<Refits>> byTasks = new LinkedHashMap<>();
    refits.forEach(r -> byTasks.computeIfAbsent(r.data.x.length, g -> new ArrayList<>()).add(r));
    byTasks.forEach((g, sharing) -> {
      Draws draws = new Draws(settings.seed());
      DrawCounts resample = new DrawCounts(g);
      for (int b = 0; b < settings.resamples(); b++) {
        resample.draw(draws);
        sharing.forEach(r -> r.refit(resample));
      }
    });
    return refits.stream().map(Refits::interval).toList();
  }

  /** One model's full fit, and its refits' horizons as the resamples come. Confined to one thread. */
  private static final class Refits {
    private final Grouped data;
    private final BootstrapSettings settings;
    private final TimeHorizon estimate;
    /** Where each refit starts (null: cold), and each row's σ(η) there. */
    private final double[] start;
    private final double[] startProbabilities;
    private final int steps;
    private final double[] log2Horizons;
    /** The refits' rows' weights, written by each refit: one array, not one per refit. */
    private final double[] rowWeight;
    private int fitted;

    Refits(Grouped data, Refit refit, BootstrapSettings settings) {
      this.data = data;
      this.settings = settings;
      this.estimate = data.fitEveryTask();
      boolean fromFit = refit != Refit.COLD && estimate.status() == Status.ESTIMATED;
      this.start = fromFit ? new double[] {estimate.intercept(), estimate.slope()} : null;
      this.steps = fromFit && refit == Refit.STEPS ? REFIT_STEPS : 0;
      this.startProbabilities = steps > 0 ? LogisticRegression.probabilities(data.design, start) : null;
      this.log2Horizons = new double[settings.resamples()];
      this.rowWeight = new double[data.x.length];
    }

    /** Refits {@code resample}. */
    void refit(DrawCounts resample) {
      TimeHorizon replicate = data.fit(resample, rowWeight, start, startProbabilities, steps);
      if (replicate.status() == Status.ESTIMATED) {
        log2Horizons[fitted++] = -replicate.intercept() / replicate.slope();
      }
    }

    TimeHorizonInterval interval() {
      ConfidenceInterval interval = null;
      if (fitted > 0) {
        double[] sorted = Arrays.copyOf(log2Horizons, fitted);
        Arrays.sort(sorted);
        ConfidenceInterval log2 = Quantiles.percentileInterval(sorted, settings.level());
        interval = new ConfidenceInterval(Math.pow(2, log2.low()), Math.pow(2, log2.high()), settings.level());
      }
      return new TimeHorizonInterval(estimate, interval, settings.resamples() - fitted, settings);
    }
  }

  /**
   * Tasks as (log₂ minutes, wins or ties, judgments), with the rows of the logistic fit laid out
   * once: every refit weighs the same rows differently.
   */
  private record Grouped(double[] x, double[] successes, double[] trials, LogisticRegression.Design design,
      double[] response, Extremes lengths, Extremes successLengths, Extremes failureLengths) {

    static Grouped of(List<TimedOutcomes> tasks) {
      List<TimedOutcomes> judged = tasks.stream().filter(t -> t.counts().total() > 0).toList();
      if (judged.isEmpty()) {
        throw new IllegalArgumentException("no task has a judgment: no time horizon to fit");
      }
      double[] x = new double[judged.size()];
      double[] s = new double[x.length];
      double[] n = new double[x.length];
      double[][] covariate = new double[x.length][];
      double[] response = new double[x.length];
      for (int g = 0; g < x.length; g++) {
        x[g] = Math.log(judged.get(g).baselineMinutes()) / Math.log(2);
        s[g] = judged.get(g).counts().winsOrTies();
        n[g] = judged.get(g).counts().total();
        covariate[g] = new double[] {x[g]};
        response[g] = s[g] / n[g];
      }
      int[] all = IntStream.range(0, x.length).toArray();
      return new Grouped(x, s, n, LogisticRegression.Design.of(covariate, x.length), response, Extremes.of(x, all),
          Extremes.of(x, IntStream.of(all).filter(g -> s[g] > 0).toArray()),
          Extremes.of(x, IntStream.of(all).filter(g -> s[g] < n[g]).toArray()));
    }

    /** The fit to convergence with every task counted once, from the intercept-only fit. */
    TimeHorizon fitEveryTask() {
      int[] everyTask = new int[x.length];
      Arrays.fill(everyTask, 1);
      return fit(DrawCounts.of(everyTask), new double[x.length], null, null, 0);
    }

    /**
     * The fit with task g counted {@code resample.counts()[g]} times, the rows' weights written in
     * {@code rowWeight} (one per task); Newton's method starts at {@code start} (null: cold) and
     * runs to convergence, or {@code steps} steps when that is above 0 (the first reading each row's
     * σ(η) at the start from {@code startProbabilities}) over the drawn rows alone.
     */
    TimeHorizon fit(DrawCounts resample, double[] rowWeight, double[] start, double[] startProbabilities, int steps) {
      int[] weight = resample.counts();
      int tasks = 0;
      long judgments = 0;
      for (int g = 0; g < x.length; g++) {
        rowWeight[g] = weight[g] * trials[g];
        tasks += weight[g];
        judgments += (long) weight[g] * (long) trials[g];
      }
      // The shortest and longest lengths drawn, with a success and with a failure: found from the
      // ends of the rows sorted by length, not by a scan of every row per refit.
      double minX = lengths.lowest(weight);
      double maxX = lengths.highest(weight);
      double maxSuccess = successLengths.highest(weight);
      double minSuccess = successLengths.lowest(weight);
      double maxFailure = failureLengths.highest(weight);
      double minFailure = failureLengths.lowest(weight);
      if (minX == maxX) {
        double totalS = 0;
        double totalN = 0;
        for (int g = 0; g < x.length; g++) {
          if (weight[g] != 0) {
            totalS += weight[g] * successes[g];
            totalN += weight[g] * trials[g];
          }
        }
        double rate = totalS / totalN;
        double length = Math.pow(2, minX);
        return new TimeHorizon(Status.ONE_LENGTH, Double.NaN, Double.NaN, Double.NaN,
            rate >= 0.5 ? length : 0, rate <= 0.5 ? length : Double.POSITIVE_INFINITY, tasks,
            judgments);
      }
      if (maxSuccess <= minFailure) {
        // Wins or ties only up to some length, losses only from there on (or one kind only).
        return separated(Double.NEGATIVE_INFINITY, maxSuccess, minFailure, tasks, judgments);
      }
      if (maxFailure <= minSuccess) {
        return separated(Double.POSITIVE_INFINITY, maxFailure, minSuccess, tasks, judgments);
      }
      // The unpenalised fit: a task is one row whose response is s/n, weighing weight·n (zero for a
      // task not drawn: it adds nothing to the fit's sums).
      double[] fit = steps > 0
          ? LogisticRegression.newtonSteps(design, response, rowWeight, 0, start, startProbabilities, steps,
              resample.drawn(), resample.size())
          : LogisticRegression.fit(design, response, rowWeight, 0, start);
      double horizon = Math.pow(2, -fit[0] / fit[1]);
      return new TimeHorizon(Status.ESTIMATED, fit[0], fit[1], horizon, horizon, horizon, tasks, judgments);
    }

    private static TimeHorizon separated(
        double slope, double lowX, double highX, int tasks, long judgments) {
      double low = lowX == Double.NEGATIVE_INFINITY ? 0 : Math.pow(2, lowX);
      return new TimeHorizon(Status.SEPARATED, Double.NaN, slope, Double.NaN, low,
          Math.pow(2, highX), tasks, judgments);
    }
  }

  /**
   * Some rows' lengths sorted, for the shortest and longest among those a resample drew: from the
   * ends inward, past the rows not drawn (about a third of them), so a refit reads a few rows
   * instead of all.
   */
  private record Extremes(double[] x, int[] byLength) {
    static Extremes of(double[] x, int[] rows) {
      int[] sorted = IntStream.of(rows).boxed().sorted(java.util.Comparator.comparingDouble(g -> x[g]))
          .mapToInt(Integer::intValue).toArray();
      return new Extremes(x, sorted);
    }

    /** The shortest length among the rows drawn ({@code weight} above 0); +∞ if none. */
    double lowest(int[] weight) {
      for (int g : byLength) {
        if (weight[g] != 0) {
          return x[g];
        }
      }
      return Double.POSITIVE_INFINITY;
    }

    /** The longest length among the rows drawn; −∞ if none. */
    double highest(int[] weight) {
      for (int k = byLength.length - 1; k >= 0; k--) {
        if (weight[byLength[k]] != 0) {
          return x[byLength[k]];
        }
      }
      return Double.NEGATIVE_INFINITY;
    }
  }
}
