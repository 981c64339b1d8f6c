package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.CohenKappa;
import dev.parity.reports.stats.FleissKappa;
import dev.parity.reports.stats.GdpvalAgreement;
import dev.parity.reports.stats.KappaWeights;
import dev.parity.reports.stats.KrippendorffAlpha;
import dev.parity.reports.stats.LeaveOneOutAgreement;
import dev.parity.reports.stats.PercentAgreement;
import dev.parity.reports.stats.RatingMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Agreement between graders on the same items: humans among themselves, and each model judge
 * against the humans. An item is one pair of deliverables: a model's sample against its opponent
 * on one task; a verdict on the pair given from the other side is turned round first.
 */
final class Agreements {
  private static final double[] CATEGORIES = {0, 0.5, 1};

  private Agreements() {}

  /** A verdict on an item, as a rating: 1 the item's first player won, ½ tie, 0 lost. */
  private record Rated(String item, String grader, double rating) {}

  static List<AgreementResult> compute(List<Judgment> judgments) {
    List<Rated> human = new ArrayList<>();
    Map<String, List<Rated>> byJudge = new TreeMap<>();
    Set<String> humanItems = new LinkedHashSet<>();
    for (Judgment j : judgments) {
      Rated r = rated(j);
      if (j.graderType() == GraderType.HUMAN) {
        human.add(r);
        humanItems.add(r.item());
      } else {
        byJudge.computeIfAbsent(j.grader(), k -> new ArrayList<>()).add(r);
      }
    }
    List<AgreementResult> results = new ArrayList<>();
    AgreementResult humans = measure(AgreementResult.HUMAN_HUMAN, null, human, false, null);
    if (humans != null) {
      results.add(humans);
    }
    Double humanLevel = humans == null ? null : humans.gdpval();
    byJudge.forEach((judge, ratings) -> {
      List<Rated> shared = new ArrayList<>();
      ratings.stream().filter(r -> humanItems.contains(r.item())).forEach(shared::add);
      Set<String> items = new LinkedHashSet<>();
      shared.forEach(r -> items.add(r.item()));
      human.stream().filter(r -> items.contains(r.item())).forEach(shared::add);
      AgreementResult result = measure(AgreementResult.MODEL_HUMAN, judge, shared, true, humanLevel);
      if (result != null) {
        results.add(result);
      }
    });
    return results;
  }

  private static Rated rated(Judgment j) {
    boolean turned = !j.againstBaseline() && j.model().compareTo(j.opponent()) > 0;
    String first = turned ? j.opponent() : j.model();
    String second = turned ? j.model() : j.opponent();
    double rating = (turned ? j.outcome().reversed() : j.outcome()).score();
    String item = String.join("\u0000", j.taskId(), first, second, Integer.toString(j.sample()));
    String grader = j.graderType().id() + ":" + j.grader();
    return new Rated(item, grader, rating);
  }

  /**
   * The measures over {@code ratings}; null when no item has two ratings. For a judge, the
   * pairwise measures are the judge's ratings against the others'.
   */
  private static AgreementResult measure(String kind, String judge, List<Rated> ratings,
      boolean ofJudge, Double humanLevel) {
    RatingMatrix.Builder builder = RatingMatrix.builder();
    ratings.forEach(r -> builder.add(r.item(), r.grader(), r.rating()));
    RatingMatrix matrix = builder.build();
    int paired = pairedItems(matrix);
    if (paired == 0) {
      return null;
    }
    String grader = ofJudge ? GraderType.MODEL.id() + ":" + judge : null;
    GdpvalAgreement gdpval = ofJudge ? GdpvalAgreement.ofGrader(matrix, grader) : GdpvalAgreement.among(matrix);
    PercentAgreement percent = ofJudge ? PercentAgreement.ofGrader(matrix, grader) : PercentAgreement.among(matrix);
    LeaveOneOutAgreement leaveOneOut = ofJudge
        ? LeaveOneOutAgreement.ofGrader(matrix, grader) : LeaveOneOutAgreement.among(matrix);
    Double cohen = Numbers.finite(ofJudge
        ? CohenKappa.ofGrader(matrix, grader, CATEGORIES, KappaWeights.UNWEIGHTED).kappa()
        : pooledCohen(matrix));
    RatingMatrix common = itemsWithCommonCount(matrix);
    Double fleiss = Numbers.finite(FleissKappa.among(common, CATEGORIES).kappa());
    Double alpha = Numbers.finite(KrippendorffAlpha.of(matrix, KrippendorffAlpha.Level.ORDINAL).alpha());
    Double agreement = Numbers.finite(gdpval.value());
    // Below by more than rounding: 9/13 computed two ways may differ in the last bit.
    boolean below = humanLevel != null && agreement != null && agreement < humanLevel - 1e-9;
    return new AgreementResult(kind, judge, paired, matrix.graders().size(), agreement,
        Numbers.finite(percent.all()), Numbers.finite(percent.decisive()), cohen, fleiss, common.items().size(),
        alpha, Numbers.finite(leaveOneOut.value()), below);
  }

  /** Cohen's kappa over every pair of ratings of an item, earlier-listed grader first. */
  private static double pooledCohen(RatingMatrix matrix) {
    List<Double> first = new ArrayList<>();
    List<Double> second = new ArrayList<>();
    for (int i = 0; i < matrix.items().size(); i++) {
      for (int a = 0; a < matrix.graders().size(); a++) {
        for (int b = a + 1; b < matrix.graders().size(); b++) {
          if (!Double.isNaN(matrix.rating(i, a)) && !Double.isNaN(matrix.rating(i, b))) {
            first.add(matrix.rating(i, a));
            second.add(matrix.rating(i, b));
          }
        }
      }
    }
    return CohenKappa.between(first.stream().mapToDouble(Double::doubleValue).toArray(),
        second.stream().mapToDouble(Double::doubleValue).toArray(), CATEGORIES,
        KappaWeights.UNWEIGHTED).kappa();
  }

  private static int pairedItems(RatingMatrix matrix) {
    int paired = 0;
    for (int i = 0; i < matrix.items().size(); i++) {
      if (count(matrix, i) >= 2) {
        paired++;
      }
    }
    return paired;
  }

  /**
   * The items with the most common number of ratings (two or more; the larger number on a tie):
   * Fleiss' kappa needs the same number of ratings for every item.
   */
  private static RatingMatrix itemsWithCommonCount(RatingMatrix matrix) {
    Map<Integer, Integer> frequency = new LinkedHashMap<>();
    for (int i = 0; i < matrix.items().size(); i++) {
      int n = count(matrix, i);
      if (n >= 2) {
        frequency.merge(n, 1, Integer::sum);
      }
    }
    int common = frequency.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow().getKey();
    if (frequency.size() == 1 && frequency.get(common) == matrix.items().size()) {
      return matrix;
    }
    RatingMatrix.Builder builder = RatingMatrix.builder();
    for (int i = 0; i < matrix.items().size(); i++) {
      if (count(matrix, i) == common) {
        for (int g = 0; g < matrix.graders().size(); g++) {
          if (!Double.isNaN(matrix.rating(i, g))) {
            builder.add(matrix.items().get(i), matrix.graders().get(g), matrix.rating(i, g));
          }
        }
      }
    }
    return builder.build();
  }

  private static int count(RatingMatrix matrix, int item) {
    int n = 0;
    for (int g = 0; g < matrix.graders().size(); g++) {
      n += Double.isNaN(matrix.rating(item, g)) ? 0 : 1;
    }
    return n;
  }
}
