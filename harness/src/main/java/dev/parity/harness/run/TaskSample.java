package dev.parity.harness.run;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parity.core.ParityException;
import dev.parity.tasks.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A seeded random sample of a selection's tasks, optionally stratified, so that a pilot on a large
 * suite is reproducible: the same tasks, the same size and seed give the same sample.
 *
 * <p>Unstratified: the tasks in id order are shuffled with {@code new Random(seed)} and the first
 * {@code size} kept. Stratified by occupation or sector: each group gets
 * {@code floor(size × group ÷ total)} tasks, and the seats left over go one each to the groups with
 * the largest remainders (ties: the larger group, then the name); each group's tasks are drawn as
 * above with the same seed. A small group may get none: the rule is proportional, with no
 * minimum per group (docs/gdpval.md, "Selecting tasks").
 *
 * @param size how many tasks, at least 1
 * @param seed the random generator's seed, recorded with the run
 * @param stratify the groups to sample proportionally from; null for none
 */
public record TaskSample(int size, long seed, Stratify stratify) {
  public TaskSample {
    if (size < 1) {
      throw new IllegalArgumentException("--sample must be at least 1, was " + size);
    }
  }

  /** The groups a sample can be stratified by. */
  public enum Stratify {
    OCCUPATION(t -> t.occupation().title()),
    SECTOR(Task::sector);

    private final Function<Task, String> group;

    Stratify(Function<Task, String> group) {
      this.group = group;
    }

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The stratum named {@code id}: {@code occupation} or {@code sector}. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Stratify of(String id) {
      for (Stratify s : values()) {
        if (s.id().equalsIgnoreCase(id.strip())) {
          return s;
        }
      }
      throw new ParityException("--stratify takes occupation or sector, not \"" + id + "\"");
    }
  }

  /**
   * The sample of {@code tasks} (already filtered), in id order.
   *
   * @throws ParityException if the sample is larger than the tasks to draw from
   */
  List<Task> draw(List<Task> tasks) {
    if (size > tasks.size()) {
      throw new ParityException("--sample " + size + " is more than the " + tasks.size() + " tasks selected");
    }
    List<Task> drawn = new ArrayList<>();
    if (stratify == null) {
      drawn.addAll(shuffled(tasks).subList(0, size));
    } else {
      Map<String, List<Task>> groups = new TreeMap<>();
      tasks.forEach(t -> groups.computeIfAbsent(stratify.group.apply(t), g -> new ArrayList<>()).add(t));
      allocate(groups).forEach((group, count) -> drawn.addAll(shuffled(groups.get(group)).subList(0, count)));
    }
    drawn.sort(Comparator.comparing(Task::id));
    return drawn;
  }

  /** Proportional allocation with largest remainders (Hamilton's method), as documented above. */
  Map<String, Integer> allocate(Map<String, List<Task>> groups) {
    int total = groups.values().stream().mapToInt(List::size).sum();
    Map<String, Integer> seats = new TreeMap<>();
    List<String> byRemainder = new ArrayList<>(groups.keySet());
    int given = 0;
    for (var group : groups.entrySet()) {
      int floor = (int) ((long) size * group.getValue().size() / total);
      seats.put(group.getKey(), floor);
      given += floor;
    }
    byRemainder.sort(Comparator.<String>comparingLong(g -> (long) size * groups.get(g).size() % total).reversed()
        .thenComparing(Comparator.<String>comparingInt(g -> groups.get(g).size()).reversed())
        .thenComparing(Comparator.naturalOrder()));
    for (int i = 0; given < size; i++, given++) {
      seats.merge(byRemainder.get(i), 1, Integer::sum);
    }
    return seats;
  }

  private List<Task> shuffled(List<Task> tasks) {
    List<Task> ordered = new ArrayList<>(tasks);
    ordered.sort(Comparator.comparing(Task::id));
    java.util.Collections.shuffle(ordered, new Random(seed));
    return ordered;
  }

  @Override
  public String toString() {
    return "a sample of " + size + " (seed " + seed + (stratify == null ? "" : ", stratified by " + stratify.id()) + ")";
  }
}
