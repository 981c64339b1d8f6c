package dev.parity.reports.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.KrippendorffAlpha.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cohen's and Fleiss' kappa, Krippendorff's alpha and GDPval's agreement, against R and SciPy. */
class AgreementVectorsTest {

  static List<StatsVectors.Case> kappaTables() {
    return StatsVectors.cases("cohen_kappa_table");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kappaTables")
  void cohensKappaFromATableMatchesR(StatsVectors.Case c) {
    double[][] table = table(c.input);
    CohenKappa plain = CohenKappa.of(table, KappaWeights.UNWEIGHTED);
    CohenKappa linear = CohenKappa.of(table, KappaWeights.LINEAR);
    CohenKappa quadratic = CohenKappa.of(table, KappaWeights.QUADRATIC);
    StatsVectors.Expectations e = c.expect()
        .check("kappa", plain.kappa())
        .check("p_o", plain.observed())
        .check("p_e", plain.expected())
        .check("ase_kappa", plain.standardError())
        .check("se0_kappa", plain.nullStandardError())
        .check("z_kappa", plain.z())
        .check("kappa_linear", linear.kappa())
        .check("ase_kappa_linear", linear.standardError())
        .check("kappa_quadratic", quadratic.kappa())
        .check("ase_kappa_quadratic", quadratic.standardError());
    KappaWeights custom = null;
    if (c.parameters.has("agreement_weights")) {
      custom = KappaWeights.agreement(matrix(c.parameters.get("agreement_weights")));
    } else if (c.parameters.has("disagreement_weights")) {
      double[][] v = matrix(c.parameters.get("disagreement_weights"));
      double max = 0;
      for (double[] row : v) {
        for (double x : row) {
          max = Math.max(max, x);
        }
      }
      for (double[] row : v) {
        for (int j = 0; j < row.length; j++) {
          row[j] = 1 - row[j] / max;
        }
      }
      custom = KappaWeights.agreement(v);
    }
    if (custom != null) {
      CohenKappa weighted = CohenKappa.of(table, custom);
      e.check("weighted_kappa", weighted.kappa())
          .check("ase_weighted_kappa", weighted.standardError());
    }
    if (c.expected.has("scott_pi")) {
      e.check("scott_pi", FleissKappa.of(twoRaterCounts(table)).kappa());
    }
    e.verify();
  }

  static List<StatsVectors.Case> kappaRaw() {
    return StatsVectors.cases("cohen_kappa_raw");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kappaRaw")
  void cohensKappaBuildsItsTableOverTheDeclaredCategories(StatsVectors.Case c) {
    double[] a = c.doubles("rater1");
    double[] b = c.doubles("rater2");
    double[] declared = c.doubles("categories");
    double[] observed = java.util.stream.DoubleStream.concat(
        java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct().sorted().toArray();
    CohenKappa plain = CohenKappa.between(a, b, declared, KappaWeights.UNWEIGHTED);
    c.expect()
        .check("kappa", plain.kappa())
        .check("p_o", plain.observed())
        .check("p_e", plain.expected())
        .check("ase_kappa", plain.standardError())
        .check("se0_kappa", plain.nullStandardError())
        .check("percent_agreement", plain.observed())
        .check("kappa_linear_declared", CohenKappa.between(a, b, declared, KappaWeights.LINEAR).kappa())
        .check("kappa_linear_observed", CohenKappa.between(a, b, observed, KappaWeights.LINEAR).kappa())
        .check("kappa_quadratic_declared",
            CohenKappa.between(a, b, declared, KappaWeights.QUADRATIC).kappa())
        .check("kappa_quadratic_observed",
            CohenKappa.between(a, b, observed, KappaWeights.QUADRATIC).kappa())
        .verify();
  }

  static List<StatsVectors.Case> fleiss() {
    return StatsVectors.cases("fleiss_kappa");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fleiss")
  void fleissKappaMatchesIrr(StatsVectors.Case c) {
    JsonNode rows = c.input.get("counts");
    int[][] counts = new int[rows.size()][];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = java.util.Arrays.stream(StatsVectors.Case.doubles(rows.get(i)))
          .mapToInt(x -> (int) x).toArray();
    }
    FleissKappa kappa = FleissKappa.of(counts);
    StatsVectors.Expectations e = c.expect()
        .check("kappa", kappa.kappa())
        .check("P_bar", kappa.observed())
        .check("P_e_bar", kappa.expected())
        .check("se0", kappa.nullStandardError())
        .check("z", kappa.z())
        .skip("kappa_randolph_free_marginal", "Randolph's free-marginal kappa is not offered");
    for (int j = 0; j < kappa.categoryShares().size(); j++) {
      e.check("p_j[" + j + "]", kappa.categoryShares().get(j))
          .check("per_category_kappa[" + j + "]", kappa.categoryKappas().get(j));
    }
    e.verify();
  }

  static List<StatsVectors.Case> krippendorff() {
    return StatsVectors.cases("krippendorff_alpha");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("krippendorff")
  void krippendorffsAlphaMatchesAtEveryLevelWithMissingData(StatsVectors.Case c) {
    RatingMatrix ratings = unitsByCoders(c.input.get("reliability_data"));
    StatsVectors.Expectations e = c.expect();
    for (Level level : Level.values()) {
      String key = level.name().toLowerCase(java.util.Locale.ROOT);
      if (c.expected.has(key)) {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(ratings, level);
        e.check(key, alpha.alpha()).check("n_pairable_values", alpha.pairableValues());
      }
    }
    if (c.expected.has("cohen_kappa")) {
      double[] categories = {0, 1};
      double[] first = new double[ratings.items().size()];
      double[] second = new double[first.length];
      for (int i = 0; i < first.length; i++) {
        first[i] = ratings.rating(i, 0);
        second[i] = ratings.rating(i, 1);
      }
      FleissKappa fleiss = FleissKappa.among(ratings, categories);
      e.check("cohen_kappa", CohenKappa.between(first, second, categories, KappaWeights.UNWEIGHTED).kappa())
          .check("fleiss_kappa", fleiss.kappa())
          .check("scott_pi", fleiss.kappa());
    }
    e.verify();
  }

  static List<StatsVectors.Case> agreement() {
    return StatsVectors.cases("agreement");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agreement")
  void agreementOfAJudgeWithAHumanMatchesTheDefinitions(StatsVectors.Case c) {
    // -1 human better, 0 tie, 1 model better: as verdict scores 0, ½, 1.
    double[] human = scores(c.doubles("rater1"));
    double[] judge = scores(c.doubles("rater2"));
    RatingMatrix.Builder builder = RatingMatrix.builder();
    for (int i = 0; i < human.length; i++) {
      builder.add("item " + i, "human", human[i]).add("item " + i, "judge", judge[i]);
    }
    RatingMatrix ratings = builder.build();
    PercentAgreement percent = PercentAgreement.ofGrader(ratings, "judge");
    double[] verdicts = {0, 0.5, 1};
    List<double[]> decisive = new ArrayList<>();
    for (int i = 0; i < human.length; i++) {
      if (human[i] != 0.5 && judge[i] != 0.5) {
        decisive.add(new double[] {human[i], judge[i]});
      }
    }
    c.expect()
        .check("percent_agreement_all", percent.all())
        .check("irr_agree_percent", 100 * percent.all())
        .check("percent_agreement_no_tie_either", percent.decisive())
        .check("n_no_tie_either", percent.decisivePairs())
        .check("percent_agreement_no_tie_both", percent.notBothTied())
        .check("n_no_tie_both", percent.notBothTiedPairs())
        .check("tie_half_agreement", GdpvalAgreement.ofGrader(ratings, "judge").value())
        .check("cohen_kappa",
            CohenKappa.ofGrader(ratings, "judge", verdicts, KappaWeights.UNWEIGHTED).kappa())
        .check("cohen_kappa_linear",
            CohenKappa.ofGrader(ratings, "judge", verdicts, KappaWeights.LINEAR).kappa())
        .check("cohen_kappa_no_tie_either", CohenKappa.between(
            decisive.stream().mapToDouble(p -> p[0]).toArray(),
            decisive.stream().mapToDouble(p -> p[1]).toArray(),
            new double[] {0, 1}, KappaWeights.UNWEIGHTED).kappa())
        .verify();
  }

  static List<StatsVectors.Case> gdpval() {
    return StatsVectors.cases("gdpval_agreement");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gdpval")
  void gdpvalAgreementMatchesThePapersDefinition(StatsVectors.Case c) {
    JsonNode humans = c.input.get("human_verdicts_per_task");
    JsonNode auto = c.input.get("auto_grader_verdict_per_task");
    RatingMatrix.Builder withJudge = RatingMatrix.builder();
    RatingMatrix.Builder humansOnly = RatingMatrix.builder();
    List<Double> perTask = new ArrayList<>();
    for (int t = 0; t < humans.size(); t++) {
      RatingMatrix.Builder oneTask = RatingMatrix.builder();
      for (int h = 0; h < humans.get(t).size(); h++) {
        Outcome verdict = verdict(humans.get(t).get(h).asText());
        withJudge.add("task " + t, "human " + h, verdict);
        humansOnly.add("task " + t, "human " + h, verdict);
        oneTask.add("task " + t, "human " + h, verdict);
      }
      withJudge.add("task " + t, "judge", verdict(auto.get(t).asText()));
      GdpvalAgreement task = GdpvalAgreement.among(oneTask.build());
      if (task.items() == 1) {
        perTask.add(task.value());
      }
    }
    GdpvalAgreement humanHuman = GdpvalAgreement.among(humansOnly.build());
    GdpvalAgreement humanJudge = GdpvalAgreement.ofGrader(withJudge.build(), "judge");
    StatsVectors.Expectations e = c.expect()
        .check("A_HH", humanHuman.value())
        .check("n_tasks_A_HH", humanHuman.items())
        .check("A_HA", humanJudge.value())
        .check("n_tasks_A_HA", humanJudge.items());
    for (int t = 0; t < perTask.size(); t++) {
      e.check("A_HH_per_task[" + t + "]", perTask.get(t));
    }
    e.verify();
  }

  private static Outcome verdict(String letter) {
    return switch (letter) {
      case "W" -> Outcome.WIN;
      case "T" -> Outcome.TIE;
      case "L" -> Outcome.LOSS;
      default -> throw new IllegalArgumentException(letter);
    };
  }

  private static double[] scores(double[] signs) {
    return java.util.Arrays.stream(signs).map(s -> (s + 1) / 2).toArray();
  }

  private static double[][] table(JsonNode input) {
    if (input.has("table")) {
      return matrix(input.get("table"));
    }
    double[][] p = matrix(input.get("table_proportions"));
    double n = input.get("n").asDouble();
    for (double[] row : p) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.round(row[j] * n);
      }
    }
    return p;
  }

  private static double[][] matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = StatsVectors.Case.doubles(rows.get(i));
    }
    return m;
  }

  /** Per item of a two-rater table, how many ratings fell in each category. */
  private static int[][] twoRaterCounts(double[][] table) {
    List<int[]> items = new ArrayList<>();
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table.length; j++) {
        for (int n = 0; n < table[i][j]; n++) {
          int[] counts = new int[table.length];
          counts[i]++;
          counts[j]++;
          items.add(counts);
        }
      }
    }
    return items.toArray(int[][]::new);
  }

  /** The reliability data (rows coders, columns units) as a matrix of units by coders. */
  private static RatingMatrix unitsByCoders(JsonNode data) {
    int coders = data.size();
    int units = data.get(0).size();
    Map<String, Double> codes = new HashMap<>();
    double[][] rows = new double[units][coders];
    for (int u = 0; u < units; u++) {
      for (int k = 0; k < coders; k++) {
        JsonNode value = data.get(k).get(u);
        if (value.isNull()) {
          rows[u][k] = Double.NaN;
        } else if (value.isNumber()) {
          rows[u][k] = value.asDouble();
        } else {
          // Nominal labels: any distinct code will do. "no" before "yes" keeps no = 0, yes = 1.
          rows[u][k] = codes.computeIfAbsent(value.asText(),
              label -> label.equals("no") ? 0.0 : label.equals("yes") ? 1.0 : 10.0 + codes.size());
        }
      }
    }
    return RatingMatrix.of(rows);
  }
}
