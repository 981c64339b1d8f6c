package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsVectorsCoverageTest {

  @Test
  void everyMethodInTheReferenceFileHasATestThatRunsAllItsCases() {
    // Each method below is run case by case by a *VectorsTest; a method added to the file
    // without a test fails here instead of going unchecked.
    assertThat(StatsVectors.methods()).containsExactlyInAnyOrder(
        "wilson_interval", "binomial_test_exact", "sign_test", "win_rates", "p_adjust", "quantile",
        "wilcoxon_signed_rank",
        "cohen_kappa_table", "cohen_kappa_raw", "fleiss_kappa", "krippendorff_alpha", "agreement",
        "gdpval_agreement",
        "bradley_terry",
        "cluster_robust_mean_se", "paired_difference_clustered", "bootstrap_targets",
        "bootstrap_targets_cluster", "sample_size_one_proportion");
  }
}
