package dev.parity.graders.baseline;

import dev.parity.graders.campaign.Grader;
import dev.parity.harness.run.HumanAttempts.Assigned;
import dev.parity.tasks.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Who works on which task: each task goes to {@code perTask} professionals of its occupation,
 * never to the one who wrote its baseline, the least loaded first (ties broken by the seeded
 * random generator), the tasks with the fewest eligible professionals placed first.
 */
final class BaselinePlan {
  private BaselinePlan() {}

  /**
   * The assignments, by task in the order given and each task's professionals by id.
   *
   * @param problems gets a line per task that has fewer than {@code perTask} eligible professionals
   */
  static List<Assigned> plan(List<Task> tasks, List<Grader> professionals, int perTask, Random random,
      List<String> problems) {
    Map<Task, List<Grader>> eligible = new LinkedHashMap<>();
    for (Task task : tasks) {
      List<Grader> people = professionals.stream()
          .filter(p -> p.works(task.occupation()) && !p.id().equals(task.baseline().author())).toList();
      if (people.size() < perTask) {
        problems.add("task " + task.id() + " (" + task.occupation().title() + "): " + people.size()
            + " professionals of its occupation can take it (its baseline's author excluded), " + perTask + " needed");
      }
      eligible.put(task, people);
    }
    if (!problems.isEmpty()) {
      return List.of();
    }
    List<Task> order = new ArrayList<>(tasks);
    Collections.shuffle(order, random);
    order.sort(Comparator.comparingInt(t -> eligible.get(t).size()));
    Map<String, Integer> load = new HashMap<>();
    Map<Task, List<String>> chosen = new HashMap<>();
    for (Task task : order) {
      List<Grader> candidates = new ArrayList<>(eligible.get(task));
      Collections.shuffle(candidates, random);
      candidates.sort(Comparator.comparingInt(p -> load.getOrDefault(p.id(), 0)));
      List<String> ids = candidates.subList(0, perTask).stream().map(Grader::id).sorted().toList();
      ids.forEach(id -> load.merge(id, 1, Integer::sum));
      chosen.put(task, ids);
    }
    List<Assigned> assigned = new ArrayList<>();
    for (Task task : tasks) {
      chosen.get(task).forEach(id -> assigned.add(new Assigned(id, task.id())));
    }
    return assigned;
  }
}
