package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cluster-robust standard errors, bootstrap targets and exact power, against R and NumPy. */
class ClusterVectorsTest {
  private static final int B = 10_000;

  static List<StatsVectors.Case> clusterSe() {
    return StatsVectors.cases("cluster_robust_mean_se");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterSe")
  void clusterRobustStandardErrorsMatchSandwichAndClubSandwich(StatsVectors.Case c) {
    StatsVectors.Expectations e = c.expect();
    for (Map.Entry<String, List<double[]>> scoring : scorings(c).entrySet()) {
      checkClusterRobust(e, scoring.getKey() + ".", ClusterRobustMean.of(scoring.getValue()));
      e.check(scoring.getKey() + ".mean", ClusterRobustMean.of(scoring.getValue()).mean());
    }
    e.verify();
  }

  static List<StatsVectors.Case> pairedClustered() {
    return StatsVectors.cases("paired_difference_clustered");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairedClustered")
  void pairedDifferencesClusteredByTaskMatchR(StatsVectors.Case c) {
    double[] task = c.doubles("task");
    double[] a = c.doubles("a");
    double[] b = c.doubles("b");
    Map<Double, List<Double>> byTask = new LinkedHashMap<>();
    for (int i = 0; i < task.length; i++) {
      byTask.computeIfAbsent(task[i], k -> new ArrayList<>()).add(a[i] - b[i]);
    }
    List<double[]> clusters = byTask.values().stream()
        .map(d -> d.stream().mapToDouble(Double::doubleValue).toArray()).toList();
    ClusterRobustMean mean = ClusterRobustMean.of(clusters);
    StatsVectors.Expectations e = c.expect().check("mean_diff", mean.mean());
    checkClusterRobust(e, "", mean);
    e.verify();
  }

  static List<StatsVectors.Case> bootstrapTargets() {
    return StatsVectors.cases("bootstrap_targets");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bootstrapTargets")
  void bootstrapOfSingleJudgmentTasksReachesTheIdealBootstrap(StatsVectors.Case c) {
    // One judgment per task: resampling tasks, then judgments within them, is the plain bootstrap.
    List<double[]> tasks = new ArrayList<>();
    for (double x : c.doubles("x")) {
      tasks.add(new double[] {x});
    }
    BootstrapSettings settings = BootstrapSettings.of(7L).withLevel(c.parameters.get("confidence_level").asDouble());
    BootstrapInterval twoStage = TaskBootstrap.twoStage(settings).mean(tasks);
    BootstrapInterval tasksOnly = TaskBootstrap.tasksOnly(settings.withSeed(8L)).mean(tasks);
    StatsVectors.Expectations e = c.expect().check("theta_hat", twoStage.estimate());
    for (BootstrapInterval interval : List.of(twoStage, tasksOnly)) {
      e.checkMonteCarlo("ideal_se", interval.standardError(), B)
          .checkMonteCarlo("percentile_lower", interval.low(), B)
          .checkMonteCarlo("percentile_upper", interval.high(), B);
    }
    e.skip("basic_", "only percentile intervals are offered")
        .skip("bca_", "only percentile intervals are offered")
        .skip("normal_", "only percentile intervals are offered")
        .skip("ideal_bootstrap_mean", "the mean of the replicates is not reported")
        .skip("ideal_se_formula", "a closed form; ideal_se is checked by Monte Carlo")
        .skip("n_support_points", "a property of the ideal distribution, not of an interval")
        .skip("prob_theta_star", "a property of the ideal distribution, not of an interval")
        .verify();
  }

  static List<StatsVectors.Case> clusterBootstrap() {
    return StatsVectors.cases("bootstrap_targets_cluster");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusterBootstrap")
  void taskOnlyBootstrapReachesTheIdealClusterBootstrap(StatsVectors.Case c) {
    List<double[]> tasks = new ArrayList<>();
    for (JsonNode cluster : c.input.get("clusters_numeric")) {
      tasks.add(StatsVectors.Case.doubles(cluster));
    }
    BootstrapInterval interval = TaskBootstrap.tasksOnly(BootstrapSettings.of(11L)).mean(tasks);
    c.expect()
        .checkMonteCarlo("ideal_se_enumerated", interval.standardError(), B)
        .checkMonteCarlo("ideal_se_equal_sizes", interval.standardError(), B)
        .checkMonteCarlo("percentile_lower", interval.low(), B)
        .checkMonteCarlo("percentile_upper", interval.high(), B)
        .verify();
  }

  static List<StatsVectors.Case> power() {
    return StatsVectors.cases("sample_size_one_proportion");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("power")
  void exactPowerOfTheSignTestMatchesR(StatsVectors.Case c) {
    double alpha = c.parameters.get("alpha").asDouble();
    double target = c.parameters.get("power").asDouble();
    StatsVectors.Expectations e = c.expect();
    for (JsonNode pair : c.input.get("cases")) {
      double p1 = pair.get(1).asDouble();
      String prefix = "p0=" + pair.get(0).asText() + ",p1=" + pair.get(1).asText() + ".";
      int ceilNormal = (int) e.value(prefix + "n_normal_ceiling");
      e.check(prefix + "exact_power_at_ceil_n_normal",
          MinimumDetectableDifference.exactPower(ceilNormal, p1, alpha));
      int nMin = 1;
      while (MinimumDetectableDifference.exactPower(nMin, p1, alpha) < target) {
        nMin++;
      }
      e.check(prefix + "n_min_exact_power", nMin);
      int stays = nMin;
      while (!staysAbove(stays, 60, p1, alpha, target)) {
        stays++;
      }
      e.check(prefix + "n_exact_power_stays_above_for_next_60", stays);
      // The detectable difference at n_min is what p1 is; one task fewer cannot detect it.
      assertThat(MinimumDetectableDifference.forTasks(nMin).difference())
          .isLessThanOrEqualTo(p1 - 0.5);
      e.skip(prefix + "h", "Cohen's h is not offered: power is computed exactly")
          .skip(prefix + "n_arcsine", "the arcsine approximation is not offered: power is exact")
          .skip(prefix + "n_normal", "the normal approximation is not offered: power is exact");
    }
    e.verify();
  }

  private static boolean staysAbove(int n, int next, double p1, double alpha, double target) {
    for (int k = n; k <= n + next; k++) {
      if (MinimumDetectableDifference.exactPower(k, p1, alpha) < target) {
        return false;
      }
    }
    return true;
  }

  private static void checkClusterRobust(StatsVectors.Expectations e, String prefix, ClusterRobustMean m) {
    e.check(prefix + "n", m.values())
        .check(prefix + "G", m.clusters())
        .check(prefix + "se_CR0", m.standardErrorCr0())
        .check(prefix + "se_miller_eq_ddof0", m.standardErrorCr0())
        .check(prefix + "se_CR1_stata", m.standardErrorCr1())
        .check(prefix + "se_CR0_times_G_over_Gminus1", m.standardErrorCr1())
        .check(prefix + "se_CR2", m.standardErrorCr2())
        .check(prefix + "design_effect_CR0", m.designEffect())
        .skipIfPresent(prefix + "CR2_satterthwaite_df", "Satterthwaite degrees of freedom are not offered")
        .skip(prefix + "se_miller_eq_ddof1", "Miller's variant with n − 1 is not offered")
        .skip(prefix + "se_naive", "standard errors treating judgments as independent are only"
            + " reported through the design effect");
  }

  /** The case's clusters under each scoring it names, or its numeric clusters as "value". */
  private static Map<String, List<double[]>> scorings(StatsVectors.Case c) {
    Map<String, List<double[]>> scorings = new LinkedHashMap<>();
    if (c.input.has("clusters_numeric")) {
      List<double[]> clusters = new ArrayList<>();
      c.input.get("clusters_numeric").forEach(k -> clusters.add(StatsVectors.Case.doubles(k)));
      scorings.put("value", clusters);
      return scorings;
    }
    for (Map.Entry<String, JsonNode> score : c.parameters.get("scores").properties()) {
      List<double[]> clusters = new ArrayList<>();
      for (JsonNode cluster : c.input.get("clusters")) {
        double[] values = new double[cluster.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = score.getValue().get(cluster.get(i).asText()).asDouble();
        }
        clusters.add(values);
      }
      scorings.put(score.getKey(), clusters);
    }
    return scorings;
  }
}
