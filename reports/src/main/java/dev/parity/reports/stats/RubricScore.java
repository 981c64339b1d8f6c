package dev.parity.reports.stats;

import dev.parity.tasks.Criterion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A deliverable's rubric score by GDPval's rule. */
public final class RubricScore {
  private RubricScore() {}

  /**
   * GDPval's rubric score: the points earned (share × points of each criterion, penalties with
   * their negative points included) over the sum of the rubric's positive points, clipped to
   * [0, 1].
   *
   * @param rubric the task's criteria, with at least one worth positive points
   * @param shares per criterion id, the share of its points earned: 1 met, ½ partly, 0 not met
   *     (a grader's {@code CriterionScore.share()}); criteria missing from the map earn nothing
   * @throws IllegalArgumentException if the rubric has no positive points, a share is not in
   *     [0, 1], or {@code shares} names a criterion that is not in the rubric
   */
  public static double gdpval(List<Criterion> rubric, Map<String, Double> shares) {
    Set<String> unknown = new HashSet<>(shares.keySet());
    double possible = 0;
    double earned = 0;
    for (Criterion criterion : rubric) {
      possible += Math.max(0, criterion.points());
      Double share = shares.get(criterion.id());
      unknown.remove(criterion.id());
      if (share == null) {
        continue;
      }
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "share of criterion '" + criterion.id() + "' must be in [0, 1], got " + share);
      }
      earned += share * criterion.points();
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("criteria scored are not in the rubric: " + unknown);
    }
    if (possible <= 0) {
      throw new IllegalArgumentException(
          "the rubric has no criterion worth positive points: a score would be meaningless");
    }
    return Math.min(1, Math.max(0, earned / possible));
  }
}
