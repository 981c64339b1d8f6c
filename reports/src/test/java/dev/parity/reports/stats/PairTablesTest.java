package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The pair tables are the weighted counts of each pair's categories on the items both graders
 * rated, exactly, whether an item's set of graders is summed as a set or its cells one by one.
 */
class PairTablesTest {
  /**
   * 400 items, most rated by {@code raters} consecutive graders from one of {@code starts} first
   * graders (few starts: large sets, summed as sets), a share {@code pairs} of them by two graders
   * of 10 (sets of one pair, never summed: they save nothing), some by one grader only; categories
   * lean to a grader's favourite. Grader g is numbered {@code g · spacing}.
   */
  private static int[][][] items(long seed, int starts, int raters, double pairs, int spacing) {
    Random random = new Random(seed);
    int[][] graders = new int[400][];
    int[][] categories = new int[400][];
    for (int i = 0; i < 400; i++) {
      double u = random.nextDouble();
      int m = u < 0.05 ? 1 : u < 0.05 + pairs ? 2 : raters;
      int first = m == 2 ? random.nextInt(9) : random.nextInt(starts);
      graders[i] = IntStream.range(first, first + m).map(g -> g * spacing).toArray();
      categories[i] = IntStream.range(first, first + m)
          .map(g -> random.nextDouble() < 0.5 ? g % 3 : random.nextInt(3)).toArray();
    }
    return new int[][][] {graders, categories};
  }

  /** Each pair's table counted item by item, keyed by its two graders. */
  private static Map<Long, int[]> counted(int[][] graders, int[][] categories, int[] weights) {
    Map<Long, int[]> tables = new HashMap<>();
    for (int i = 0; i < graders.length; i++) {
      for (int a = 0; a < graders[i].length; a++) {
        for (int b = a + 1; b < graders[i].length; b++) {
          tables.computeIfAbsent((long) graders[i][a] << 32 | graders[i][b], k -> new int[9])
              [categories[i][a] * 3 + categories[i][b]] += weights[i];
        }
      }
    }
    return tables;
  }

  private static int[] summed(PairTables tables, int[] weights) {
    int[] counters = new int[tables.counters()];
    for (int i = 0; i < weights.length; i++) {
      for (int c = tables.cellStart()[i]; c < tables.cellStart()[i + 1]; c++) {
        counters[tables.cells()[c]] += weights[i];
      }
    }
    return tables.tables(counters, new int[tables.pairs() * 9], new int[tables.pairs() * 5]);
  }

  /** Checks the tables on 50 resamples; returns how many counters the items add against how many cells. */
  private static double assertSameTables(int starts, int raters, double pairs) {
    return assertSameTables(starts, raters, pairs, 1);
  }

  private static double assertSameTables(int starts, int raters, double pairs, int spacing) {
    int[][][] data = items(starts * 31L + raters, starts, raters, pairs, spacing);
    int[][] graders = data[0];
    int[][] categories = data[1];
    PairTables tables = PairTables.of(graders, categories);
    long cells = 0;
    for (int[] who : graders) {
      cells += who.length * (who.length - 1) / 2;
    }
    // Pairs are numbered as first met, item after item.
    Map<Long, Integer> ids = new HashMap<>();
    for (int[] who : graders) {
      for (int a = 0; a < who.length; a++) {
        for (int b = a + 1; b < who.length; b++) {
          ids.putIfAbsent((long) who[a] << 32 | who[b], ids.size());
        }
      }
    }
    assertThat(tables.pairs()).isEqualTo(ids.size());
    Random random = new Random(starts);
    for (int resample = 0; resample < 50; resample++) {
      int[] weights = new int[graders.length];
      for (int draw = 0; draw < graders.length; draw++) {
        weights[random.nextInt(graders.length)]++;
      }
      int[] summed = summed(tables, weights);
      Map<Long, int[]> counted = counted(graders, categories, weights);
      ids.forEach((pair, id) -> {
        for (int c = 0; c < 9; c++) {
          assertThat(summed[id * 9 + c]).as("pair %d cell %d", id, c).isEqualTo(counted.get(pair)[c]);
        }
      });
    }
    return (double) tables.cells().length / cells;
  }

  @Test
  void itemsOfLargeSetsOfGradersGiveTheCountedTablesFromFewerCounters() {
    assertThat(assertSameTables(3, 6, 0)).isLessThan(0.7);
  }

  @Test
  void itemsOfPairsOfGradersGiveTheCountedTablesCellByCell() {
    assertThat(assertSameTables(9, 2, 0)).isEqualTo(1);
  }

  @Test
  void gradersNumberedBeyondATableOfEveryPairGiveTheCountedTables() {
    // Grader indices up to 4,200: the pairs' ids then come from a map, not a table of every pair.
    assertThat(assertSameTables(4, 5, 0.3, 300)).isLessThan(0.9);
  }

  @Test
  void setsOfBothKindsTogetherGiveTheCountedTables() {
    assertThat(assertSameTables(4, 5, 0.3)).isLessThan(0.9);
    assertThat(assertSameTables(6, 8, 0.5)).isLessThan(0.9);
  }
}
