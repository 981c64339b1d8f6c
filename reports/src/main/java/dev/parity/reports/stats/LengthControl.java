package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model's length-controlled score, after AlpacaEval's length-controlled win rate (Dubois et
 * al., 2024): a logistic regression of each judgment's score (win 1, tie ½, loss 0) on the
 * differences between the model's deliverable and the professional's in length and form, fitted on
 * the model's judgments alone; the score it predicts at zero difference, σ(intercept), is what the
 * model would score against a deliverable like its own in length and form. A judge swayed by
 * length alone scores a model by its length: its differences explain the verdicts, and the
 * controlled score falls to chance.
 *
 * <p>Each covariate is divided by its standard deviation over the model's judgments (not centred:
 * zero difference keeps its meaning); one that does not vary is left out, since nothing can be
 * said about it. The slopes carry a ridge penalty of λ = {@value #RIDGE} (a normal prior with a
 * standard deviation of 2 log-odds per standard deviation of a difference), the intercept none:
 * without it a covariate that separates the verdicts (a judge that always picks the longer
 * deliverable) has no finite fit. Judgments weigh as the score's do ({@link Weighting}).
 *
 * <p>The interval resamples whole tasks, each with its judgments, and refits (the scaling kept
 * from all the data), with the expanded percentile interval of {@link TaskBootstrap#expandedTasks}.
 * A resample whose judgments are all wins (or all losses) scores 1 (or 0). Stateless; the same
 * input and settings give the same result, whatever the order of the judgments.
 */
public final class LengthControl {
  /** λ, the ridge penalty on the slopes of standardised covariates. */
  public static final double RIDGE = 0.25;

  private LengthControl() {}

  /**
   * One judgment of a model's deliverable against the professional's.
   *
   * @param taskId the task, the unit the bootstrap resamples
   * @param score the judgment's score: 1 a win, ½ a tie, 0 a loss
   * @param differences the covariates, model's minus professional's, in the order of the names
   */
  public record Judged(String taskId, double score, double[] differences) {
    public Judged {
      Objects.requireNonNull(taskId, "taskId");
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("task " + taskId + ": a score is in [0, 1], got " + score);
      }
      differences = differences.clone();
    }
  }

  /**
   * The length-controlled score of one model.
   *
   * @param covariates the covariates' names, in the order of each judgment's differences
   * @param judged the model's judgments, at least one
   * @throws IllegalArgumentException if there is no judgment or a judgment's differences do not
   *     match the names
   */
  public static LengthControlled estimate(List<String> covariates, List<Judged> judged, Weighting weighting,
      BootstrapSettings settings) {
    if (judged.isEmpty()) {
      throw new IllegalArgumentException("no judgment to fit");
    }
    Rows rows = Rows.of(covariates, judged, weighting);
    double[] full = rows.fit(rows.multiplicity(null), null);
    Draws draws = new Draws(settings.seed());
    double[] scores = new double[settings.resamples()];
    int fitted = 0;
    for (int b = 0; b < settings.resamples(); b++) {
      int[] drawn = new int[rows.tasks];
      draws.count(drawn);
      double[] beta = rows.fit(rows.multiplicity(drawn), full);
      double score = beta == null ? rows.extreme(drawn) : LogisticRegression.sigmoid(beta[0]);
      if (Double.isFinite(score)) {
        scores[fitted++] = score;
      }
    }
    double[] sorted = Arrays.copyOf(scores, fitted);
    Arrays.sort(sorted);
    ConfidenceInterval ci = null;
    if (fitted > 0) {
      ConfidenceInterval expanded = Quantiles.percentileInterval(sorted,
          TaskBootstrap.expandedLevel(settings.level(), rows.tasks));
      ci = new ConfidenceInterval(expanded.low(), expanded.high(), settings.level());
    }
    Map<String, Double> slopes = new LinkedHashMap<>();
    for (int j = 0; j < rows.used.size(); j++) {
      slopes.put(rows.used.get(j), full == null ? Double.NaN : full[j + 1]);
    }
    double score = full == null ? rows.extreme(null) : LogisticRegression.sigmoid(full[0]);
    return new LengthControlled(rows.rawScore(), score, ci, slopes, rows.tasks, judged.size(),
        settings.resamples() - fitted, settings);
  }

  /**
   * The judgments as rows of the regression: judgments of one task with the same differences
   * (several graders of one pair of deliverables) are one row, their scores averaged, their
   * weights added; tasks sorted by id, so the input's order changes nothing.
   */
  private static final class Rows {
    private static final java.util.Comparator<Judged> ORDER = java.util.Comparator.comparingDouble(Judged::score)
        .thenComparing(Judged::differences, Arrays::compare);

    final List<String> used = new ArrayList<>();
    final int tasks;
    final int[] taskOf;
    final double[][] x;
    final double[] y;
    final double[] weight;

    private Rows(List<String> used, int tasks, int[] taskOf, double[][] x, double[] y, double[] weight) {
      this.used.addAll(used);
      this.tasks = tasks;
      this.taskOf = taskOf;
      this.x = x;
      this.y = y;
      this.weight = weight;
    }

    static Rows of(List<String> covariates, List<Judged> judged, Weighting weighting) {
      Map<String, List<Judged>> byTask = new TreeMap<>();
      for (Judged j : judged) {
        if (j.differences().length != covariates.size()) {
          throw new IllegalArgumentException("task " + j.taskId() + ": " + j.differences().length
              + " differences for " + covariates.size() + " covariates " + covariates);
        }
        byTask.computeIfAbsent(j.taskId(), k -> new ArrayList<>()).add(j);
      }
      // Sums in one order whatever the input's, so that the fit is the same to the last bit.
      List<Judged> canonical = new ArrayList<>();
      byTask.values().forEach(list -> {
        list.sort(ORDER);
        canonical.addAll(list);
      });
      double[] scale = scales(covariates.size(), canonical);
      List<String> used = new ArrayList<>();
      List<Integer> columns = new ArrayList<>();
      for (int c = 0; c < covariates.size(); c++) {
        if (scale[c] > 0) {
          used.add(covariates.get(c));
          columns.add(c);
        }
      }
      List<double[]> xs = new ArrayList<>();
      List<double[]> yw = new ArrayList<>();
      List<Integer> taskOf = new ArrayList<>();
      int task = 0;
      for (List<Judged> list : byTask.values()) {
        double each = weighting == Weighting.TASK ? 1.0 / list.size() : 1.0;
        Map<List<Double>, double[]> pairs = new LinkedHashMap<>();
        for (Judged j : list) {
          List<Double> row = new ArrayList<>();
          columns.forEach(c -> row.add(j.differences()[c] / scale[c]));
          double[] sums = pairs.computeIfAbsent(row, k -> new double[2]);
          sums[0] += each * j.score();
          sums[1] += each;
        }
        for (Map.Entry<List<Double>, double[]> pair : pairs.entrySet()) {
          xs.add(pair.getKey().stream().mapToDouble(Double::doubleValue).toArray());
          yw.add(new double[] {pair.getValue()[0] / pair.getValue()[1], pair.getValue()[1]});
          taskOf.add(task);
        }
        task++;
      }
      return new Rows(used, task, taskOf.stream().mapToInt(Integer::intValue).toArray(),
          xs.toArray(double[][]::new), yw.stream().mapToDouble(r -> r[0]).toArray(),
          yw.stream().mapToDouble(r -> r[1]).toArray());
    }

    /** Each covariate's standard deviation over the judgments, 0 when it does not vary. */
    private static double[] scales(int n, List<Judged> judged) {
      double[] scale = new double[n];
      for (int c = 0; c < n; c++) {
        double mean = 0;
        for (Judged j : judged) {
          mean += j.differences()[c];
        }
        mean /= judged.size();
        double squares = 0;
        for (Judged j : judged) {
          squares += (j.differences()[c] - mean) * (j.differences()[c] - mean);
        }
        double sd = judged.size() < 2 ? 0 : Math.sqrt(squares / (judged.size() - 1));
        scale[c] = sd > 1e-12 * (1 + Math.abs(mean)) ? sd : 0;
      }
      return scale;
    }

    /** Each row's weight with its task drawn {@code drawn[task]} times; all data when null. */
    double[] multiplicity(int[] drawn) {
      double[] w = weight.clone();
      if (drawn != null) {
        for (int r = 0; r < w.length; r++) {
          w[r] *= drawn[taskOf[r]];
        }
      }
      return w;
    }

    /** The fit with these weights; null when every weighted score is 1 or every one 0 (no finite intercept). */
    double[] fit(double[] w, double[] start) {
      double total = 0;
      double wins = 0;
      for (int r = 0; r < y.length; r++) {
        total += w[r];
        wins += w[r] * y[r];
      }
      if (wins <= 1e-12 * total || wins >= total * (1 - 1e-12)) {
        return null;
      }
      return LogisticRegression.fit(x, y, w, RIDGE, start);
    }

    /** The score of data whose judgments are all wins or all losses: 1 or 0. */
    double extreme(int[] drawn) {
      double[] w = multiplicity(drawn);
      double total = 0;
      double wins = 0;
      for (int r = 0; r < y.length; r++) {
        total += w[r];
        wins += w[r] * y[r];
      }
      return wins / total;
    }

    double rawScore() {
      return extreme(null);
    }
  }
}
