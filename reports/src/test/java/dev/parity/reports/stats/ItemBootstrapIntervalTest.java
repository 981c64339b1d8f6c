package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An item bootstrap's percentile interval: the R-7 interval of the defined replicates, as sorting
 * them gives it, with the undefined (NaN) ones left out, found without sorting.
 */
class ItemBootstrapIntervalTest {
  @Test
  void theIntervalOfTheDefinedReplicatesIsTheSortedOnesWhereverTheNansFall() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(6000);
      double[] replicates = new double[n];
      for (int i = 0; i < n; i++) {
        // Ratios as agreement replicates are, with ties, and a few undefined ones.
        replicates[i] = random.nextInt(10) == 0 ? Double.NaN : 0.25 + random.nextInt(400) / 1000.0;
      }
      double[] before = replicates.clone();
      double[] sorted = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).sorted().toArray();
      for (double level : new double[] {0.5, 0.95, 1 - 0.05 / 44}) {
        ConfidenceInterval expected = sorted.length == 0 ? null : Quantiles.percentileInterval(sorted, level);

        assertThat(ItemBootstrap.percentileInterval(replicates, level)).as("%d replicates at %s", n, level)
            .isEqualTo(expected);
      }
      assertThat(replicates).as("the replicates are left as they were").isEqualTo(before);
    }
  }

  @Test
  void noDefinedReplicateGivesNoInterval() {
    assertThat(ItemBootstrap.percentileInterval(new double[] {Double.NaN, Double.NaN}, 0.95)).isNull();
  }

  @Test
  void replicatesWithoutNanAreTakenAsTheyAre() {
    double[] replicates = {0.9, 0.1, 0.5, 0.3, 0.7};

    ConfidenceInterval interval = ItemBootstrap.percentileInterval(replicates, 0.5);

    assertThat(interval).isEqualTo(Quantiles.percentileInterval(new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, 0.5));
    assertThat(interval.low()).isEqualTo(0.3);
    assertThat(interval.high()).isEqualTo(0.7);
  }
}
