package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgments a report counts: each grader's verdict on an item once, checked for
 * contradictions, and split by whose verdicts make the win rates. An agent attempt that ended
 * without a deliverable (a capability failure, {@link ReportInput#NO_DELIVERABLE}) is a loss
 * against the professionals in the win rates and ratings, whoever the primary graders are; it is
 * no grader's verdict, so agreement and position bias leave it out.
 */
final class Verdicts {
  /**
   * Task, contestant, opponent, sample, grader type, grader. Written out rather than chained
   * (Comparator.comparing…), whose calls made most of the 0.2 s that checking 118,800 judgments
   * took on the thread that starts the statistics; the strings the reader shares are compared by
   * identity first.
   */
  private static final java.util.Comparator<Judgment> CANONICAL = (a, b) -> {
    int c = compare(a.taskId(), b.taskId());
    if (c == 0 && a.contestant() != b.contestant()) {
      c = a.model().compareTo(b.model());
    }
    if (c == 0) {
      c = compare(a.opponent(), b.opponent());
    }
    if (c == 0) {
      c = Integer.compare(a.sample(), b.sample());
    }
    if (c == 0) {
      c = a.graderType().compareTo(b.graderType());
    }
    return c != 0 ? c : compare(a.grader(), b.grader());
  };

  /** Every distinct graders' judgment, in a canonical order (task, contestant, opponent, sample, grader). */
  final List<Judgment> all;
  /** The losses of attempts that ended without a deliverable, in the same order. */
  final List<Judgment> noDeliverable;
  /** Whose verdicts make the win rates and ratings: humans when there are any against a baseline. */
  final GraderType primary;
  /** The primary graders' judgments against the baseline. */
  final List<Judgment> againstBaseline;
  /** The primary graders' judgments against anyone: the ratings' input. */
  final List<Judgment> primaryAll;
  /** Exact repeats dropped. */
  final int repeats;

  private Verdicts(List<Judgment> sorted, int repeats) {
    this.all = sorted.stream().filter(j -> !ReportInput.isNoDeliverable(j)).toList();
    this.noDeliverable = sorted.stream().filter(ReportInput::isNoDeliverable).toList();
    this.repeats = repeats;
    boolean anyBaseline = all.stream().anyMatch(Judgment::againstBaseline);
    // Humans' verdicts count when a human judged a model against the professionals; with no
    // judgment against them at all (model-against-model data), when any human judged.
    this.primary = all.stream().anyMatch(j -> j.graderType() == GraderType.HUMAN && (j.againstBaseline() || !anyBaseline))
        ? GraderType.HUMAN : GraderType.MODEL;
    List<Judgment> primaryAll = new ArrayList<>(all.stream().filter(j -> j.graderType() == primary).toList());
    primaryAll.addAll(noDeliverable);
    primaryAll.sort(CANONICAL);
    this.primaryAll = List.copyOf(primaryAll);
    this.againstBaseline = primaryAll.stream().filter(Judgment::againstBaseline).toList();
  }

  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  /**
   * Checks the judgments and drops exact repeats (the same judgment read from two sources).
   *
   * @throws InvalidReportInputException if a grader gave two different verdicts on one item, or a
   *     task is put in two occupations or sectors
   */
  static Verdicts of(List<Judgment> judgments) {
    List<String> problems = new ArrayList<>();
    Map<String, Judgment> placeOfTask = new HashMap<>();
    java.util.Set<String> misplaced = new java.util.HashSet<>();
    for (Judgment j : judgments) {
      Judgment first = placeOfTask.putIfAbsent(j.taskId(), j);
      if (first != null && (!first.occupation().equals(j.occupation()) || !first.sector().equals(j.sector()))
          && misplaced.add(j.taskId())) {
        problems.add("task '" + j.taskId() + "' is in occupation '" + first.occupation() + "' ("
            + first.sector() + ") in one judgment and '" + j.occupation() + "' (" + j.sector()
            + ") in another");
      }
    }
    // A canonical order: every figure computed downstream (a bootstrap's draws included) is then
    // the same whatever the order of the input rows. The sort is stable and its key is the item
    // and grader, so one grader's verdicts on one item end up together, the first read first:
    // repeats and contradictions are found without a map entry per judgment.
    List<Judgment> sorted = new ArrayList<>(judgments);
    sorted.sort(CANONICAL);
    List<Judgment> distinct = new ArrayList<>(sorted.size());
    int repeats = 0;
    Judgment earlier = null;
    for (Judgment j : sorted) {
      if (earlier != null && CANONICAL.compare(earlier, j) == 0) {
        if (earlier.outcome() != j.outcome()) {
          problems.add("grader '" + j.grader() + "' judged " + j.model() + " against " + j.opponent()
              + " on task '" + j.taskId() + "' (sample " + j.sample() + ") twice, "
              + earlier.outcome().id() + " and " + j.outcome().id());
        } else {
          repeats++;
        }
        continue;
      }
      distinct.add(j);
      earlier = j;
    }
    if (!problems.isEmpty()) {
      throw new InvalidReportInputException(problems);
    }
    return new Verdicts(distinct, repeats);
  }
}
