package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shared-resample bootstrap against a bootstrap of each group alone: the same intervals where
 * the two draw the same tasks, the same coverage where they cannot (a group's share of a resample
 * varies).
 */
class SharedTaskBootstrapTest {
  private static final BootstrapSettings SETTINGS = new BootstrapSettings(2_000, 0.95, 42);

  /** Tasks whose expected score is uniform on [0.2, 0.8] (0.5 on average), ties 20% of verdicts. */
  private static List<OutcomeCounts> tasks(int count, int graders, SplittableRandom random) {
    List<OutcomeCounts> tasks = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      double score = random.nextDouble(0.2, 0.8);
      int wins = 0;
      int ties = 0;
      int losses = 0;
      for (int g = 0; g < graders; g++) {
        double u = random.nextDouble();
        if (u < score - 0.1) {
          wins++;
        } else if (u < score + 0.1) {
          ties++;
        } else {
          losses++;
        }
      }
      tasks.add(OutcomeCounts.of(wins, ties, losses));
    }
    return tasks;
  }

  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  @Test
  void theGroupOfAllTasksGetsTheTaskBootstrapsIntervalWhenBothDrawTaskByTask() {
    // 20 tasks of 6 graders have at least 5 distinct verdict patterns, so the task bootstrap draws
    // task by task from the same seeded generator, as the shared one does: the same resamples.
    List<OutcomeCounts> tasks = tasks(20, 6, new SplittableRandom(1));
    for (Weighting weighting : Weighting.values()) {
      SharedTaskBootstrap shared = SharedTaskBootstrap.resample(tasks, List.of(range(0, 20), range(0, 10)),
          weighting, SETTINGS);
      TaskBootstrap alone = TaskBootstrap.expandedTasks(SETTINGS);

      BootstrapInterval score = shared.interval(0, SharedTaskBootstrap.Rate.SCORE, 0.95);
      BootstrapInterval winOrTie = shared.interval(0, SharedTaskBootstrap.Rate.WIN_OR_TIE, 0.95);
      assertThat(score.estimate()).isEqualTo(alone.score(tasks, weighting).estimate());
      assertThat(score.low()).isCloseTo(alone.score(tasks, weighting).low(), within(1e-12));
      assertThat(score.high()).isCloseTo(alone.score(tasks, weighting).high(), within(1e-12));
      assertThat(winOrTie.low()).isCloseTo(alone.winOrTieRate(tasks, weighting).low(), within(1e-12));
      assertThat(winOrTie.high()).isCloseTo(alone.winOrTieRate(tasks, weighting).high(), within(1e-12));
    }
  }

  @Test
  void aWiderLevelReadsTheSameResamplesFurtherOut() {
    List<OutcomeCounts> tasks = tasks(200, 3, new SplittableRandom(2));
    SharedTaskBootstrap shared = SharedTaskBootstrap.resample(tasks, List.of(range(0, 200)), Weighting.TASK,
        SETTINGS);

    BootstrapInterval plain = shared.interval(0, SharedTaskBootstrap.Rate.SCORE, 0.95);
    BootstrapInterval adjusted = shared.interval(0, SharedTaskBootstrap.Rate.SCORE, 0.999);

    assertThat(adjusted.low()).isLessThan(plain.low());
    assertThat(adjusted.high()).isGreaterThan(plain.high());
    assertThat(adjusted.interval().level()).isEqualTo(0.999);
    assertThat(adjusted.standardError()).isEqualTo(plain.standardError());
  }

  /**
   * 600 tasks of 3 graders; the group is 30 of them. Over 1,000 seeded data sets of 1,000
   * resamples, the shared bootstrap's 95% interval of the group's score covers the true score (0.5)
   * as often as the group's own bootstrap, and is as wide within 5%.
   */
  @Test
  void aSmallGroupsIntervalCoversAsOftenAsItsOwnBootstrap() {
    SplittableRandom random = new SplittableRandom(2026);
    BootstrapSettings settings = new BootstrapSettings(1_000, 0.95, 0);
    int datasets = 1_000;
    int coveredShared = 0;
    int coveredAlone = 0;
    double widthShared = 0;
    double widthAlone = 0;
    for (int d = 0; d < datasets; d++) {
      List<OutcomeCounts> tasks = tasks(600, 3, random);
      BootstrapSettings seeded = settings.withSeed(random.nextLong());
      BootstrapInterval shared = SharedTaskBootstrap.resample(tasks, List.of(range(0, 600), range(100, 130)),
          Weighting.TASK, seeded).interval(1, SharedTaskBootstrap.Rate.SCORE, 0.95);
      BootstrapInterval alone = TaskBootstrap.expandedTasks(seeded).score(tasks.subList(100, 130), Weighting.TASK);
      coveredShared += shared.interval().contains(0.5) ? 1 : 0;
      coveredAlone += alone.interval().contains(0.5) ? 1 : 0;
      widthShared += shared.high() - shared.low();
      widthAlone += alone.high() - alone.low();
    }
    String figures = String.format(Locale.ROOT, "coverage shared %.1f%%, alone %.1f%%; mean width shared %.4f, alone %.4f",
        100.0 * coveredShared / datasets, 100.0 * coveredAlone / datasets, widthShared / datasets, widthAlone / datasets);
    System.out.println("30 of 600 tasks, 3 graders, 1,000 data sets: " + figures);

    assertThat((double) coveredShared / datasets).as(figures).isBetween(0.93, 0.98);
    assertThat(Math.abs(coveredShared - coveredAlone)).as(figures).isLessThanOrEqualTo(25);
    assertThat(widthShared / widthAlone).as(figures).isBetween(0.95, 1.05);
  }
}
