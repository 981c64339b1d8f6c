package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A group's replicates, summed from the groups that partition it, from cells or from its tasks,
 * against each resample's rate computed task by task as an exact fraction.
 */
class GroupSumsTest {
  private static final int RESAMPLES = 200;

  /**
   * 120 tasks (some without a judgment) in 4 "sectors" of 3 "occupations" each, 5 "file types" (a
   * task may have two), 3 "lengths" (not every task has one), all tasks, a group that repeats an
   * occupation, one that names a task twice and an arbitrary one: partitions, overlaps and groups
   * that are neither.
   */
  private static List<int[]> groups(int tasks, SplittableRandom random) {
    List<List<Integer>> groups = new ArrayList<>();
    for (int g = 0; g < 1 + 4 + 12 + 5 + 3; g++) {
      groups.add(new ArrayList<>());
    }
    for (int t = 0; t < tasks; t++) {
      int occupation = random.nextInt(12);
      groups.get(0).add(t);
      groups.get(1 + occupation / 3).add(t);
      groups.get(5 + occupation).add(t);
      int type = random.nextInt(5);
      groups.get(17 + type).add(t);
      if (random.nextInt(4) == 0) {
        groups.get(17 + (type + 1) % 5).add(t);
      }
      if (random.nextInt(10) > 0) {
        groups.get(22 + random.nextInt(3)).add(t);
      }
    }
    List<int[]> result = new ArrayList<>();
    groups.forEach(g -> result.add(g.stream().mapToInt(Integer::intValue).toArray()));
    result.add(result.get(7).clone());
    int[] twice = result.get(9);
    int[] withRepeat = java.util.Arrays.copyOf(twice, twice.length + 1);
    withRepeat[twice.length] = twice[0];
    result.add(withRepeat);
    result.add(IntStream.range(0, tasks).filter(t -> t % 7 == 3).toArray());
    return result;
  }

  private static List<OutcomeCounts> tasks(int count, SplittableRandom random, int fewestJudgments,
      int mostJudgments) {
    List<OutcomeCounts> tasks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int judgments = t % 17 == 5 ? 0 : random.nextInt(fewestJudgments, mostJudgments + 1);
      int wins = random.nextInt(judgments + 1);
      int ties = random.nextInt(judgments - wins + 1);
      tasks.add(OutcomeCounts.of(wins, ties, judgments - wins - ties));
    }
    return tasks;
  }

  /** Group g's rate over a resample, task by task, as a fraction: {numerator, denominator}. */
  private static BigInteger[] exactRate(List<OutcomeCounts> tasks, int[] group, int[] countsOfAll, Weighting weighting,
      double tie) {
    BigInteger numerator = BigInteger.ZERO;
    BigInteger denominator = BigInteger.ONE;
    BigInteger weight = BigInteger.ZERO;
    for (int t : group) {
      OutcomeCounts c = tasks.get(t);
      if (c.total() == 0) {
        continue;
      }
      long twicePoints = 2L * c.wins() + Math.round(2 * tie) * c.ties();
      // points / total with task weighting, points with judgment weighting (its weight: total)
      BigInteger taskNumerator = BigInteger.valueOf(countsOfAll[t] * twicePoints);
      BigInteger taskDenominator = BigInteger.valueOf(weighting == Weighting.TASK ? 2L * c.total() : 2);
      numerator = numerator.multiply(taskDenominator).add(taskNumerator.multiply(denominator));
      denominator = denominator.multiply(taskDenominator);
      weight = weight.add(BigInteger.valueOf((long) countsOfAll[t] * (weighting == Weighting.TASK ? 1 : c.total())));
    }
    return new BigInteger[] {numerator, denominator.multiply(weight)};
  }

  /** The fraction rounded once to a double (both parts below 2⁵³ once reduced). */
  private static double rounded(BigInteger[] fraction) {
    BigInteger gcd = fraction[0].gcd(fraction[1]);
    BigInteger n = fraction[0].divide(gcd);
    BigInteger d = fraction[1].divide(gcd);
    assertThat(d.bitLength()).as("reduced denominator fits a double").isLessThanOrEqualTo(53);
    return n.doubleValue() / d.doubleValue();
  }

  /** Resamples by drawing, as the bootstrap does, and checks every group's replicates against {@code check}. */
  private static void resampleAndCheck(List<OutcomeCounts> tasks, List<int[]> groups, Weighting weighting,
      boolean exact) {
    GroupSums sums = new GroupSums(tasks, groups, weighting);
    int[] drawable = IntStream.range(0, tasks.size()).filter(t -> tasks.get(t).total() > 0).toArray();
    assertThat(sums.tasks()).isEqualTo(drawable.length);
    sums.start(RESAMPLES);
    SplittableRandom random = new SplittableRandom(7);
    List<int[]> countsOfAll = new ArrayList<>();
    for (int r = 0; r < RESAMPLES; r++) {
      int[] counts = new int[drawable.length];
      for (int i = 0; i < drawable.length; i++) {
        counts[random.nextInt(drawable.length)]++;
      }
      int[] all = new int[tasks.size()];
      for (int i = 0; i < drawable.length; i++) {
        all[drawable[i]] = counts[i];
      }
      countsOfAll.add(all);
      sums.add(counts, r);
    }
    for (int g = 0; g < groups.size(); g++) {
      for (int rate : new int[] {GroupSums.SCORE, GroupSums.WIN_OR_TIE}) {
        double tie = rate == GroupSums.SCORE ? 0.5 : 1;
        List<Double> expected = new ArrayList<>();
        for (int[] all : countsOfAll) {
          BigInteger[] fraction = exactRate(tasks, groups.get(g), all, weighting, tie);
          if (fraction[1].signum() > 0) {
            expected.add(exact ? rounded(fraction) : fraction[0].doubleValue() / fraction[1].doubleValue());
          }
        }
        double[] replicates = sums.replicates(g, rate);
        assertThat(replicates).as("group %d rate %d: one replicate per resample that drew it", g, rate)
            .hasSize(expected.size());
        for (int r = 0; r < replicates.length; r++) {
          if (exact) {
            assertThat(replicates[r]).as("group %d rate %d resample %d", g, rate, r).isEqualTo(expected.get(r));
          } else {
            assertThat(replicates[r]).as("group %d rate %d resample %d", g, rate, r)
                .isCloseTo(expected.get(r), within(1e-13));
          }
        }
      }
    }
  }

  @Test
  void everyGroupsReplicateIsTheExactRateRoundedOnceWhateverItIsSummedFrom() {
    // 3, 6 or 9 judgments a task: the sums fit in a long's 21-bit lanes with either weighting.
    SplittableRandom random = new SplittableRandom(1);
    List<OutcomeCounts> tasks = tasks(120, random, 1, 3).stream()
        .map(c -> OutcomeCounts.of(3 * c.wins(), 3 * c.ties(), 3 * c.losses())).toList();
    List<int[]> groups = groups(tasks.size(), random);
    for (Weighting weighting : Weighting.values()) {
      assertThat(GroupSums.bytesPerReplicate(tasks, weighting)).as("packed").isEqualTo(Long.BYTES);
      resampleAndCheck(tasks, groups, weighting, true);
    }
  }

  @Test
  void sumsTooLargeForALongsLanesAreKeptAsWholeDoublesStillExact() {
    // 1 to 12 judgments a task: with task weighting the common denominator is lcm(2, 4, …, 24) =
    // 55,440, times 120 draws past 21 bits; with judgment weighting, up to 20,000 judgments a task.
    SplittableRandom random = new SplittableRandom(2);
    List<OutcomeCounts> tasks = tasks(120, random, 1, 12);
    List<int[]> groups = groups(tasks.size(), random);
    assertThat(GroupSums.bytesPerReplicate(tasks, Weighting.TASK)).isEqualTo(2 * Double.BYTES);
    resampleAndCheck(tasks, groups, Weighting.TASK, true);
    List<OutcomeCounts> many = tasks(120, random, 10_000, 20_000);
    assertThat(GroupSums.bytesPerReplicate(many, Weighting.JUDGMENT)).isEqualTo(2 * Double.BYTES);
    resampleAndCheck(many, groups, Weighting.JUDGMENT, true);
  }

  @Test
  void taskWeightingWithTooManyDistinctJudgmentCountsIsExactButForTheLastBits() {
    // Tasks of 1 to 60 judgments: the common denominator (the lcm of 2 to 120) passes 2⁵³, so each
    // task's mean is summed as a double.
    SplittableRandom random = new SplittableRandom(4);
    List<OutcomeCounts> tasks = tasks(150, random, 1, 60);
    List<int[]> groups = groups(tasks.size(), random);
    resampleAndCheck(tasks, groups, Weighting.TASK, false);
    resampleAndCheck(tasks, groups, Weighting.JUDGMENT, true);
  }
}
