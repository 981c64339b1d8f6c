package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.OutcomeCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which tasks fall in each group, per model, with the model's verdict counts on each task: the
 * shared input of the win rates, time horizons and economics.
 */
final class Grouping {
  /** The overall group's name. */
  static final String ALL_TASKS = "All tasks";

  /** A group: a level and a name within it. Ordered as the report lists groups. */
  record Key(Level level, String name) implements Comparable<Key> {
    private int bucketIndex() {
      return level == Level.TASK_LENGTH ? TaskFacts.LENGTH_BUCKETS.indexOf(name) : 0;
    }

    /**
     * By level, then task lengths from the shortest and other names alphabetically. Written out,
     * not chained comparators: every model's task is put in each of its groups' sorted maps.
     */
    @Override
    public int compareTo(Key other) {
      int c = level.compareTo(other.level);
      if (c == 0 && level == Level.TASK_LENGTH) {
        c = Integer.compare(bucketIndex(), other.bucketIndex());
      }
      return c != 0 ? c : name.compareTo(other.name);
    }
  }

  /** model → group → task → verdicts, models by name, groups in report order, tasks by id. */
  private final Map<String, Map<Key, Map<String, OutcomeCounts>>> byModel;

  private Grouping(Map<String, Map<Key, Map<String, OutcomeCounts>>> byModel) {
    this.byModel = byModel;
  }

  /** Groups the judgments against the baseline by player: each model, and the professionals together ({@link Players}). */
  static Grouping of(List<Judgment> againstBaseline, TaskFacts facts) {
    // Counted per task in arrays (wins, ties, losses) first, then given to the task's groups: a
    // task's groups are the same in every judgment of it (Verdicts checked its sector and
    // occupation), so they are worked out once, and 100,000 judgments make no map update per group.
    // A model's judgments of a task mostly come one after the other (the report sorts them by task
    // and model): its counts are looked up only when they change.
    Map<String, List<Key>> keysOfTask = new HashMap<>();
    Map<String, Map<String, int[]>> counting = new HashMap<>();
    Judgment previous = null;
    int[] counts = null;
    for (Judgment j : againstBaseline) {
      if (previous == null || !j.taskId().equals(previous.taskId()) || !j.model().equals(previous.model())) {
        Map<String, int[]> tasks = counting.computeIfAbsent(Players.of(j.model()), m -> new HashMap<>());
        counts = tasks.get(j.taskId());
        if (counts == null) {
          counts = new int[3];
          tasks.put(j.taskId(), counts);
          keysOfTask.computeIfAbsent(j.taskId(), task -> keys(j, facts));
        }
        previous = j;
      }
      counts[switch (j.outcome()) {
        case WIN -> 0;
        case TIE -> 1;
        case LOSS -> 2;
      }]++;
    }
    // A model's tasks are sorted once and added to their groups in that order: a group's tasks
    // are in id order as they come, not each put in a sorted map (five or so groups a task).
    Map<String, Map<Key, Map<String, OutcomeCounts>>> byModel = new TreeMap<>();
    counting.forEach((model, tasks) -> {
      Map<Key, Map<String, OutcomeCounts>> groups = new TreeMap<>();
      List<String> ids = new ArrayList<>(tasks.keySet());
      Collections.sort(ids);
      for (String task : ids) {
        int[] c = tasks.get(task);
        OutcomeCounts verdicts = OutcomeCounts.of(c[0], c[1], c[2]);
        keysOfTask.get(task).forEach(key -> groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(task, verdicts));
      }
      byModel.put(model, groups);
    });
    return new Grouping(byModel);
  }

  private static List<Key> keys(Judgment j, TaskFacts facts) {
    List<Key> keys = new ArrayList<>(List.of(new Key(Level.OVERALL, ALL_TASKS),
        new Key(Level.SECTOR, j.sector()), new Key(Level.OCCUPATION, j.occupation())));
    facts.of(j.taskId()).ifPresent(f -> {
      f.fileTypes().forEach(type -> keys.add(new Key(Level.FILE_TYPE, type)));
      f.lengthBucket().ifPresent(length -> keys.add(new Key(Level.TASK_LENGTH, length)));
    });
    return keys;
  }

  /** The models, by name. */
  List<String> models() {
    return List.copyOf(byModel.keySet());
  }

  /** The groups of {@code model}, in report order, each with its tasks' verdicts. */
  Map<Key, Map<String, OutcomeCounts>> groups(String model) {
    return byModel.getOrDefault(model, Map.of());
  }

  /** The verdicts of {@code model} per task over all tasks. */
  Map<String, OutcomeCounts> overall(String model) {
    return groups(model).getOrDefault(new Key(Level.OVERALL, ALL_TASKS), new LinkedHashMap<>());
  }
}
