package dev.parity.reports.stats;

import dev.parity.tasks.Criterion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A deliverable's rubric score by GDPval's rule. */
public final class RubricScore {
  private RubricScore() {}

  /**
   * GDPval's rubric score: the points of the criteria met (penalties, with their negative points,
   * included) over the sum of the rubric's positive points, clipped to [0, 1].
   *
   * @param rubric the task's criteria, with at least one worth positive points
   * @param met the ids of the criteria the deliverable met
   * @throws IllegalArgumentException if the rubric has no positive points, or {@code met} names a
   *     criterion that is not in it
   */
  public static double gdpval(List<Criterion> rubric, Set<String> met) {
    Set<String> unknown = new HashSet<>(met);
    double possible = 0;
    double earned = 0;
    for (Criterion criterion : rubric) {
      possible += Math.max(0, criterion.points());
      if (met.contains(criterion.id())) {
        earned += criterion.points();
        unknown.remove(criterion.id());
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("criteria met are not in the rubric: " + unknown);
    }
    if (possible <= 0) {
      throw new IllegalArgumentException(
          "the rubric has no criterion worth positive points: a score would be meaningless");
    }
    return Math.min(1, Math.max(0, earned / possible));
  }
}
