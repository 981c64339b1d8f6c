package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      int decisiveAgree, double[] cohen, double[] coincidence, double credit, int credits) {

    /**
     * Writes the shares a resample adds up (as doubles, each the value the figures' sums add
     * weighted, so a sum of them is the sum over the items) at {@code at}; the first {@code width}
     * offsets only.
     */
    void sharesInto(double[] into, int at, int width) {
      into[at + S_GDPVAL] = gdpval;
      into[at + S_ITEMS] = 1;
      into[at + S_PAIRS] = pairs;
      into[at + S_AGREE] = agree;
      into[at + S_DECISIVE] = decisive;
      into[at + S_DECISIVE_AGREE] = decisiveAgree;
      into[at + S_CREDIT] = credit;
      into[at + S_CREDITS] = credits;
      if (width == RATIOS) {
        return;
      }
      System.arraycopy(coincidence, 0, into, at + S_COINCIDENCE, 9);
      double agreeing = 0;
      for (int c = 0; c < 3; c++) {
        agreeing += (double) categories[c] * (categories[c] - 1);
        into[at + S_FLEISS_SHARES + c] = categories[c];
      }
      into[at + S_FLEISS_ITEMS] = 1;
      into[at + S_FLEISS_OBSERVED] = agreeing / ((double) ratings * (ratings - 1));
      if (width > CHANCE_CORRECTED) {
        System.arraycopy(cohen, 0, into, at + S_COHEN, 9);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item i && ratings == i.ratings && Double.compare(gdpval, i.gdpval) == 0 && pairs == i.pairs
          && agree == i.agree && decisive == i.decisive && decisiveAgree == i.decisiveAgree
          && Double.compare(credit, i.credit) == 0 && credits == i.credits && Arrays.equals(categories, i.categories)
          && Arrays.equals(cohen, i.cohen) && Arrays.equals(coincidence, i.coincidence);
    }

    /** The fields' hash, without boxing them (as {@code Objects.hash} did): every item of every view is hashed once. */
    @Override
    public int hashCode() {
      int h = ratings;
      h = 31 * h + Double.hashCode(gdpval);
      h = 31 * h + pairs;
      h = 31 * h + agree;
      h = 31 * h + decisive;
      h = 31 * h + decisiveAgree;
      h = 31 * h + Double.hashCode(credit);
      h = 31 * h + credits;
      h = 31 * h + Arrays.hashCode(categories);
      h = 31 * h + Arrays.hashCode(cohen);
      return 31 * h + Arrays.hashCode(coincidence);
    }
  }

  /*
   * The items' distinct shares (the sums a resample adds up with the pattern's weight; see the
   * offsets below): a resample sums each pattern's weight, then its figures over the patterns (a
   * few hundred to a few thousand: they depend on the categories an item's ratings fall in and, among
   * graders, their order), not over the items. The shares that are whole numbers sum exactly in any
   * order, so they are summed over the patterns' whole shares alone (among graders, a few dozen: the
   * categories' counts), as longs; the fractions (GDPval's measure, leave-one-out credit, the
   * coincidences, Fleiss' share of agreeing pairs) over the patterns, in pattern order.
   */
  /** Per pattern, its fractions, {@link #fractionWidth} each: F_GDPVAL, F_CREDIT, then F_COINCIDENCE's 9 and F_OBSERVED. */
  private final double[] fractions;
  private final int fractionWidth;
  /** Per pattern, its number of ratings: the Fleiss sums it counts in. */
  private final int[] ratingsOf;
  /** Per pattern, its whole shares' pattern. */
  private final int[] wholeOf;
  /** Per whole shares' pattern, its {@link #width} shares (fractions' offsets 0) and its number of ratings. */
  private final int[] wholes;
  private final int[] wholeRatings;
  private final int width;
  /** Per item, its pattern; -1 for an item outside the view or without a pair of ratings. */
  private final int[] patternOf;
  /** Among graders with every figure: the graders' pair tables (which set items apart); else null. */
  private final PairTables pairTables;
  /**
   * The pair tables' counters of every item, item i's at [cellStart[i], cellStart[i + 1]) (none
   * without pair tables). One flat array, not an array per item: the resamples' inner loop reads it
   * from start to end without a pointer per item.
   */
  private final int[] pairCells;
  private final int[] cellStart;
  private final boolean ofGrader;
  private final boolean chanceCorrected;
  private final int maxRatings;
  /** Each thread's counters and sums, cleared for each resample. */
  private final ThreadLocal<Scratch> scratch;

  /**
   * What {@link #figures(DrawCounts)} counts and sums a resample in. Kept per thread, not allocated
   * per resample: the report's agreement and judge gating call it about 90,000 times, and its
   * arrays were a fifth of the report's garbage (about 170 MB at 118,800 judgments). Static, made
   * from sizes alone: a thread's value that held its {@code WeightedAgreement} would keep it, and
   * its thread-local, alive as long as the thread.
   */
  private static final class Scratch {
    final int[] pairCounts;
    /** The pair tables' cells and totals ({@link PairTables#tables(int[], int[], int[])}); empty without pair tables. */
    final int[] tableCells;
    final int[] tableTotals;
    final int[] patternWeights;
    final double[] sums;
    /** Per number of ratings m: the Fleiss sums (items, Σ agreeing pairs / (m(m − 1)), ratings per category); null without. */
    final double[][] fleissSums;
    final int[] wholeWeights;
    final long[] whole;
    final long[][] fleiss;

    Scratch(int counters, int pairs, int patterns, int width, int wholePatterns, int fleissRows) {
      pairCounts = new int[counters];
      tableCells = new int[pairs * 9];
      tableTotals = new int[pairs * 5];
      patternWeights = new int[patterns];
      sums = new double[width];
      fleissSums = fleissRows == 0 ? null : new double[fleissRows][5];
      wholeWeights = new int[wholePatterns];
      whole = new long[width];
      fleiss = fleissRows == 0 ? null : new long[fleissRows][5];
    }

    Scratch clear() {
      Arrays.fill(pairCounts, 0);
      Arrays.fill(patternWeights, 0);
      Arrays.fill(sums, 0);
      Arrays.fill(wholeWeights, 0);
      Arrays.fill(whole, 0);
      for (int m = 0; fleissSums != null && m < fleissSums.length; m++) {
        Arrays.fill(fleissSums[m], 0);
        Arrays.fill(fleiss[m], 0);
      }
      return this;
    }
  }

  /*
   * Offsets in a pattern's shares. The first eight are every view's: the ratios. With the
   * chance-corrected figures, then the coincidences, then (one grader only) its Cohen table, then
   * the Fleiss sums of the pattern's number of ratings: an item, its share of agreeing pairs, its
   * ratings per category.
   */
  private static final int S_GDPVAL = 0;
  private static final int S_ITEMS = 1;
  private static final int S_PAIRS = 2;
  private static final int S_AGREE = 3;
  private static final int S_DECISIVE = 4;
  private static final int S_DECISIVE_AGREE = 5;
  private static final int S_CREDIT = 6;
  private static final int S_CREDITS = 7;
  private static final int RATIOS = 8;
  private static final int S_COINCIDENCE = RATIOS;
  private static final int S_FLEISS_ITEMS = S_COINCIDENCE + 9;
  private static final int S_FLEISS_OBSERVED = S_FLEISS_ITEMS + 1;
  private static final int S_FLEISS_SHARES = S_FLEISS_OBSERVED + 1;
  private static final int S_COHEN = S_FLEISS_SHARES + 3;
  private static final int CHANCE_CORRECTED = S_FLEISS_SHARES + 3;
  /** The offsets of the shares that may not be whole numbers, in a pattern's {@link #fractions}' order. */
  private static final int[] FRACTIONS = {S_GDPVAL, S_CREDIT, S_COINCIDENCE, S_COINCIDENCE + 1, S_COINCIDENCE + 2,
      S_COINCIDENCE + 3, S_COINCIDENCE + 4, S_COINCIDENCE + 5, S_COINCIDENCE + 6, S_COINCIDENCE + 7,
      S_COINCIDENCE + 8, S_FLEISS_OBSERVED};
  /** The ratios' fractions: the first two of {@link #FRACTIONS}. */
  private static final int RATIO_FRACTIONS = 2;

  /**
   * @param items each item's shares, which also make its pattern: the patterns are those of every
   *     figure whatever the scope (the Cohen table among graders too, though unused there): fewer,
   *     larger patterns would add the same shares in another order and move the figures' last digits
   */
  private WeightedAgreement(Item[] items, PairTables pairTables, boolean ofGrader, boolean chanceCorrected,
      int maxRatings) {
    this.width = !chanceCorrected ? RATIOS : ofGrader ? CHANCE_CORRECTED + 9 : CHANCE_CORRECTED;
    Map<Item, Integer> index = new HashMap<>();
    List<Item> distinct = new ArrayList<>();
    this.patternOf = new int[items.length];
    this.pairTables = pairTables;
    this.pairCells = pairTables == null ? new int[0] : pairTables.cells();
    this.cellStart = pairTables == null ? new int[items.length + 1] : pairTables.cellStart();
    for (int i = 0; i < items.length; i++) {
      Item item = items[i];
      if (item == null || item.pairs() == 0) {
        patternOf[i] = -1;
        continue;
      }
      Integer known = index.get(item);
      if (known == null) {
        known = distinct.size();
        index.put(item, known);
        distinct.add(item);
      }
      patternOf[i] = known;
    }
    this.fractionWidth = chanceCorrected ? FRACTIONS.length : RATIO_FRACTIONS;
    this.fractions = new double[distinct.size() * fractionWidth];
    this.ratingsOf = new int[distinct.size()];
    this.wholeOf = new int[distinct.size()];
    Map<WholeShares, Integer> wholeIndex = new HashMap<>();
    List<int[]> wholeShares = new ArrayList<>();
    double[] shares = new double[width];
    for (int k = 0; k < distinct.size(); k++) {
      ratingsOf[k] = distinct.get(k).ratings();
      distinct.get(k).sharesInto(shares, 0, width);
      for (int c = 0; c < fractionWidth; c++) {
        fractions[k * fractionWidth + c] = shares[FRACTIONS[c]];
        shares[FRACTIONS[c]] = 0;
      }
      int[] whole = new int[width + 1];
      for (int c = 0; c < width; c++) {
        whole[c] = (int) shares[c];
      }
      whole[width] = ratingsOf[k];
      WholeShares key = new WholeShares(whole);
      Integer known = wholeIndex.get(key);
      if (known == null) {
        known = wholeShares.size();
        wholeIndex.put(key, known);
        wholeShares.add(whole);
      }
      wholeOf[k] = known;
    }
    this.wholes = new int[wholeShares.size() * width];
    this.wholeRatings = new int[wholeShares.size()];
    for (int j = 0; j < wholeShares.size(); j++) {
      System.arraycopy(wholeShares.get(j), 0, wholes, j * width, width);
      wholeRatings[j] = wholeShares.get(j)[width];
    }
    this.ofGrader = ofGrader;
    this.chanceCorrected = chanceCorrected;
    this.maxRatings = maxRatings;
    int counters = pairTables == null ? 0 : pairTables.counters();
    int pairs = pairTables == null ? 0 : pairTables.pairs();
    int patterns = ratingsOf.length;
    int shareCount = width;
    int wholePatterns = wholeRatings.length;
    int fleissRows = chanceCorrected ? maxRatings + 1 : 0;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(counters, pairs, patterns, shareCount, wholePatterns, fleissRows));
  }

  /** A pattern's whole shares and number of ratings, compared by value: a map key that boxes none of them. */
  private record WholeShares(int[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof WholeShares other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** Which figures are computed: those that take a weighted item's tables cost most. */
  public enum Scope {
    /** Every figure. */
    EVERY_FIGURE,
    /**
     * The ratios of sums over pairs of ratings only ({@link #GDPVAL}, {@link #PERCENT}, {@link
     * #PERCENT_WITHOUT_TIES}, {@link #LEAVE_ONE_OUT}); the chance-corrected figures are NaN, and
     * nothing is kept or summed for them (among graders: the pairs' tables).
     */
    RATIOS
  }

  /** Every agreement figure among every grader of {@code matrix}. */
  public static WeightedAgreement among(RatingMatrix matrix) {
    return among(matrix, Scope.EVERY_FIGURE);
  }

  /** The agreement figures of {@code scope} among every grader of {@code matrix}. */
  public static WeightedAgreement among(RatingMatrix matrix, Scope scope) {
    boolean tables = scope == Scope.EVERY_FIGURE;
    int n = matrix.items().size();
    int[][] graders = tables ? new int[n][] : null;
    int[][] categories = tables ? new int[n][] : null;
    Item[] items = prepare(matrix, -1, graders, categories);
    return new WeightedAgreement(items, tables ? PairTables.of(graders, categories) : null, false, tables,
        matrix.graders().size());
  }

  /** Every agreement figure of {@code grader} with the others; see {@link #ofGrader(RatingMatrix, String, Scope)}. */
  public static WeightedAgreement ofGrader(RatingMatrix matrix, String grader) {
    return ofGrader(matrix, grader, Scope.EVERY_FIGURE);
  }

  /**
   * The agreement figures of {@code scope} of {@code grader} with the others, on the items it
   * rated (the other items count for nothing, whatever their weight).
   *
   * @throws IllegalArgumentException if the grader is unknown
   */
  public static WeightedAgreement ofGrader(RatingMatrix matrix, String grader, Scope scope) {
    return new WeightedAgreement(prepare(matrix, matrix.graderIndex(grader), null, null), null, true,
        scope == Scope.EVERY_FIGURE, matrix.graders().size());
  }

  /**
   * Each item's shares; for the pair tables (among graders with every figure; null otherwise), each
   * item's graders (ascending) into {@code gradersOf} and their categories into {@code categoriesOf}.
   */
  private static Item[] prepare(RatingMatrix matrix, int own, int[][] gradersOf, int[][] categoriesOf) {
    int n = matrix.items().size();
    int graderCount = matrix.graders().size();
    Item[] items = new Item[n];
    // An item's graders and their categories, in grader order: filled anew for each item.
    int[] who = new int[graderCount];
    int[] cat = new int[graderCount];
    for (int i = 0; i < n; i++) {
      if (own >= 0 && Double.isNaN(matrix.rating(i, own))) {
        continue;
      }
      int m = 0;
      int ownAt = -1;
      int[] categories = new int[3];
      for (int g = 0; g < graderCount; g++) {
        double rating = matrix.rating(i, g);
        if (!Double.isNaN(rating)) {
          ownAt = g == own ? m : ownAt;
          who[m] = g;
          cat[m] = CohenKappa.category(rating, VALUES);
          categories[cat[m]]++;
          m++;
        }
      }
      double agreementSum = 0;
      int pairs = 0;
      int agree = 0;
      int decisive = 0;
      int decisiveAgree = 0;
      double[] cohen = new double[9];
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          boolean counted = own < 0 || a == ownAt || b == ownAt;
          if (!counted) {
            continue;
          }
          // For one grader, its rating first; among graders, the lower-indexed grader first.
          int x = b == ownAt ? cat[b] : cat[a];
          int y = b == ownAt ? cat[a] : cat[b];
          agreementSum += 1 - Math.abs(VALUES[x] - VALUES[y]);
          pairs++;
          agree += x == y ? 1 : 0;
          if (x != 1 && y != 1) {
            decisive++;
            decisiveAgree += x == y ? 1 : 0;
          }
          cohen[x * 3 + y]++;
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
        if (own >= 0 && r != ownAt || m < 2) {
          continue;
        }
        // The others' categories: the item's, less this rating.
        int others0 = categories[0] - (cat[r] == 0 ? 1 : 0);
        int others1 = categories[1] - (cat[r] == 1 ? 1 : 0);
        int others2 = categories[2] - (cat[r] == 2 ? 1 : 0);
        int top = Math.max(others0, Math.max(others1, others2));
        int modes = (others0 == top ? 1 : 0) + (others1 == top ? 1 : 0) + (others2 == top ? 1 : 0);
        int mine = cat[r] == 0 ? others0 : cat[r] == 1 ? others1 : others2;
        credit += mine == top ? 1.0 / modes : 0;
        credits++;
      }
      if (gradersOf != null) {
        gradersOf[i] = Arrays.copyOf(who, m);
        categoriesOf[i] = Arrays.copyOf(cat, m);
      }
      items[i] = new Item(m, categories, pairs == 0 ? Double.NaN : agreementSum / pairs, pairs, agree, decisive,
          decisiveAgree, cohen, coincidence, credit, credits);
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
    return figures(DrawCounts.of(weights));
  }

  /**
   * {@link #figures(int[])} of a bootstrap resample ({@link ItemBootstrap#forEachWeights}): the items
   * it drew are summed, not every item.
   *
   * @throws IllegalArgumentException if there is not one weight per item
   */
  public double[] figures(DrawCounts resample) {
    int[] weights = resample.counts();
    if (weights.length != patternOf.length) {
      throw new IllegalArgumentException(weights.length + " weights for " + patternOf.length + " items");
    }
    Scratch s = scratch.get().clear();
    // Counted in ints (exact, and half the memory of doubles in the inner loop), as doubles for the kappas.
    int[] pairCounts = s.pairCounts;
    int[] patternWeights = s.patternWeights;
    int[] drawn = resample.drawn();
    for (int d = 0, size = resample.size(); d < size; d++) {
      int i = drawn[d];
      int pattern = patternOf[i];
      if (pattern < 0) {
        continue;
      }
      int w = weights[i];
      patternWeights[pattern] += w;
      for (int c = cellStart[i], end = cellStart[i + 1]; c < end; c++) {
        pairCounts[pairCells[c]] += w;
      }
    }
    // Every sum is the patterns' shares times their weights, added pattern after pattern: the same
    // doubles in the same order as summing item by item in the order of the patterns' first items
    // (the whole shares' sums are exact, so the same doubles in any order).
    double[] sums = s.sums;
    double[][] fleissSums = s.fleissSums;
    int[] wholeWeights = s.wholeWeights;
    if (chanceCorrected) {
      everyFraction(patternWeights, wholeWeights, sums, fleissSums);
    } else {
      ratioFractions(patternWeights, wholeWeights, sums);
    }
    addWholes(wholeWeights, sums, fleissSums, s);
    double[] f = new double[FIGURES];
    Arrays.fill(f, Double.NaN);
    if (sums[S_ITEMS] == 0) {
      return f;
    }
    f[GDPVAL] = sums[S_GDPVAL] / sums[S_ITEMS];
    f[PERCENT] = sums[S_AGREE] / sums[S_PAIRS];
    f[PERCENT_WITHOUT_TIES] = sums[S_DECISIVE] == 0 ? Double.NaN : sums[S_DECISIVE_AGREE] / sums[S_DECISIVE];
    f[LEAVE_ONE_OUT] = sums[S_CREDITS] == 0 ? Double.NaN : sums[S_CREDIT] / sums[S_CREDITS];
    if (chanceCorrected) {
      f[COHEN] = ofGrader ? CohenKappa.of(table(sums, S_COHEN), KappaWeights.UNWEIGHTED).kappa() : averaged(s);
      f[FLEISS] = fleiss(fleissSums);
      f[ALPHA] = KrippendorffAlpha.ofCoincidences(VALUES, table(sums, S_COINCIDENCE), KrippendorffAlpha.Level.ORDINAL)
          .alpha();
    }
    return f;
  }

  /**
   * The ratios' two fractions summed over the patterns into {@code sums}, and each pattern's weight
   * added to its whole shares' pattern. The sums are kept in locals: the report's compiler (C1)
   * otherwise loads and stores each sum for every pattern, and judge gating runs this for every
   * occupation and resample.
   */
  private void ratioFractions(int[] patternWeights, int[] wholeWeights, double[] sums) {
    double[] fractions = this.fractions;
    int[] wholeOf = this.wholeOf;
    double gdpval = 0;
    double credit = 0;
    for (int k = 0; k < patternWeights.length; k++) {
      int w = patternWeights[k];
      if (w == 0) {
        continue;
      }
      wholeWeights[wholeOf[k]] += w;
      int at = k * RATIO_FRACTIONS;
      gdpval += w * fractions[at];
      credit += w * fractions[at + 1];
    }
    sums[S_GDPVAL] = gdpval;
    sums[S_CREDIT] = credit;
  }

  /**
   * Every fraction summed over the patterns into {@code sums} and the Fleiss sums of each number
   * of ratings, and each pattern's weight added to its whole shares' pattern; in locals, as {@link
   * #ratioFractions} (the humans' figures run this over a few thousand patterns per resample).
   */
  private void everyFraction(int[] patternWeights, int[] wholeWeights, double[] sums, double[][] fleissSums) {
    double[] fractions = this.fractions;
    int[] wholeOf = this.wholeOf;
    int[] ratingsOf = this.ratingsOf;
    double gdpval = 0;
    double credit = 0;
    double c0 = 0;
    double c1 = 0;
    double c2 = 0;
    double c3 = 0;
    double c4 = 0;
    double c5 = 0;
    double c6 = 0;
    double c7 = 0;
    double c8 = 0;
    for (int k = 0; k < patternWeights.length; k++) {
      int w = patternWeights[k];
      if (w == 0) {
        continue;
      }
      wholeWeights[wholeOf[k]] += w;
      int at = k * FRACTIONS.length;
      gdpval += w * fractions[at];
      credit += w * fractions[at + 1];
      c0 += w * fractions[at + 2];
      c1 += w * fractions[at + 3];
      c2 += w * fractions[at + 4];
      c3 += w * fractions[at + 5];
      c4 += w * fractions[at + 6];
      c5 += w * fractions[at + 7];
      c6 += w * fractions[at + 8];
      c7 += w * fractions[at + 9];
      c8 += w * fractions[at + 10];
      fleissSums[ratingsOf[k]][1] += w * fractions[at + 11];
    }
    sums[S_GDPVAL] = gdpval;
    sums[S_CREDIT] = credit;
    sums[S_COINCIDENCE] = c0;
    sums[S_COINCIDENCE + 1] = c1;
    sums[S_COINCIDENCE + 2] = c2;
    sums[S_COINCIDENCE + 3] = c3;
    sums[S_COINCIDENCE + 4] = c4;
    sums[S_COINCIDENCE + 5] = c5;
    sums[S_COINCIDENCE + 6] = c6;
    sums[S_COINCIDENCE + 7] = c7;
    sums[S_COINCIDENCE + 8] = c8;
  }

  /**
   * The whole shares' sums into {@code sums} (and the Fleiss items and ratings per category per
   * number of ratings, when there are Fleiss sums): exact, as the sums of whole numbers far below
   * 2⁵³ they are, so the same doubles as adding them pattern by pattern.
   */
  private void addWholes(int[] wholeWeights, double[] sums, double[][] fleissSums, Scratch scratch) {
    long[] whole = scratch.whole;
    long[][] fleiss = scratch.fleiss;
    for (int j = 0; j < wholeWeights.length; j++) {
      long w = wholeWeights[j];
      if (w == 0) {
        continue;
      }
      for (int c = 0, at = j * width; c < width; c++) {
        whole[c] += w * wholes[at + c];
      }
      if (fleiss != null) {
        for (int c = 0; c < 5; c++) {
          fleiss[wholeRatings[j]][c] += w * wholes[j * width + S_FLEISS_ITEMS + c];
        }
      }
    }
    for (int c = 0; c < width; c++) {
      sums[c] += whole[c];
    }
    for (int m = 0; fleiss != null && m < fleiss.length; m++) {
      for (int c = 0; c < 5; c++) {
        fleissSums[m][c] += fleiss[m][c];
      }
    }
  }

  private static double[][] table(double[] cells, int from) {
    double[][] table = new double[3][3];
    for (int c = 0; c < 9; c++) {
      table[c / 3][c % 3] = cells[from + c];
    }
    return table;
  }

  private double averaged(Scratch s) {
    int[] pairTables = this.pairTables.tables(s.pairCounts, s.tableCells, s.tableTotals);
    double sum = 0;
    double weight = 0;
    for (int pair = 0, pairs = this.pairTables.pairs(); pair < pairs; pair++) {
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
  static double unweightedKappa(int[] cells, int from, double n) {
    // Each cell over n, then rows, columns and sums added in CohenKappa's order; in locals, as C1,
    // which runs the report, would allocate arrays here for every pair and resample.
    double p00 = cells[from] / n;
    double p01 = cells[from + 1] / n;
    double p02 = cells[from + 2] / n;
    double p10 = cells[from + 3] / n;
    double p11 = cells[from + 4] / n;
    double p12 = cells[from + 5] / n;
    double p20 = cells[from + 6] / n;
    double p21 = cells[from + 7] / n;
    double p22 = cells[from + 8] / n;
    double observed = p00 + p11 + p22;
    double expected = (p00 + p01 + p02) * (p00 + p10 + p20) + (p10 + p11 + p12) * (p01 + p11 + p21)
        + (p20 + p21 + p22) * (p02 + p12 + p22);
    return (observed - expected) / (1 - expected);
  }

  /**
   * Fleiss' kappa over the items with the most common number of ratings (the larger on a tie), as
   * {@link FleissKappa#of} computes it: (P̄ − Pₑ)/(1 − Pₑ).
   */
  private static double fleiss(double[][] sums) {
    int common = 2;
    for (int m = 2; m < sums.length; m++) {
      common = sums[m][0] >= sums[common][0] ? m : common;
    }
    double[] at = sums[common];
    double n = at[0];
    double expected = 0;
    for (int c = 0; c < 3; c++) {
      double share = at[2 + c] / (n * common);
      expected += share * share;
    }
    return (at[1] / n - expected) / (1 - expected);
  }
}
