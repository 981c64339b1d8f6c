package dev.parity.reports.stats;

import dev.parity.judgments.Outcome;
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
    /** Players are packed in 16 bits of a key. */
    private static final int MAX_PLAYERS = 0xFFFF;

    private final Map<String, Integer> playerIndex = new LinkedHashMap<>();
    private final Map<String, Integer> taskIndex = new LinkedHashMap<>();
    /** (task, lower player, higher player) packed in a long → {wins of lower, ties, wins of higher}. */
    private final Map<Long, int[]> cells = new HashMap<>();

    private Builder() {}

    /**
     * Adds one judgment of {@code player} against {@code opponent} on {@code task}.
     *
     * @param outcome from {@code player}'s side
     * @throws IllegalArgumentException if player and opponent are the same
     */
    public Builder add(String task, String player, String opponent, Outcome outcome) {
      return switch (Objects.requireNonNull(outcome, "outcome")) {
        case WIN -> record(task, player, opponent, 1, 0, 0);
        case TIE -> record(task, player, opponent, 0, 1, 0);
        case LOSS -> record(task, player, opponent, 0, 0, 1);
      };
    }

    /**
     * Adds several judgments of {@code player} against {@code opponent} on {@code task}.
     *
     * @param counts from {@code player}'s side: its wins, the ties, its losses
     * @throws IllegalArgumentException if player and opponent are the same
     */
    public Builder add(String task, String player, String opponent, OutcomeCounts counts) {
      return record(task, player, opponent, counts.wins(), counts.ties(), counts.losses());
    }

    private Builder record(String task, String player, String opponent, int wins, int ties,
        int losses) {
      Objects.requireNonNull(task, "task");
      if (player.equals(opponent)) {
        throw new IllegalArgumentException(
            "a player cannot be compared with itself: '" + player + "' on task '" + task + "'");
      }
      int t = taskIndex.computeIfAbsent(task, k -> taskIndex.size());
      int a = playerIndex.computeIfAbsent(player, k -> playerIndex.size());
      int b = playerIndex.computeIfAbsent(opponent, k -> playerIndex.size());
      if (playerIndex.size() > MAX_PLAYERS) {
        throw new IllegalArgumentException("more than " + MAX_PLAYERS + " players");
      }
      long key = (long) t << 32 | (long) Math.min(a, b) << 16 | Math.max(a, b);
      int[] cell = cells.computeIfAbsent(key, k -> new int[3]);
      cell[0] = Math.addExact(cell[0], a < b ? wins : losses);
      cell[1] = Math.addExact(cell[1], ties);
      cell[2] = Math.addExact(cell[2], a < b ? losses : wins);
      return this;
    }

    /** The comparisons added so far. */
    public Comparisons build() {
      // Sorted keys order entries by task, then by pair.
      List<Map.Entry<Long, int[]>> entries = new ArrayList<>(cells.entrySet());
      entries.sort(Map.Entry.comparingByKey());
      int size = entries.size();
      int[] taskStart = new int[taskIndex.size() + 1];
      int[] first = new int[size];
      int[] second = new int[size];
      int[] firstWins = new int[size];
      int[] ties = new int[size];
      int[] secondWins = new int[size];
      for (int e = 0; e < size; e++) {
        long key = entries.get(e).getKey();
        int[] cell = entries.get(e).getValue();
        taskStart[(int) (key >>> 32) + 1]++;
        first[e] = (int) (key >>> 16) & 0xFFFF;
        second[e] = (int) key & 0xFFFF;
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
