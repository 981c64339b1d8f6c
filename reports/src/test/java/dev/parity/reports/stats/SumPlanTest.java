package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SumPlanTest {
  /** Group g's terms: node numbers when it is summed from other groups, task numbers when from its tasks. */
  private static int[] terms(SumPlan plan, int group) {
    int node = plan.nodeOfGroup()[group];
    return Arrays.copyOfRange(plan.terms(), plan.termStart()[node], plan.termStart()[node + 1]);
  }

  @Test
  void aGroupThatEarlierGroupsPartitionIsSummedFromThemLargestFirst() {
    // A sector of six tasks, its occupations of four and two: the sector is two sums, not six.
    int[][] groups = {{0, 1, 2, 3}, {4, 5}, {0, 1, 2, 3, 4, 5}};
    SumPlan plan = SumPlan.of(6, groups);

    assertThat(terms(plan, 2)).containsExactly(plan.nodeOfGroup()[0], plan.nodeOfGroup()[1]);
    assertThat(terms(plan, 0)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void amongEarlierGroupsOfOneSizeTheFirstMadeIsTriedFirst() {
    // {0, 1} and {2, 3} partition the whole; {1, 2}, made after them, would block both if tried first.
    int[][] groups = {{0, 1}, {2, 3}, {1, 2}, {0, 1, 2, 3}};
    SumPlan plan = SumPlan.of(4, groups);

    assertThat(terms(plan, 3)).containsExactly(plan.nodeOfGroup()[0], plan.nodeOfGroup()[1]);
  }

  @Test
  void aGroupNoEarlierGroupsPartitionIsSummedFromItsTasks() {
    int[][] groups = {{0, 1}, {1, 2}, {0, 1, 2}};
    SumPlan plan = SumPlan.of(3, groups);

    assertThat(terms(plan, 2)).containsExactlyInAnyOrder(0, 1, 2);
  }
}
