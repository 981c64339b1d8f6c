package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agreement figures of a {@link RatingMatrix} with its items weighted (a bootstrap resample is
 * a weight per item: how many times it was drawn), computed from each item's share of every sum
 * taken once. Redoing each measure on a copied matrix per resample cost items × graders² per
 * measure; this costs items × (ratings per item)² once, and per resample the items' weights summed
 * per pattern of shares (plus, among graders, each item's pairs of graders), then the patterns.
 *
 * <p>With every weight 1 the figures are those of {@link GdpvalAgreement}, {@link
 * PercentAgreement}, {@link FleissKappa} (on the items with the most common number of ratings),
 * {@link KrippendorffAlpha} (ordinal), {@link LeaveOneOutAgreement}, and {@link CohenKappa}: for
 * one grader against the others, pooled; among graders, each pair's kappa averaged over the pairs
 * weighted by the items both rated (pairs whose kappa is undefined left out). A weighted item
 * counts as that many copies of itself. Ratings must be verdict scores: 0, ½ or 1.
 *
 * <p>Immutable after construction; {@link #figures} may be called from several threads.
 */
public final class WeightedAgreement {
  /** Positions in {@link #figures}'s result. */
  public static final int GDPVAL = 0;
  public static final int PERCENT = 1;
  public static final int PERCENT_WITHOUT_TIES = 2;
  public static final int COHEN = 3;
  public static final int FLEISS = 4;
  public static final int ALPHA = 5;
  public static final int LEAVE_ONE_OUT = 6;
  /** How many figures there are. */
  public static final int FIGURES = 7;

  private static final double[] VALUES = {0, 0.5, 1};

  /** One item's share of every sum; absent (null) for an item outside the view. */
  private record Item(int ratings, int[] categories, double gdpval, int pairs, int agree, int decisive,
      int decisiveAgree, double[] cohen, int[] pairCells, double[] coincidence, double credit, int credits) {

    /** The same shares without the pairs of graders: what items of one pattern have in common. */
    Item pattern() {
      return new Item(ratings, categories, gdpval, pairs, agree, decisive, decisiveAgree, cohen, new int[0],
          coincidence, credit, credits);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item i && ratings == i.ratings && Double.compare(gdpval, i.gdpval) == 0 && pairs == i.pairs
          && agree == i.agree && decisive == i.decisive && decisiveAgree == i.decisiveAgree
          && Double.compare(credit, i.credit) == 0 && credits == i.credits && Arrays.equals(categories, i.categories)
          && Arrays.equals(cohen, i.cohen) && Arrays.equals(pairCells, i.pairCells)
          && Arrays.equals(coincidence, i.coincidence);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ratings, gdpval, pairs, agree, decisive, decisiveAgree, credit, credits,
          Arrays.hashCode(categories), Arrays.hashCode(cohen), Arrays.hashCode(pairCells), Arrays.hashCode(coincidence));
    }
  }

  /**
   * The items' distinct shares: a resample sums each pattern's weight, then its figures over the
   * patterns (a few hundred: they depend on the categories an item's ratings fall in), not over
   * the items.
   */
  private final Item[] patterns;
  /** Per item, its pattern; -1 for an item outside the view or without a pair of ratings. */
  private final int[] patternOf;
  /**
   * Among graders: every item's cells in the graders' pair tables (which set items apart), item
   * after item in one array, item i's at [cellStart[i], cellStart[i + 1]). One flat array, not an
   * array per item: the resamples' inner loop reads it from start to end without a pointer per item.
   */
  private final int[] pairCells;
  private final int[] cellStart;
  private final boolean ofGrader;
  /** Among graders: how many pairs of graders rated an item together. */
  private final int graderPairs;
  private final int maxRatings;

  private WeightedAgreement(Item[] items, boolean ofGrader, int graderPairs, int maxRatings) {
    Map<Item, Integer> index = new HashMap<>();
    List<Item> distinct = new ArrayList<>();
    this.patternOf = new int[items.length];
    this.cellStart = new int[items.length + 1];
    for (int i = 0; i < items.length; i++) {
      cellStart[i + 1] = cellStart[i] + (items[i] == null ? 0 : items[i].pairCells().length);
    }
    this.pairCells = new int[cellStart[items.length]];
    for (int i = 0; i < items.length; i++) {
      Item item = items[i];
      if (item != null) {
        System.arraycopy(item.pairCells(), 0, pairCells, cellStart[i], item.pairCells().length);
      }
      if (item == null || item.pairs() == 0) {
        patternOf[i] = -1;
        continue;
      }
      patternOf[i] = index.computeIfAbsent(item.pattern(), pattern -> {
        distinct.add(pattern);
        return distinct.size() - 1;
      });
    }
    this.patterns = distinct.toArray(Item[]::new);
    this.ofGrader = ofGrader;
    this.graderPairs = graderPairs;
    this.maxRatings = maxRatings;
  }

  /** Agreement among every grader of {@code matrix}. */
  public static WeightedAgreement among(RatingMatrix matrix) {
    Map<Long, Integer> pairs = new HashMap<>();
    return new WeightedAgreement(prepare(matrix, -1, pairs), false, pairs.size(), matrix.graders().size());
  }

  /**
   * Agreement of {@code grader} with the others, on the items it rated (the other items count
   * for nothing, whatever their weight).
   *
   * @throws IllegalArgumentException if the grader is unknown
   */
  public static WeightedAgreement ofGrader(RatingMatrix matrix, String grader) {
    return new WeightedAgreement(prepare(matrix, matrix.graderIndex(grader), new HashMap<>()), true, 0,
        matrix.graders().size());
  }

  /** Each item's shares; {@code pairIds} numbers the pairs of graders met (among graders only). */
  private static Item[] prepare(RatingMatrix matrix, int own, Map<Long, Integer> pairIds) {
    int n = matrix.items().size();
    int graders = matrix.graders().size();
    Item[] items = new Item[n];
    for (int i = 0; i < n; i++) {
      if (own >= 0 && Double.isNaN(matrix.rating(i, own))) {
        continue;
      }
      List<Integer> who = new ArrayList<>();
      for (int g = 0; g < graders; g++) {
        if (!Double.isNaN(matrix.rating(i, g))) {
          who.add(g);
        }
      }
      int m = who.size();
      int[] cat = new int[m];
      int[] categories = new int[3];
      for (int r = 0; r < m; r++) {
        cat[r] = CohenKappa.category(matrix.rating(i, who.get(r)), VALUES);
        categories[cat[r]]++;
      }
      double agreementSum = 0;
      int pairs = 0;
      int agree = 0;
      int decisive = 0;
      int decisiveAgree = 0;
      double[] cohen = new double[9];
      int[] pairCells = new int[own >= 0 ? 0 : m * (m - 1) / 2];
      int p = 0;
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          boolean counted = own < 0 || who.get(a) == own || who.get(b) == own;
          if (!counted) {
            continue;
          }
          // For one grader, its rating first; among graders, the lower-indexed grader first.
          int x = own >= 0 && who.get(b) == own ? cat[b] : cat[a];
          int y = own >= 0 && who.get(b) == own ? cat[a] : cat[b];
          agreementSum += 1 - Math.abs(VALUES[x] - VALUES[y]);
          pairs++;
          agree += x == y ? 1 : 0;
          if (x != 1 && y != 1) {
            decisive++;
            decisiveAgree += x == y ? 1 : 0;
          }
          cohen[x * 3 + y]++;
          if (own < 0) {
            int id = pairIds.computeIfAbsent((long) who.get(a) * graders + who.get(b), k -> pairIds.size());
            pairCells[p++] = id * 9 + x * 3 + y;
          }
        }
      }
      double[] coincidence = new double[9];
      if (m >= 2) {
        for (int c = 0; c < 3; c++) {
          for (int k = 0; k < 3; k++) {
            double together = c == k ? categories[c] * (categories[c] - 1.0) : (double) categories[c] * categories[k];
            coincidence[c * 3 + k] = together / (m - 1);
          }
        }
      }
      double credit = 0;
      int credits = 0;
      for (int r = 0; r < m; r++) {
        if (own >= 0 && who.get(r) != own || m < 2) {
          continue;
        }
        int[] others = categories.clone();
        others[cat[r]]--;
        int top = Math.max(others[0], Math.max(others[1], others[2]));
        int modes = (others[0] == top ? 1 : 0) + (others[1] == top ? 1 : 0) + (others[2] == top ? 1 : 0);
        credit += others[cat[r]] == top ? 1.0 / modes : 0;
        credits++;
      }
      items[i] = new Item(m, categories, pairs == 0 ? Double.NaN : agreementSum / pairs, pairs, agree, decisive,
          decisiveAgree, cohen, pairCells, coincidence, credit, credits);
    }
    return items;
  }

  /**
   * The figures with item i counted {@code weights[i]} times, at the positions named by this
   * class's constants; NaN where undefined (no item with two ratings, chance agreement already
   * perfect).
   *
   * @throws IllegalArgumentException if there is not one weight per item
   */
  public double[] figures(int[] weights) {
    if (weights.length != patternOf.length) {
      throw new IllegalArgumentException(weights.length + " weights for " + patternOf.length + " items");
    }
    double gdpval = 0;
    double gdpvalItems = 0;
    double pairs = 0;
    double agree = 0;
    double decisive = 0;
    double decisiveAgree = 0;
    double[] cohen = new double[9];
    // Counted in ints (exact, and half the memory of doubles in the inner loop), as doubles for the kappas.
    int[] pairCounts = new int[graderPairs * 9];
    double[][] coincidence = new double[3][3];
    double credit = 0;
    double credits = 0;
    // Per number of ratings m: items (weighted), Σ agreeing pairs / (m(m − 1)), ratings per category.
    double[] fleissItems = new double[maxRatings + 1];
    double[] fleissObserved = new double[maxRatings + 1];
    double[][] fleissShares = new double[maxRatings + 1][3];
    int[] patternWeights = new int[patterns.length];
    for (int i = 0; i < patternOf.length; i++) {
      int w = weights[i];
      if (w == 0 || patternOf[i] < 0) {
        continue;
      }
      patternWeights[patternOf[i]] += w;
      for (int c = cellStart[i], end = cellStart[i + 1]; c < end; c++) {
        pairCounts[pairCells[c]] += w;
      }
    }
    for (int k = 0; k < patterns.length; k++) {
      Item item = patterns[k];
      int w = patternWeights[k];
      if (w == 0) {
        continue;
      }
      gdpval += w * item.gdpval();
      gdpvalItems += w;
      pairs += w * item.pairs();
      agree += w * item.agree();
      decisive += w * item.decisive();
      decisiveAgree += w * item.decisiveAgree();
      if (ofGrader) {
        for (int c = 0; c < 9; c++) {
          cohen[c] += w * item.cohen()[c];
        }
      }
      for (int c = 0; c < 9; c++) {
        coincidence[c / 3][c % 3] += w * item.coincidence()[c];
      }
      credit += w * item.credit();
      credits += w * item.credits();
      int m = item.ratings();
      fleissItems[m] += w;
      double agreeing = 0;
      for (int c = 0; c < 3; c++) {
        int x = item.categories()[c];
        agreeing += (double) x * (x - 1);
        fleissShares[m][c] += (double) w * x;
      }
      fleissObserved[m] += w * (agreeing / ((double) m * (m - 1)));
    }
    double[] f = new double[FIGURES];
    java.util.Arrays.fill(f, Double.NaN);
    if (gdpvalItems == 0) {
      return f;
    }
    f[GDPVAL] = gdpval / gdpvalItems;
    f[PERCENT] = agree / pairs;
    f[PERCENT_WITHOUT_TIES] = decisive == 0 ? Double.NaN : decisiveAgree / decisive;
    f[COHEN] = ofGrader ? CohenKappa.of(table(cohen), KappaWeights.UNWEIGHTED).kappa() : averaged(pairCounts);
    f[FLEISS] = fleiss(fleissItems, fleissObserved, fleissShares);
    f[ALPHA] = KrippendorffAlpha.ofCoincidences(VALUES, coincidence, KrippendorffAlpha.Level.ORDINAL).alpha();
    f[LEAVE_ONE_OUT] = credits == 0 ? Double.NaN : credit / credits;
    return f;
  }

  private static double[][] table(double[] cells) {
    double[][] table = new double[3][3];
    for (int c = 0; c < 9; c++) {
      table[c / 3][c % 3] = cells[c];
    }
    return table;
  }

  private double averaged(int[] pairCounts) {
    double[] pairTables = new double[pairCounts.length];
    for (int c = 0; c < pairCounts.length; c++) {
      pairTables[c] = pairCounts[c];
    }
    double sum = 0;
    double weight = 0;
    for (int pair = 0; pair < graderPairs; pair++) {
      int from = pair * 9;
      double shared = 0;
      for (int c = from; c < from + 9; c++) {
        shared += pairTables[c];
      }
      if (shared == 0) {
        continue;
      }
      double kappa = unweightedKappa(pairTables, from, shared);
      if (!Double.isNaN(kappa)) {
        sum += shared * kappa;
        weight += shared;
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  /**
   * Unweighted Cohen's kappa of the 3 × 3 table at {@code cells[from..from + 9)} holding {@code n}
   * pairs: {@link CohenKappa#of}'s arithmetic in its order (the same double), without its standard
   * errors and allocations, as it runs for every pair of graders in every resample.
   */
  static double unweightedKappa(double[] cells, int from, double n) {
    double[] rows = new double[3];
    double[] columns = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        rows[i] += cells[from + i * 3 + j] / n;
        columns[j] += cells[from + i * 3 + j] / n;
      }
    }
    double observed = 0;
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      observed += cells[from + i * 4] / n;
      expected += rows[i] * columns[i];
    }
    return (observed - expected) / (1 - expected);
  }

  /**
   * Fleiss' kappa over the items with the most common number of ratings (the larger on a tie), as
   * {@link FleissKappa#of} computes it: (P̄ − Pₑ)/(1 − Pₑ).
   */
  private static double fleiss(double[] items, double[] observed, double[][] shares) {
    int common = 2;
    for (int m = 2; m < items.length; m++) {
      common = items[m] >= items[common] ? m : common;
    }
    double n = items[common];
    double expected = 0;
    for (int c = 0; c < 3; c++) {
      double share = shares[common][c] / (n * common);
      expected += share * share;
    }
    return (observed[common] / n - expected) / (1 - expected);
  }
}
