package dev.parity.tasks;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a suite holds, in numbers: tasks per sector and per occupation, the human time and cost of
 * the baselines, where the suite came from, and what its tasks lack.
 *
 * <p>Human time and cost add up only what is measured or reported: {@link #timedTasks} and
 * {@link #costedTasks} say how many tasks that is, so that an unknown is never read as zero.
 *
 * @param name the suite's name
 * @param version the suite's version
 * @param hash the suite's content hash
 * @param license the suite's licence statement; may be null
 * @param provenance the dataset an imported suite comes from; null for a suite written by hand
 * @param tasks the number of tasks
 * @param timedTasks tasks whose professional's minutes are measured or reported
 * @param costedTasks tasks whose minutes and wage are both measured or reported
 * @param humanHours the professionals' total time on the timed tasks
 * @param humanCostUsd the total cost of the costed tasks at each task's hourly wage
 * @param sectors one group per sector, largest first
 * @param occupations one group per occupation, largest first
 * @param flags for each kind of flag raised, the tasks it is raised on, in kind order
 */
public record SuiteSummary(
    String name,
    String version,
    String hash,
    String license,
    SuiteProvenance provenance,
    int tasks,
    int timedTasks,
    int costedTasks,
    double humanHours,
    double humanCostUsd,
    List<Group> sectors,
    List<Group> occupations,
    List<Flagged> flags) {

  /**
   * Tasks of one sector or occupation.
   *
   * @param name the sector or occupation title
   * @param soc the O*NET-SOC code of an occupation; null for a sector
   * @param sector the occupation's sector (its first, when tasks disagree); null for a sector
   * @param tasks how many tasks
   * @param humanHours their timed baselines' total hours
   * @param humanCostUsd their costed baselines' total cost
   */
  public record Group(String name, String soc, String sector, int tasks, double humanHours, double humanCostUsd) {}

  /**
   * The tasks that raise one kind of flag.
   *
   * @param kind the flag
   * @param taskIds the tasks, in id order
   */
  public record Flagged(TaskFlag.Kind kind, List<String> taskIds) {
    public Flagged {
      taskIds = List.copyOf(taskIds);
    }
  }

  /**
   * What the summary needs of one task, which the load cache keeps so that {@code suite info}
   * does not bind every task again.
   *
   * @param hours the professional's hours, measured or reported; null when not known
   * @param costUsd the baseline's cost, from known hours and wage; null when not known
   */
  public record TaskFacts(String id, String sector, Occupation occupation, Double hours, Double costUsd,
      List<TaskFlag> flags) {
    public TaskFacts {
      flags = List.copyOf(flags);
    }

    public static TaskFacts of(Task task) {
      return new TaskFacts(task.id(), task.sector(), task.occupation(), boxed(task.baseline().hours()),
          boxed(task.baseline().costUsd()), task.flags());
    }

    private static Double boxed(java.util.OptionalDouble value) {
      return value.isPresent() ? value.getAsDouble() : null;
    }
  }

  public SuiteSummary {
    sectors = List.copyOf(sectors);
    occupations = List.copyOf(occupations);
    flags = List.copyOf(flags);
  }

  /** Summarises {@code suite}. */
  public static SuiteSummary of(Suite suite) {
    return of(suite, suite.tasks().stream().map(TaskFacts::of).toList());
  }

  /** Summarises a suite from its manifest's fields in {@code suite} (whose tasks are not read) and its tasks' facts, in id order. */
  static SuiteSummary of(Suite suite, List<TaskFacts> tasks) {
    int timed = (int) tasks.stream().filter(t -> t.hours() != null).count();
    int costed = (int) tasks.stream().filter(t -> t.costUsd() != null).count();
    return new SuiteSummary(suite.name(), suite.version(), suite.contentHash(), suite.license(), suite.provenance(),
        tasks.size(), timed, costed, hours(tasks), cost(tasks),
        groups(tasks, TaskFacts::sector, t -> new Group(t.get(0).sector(), null, null, 0, 0, 0)),
        groups(tasks, t -> t.occupation().soc() + " " + t.occupation().title(),
            t -> new Group(t.get(0).occupation().title(), t.get(0).occupation().soc(), t.get(0).sector(), 0, 0, 0)),
        flags(tasks));
  }

  private static List<Flagged> flags(List<TaskFacts> tasks) {
    Map<TaskFlag.Kind, List<String>> byKind = new EnumMap<>(TaskFlag.Kind.class);
    for (TaskFacts task : tasks) {
      task.flags().forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new java.util.ArrayList<>()).add(task.id()));
    }
    return byKind.entrySet().stream().map(e -> new Flagged(e.getKey(), e.getValue())).toList();
  }

  private static List<Group> groups(List<TaskFacts> tasks, Function<TaskFacts, String> key,
      Function<List<TaskFacts>, Group> label) {
    Map<String, List<TaskFacts>> byKey = tasks.stream()
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    return byKey.values().stream()
        .map(members -> {
          Group named = label.apply(members);
          return new Group(named.name(), named.soc(), named.sector(), members.size(), hours(members), cost(members));
        })
        .sorted(Comparator.comparingInt(Group::tasks).reversed().thenComparing(Group::name))
        .toList();
  }

  private static double hours(List<TaskFacts> tasks) {
    return tasks.stream().filter(t -> t.hours() != null).mapToDouble(TaskFacts::hours).sum();
  }

  private static double cost(List<TaskFacts> tasks) {
    return tasks.stream().filter(t -> t.costUsd() != null).mapToDouble(TaskFacts::costUsd).sum();
  }
}
