package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.CohenKappa;
import dev.parity.reports.stats.ConfidenceInterval;
import dev.parity.reports.stats.FleissKappa;
import dev.parity.reports.stats.GdpvalAgreement;
import dev.parity.reports.stats.ItemBootstrap;
import dev.parity.reports.stats.KappaWeights;
import dev.parity.reports.stats.KrippendorffAlpha;
import dev.parity.reports.stats.LeaveOneOutAgreement;
import dev.parity.reports.stats.PercentAgreement;
import dev.parity.reports.stats.RatingMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Agreement between graders on the same items: humans among themselves, and each model judge
 * against the humans, every figure with a bootstrap interval over items. An item is one pair of
 * deliverables: a model's sample against its opponent on one task; a verdict on the pair given
 * from the other side is turned round first.
 *
 * <p>Items and graders are put in sorted order before anything is computed, so neither the
 * figures nor the resamples depend on the order of the judgments.
 */
final class Agreements {
  private static final double[] CATEGORIES = {0, 0.5, 1};
  /** Positions of the figures in {@link #figures}. */
  private static final int GDPVAL = 0;
  private static final int PERCENT = 1;
  private static final int WITHOUT_TIES = 2;
  private static final int COHEN = 3;
  private static final int FLEISS = 4;
  private static final int ALPHA = 5;
  private static final int LEAVE_ONE_OUT = 6;
  private static final int FIGURES = 7;

  /** Every item a human rated (sorted), by every grader (sorted: humans first, as "human:…" < "model:…"). */
  private final RatingMatrix all;
  private final int[] humanColumns;
  /** Per judge (sorted), its column in {@link #all}. */
  private final Map<String, Integer> judgeColumns = new TreeMap<>();

  private Agreements(RatingMatrix all, int[] humanColumns, Map<String, Integer> judgeColumns) {
    this.all = all;
    this.humanColumns = humanColumns;
    this.judgeColumns.putAll(judgeColumns);
  }

  static List<AgreementResult> compute(List<Judgment> judgments, BootstrapSettings bootstrap) {
    Agreements agreements = of(judgments);
    return agreements == null ? List.of() : agreements.results(bootstrap);
  }

  /** The sorted matrix of the judgments' ratings on items some human rated; null when there is none. */
  private static Agreements of(List<Judgment> judgments) {
    Map<String, Map<String, Double>> byItem = new TreeMap<>();
    for (Judgment j : judgments) {
      if (j.graderType() == GraderType.HUMAN) {
        rate(byItem, j);
      }
    }
    for (Judgment j : judgments) {
      if (j.graderType() != GraderType.HUMAN && byItem.containsKey(item(j))) {
        rate(byItem, j);
      }
    }
    if (byItem.isEmpty()) {
      return null;
    }
    TreeSet<String> graders = new TreeSet<>();
    byItem.values().forEach(r -> graders.addAll(r.keySet()));
    RatingMatrix.Builder builder = RatingMatrix.builder();
    List<String> order = new ArrayList<>(graders);
    Map<String, Integer> column = new LinkedHashMap<>();
    for (int g = 0; g < order.size(); g++) {
      column.put(order.get(g), g);
    }
    byItem.forEach((item, ratings) -> ratings.forEach((grader, rating) -> builder.add(item, grader, rating)));
    RatingMatrix unsorted = builder.build();
    int[] items = IntStream.range(0, unsorted.items().size()).toArray();
    int[] sortedGraders = order.stream().mapToInt(g -> unsorted.graders().indexOf(g)).toArray();
    RatingMatrix all = unsorted.select(items, sortedGraders);
    int[] humans = IntStream.range(0, order.size()).filter(g -> order.get(g).startsWith(GraderType.HUMAN.id() + ":"))
        .toArray();
    Map<String, Integer> judges = new TreeMap<>();
    column.forEach((grader, g) -> {
      if (grader.startsWith(GraderType.MODEL.id() + ":")) {
        judges.put(grader.substring(GraderType.MODEL.id().length() + 1), g);
      }
    });
    return new Agreements(all, humans, judges);
  }

  private static void rate(Map<String, Map<String, Double>> byItem, Judgment j) {
    boolean turned = !j.againstBaseline() && j.model().compareTo(j.opponent()) > 0;
    double rating = (turned ? j.outcome().reversed() : j.outcome()).score();
    byItem.computeIfAbsent(item(j), k -> new TreeMap<>()).put(j.graderType().id() + ":" + j.grader(), rating);
  }

  /** The item of a judgment: the task, the pair of players in name order, the sample. */
  private static String item(Judgment j) {
    boolean turned = !j.againstBaseline() && j.model().compareTo(j.opponent()) > 0;
    String first = turned ? j.opponent() : j.model();
    String second = turned ? j.model() : j.opponent();
    return String.join("\u0000", j.taskId(), first, second, Integer.toString(j.sample()));
  }

  private List<AgreementResult> results(BootstrapSettings bootstrap) {
    int n = all.items().size();
    int[] everyItem = IntStream.range(0, n).toArray();
    RatingMatrix humans = all.select(everyItem, humanColumns);
    double[] humanFigures = figures(humans, null);
    Map<String, int[]> judgeItems = new LinkedHashMap<>();
    judgeColumns.forEach((judge, g) -> judgeItems.put(judge,
        IntStream.range(0, n).filter(i -> !Double.isNaN(all.rating(i, g))).toArray()));

    int b = bootstrap.resamples();
    double[][] humanReplicates = new double[FIGURES][b];
    Map<String, double[][]> judgeReplicates = new LinkedHashMap<>();
    judgeColumns.keySet().forEach(j -> judgeReplicates.put(j, new double[FIGURES + 1][b]));
    int[] resample = {0};
    ItemBootstrap.forEach(n, bootstrap, drawn -> {
      int r = resample[0]++;
      double[] h = figures(all.select(drawn, humanColumns), null);
      store(humanReplicates, r, h);
      judgeColumns.forEach((judge, g) -> {
        int[] rows = IntStream.of(drawn).filter(i -> !Double.isNaN(all.rating(i, g))).toArray();
        double[] f = rows.length == 0 ? nanFigures() : figures(all.select(rows, judgeColumns(g)), judge);
        double[][] replicates = judgeReplicates.get(judge);
        store(replicates, r, f);
        replicates[FIGURES][r] = f[GDPVAL] - h[GDPVAL];
      });
    });

    List<AgreementResult> results = new ArrayList<>();
    Double humanLevel = null;
    if (paired(humans) > 0) {
      results.add(result(AgreementResult.HUMAN_HUMAN, null, humans, humanFigures, humanReplicates, null, bootstrap));
      humanLevel = Numbers.finite(humanFigures[GDPVAL]);
    }
    for (Map.Entry<String, Integer> e : judgeColumns.entrySet()) {
      RatingMatrix shared = all.select(judgeItems.get(e.getKey()), judgeColumns(e.getValue()));
      if (paired(shared) == 0) {
        continue;
      }
      double[] f = figures(shared, e.getKey());
      double[][] replicates = judgeReplicates.get(e.getKey());
      AgreementDifference difference = humanLevel == null || Double.isNaN(f[GDPVAL]) ? null
          : new AgreementDifference(f[GDPVAL] - humanLevel, interval(replicates[FIGURES], bootstrap));
      results.add(result(AgreementResult.MODEL_HUMAN, e.getKey(), shared, f, replicates, difference, bootstrap));
    }
    return results;
  }

  /** The humans' columns and the judge's. */
  private int[] judgeColumns(int judge) {
    int[] columns = java.util.Arrays.copyOf(humanColumns, humanColumns.length + 1);
    columns[humanColumns.length] = judge;
    return columns;
  }

  private static void store(double[][] replicates, int resample, double[] figures) {
    for (int f = 0; f < FIGURES; f++) {
      replicates[f][resample] = figures[f];
    }
  }

  private static AgreementResult result(String kind, String judge, RatingMatrix matrix, double[] f,
      double[][] replicates, AgreementDifference difference, BootstrapSettings bootstrap) {
    AgreementIntervals ci = new AgreementIntervals(interval(replicates[GDPVAL], bootstrap),
        interval(replicates[PERCENT], bootstrap), interval(replicates[WITHOUT_TIES], bootstrap),
        interval(replicates[COHEN], bootstrap), interval(replicates[FLEISS], bootstrap),
        interval(replicates[ALPHA], bootstrap), interval(replicates[LEAVE_ONE_OUT], bootstrap));
    return new AgreementResult(kind, judge, paired(matrix), ratedGraders(matrix), Numbers.finite(f[GDPVAL]),
        Numbers.finite(f[PERCENT]), Numbers.finite(f[WITHOUT_TIES]), Numbers.finite(f[COHEN]),
        Numbers.finite(f[FLEISS]), itemsWithCommonCount(matrix).items().size(), Numbers.finite(f[ALPHA]),
        Numbers.finite(f[LEAVE_ONE_OUT]), ci, difference, difference != null && difference.below());
  }

  private static Interval interval(double[] replicates, BootstrapSettings bootstrap) {
    ConfidenceInterval ci = ItemBootstrap.percentileInterval(replicates, bootstrap.level());
    return ci == null ? null : Interval.of(ci);
  }

  private static double[] nanFigures() {
    double[] f = new double[FIGURES];
    java.util.Arrays.fill(f, Double.NaN);
    return f;
  }

  /**
   * Every figure of {@code matrix}; NaN where undefined (no item with two ratings, chance
   * agreement already perfect). For a judge, the pairwise figures are its ratings against the
   * others'.
   */
  private static double[] figures(RatingMatrix matrix, String judge) {
    if (paired(matrix) == 0) {
      return nanFigures();
    }
    String grader = judge == null ? null : GraderType.MODEL.id() + ":" + judge;
    double[] f = new double[FIGURES];
    f[GDPVAL] = (judge != null ? GdpvalAgreement.ofGrader(matrix, grader) : GdpvalAgreement.among(matrix)).value();
    PercentAgreement percent = judge != null ? PercentAgreement.ofGrader(matrix, grader)
        : PercentAgreement.among(matrix);
    f[PERCENT] = percent.all();
    f[WITHOUT_TIES] = percent.decisive();
    f[COHEN] = judge != null ? CohenKappa.ofGrader(matrix, grader, CATEGORIES, KappaWeights.UNWEIGHTED).kappa()
        : averagedPairCohen(matrix);
    f[FLEISS] = FleissKappa.among(itemsWithCommonCount(matrix), CATEGORIES).kappa();
    f[ALPHA] = KrippendorffAlpha.of(matrix, KrippendorffAlpha.Level.ORDINAL).alpha();
    f[LEAVE_ONE_OUT] = (judge != null ? LeaveOneOutAgreement.ofGrader(matrix, grader)
        : LeaveOneOutAgreement.among(matrix)).value();
    return f;
  }

  /**
   * Cohen's kappa of each pair of graders over the items both rated, averaged over the pairs
   * weighted by those items; pairs whose kappa is undefined (both always gave one same verdict)
   * are left out. Pooling every pair's ratings into one table instead made the figure depend on
   * which grader of a pair was listed first, and so on the order of the input rows; weighting by
   * items keeps a pair who shared two items from counting as much as one who shared two hundred.
   */
  private static double averagedPairCohen(RatingMatrix matrix) {
    double sum = 0;
    double weight = 0;
    int items = matrix.items().size();
    for (int a = 0; a < matrix.graders().size(); a++) {
      for (int b = a + 1; b < matrix.graders().size(); b++) {
        double[][] table = new double[CATEGORIES.length][CATEGORIES.length];
        int shared = 0;
        for (int i = 0; i < items; i++) {
          double x = matrix.rating(i, a);
          double y = matrix.rating(i, b);
          if (!Double.isNaN(x) && !Double.isNaN(y)) {
            table[category(x)][category(y)]++;
            shared++;
          }
        }
        if (shared > 0) {
          double kappa = CohenKappa.of(table, KappaWeights.UNWEIGHTED).kappa();
          if (!Double.isNaN(kappa)) {
            sum += shared * kappa;
            weight += shared;
          }
        }
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  private static int category(double rating) {
    return (int) Math.round(rating * 2);
  }

  private static int paired(RatingMatrix matrix) {
    int paired = 0;
    for (int i = 0; i < matrix.items().size(); i++) {
      if (count(matrix, i) >= 2) {
        paired++;
      }
    }
    return paired;
  }

  /** The graders with at least one rating in {@code matrix}. */
  private static int ratedGraders(RatingMatrix matrix) {
    int rated = 0;
    for (int g = 0; g < matrix.graders().size(); g++) {
      for (int i = 0; i < matrix.items().size(); i++) {
        if (!Double.isNaN(matrix.rating(i, g))) {
          rated++;
          break;
        }
      }
    }
    return rated;
  }

  /**
   * The items with the most common number of ratings (two or more; the larger number on a tie):
   * Fleiss' kappa needs the same number of ratings for every item.
   */
  private static RatingMatrix itemsWithCommonCount(RatingMatrix matrix) {
    Map<Integer, Integer> frequency = new TreeMap<>();
    for (int i = 0; i < matrix.items().size(); i++) {
      int n = count(matrix, i);
      if (n >= 2) {
        frequency.merge(n, 1, Integer::sum);
      }
    }
    int common = frequency.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow().getKey();
    int[] rows = IntStream.range(0, matrix.items().size()).filter(i -> count(matrix, i) == common).toArray();
    return matrix.select(rows, IntStream.range(0, matrix.graders().size()).toArray());
  }

  private static int count(RatingMatrix matrix, int item) {
    int n = 0;
    for (int g = 0; g < matrix.graders().size(); g++) {
      n += Double.isNaN(matrix.rating(item, g)) ? 0 : 1;
    }
    return n;
  }
}
