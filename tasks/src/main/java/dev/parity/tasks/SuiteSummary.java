package dev.parity.tasks;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a suite holds, in numbers: tasks per sector and per occupation, and the human time and
 * cost of the baselines.
 *
 * @param name the suite's name
 * @param version the suite's version
 * @param hash the suite's content hash
 * @param tasks the number of tasks
 * @param humanHours the professionals' total time on the baselines
 * @param humanCostUsd the total cost of that time at each task's hourly wage
 * @param sectors one group per sector, largest first
 * @param occupations one group per occupation, largest first
 */
public record SuiteSummary(
    String name,
    String version,
    String hash,
    int tasks,
    double humanHours,
    double humanCostUsd,
    List<Group> sectors,
    List<Group> occupations) {

  /**
   * Tasks of one sector or occupation.
   *
   * @param name the sector or occupation title
   * @param soc the O*NET-SOC code of an occupation; null for a sector
   * @param sector the occupation's sector (its first, when tasks disagree); null for a sector
   * @param tasks how many tasks
   * @param humanHours their baselines' total hours
   * @param humanCostUsd their baselines' total cost
   */
  public record Group(String name, String soc, String sector, int tasks, double humanHours, double humanCostUsd) {}

  public SuiteSummary {
    sectors = List.copyOf(sectors);
    occupations = List.copyOf(occupations);
  }

  /** Summarises {@code suite}. */
  public static SuiteSummary of(Suite suite) {
    List<Task> tasks = suite.tasks();
    return new SuiteSummary(suite.name(), suite.version(), suite.contentHash(), tasks.size(),
        hours(tasks), cost(tasks),
        groups(tasks, Task::sector, t -> new Group(t.get(0).sector(), null, null, 0, 0, 0)),
        groups(tasks, t -> t.occupation().soc() + " " + t.occupation().title(),
            t -> new Group(t.get(0).occupation().title(), t.get(0).occupation().soc(), t.get(0).sector(), 0, 0, 0)));
  }

  private static List<Group> groups(List<Task> tasks, Function<Task, String> key, Function<List<Task>, Group> label) {
    Map<String, List<Task>> byKey = tasks.stream()
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    return byKey.values().stream()
        .map(members -> {
          Group named = label.apply(members);
          return new Group(named.name(), named.soc(), named.sector(), members.size(), hours(members), cost(members));
        })
        .sorted(Comparator.comparingInt(Group::tasks).reversed().thenComparing(Group::name))
        .toList();
  }

  private static double hours(List<Task> tasks) {
    return tasks.stream().mapToDouble(t -> t.baseline().hours()).sum();
  }

  private static double cost(List<Task> tasks) {
    return tasks.stream().mapToDouble(t -> t.baseline().costUsd()).sum();
  }
}
