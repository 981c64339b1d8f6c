package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graders' pair tables (per pair of graders, the 3 × 3 table of their categories on the items
 * both rated) of weighted items, as counters a resample adds each drawn item's weight to, then
 * {@link #tables} reads. Immutable; the caller owns the counters.
 *
 * <p>Adding each item's cell in every pair of its graders cost m(m − 1)/2 additions an item (28 for
 * 8 graders), and the report's bootstrap made about a billion of them. Items rated by the same set
 * of graders are summed with fewer: per set, the items' weight and, per grader, the weight of each
 * of its two categories other than its most common one; per pair, only the cells where neither
 * grader gave its most common category. The other cells follow from those once per resample (a
 * row's cell outside them is the row's total less the row's cells in them, and so on). The counts
 * are whole numbers, so the tables are the same whichever way they were added. A set with few
 * items costs more that way than it saves, and its items add every cell.
 */
final class PairTables {
  /**
   * Summing a set's tables once per resample costs five additions a pair; an item's cells are added
   * only when it is drawn, in about 63% of resamples (1 − 1/e): a set is summed when its items save
   * more than eight additions a pair per resample.
   */
  private static final int SET_COST_PER_PAIR = 8;

  /** Every item's counters, item after item: item i's at [cellStart[i], cellStart[i + 1]). */
  private final int[] cells;
  private final int[] cellStart;
  private final int counters;
  private final int pairs;
  /** Per summed set: its counters' start (the weight, then two per grader), its graders, its pairs' ids in order. */
  private final int[] setStart;
  private final int[] setSize;
  private final int[][] setPairs;
  /** Per pair: the grader of each side's most common category in the summed sets. */
  private final int[] rowCommon;
  private final int[] columnCommon;

  private PairTables(int[] cells, int[] cellStart, int counters, int pairs, int[] setStart, int[] setSize,
      int[][] setPairs, int[] rowCommon, int[] columnCommon) {
    this.cells = cells;
    this.cellStart = cellStart;
    this.counters = counters;
    this.pairs = pairs;
    this.setStart = setStart;
    this.setSize = setSize;
    this.setPairs = setPairs;
    this.rowCommon = rowCommon;
    this.columnCommon = columnCommon;
  }

  /**
   * The tables of items rated by {@code graders[i]} (ascending grader indices; null or fewer than
   * two for an item without a pair) with categories {@code categories[i]} (0, 1 or 2, one per
   * grader). Pairs are numbered as first met, item after item, the lower-indexed grader first; its
   * category is the row.
   */
  static PairTables of(int[][] graders, int[][] categories) {
    int n = graders.length;
    Map<List<Integer>, List<Integer>> itemsOfSet = new HashMap<>();
    List<List<Integer>> sets = new ArrayList<>();
    int graderCount = 0;
    for (int i = 0; i < n; i++) {
      int[] who = graders[i];
      if (who == null || who.length < 2) {
        continue;
      }
      graderCount = Math.max(graderCount, who[who.length - 1] + 1);
      List<Integer> set = Arrays.stream(who).boxed().toList();
      itemsOfSet.computeIfAbsent(set, s -> {
        sets.add(s);
        return new ArrayList<>();
      }).add(i);
    }
    PairIds pairIds = new PairIds(graderCount);
    for (int i = 0; i < n; i++) {
      int[] who = graders[i];
      for (int a = 0; who != null && a < who.length; a++) {
        for (int b = a + 1; b < who.length; b++) {
          pairIds.add(who[a], who[b]);
        }
      }
    }
    int pairs = pairIds.size();
    int[] common = mostCommon(graders, categories, graderCount);
    List<Integer> summed = new ArrayList<>();
    boolean[] inSummedSet = new boolean[n];
    for (int k = 0; k < sets.size(); k++) {
      List<Integer> set = sets.get(k);
      List<Integer> items = itemsOfSet.get(set);
      int m = set.size();
      long saved = 0;
      for (int i : items) {
        int rare = rare(graders[i], categories[i], common);
        saved += m * (m - 1L) / 2 - 1 - rare - rare * (rare - 1L) / 2;
      }
      if (saved > SET_COST_PER_PAIR * (m * (m - 1L) / 2)) {
        summed.add(k);
        items.forEach(i -> inSummedSet[i] = true);
      }
    }
    // Counters: the full tables, then the rare cells (2 × 2 a pair), then each summed set's.
    int rareStart = pairs * 9;
    int[] setStart = new int[summed.size()];
    int[] setSize = new int[summed.size()];
    int[][] setPairs = new int[summed.size()][];
    Map<List<Integer>, Integer> setIndex = new HashMap<>();
    int next = rareStart + pairs * 4;
    for (int s = 0; s < summed.size(); s++) {
      List<Integer> set = sets.get(summed.get(s));
      setIndex.put(set, s);
      int m = set.size();
      setStart[s] = next;
      setSize[s] = m;
      next += 1 + 2 * m;
      setPairs[s] = new int[m * (m - 1) / 2];
      int p = 0;
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          setPairs[s][p++] = pairIds.of(set.get(a), set.get(b));
        }
      }
    }
    int[] rowCommon = new int[pairs];
    int[] columnCommon = new int[pairs];
    pairIds.forEach((row, column, id) -> {
      rowCommon[id] = common[row];
      columnCommon[id] = common[column];
    });
    int[] cellStart = new int[n + 1];
    int[][] cellsOf = new int[n][];
    for (int i = 0; i < n; i++) {
      int[] who = graders[i];
      cellsOf[i] = who == null || who.length < 2 ? new int[0]
          : inSummedSet[i] ? summedCells(who, categories[i], common, pairIds, setStart[setIndex.get(
              Arrays.stream(who).boxed().toList())], rareStart)
          : everyCell(who, categories[i], pairIds);
      cellStart[i + 1] = cellStart[i] + cellsOf[i].length;
    }
    int[] cells = new int[cellStart[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(cellsOf[i], 0, cells, cellStart[i], cellsOf[i].length);
    }
    return new PairTables(cells, cellStart, next, pairs, setStart, setSize, setPairs, rowCommon, columnCommon);
  }

  /**
   * Pairs of graders numbered as first added: in a table of every pair when there are at most
   * {@link #DENSE_GRADERS} graders (4 MB), else in a map keyed by one int per pair, {@code a ·
   * graders + b}. Every pair of every item is added and looked up (370,000 at 118,800 judgments);
   * a {@code Long} key of the two indices hashed to {@code a ^ b}, a few dozen values for hundreds
   * of pairs, whose crowded buckets cost a reflective lookup of {@code Comparable} per visit.
   */
  private static final class PairIds {
    private static final int DENSE_GRADERS = 1024;

    private final int graders;
    /** Per pair key, its id + 1 (0: not added); null when there are too many graders. */
    private final int[] dense;
    private final Map<Integer, Integer> sparse;
    private int size;

    PairIds(int graders) {
      if ((long) graders * graders > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(graders + " graders: more pairs than the agreement's tables can number");
      }
      this.graders = graders;
      this.dense = graders <= DENSE_GRADERS ? new int[graders * graders] : null;
      this.sparse = dense == null ? new HashMap<>() : null;
    }

    void add(int a, int b) {
      int key = a * graders + b;
      if (dense == null) {
        sparse.computeIfAbsent(key, k -> size++);
      } else if (dense[key] == 0) {
        dense[key] = ++size;
      }
    }

    /** The id of a pair added before. */
    int of(int a, int b) {
      int key = a * graders + b;
      return dense == null ? sparse.get(key) : dense[key] - 1;
    }

    int size() {
      return size;
    }

    void forEach(PairAction action) {
      if (dense == null) {
        sparse.forEach((key, id) -> action.accept(key / graders, key % graders, id));
        return;
      }
      for (int key = 0; key < dense.length; key++) {
        if (dense[key] > 0) {
          action.accept(key / graders, key % graders, dense[key] - 1);
        }
      }
    }
  }

  @FunctionalInterface
  private interface PairAction {
    void accept(int row, int column, int id);
  }

  /** Per grader, its most common category (the lowest on a tie); 0 for a grader without ratings. */
  private static int[] mostCommon(int[][] graders, int[][] categories, int graderCount) {
    int[][] counts = new int[graderCount][3];
    for (int i = 0; i < graders.length; i++) {
      for (int r = 0; graders[i] != null && graders[i].length >= 2 && r < graders[i].length; r++) {
        counts[graders[i][r]][categories[i][r]]++;
      }
    }
    int[] common = new int[graderCount];
    for (int g = 0; g < graderCount; g++) {
      for (int c = 1; c < 3; c++) {
        common[g] = counts[g][c] > counts[g][common[g]] ? c : common[g];
      }
    }
    return common;
  }

  /** How many of an item's ratings are not their grader's most common category. */
  private static int rare(int[] who, int[] cat, int[] common) {
    int rare = 0;
    for (int r = 0; r < who.length; r++) {
      rare += cat[r] == common[who[r]] ? 0 : 1;
    }
    return rare;
  }

  /** The item's cell in each pair's full table. */
  private static int[] everyCell(int[] who, int[] cat, PairIds pairIds) {
    int[] cells = new int[who.length * (who.length - 1) / 2];
    int p = 0;
    for (int a = 0; a < who.length; a++) {
      for (int b = a + 1; b < who.length; b++) {
        cells[p++] = pairIds.of(who[a], who[b]) * 9 + cat[a] * 3 + cat[b];
      }
    }
    return cells;
  }

  /**
   * An item of a summed set: the set's weight, each rare rating's counter in the set, and the
   * pairs' cells where both ratings are rare.
   */
  private static int[] summedCells(int[] who, int[] cat, int[] common, PairIds pairIds, int setAt,
      int rareStart) {
    List<Integer> cells = new ArrayList<>();
    cells.add(setAt);
    for (int r = 0; r < who.length; r++) {
      if (cat[r] != common[who[r]]) {
        cells.add(setAt + 1 + 2 * r + rareIndex(cat[r], common[who[r]]));
      }
    }
    for (int a = 0; a < who.length; a++) {
      for (int b = a + 1; b < who.length; b++) {
        if (cat[a] != common[who[a]] && cat[b] != common[who[b]]) {
          cells.add(rareStart + pairIds.of(who[a], who[b]) * 4
              + 2 * rareIndex(cat[a], common[who[a]]) + rareIndex(cat[b], common[who[b]]));
        }
      }
    }
    return cells.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A rare category's place among the two categories other than {@code common}: 0 for the lower. */
  private static int rareIndex(int category, int common) {
    return category < common ? category : category - 1;
  }

  /** The category at a rare place: {@link #rareIndex}'s inverse. */
  private static int rareCategory(int index, int common) {
    return index < common ? index : index + 1;
  }

  /** How many counters a resample needs. */
  int counters() {
    return counters;
  }

  /** How many pairs of graders there are. */
  int pairs() {
    return pairs;
  }

  /** The counters of every item, flat; item i's at [{@link #cellStart()}[i], {@link #cellStart()}[i + 1]). */
  int[] cells() {
    return cells;
  }

  int[] cellStart() {
    return cellStart;
  }

  /**
   * The pair tables of the {@code counters} a resample added its items' weights to, written into
   * {@code full} ({@code 9 ×} {@link #pairs} long): pair p's 3 × 3 table, row-major, at [9p, 9p + 9).
   * {@code totals} ({@code 5 ×} {@link #pairs}) is counted in: the caller keeps both, as this runs
   * for every resample. Returns {@code full}.
   */
  int[] tables(int[] counters, int[] full, int[] totals) {
    System.arraycopy(counters, 0, full, 0, pairs * 9);
    // Per pair: the summed sets' weight, and the weight of each rare row and column category.
    Arrays.fill(totals, 0);
    for (int s = 0; s < setStart.length; s++) {
      int at = setStart[s];
      int weight = counters[at];
      if (weight == 0) {
        continue;
      }
      int[] ids = setPairs[s];
      int m = setSize[s];
      int p = 0;
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          int t = ids[p++] * 5;
          totals[t] += weight;
          totals[t + 1] += counters[at + 1 + 2 * a];
          totals[t + 2] += counters[at + 2 + 2 * a];
          totals[t + 3] += counters[at + 1 + 2 * b];
          totals[t + 4] += counters[at + 2 + 2 * b];
        }
      }
    }
    int rareStart = pairs * 9;
    for (int p = 0; p < pairs; p++) {
      int t = p * 5;
      if (totals[t] == 0) {
        continue;
      }
      int z = rowCommon[p];
      int zc = columnCommon[p];
      int r = rareStart + p * 4;
      int commonRow = totals[t] - totals[t + 1] - totals[t + 2];
      for (int y = 0; y < 2; y++) {
        int column = rareCategory(y, zc);
        int commonThere = totals[t + 3 + y] - counters[r + y] - counters[r + 2 + y];
        full[p * 9 + z * 3 + column] += commonThere;
        commonRow -= commonThere;
      }
      full[p * 9 + z * 3 + zc] += commonRow;
      for (int x = 0; x < 2; x++) {
        int row = rareCategory(x, z);
        full[p * 9 + row * 3 + zc] += totals[t + 1 + x] - counters[r + 2 * x] - counters[r + 2 * x + 1];
        for (int y = 0; y < 2; y++) {
          full[p * 9 + row * 3 + rareCategory(y, zc)] += counters[r + 2 * x + y];
        }
      }
    }
    return full;
  }
}
