package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The order in which a resample's group sums are made ({@link GroupSums}): nodes [0, leaves) are
 * summed from tasks, the others from earlier nodes; node n's terms (tasks, or nodes) are at
 * [termStart[n], termStart[n + 1]), and group g's sums are node {@code nodeOfGroup[g]}'s.
 *
 * <p>A group is summed from groups that partition it where there are such (a sector from its
 * occupations, all tasks from the length buckets), the others from their tasks or, when many
 * tasks sit in exactly the same groups, from those cells of tasks, each summed once. {@link #of}
 * makes the plan both ways and keeps the one with fewer terms. Immutable.
 */
record SumPlan(int leaves, int[] terms, int[] termStart, int[] nodeOfGroup) {

  int nodes() {
    return termStart.length - 1;
  }

  /**
   * The plan with fewer terms for groups of drawable tasks, with or without cells.
   *
   * @param tasks the number of drawable tasks
   * @param members per group, its tasks (indices below {@code tasks})
   */
  static SumPlan of(int tasks, int[][] members) {
    SumPlan withoutCells = of(tasks, members, new int[0][]);
    SumPlan withCells = of(tasks, members, cells(tasks, members));
    return withCells.terms.length < withoutCells.terms.length ? withCells : withoutCells;
  }

  /** The tasks in exactly the same groups, each set once, in the order first met. */
  private static int[][] cells(int tasks, int[][] members) {
    List<List<Integer>> groupsOfTask = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      groupsOfTask.add(new ArrayList<>());
    }
    for (int g = 0; g < members.length; g++) {
      for (int t : members[g]) {
        groupsOfTask.get(t).add(g);
      }
    }
    Map<List<Integer>, List<Integer>> cells = new LinkedHashMap<>();
    for (int t = 0; t < tasks; t++) {
      cells.computeIfAbsent(groupsOfTask.get(t), k -> new ArrayList<>()).add(t);
    }
    return cells.values().stream().map(c -> c.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /**
   * The plan for {@code members} with {@code cells} as extra sets: every group is summed from
   * earlier sets that partition it where it can be (taken largest first), else from its tasks.
   * Sets are taken cells first, then groups from the smallest, so a set is only ever summed from
   * sets made before it.
   */
  private static SumPlan of(int tasks, int[][] members, int[][] cells) {
    int[][] sets = new int[cells.length + members.length][];
    System.arraycopy(cells, 0, sets, 0, cells.length);
    System.arraycopy(members, 0, sets, cells.length, members.length);
    int[] order = IntStream.range(0, sets.length).boxed()
        .sorted(Comparator.<Integer>comparingInt(s -> s < cells.length ? -1 : sets[s].length)
            .thenComparingInt(s -> s))
        .mapToInt(Integer::intValue).toArray();
    int[][] parts = new int[sets.length][];
    boolean[] distinct = new boolean[sets.length];
    int[] in = new int[tasks];
    int[] taken = new int[tasks];
    // The sets made so far, largest first and those of one size in the order they were made: each
    // put in its place as it is made, not all sorted again for every set partitioned (a model's
    // groups and cells are a few hundred).
    List<Integer> done = new ArrayList<>();
    for (int position = 0; position < order.length; position++) {
      int s = order[position];
      int stamp = position + 1;
      // A set that names a task twice counts it twice: it is summed from its tasks, and no other is summed from it.
      distinct[s] = true;
      for (int t : sets[s]) {
        distinct[s] &= in[t] != stamp;
        in[t] = stamp;
      }
      if (s >= cells.length && distinct[s] && sets[s].length > 0) {
        parts[s] = partition(sets, s, done, distinct, in, taken, stamp);
      }
      done.add(afterSetsAsLarge(sets, done, sets[s].length), s);
    }
    return number(sets, cells.length, order, parts);
  }

  /** Where a set of {@code size} tasks goes in {@code done} (largest first): after every set as large or larger. */
  private static int afterSetsAsLarge(int[][] sets, List<Integer> done, int size) {
    int low = 0;
    int high = done.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sets[done.get(middle)].length >= size) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * Earlier sets ({@code done}, largest first) that partition set s (its tasks marked {@code stamp}
   * in {@code in}), largest first; null if these do not.
   */
  private static int[] partition(int[][] sets, int s, List<Integer> done, boolean[] distinct, int[] in, int[] taken,
      int stamp) {
    List<Integer> chosen = new ArrayList<>();
    int covered = 0;
    for (int h : done) {
      if (!distinct[h] || sets[h].length == 0 || covered + sets[h].length > sets[s].length
          || !within(sets[h], in, taken, stamp)) {
        continue;
      }
      for (int t : sets[h]) {
        taken[t] = stamp;
      }
      chosen.add(h);
      covered += sets[h].length;
      if (covered == sets[s].length) {
        return chosen.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return null;
  }

  /** Whether every task of {@code set} is in the set being partitioned and not yet in one of its parts. */
  private static boolean within(int[] set, int[] in, int[] taken, int stamp) {
    for (int t : set) {
      if (in[t] != stamp || taken[t] == stamp) {
        return false;
      }
    }
    return true;
  }

  /** Numbers the sets as nodes, those summed from tasks first, and flattens their terms. */
  private static SumPlan number(int[][] sets, int cells, int[] order, int[][] parts) {
    int[] node = new int[sets.length];
    int leaves = 0;
    for (int s : order) {
      if (parts[s] == null) {
        node[s] = leaves++;
      }
    }
    int next = leaves;
    for (int s : order) {
      if (parts[s] != null) {
        node[s] = next++;
      }
    }
    int[] setOfNode = new int[sets.length];
    for (int s = 0; s < sets.length; s++) {
      setOfNode[node[s]] = s;
    }
    int[] termStart = new int[sets.length + 1];
    int[][] termsOfNode = new int[sets.length][];
    for (int n = 0; n < sets.length; n++) {
      int s = setOfNode[n];
      termsOfNode[n] = parts[s] == null ? sets[s] : Arrays.stream(parts[s]).map(p -> node[p]).toArray();
      termStart[n + 1] = termStart[n] + termsOfNode[n].length;
    }
    int[] terms = Arrays.stream(termsOfNode).flatMapToInt(Arrays::stream).toArray();
    int[] nodeOfGroup = IntStream.range(0, sets.length - cells).map(g -> node[cells + g]).toArray();
    return new SumPlan(leaves, terms, termStart, nodeOfGroup);
  }
}
