package dev.parity.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairwise comparisons between players (models and the human baseline), grouped by task: the
 * input of {@link BradleyTerry}. Judgments are aggregated on the way in, per task and pair of
 * players, so 100,000 judgments take little memory and fitting never looks at them one by one.
 *
 * <p>Immutable once built; build it with {@link #builder()}. A builder is not thread-safe.
 */
public final class Comparisons {
  private final List<String> players;
  private final List<String> tasks;
  /** Entries of task t are taskStart[t] until taskStart[t + 1]. */
  private final int[] taskStart;
  private final int[] first;
  private final int[] second;
  /** Wins of first over second, ties, wins of second over first. */
  private final int[] firstWins;
  private final int[] ties;
  private final int[] secondWins;

  private Comparisons(List<String> players, List<String> tasks, int[] taskStart, int[] first,
      int[] second, int[] firstWins, int[] ties, int[] secondWins) {
    this.players = List.copyOf(players);
    this.tasks = List.copyOf(tasks);
    this.taskStart = taskStart;
    this.first = first;
    this.second = second;
    this.firstWins = firstWins;
    this.ties = ties;
    this.secondWins = secondWins;
  }

  /** A builder with no comparisons yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every player compared, in order of first appearance. */
  public List<String> players() {
    return players;
  }

  /** Every task with a comparison, in order of first appearance. */
  public List<String> tasks() {
    return tasks;
  }

  /** The number of comparisons (judgments). */
  public long judgments() {
    long total = 0;
    for (int e = 0; e < first.length; e++) {
      total += (long) firstWins[e] + ties[e] + secondWins[e];
    }
    return total;
  }

  /** All comparisons summed into one matrix. */
  PairwiseMatrix total() {
    int[] everyTask = new int[tasks.size()];
    Arrays.fill(everyTask, 1);
    return sum(everyTask);
  }

  /** Comparisons summed over tasks, task t counted copies[t] times (a bootstrap resample). */
  PairwiseMatrix sum(int[] copies) {
    PairwiseMatrix matrix = new PairwiseMatrix(players.size());
    for (int t = 0; t < copies.length; t++) {
      int c = copies[t];
      if (c == 0) {
        continue;
      }
      for (int e = taskStart[t]; e < taskStart[t + 1]; e++) {
        matrix.add(first[e], second[e], c * (firstWins[e] + 0.5 * ties[e]),
            c * (secondWins[e] + 0.5 * ties[e]));
      }
    }
    return matrix;
  }

  /** Collects comparisons; see {@link Comparisons}. */
  public static final class Builder {
    private final Map<String, Integer> playerIndex = new LinkedHashMap<>();
    private final Map<String, Integer> taskIndex = new LinkedHashMap<>();
    /** (task, lower player, higher player) → {wins of lower, ties, wins of higher}. */
    private final Map<Key, int[]> cells = new HashMap<>();

    private Builder() {}

    private record Key(int task, int low, int high) {}

    /**
     * Adds one judgment of {@code player} against {@code opponent} on {@code task}.
     *
     * @param outcome from {@code player}'s side
     * @throws IllegalArgumentException if player and opponent are the same
     */
    public Builder add(String task, String player, String opponent, Outcome outcome) {
      Objects.requireNonNull(outcome, "outcome");
      return add(task, player, opponent, OutcomeCounts.EMPTY.plus(outcome));
    }

    /**
     * Adds several judgments of {@code player} against {@code opponent} on {@code task}.
     *
     * @param counts from {@code player}'s side: its wins, the ties, its losses
     * @throws IllegalArgumentException if player and opponent are the same
     */
    public Builder add(String task, String player, String opponent, OutcomeCounts counts) {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(counts, "counts");
      if (player.equals(opponent)) {
        throw new IllegalArgumentException(
            "a player cannot be compared with itself: '" + player + "' on task '" + task + "'");
      }
      int t = taskIndex.computeIfAbsent(task, k -> taskIndex.size());
      int a = playerIndex.computeIfAbsent(player, k -> playerIndex.size());
      int b = playerIndex.computeIfAbsent(opponent, k -> playerIndex.size());
      OutcomeCounts oriented = a < b ? counts : counts.reversed();
      int[] cell = cells.computeIfAbsent(new Key(t, Math.min(a, b), Math.max(a, b)), k -> new int[3]);
      cell[0] = Math.addExact(cell[0], oriented.wins());
      cell[1] = Math.addExact(cell[1], oriented.ties());
      cell[2] = Math.addExact(cell[2], oriented.losses());
      return this;
    }

    /** The comparisons added so far. */
    public Comparisons build() {
      List<Map.Entry<Key, int[]>> entries = new ArrayList<>(cells.entrySet());
      entries.sort((x, y) -> {
        int c = Integer.compare(x.getKey().task(), y.getKey().task());
        c = c != 0 ? c : Integer.compare(x.getKey().low(), y.getKey().low());
        return c != 0 ? c : Integer.compare(x.getKey().high(), y.getKey().high());
      });
      int size = entries.size();
      int[] taskStart = new int[taskIndex.size() + 1];
      int[] first = new int[size];
      int[] second = new int[size];
      int[] firstWins = new int[size];
      int[] ties = new int[size];
      int[] secondWins = new int[size];
      for (int e = 0; e < size; e++) {
        Key key = entries.get(e).getKey();
        int[] cell = entries.get(e).getValue();
        taskStart[key.task() + 1]++;
        first[e] = key.low();
        second[e] = key.high();
        firstWins[e] = cell[0];
        ties[e] = cell[1];
        secondWins[e] = cell[2];
      }
      for (int t = 0; t < taskIndex.size(); t++) {
        taskStart[t + 1] += taskStart[t];
      }
      return new Comparisons(new ArrayList<>(playerIndex.keySet()),
          new ArrayList<>(taskIndex.keySet()), taskStart, first, second, firstWins, ties, secondWins);
    }
  }
}
