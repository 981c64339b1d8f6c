package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.BootstrapSettings;
import static dev.parity.reports.stats.WeightedAgreement.ALPHA;
import static dev.parity.reports.stats.WeightedAgreement.COHEN;
import static dev.parity.reports.stats.WeightedAgreement.FLEISS;
import static dev.parity.reports.stats.WeightedAgreement.GDPVAL;
import static dev.parity.reports.stats.WeightedAgreement.LEAVE_ONE_OUT;
import static dev.parity.reports.stats.WeightedAgreement.PERCENT;
import static dev.parity.reports.stats.WeightedAgreement.PERCENT_WITHOUT_TIES;

import dev.parity.reports.stats.ConfidenceInterval;
import dev.parity.reports.stats.DrawCounts;
import dev.parity.reports.stats.ItemBootstrap;
import dev.parity.reports.stats.RatingMatrix;
import dev.parity.reports.stats.WeightedAgreement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  private static final int FIGURES = WeightedAgreement.FIGURES;

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

  /** Every agreement figure of the judgments, with intervals. */
  static List<AgreementResult> compute(List<Judgment> judgments, BootstrapSettings bootstrap) {
    return compute(judgments, bootstrap, WeightedAgreement.Scope.EVERY_FIGURE);
  }

  /**
   * The agreement figures of {@code scope}, with intervals; the others (and their intervals) are
   * null.
   */
  static List<AgreementResult> compute(List<Judgment> judgments, BootstrapSettings bootstrap,
      WeightedAgreement.Scope scope) {
    return computeEach(List.of(judgments), bootstrap, scope).get(0);
  }

  /**
   * The agreement figures of {@code scope} of each set of judgments, with intervals, as {@link
   * #compute(List, BootstrapSettings, WeightedAgreement.Scope)} gives each alone, to the bit. A
   * set's resamples depend only on the seed and its number of items, so sets with as many items
   * (judge gating's occupations, of as many tasks each) draw the same item weights: those are drawn
   * once per resample and summed for each set.
   */
  static List<List<AgreementResult>> computeEach(List<List<Judgment>> sets, BootstrapSettings bootstrap,
      WeightedAgreement.Scope scope) {
    List<Replicates> each = new ArrayList<>(sets.size());
    Map<Integer, List<Replicates>> byItems = new LinkedHashMap<>();
    for (List<Judgment> judgments : sets) {
      Agreements agreements = of(judgments);
      Replicates replicates = agreements == null ? null : new Replicates(agreements, bootstrap, scope);
      each.add(replicates);
      if (replicates != null) {
        byItems.computeIfAbsent(agreements.all.items().size(), n -> new ArrayList<>()).add(replicates);
      }
    }
    byItems.forEach((items, sharing) -> {
      int[] resample = {0};
      ItemBootstrap.forEachWeights(items, bootstrap, weights -> {
        int r = resample[0]++;
        sharing.forEach(replicates -> replicates.add(r, weights));
      });
    });
    return each.stream().map(r -> r == null ? List.<AgreementResult>of() : r.results()).toList();
  }

  /** The sorted matrix of the judgments' ratings on items some human rated; null when there is none. */
  private static Agreements of(List<Judgment> judgments) {
    // Hashed while reading, sorted once: a sorted map keyed by the joined names compared names at
    // every step for every judgment. Each item's ratings are a row by grader number, not a map of
    // names to boxed ratings, and the matrix is made from the rows, not rating by rating (judge
    // gating makes one for every occupation, so each judgment is read twice).
    // An item's judgments mostly come one after the other (the report sorts them by task, pair and
    // sample): an item is looked up only when it changes, and the items are met nearly in their
    // order, which their sort then finds.
    Map<Item, Ratings> byItem = new LinkedHashMap<>();
    GraderNumbers graders = new GraderNumbers();
    Item item = null;
    Ratings ratings = null;
    for (Judgment j : judgments) {
      if (j.graderType() == GraderType.HUMAN) {
        if (item == null || !item.holds(j)) {
          item = Item.of(j);
          ratings = byItem.computeIfAbsent(item, k -> new Ratings());
        }
        ratings.put(graders.of(j), rating(j));
      }
    }
    item = null;
    for (Judgment j : judgments) {
      if (j.graderType() != GraderType.HUMAN) {
        if (item == null || !item.holds(j)) {
          item = Item.of(j);
          ratings = byItem.get(item);
        }
        if (ratings != null) {
          ratings.put(graders.of(j), rating(j));
        }
      }
    }
    if (byItem.isEmpty()) {
      return null;
    }
    List<Map.Entry<Item, Ratings>> items = new ArrayList<>(byItem.entrySet());
    items.sort(Map.Entry.comparingByKey());
    List<String> order = graders.sorted();
    int[] column = graders.columns(order);
    List<String> names = new ArrayList<>(items.size());
    double[][] rows = new double[items.size()][order.size()];
    for (int i = 0; i < rows.length; i++) {
      names.add(items.get(i).getKey().name());
      Arrays.fill(rows[i], Double.NaN);
      // A row grows by doubling: past the graders' count it holds NaN only.
      double[] rated = items.get(i).getValue().values;
      for (int g = 0, end = Math.min(rated.length, column.length); g < end; g++) {
        rows[i][column[g]] = rated[g];
      }
    }
    RatingMatrix all = RatingMatrix.of(names, order, rows);
    int[] humans = IntStream.range(0, order.size()).filter(g -> order.get(g).startsWith(GraderType.HUMAN.id() + ":"))
        .toArray();
    Map<String, Integer> judges = new TreeMap<>();
    for (int g = 0; g < order.size(); g++) {
      if (order.get(g).startsWith(GraderType.MODEL.id() + ":")) {
        judges.put(order.get(g).substring(GraderType.MODEL.id().length() + 1), g);
      }
    }
    return new Agreements(all, humans, judges);
  }

  /**
   * Each grader as "type:name", numbered as first met: one string per grader (a million judgments
   * name a few dozen), looked up by the judgment's own name without building one per judgment.
   */
  private static final class GraderNumbers {
    /** Per grader type (by ordinal), each grader's number by its name. */
    private final List<Map<String, Integer>> numbers = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    GraderNumbers() {
      for (int t = 0; t < GraderType.values().length; t++) {
        numbers.add(new HashMap<>());
      }
    }

    int of(Judgment j) {
      Map<String, Integer> ofType = numbers.get(j.graderType().ordinal());
      Integer number = ofType.get(j.grader());
      if (number == null) {
        number = names.size();
        ofType.put(j.grader(), number);
        names.add(j.graderType().id() + ":" + j.grader());
      }
      return number;
    }

    /** Every grader's name, sorted: humans first, as "human:…" < "model:…". */
    List<String> sorted() {
      return names.stream().sorted().toList();
    }

    /** Per grader number, its column in {@code sorted}. */
    int[] columns(List<String> sorted) {
      Map<String, Integer> at = new HashMap<>();
      for (int c = 0; c < sorted.size(); c++) {
        at.put(sorted.get(c), c);
      }
      return names.stream().mapToInt(at::get).toArray();
    }
  }

  /** An item's ratings by grader number, NaN where a grader gave none; a later rating replaces an earlier one. */
  private static final class Ratings {
    private static final double[] NONE = new double[0];
    double[] values = NONE;

    void put(int grader, double rating) {
      if (grader >= values.length) {
        int before = values.length;
        values = Arrays.copyOf(values, Math.max(grader + 1, 2 * before));
        Arrays.fill(values, before, values.length, Double.NaN);
      }
      values[grader] = rating;
    }
  }

  /** A judgment's rating of its item, turned round if given from the item's second side: 0, ½ or 1. */
  private static double rating(Judgment j) {
    return (turned(j) ? j.outcome().reversed() : j.outcome()).score();
  }

  private static boolean turned(Judgment j) {
    return !j.againstBaseline() && j.model().compareTo(j.opponent()) > 0;
  }

  /**
   * An item: the task, the pair of players in name order, the sample. Items sort as their names
   * (the fields joined with NUL, the sample as text) do, field by field.
   */
  private record Item(String taskId, String first, String second, int sample) implements Comparable<Item> {
    static Item of(Judgment j) {
      return new Item(j.taskId(), first(j), second(j), j.sample());
    }

    /** Whether {@code j} is a judgment of this item: {@code of(j).equals(this)}, without making one. */
    boolean holds(Judgment j) {
      return sample == j.sample() && taskId.equals(j.taskId()) && first.equals(first(j)) && second.equals(second(j));
    }

    /** The judgment's player first in name order. */
    private static String first(Judgment j) {
      return turned(j) ? j.opponent() : j.model();
    }

    private static String second(Judgment j) {
      return turned(j) ? j.model() : j.opponent();
    }

    String name() {
      return String.join("\u0000", taskId, first, second, Integer.toString(sample));
    }

    @Override
    public int compareTo(Item o) {
      int c = taskId.compareTo(o.taskId);
      c = c != 0 ? c : first.compareTo(o.first);
      c = c != 0 ? c : second.compareTo(o.second);
      return c != 0 ? c : Integer.toString(sample).compareTo(Integer.toString(o.sample));
    }
  }

  /**
   * The figures of one set of judgments, and their replicates as the resamples' item weights come.
   * Keeps no rating matrix: judge gating holds every occupation's at once while they resample.
   */
  private static final class Replicates {
    private final BootstrapSettings bootstrap;
    private final int items;
    private final AgreementSample humanSample;
    private final WeightedAgreement humanFigures;
    private final Map<String, WeightedAgreement> judgeFigures = new LinkedHashMap<>();
    /** Per judge that shares a paired item with the humans, its sample. */
    private final Map<String, AgreementSample> judgeSamples = new LinkedHashMap<>();
    private final double[][] humanReplicates;
    private final Map<String, double[][]> judgeReplicates = new LinkedHashMap<>();

    Replicates(Agreements agreements, BootstrapSettings bootstrap, WeightedAgreement.Scope scope) {
      this.bootstrap = bootstrap;
      RatingMatrix all = agreements.all;
      this.items = all.items().size();
      int[] everyItem = IntStream.range(0, items).toArray();
      RatingMatrix humans = all.select(everyItem, agreements.humanColumns);
      this.humanSample = sample(humans);
      this.humanFigures = WeightedAgreement.among(humans, scope);
      agreements.judgeColumns.forEach((judge, g) -> {
        int[] columns = agreements.judgeColumns(g);
        judgeFigures.put(judge,
            WeightedAgreement.ofGrader(all.select(everyItem, columns), GraderType.MODEL.id() + ":" + judge, scope));
        RatingMatrix shared = all.select(
            IntStream.range(0, items).filter(i -> !Double.isNaN(all.rating(i, g))).toArray(), columns);
        AgreementSample sample = sample(shared);
        if (sample.items() > 0) {
          judgeSamples.put(judge, sample);
        }
      });
      int b = bootstrap.resamples();
      this.humanReplicates = new double[FIGURES][b];
      judgeFigures.keySet().forEach(j -> judgeReplicates.put(j, new double[FIGURES + 1][b]));
    }

    /** Resample r's figures, each item counted as often as it was drawn. */
    void add(int r, DrawCounts weights) {
      double[] h = humanFigures.figures(weights);
      store(humanReplicates, r, h);
      judgeFigures.forEach((judge, figures) -> {
        double[] f = figures.figures(weights);
        double[][] replicates = judgeReplicates.get(judge);
        store(replicates, r, f);
        replicates[FIGURES][r] = f[GDPVAL] - h[GDPVAL];
      });
    }

    List<AgreementResult> results() {
      int[] ones = new int[items];
      Arrays.fill(ones, 1);
      List<AgreementResult> results = new ArrayList<>();
      Double humanLevel = null;
      if (humanSample.items() > 0) {
        double[] f = humanFigures.figures(ones);
        results.add(result(AgreementResult.HUMAN_HUMAN, null, humanSample, f, humanReplicates, null, bootstrap));
        humanLevel = Numbers.finite(f[GDPVAL]);
      }
      for (Map.Entry<String, AgreementSample> e : judgeSamples.entrySet()) {
        double[] f = judgeFigures.get(e.getKey()).figures(ones);
        double[][] replicates = judgeReplicates.get(e.getKey());
        AgreementDifference difference = humanLevel == null || Double.isNaN(f[GDPVAL]) ? null
            : new AgreementDifference(f[GDPVAL] - humanLevel, interval(replicates[FIGURES], bootstrap));
        results.add(result(AgreementResult.MODEL_HUMAN, e.getKey(), e.getValue(), f, replicates, difference, bootstrap));
      }
      return results;
    }
  }

  /**
   * The matrix's sample, from one pass over its ratings: the items with two ratings or more, the
   * graders with a rating, and how many items have the most common number of ratings (two or
   * more; the larger number on a tie): the items Fleiss' kappa uses, as it needs the same number
   * of ratings for every item.
   */
  private static AgreementSample sample(RatingMatrix matrix) {
    int graders = matrix.graders().size();
    boolean[] rated = new boolean[graders];
    int[] itemsWithCount = new int[graders + 1];
    int paired = 0;
    for (int i = 0; i < matrix.items().size(); i++) {
      int n = 0;
      for (int g = 0; g < graders; g++) {
        if (!Double.isNaN(matrix.rating(i, g))) {
          n++;
          rated[g] = true;
        }
      }
      if (n >= 2) {
        paired++;
        itemsWithCount[n]++;
      }
    }
    int ratedGraders = 0;
    for (boolean r : rated) {
      ratedGraders += r ? 1 : 0;
    }
    int common = 0;
    for (int items : itemsWithCount) {
      common = Math.max(common, items);
    }
    return new AgreementSample(paired, ratedGraders, common);
  }

  /** The humans' columns and the judge's. */
  private int[] judgeColumns(int judge) {
    int[] columns = Arrays.copyOf(humanColumns, humanColumns.length + 1);
    columns[humanColumns.length] = judge;
    return columns;
  }

  private static void store(double[][] replicates, int resample, double[] figures) {
    for (int f = 0; f < FIGURES; f++) {
      replicates[f][resample] = figures[f];
    }
  }

  private static AgreementResult result(String kind, String judge, AgreementSample sample, double[] f,
      double[][] replicates, AgreementDifference difference, BootstrapSettings bootstrap) {
    AgreementIntervals ci = new AgreementIntervals(interval(replicates[GDPVAL], bootstrap),
        interval(replicates[PERCENT], bootstrap), interval(replicates[PERCENT_WITHOUT_TIES], bootstrap),
        interval(replicates[COHEN], bootstrap), interval(replicates[FLEISS], bootstrap),
        interval(replicates[ALPHA], bootstrap), interval(replicates[LEAVE_ONE_OUT], bootstrap));
    return new AgreementResult(kind, judge, sample,
        new AgreementFigures(Numbers.finite(f[GDPVAL]), Numbers.finite(f[PERCENT]),
            Numbers.finite(f[PERCENT_WITHOUT_TIES]), Numbers.finite(f[COHEN]), Numbers.finite(f[FLEISS]),
            Numbers.finite(f[ALPHA]), Numbers.finite(f[LEAVE_ONE_OUT])), ci, difference);
  }

  private static Interval interval(double[] replicates, BootstrapSettings bootstrap) {
    ConfidenceInterval ci = ItemBootstrap.percentileInterval(replicates, bootstrap.level());
    return ci == null ? null : Interval.of(ci);
  }
}
