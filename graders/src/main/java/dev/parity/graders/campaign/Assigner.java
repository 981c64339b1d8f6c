package dev.parity.graders.campaign;

import dev.parity.tasks.Occupation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides who grades what. Each model pair goes to {@code perPair} graders of its task's
 * occupation, the least loaded first (ties broken at random), the most constrained pairs first;
 * no grader gets the same task twice (an attention check counts, since seeing a baseline twice
 * would tell which side it is); each grader's queue is shuffled and each assignment's left and
 * right sides are drawn at random. Every choice comes from the one seeded {@link Random}, so a
 * plan is reproducible. Pure: it touches no store.
 */
final class Assigner {
  private Assigner() {}

  /** A pair to be graded: which task, of which occupation. */
  record Slot(String taskId, Occupation occupation) {}

  /** One assignment: pair {@code pair} (an index into {@link Plan#pairs}) to a grader. */
  record Planned(int pair, String graderId, boolean baselineOnLeft, int position) {}

  /**
   * What was decided.
   *
   * @param pairs the model pairs as given, then one attention-check pair per task used for one
   * @param attentionFrom the index in {@code pairs} where attention-check pairs start
   * @param assignments every assignment
   * @param notes what the plan could not do and why (e.g. a grader who has no task left for an
   *     attention check); not failures
   */
  record Plan(List<Slot> pairs, int attentionFrom, List<Planned> assignments, List<String> notes) {}

  /**
   * Plans a campaign.
   *
   * @param modelPairs the pairs of model deliverables and baselines
   * @param checkTasks the tasks an attention check may be made from, by id
   * @param ownWork per person id, the tasks they worked on or wrote the baseline of: they never
   *     grade a pair of those tasks, as if they had had it already
   * @throws InvalidCampaignException naming every pair that cannot get enough graders
   */
  static Plan plan(List<Slot> modelPairs, Map<String, Occupation> checkTasks, List<Grader> graders,
      Map<String, Set<String>> ownWork, int perPair, double attentionRate, Random random) {
    Map<String, Set<String>> tasksOf = new LinkedHashMap<>();
    Map<String, List<Integer>> pairsOf = new LinkedHashMap<>();
    graders.forEach(g -> {
      tasksOf.put(g.id(), new HashSet<>(ownWork.getOrDefault(g.id(), Set.of())));
      pairsOf.put(g.id(), new ArrayList<>());
    });
    List<String> problems = new ArrayList<>();
    for (int index : constrainedFirst(modelPairs, graders, random)) {
      Slot slot = modelPairs.get(index);
      List<Grader> eligible = new ArrayList<>(graders.stream()
          .filter(g -> g.grades(slot.occupation()) && !tasksOf.get(g.id()).contains(slot.taskId())).toList());
      if (eligible.size() < perPair) {
        long ofOccupation = graders.stream().filter(g -> g.grades(slot.occupation())).count();
        problems.add("task " + slot.taskId() + " (" + slot.occupation().title() + "): a pair needs " + perPair
            + " graders of the occupation who have not had the task (nor worked on it), and only " + eligible.size()
            + " are left (" + ofOccupation + " on the roster grade " + slot.occupation().title() + ")");
        continue;
      }
      Collections.shuffle(eligible, random);
      eligible.sort(Comparator.comparingInt(g -> pairsOf.get(g.id()).size()));
      for (Grader grader : eligible.subList(0, perPair)) {
        pairsOf.get(grader.id()).add(index);
        tasksOf.get(grader.id()).add(slot.taskId());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("the campaign cannot be staffed", problems);
    }
    List<Slot> pairs = new ArrayList<>(modelPairs);
    List<String> notes = new ArrayList<>();
    if (attentionRate > 0) {
      addAttentionChecks(pairs, checkTasks, graders, attentionRate, random, tasksOf, pairsOf, notes);
    }
    List<Planned> assignments = new ArrayList<>();
    for (Grader grader : graders) {
      List<Integer> queue = new ArrayList<>(pairsOf.get(grader.id()));
      Collections.shuffle(queue, random);
      for (int position = 0; position < queue.size(); position++) {
        assignments.add(new Planned(queue.get(position), grader.id(), random.nextBoolean(), position + 1));
      }
    }
    return new Plan(pairs, modelPairs.size(), assignments, notes);
  }

  /** Pair indices in a random order, then those with the fewest graders of their occupation first. */
  private static List<Integer> constrainedFirst(List<Slot> pairs, List<Grader> graders, Random random) {
    Map<Occupation, Long> staff = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      order.add(i);
      staff.computeIfAbsent(pairs.get(i).occupation(), o -> graders.stream().filter(g -> g.grades(o)).count());
    }
    Collections.shuffle(order, random);
    order.sort(Comparator.comparingLong(i -> staff.get(pairs.get(i).occupation())));
    return order;
  }

  /**
   * Gives each grader with n assignments about n·r/(1−r) attention checks (rounded at random, so
   * the expected share is r), each on a task of their occupation they have not seen.
   */
  private static void addAttentionChecks(List<Slot> pairs, Map<String, Occupation> checkTasks, List<Grader> graders,
      double rate, Random random, Map<String, Set<String>> tasksOf, Map<String, List<Integer>> pairsOf,
      List<String> notes) {
    Map<String, Integer> checkPairOfTask = new HashMap<>();
    for (Grader grader : graders) {
      double expected = pairsOf.get(grader.id()).size() * rate / (1 - rate);
      int count = (int) Math.floor(expected) + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
      for (int n = 0; n < count; n++) {
        List<String> unseen = checkTasks.entrySet().stream()
            .filter(e -> grader.grades(e.getValue()) && !tasksOf.get(grader.id()).contains(e.getKey()))
            .map(Map.Entry::getKey).sorted().toList();
        if (unseen.isEmpty()) {
          notes.add("grader " + grader.id() + " gets " + n + " of " + count
              + " attention checks: no task of their occupation is left that they have not seen");
          break;
        }
        String taskId = unseen.get(random.nextInt(unseen.size()));
        int pair = checkPairOfTask.computeIfAbsent(taskId, t -> {
          pairs.add(new Slot(t, checkTasks.get(t)));
          return pairs.size() - 1;
        });
        pairsOf.get(grader.id()).add(pair);
        tasksOf.get(grader.id()).add(taskId);
      }
    }
  }
}
