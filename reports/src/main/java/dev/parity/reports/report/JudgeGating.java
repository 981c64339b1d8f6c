package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.BootstrapSettings;
import dev.parity.reports.stats.WeightedAgreement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judge gating: per occupation where humans and a model judge rated the same items, the judge's
 * agreement with the humans there against theirs with each other, from {@link Agreements} on that
 * occupation's judgments alone (an occupation's experts may agree more, or less, than the average).
 */
final class JudgeGating {
  private JudgeGating() {}

  static List<JudgeGatingResult> compute(List<Judgment> judgments, BootstrapSettings bootstrap) {
    // Hashed per judgment, sorted once: the occupations in name order whatever the input's.
    Map<String, List<Judgment>> byOccupation = new HashMap<>();
    judgments.forEach(j -> byOccupation.computeIfAbsent(j.occupation(), k -> new ArrayList<>()).add(j));
    List<String> occupations = new ArrayList<>();
    List<List<Judgment>> sets = new ArrayList<>();
    new TreeMap<>(byOccupation).forEach((occupation, list) -> {
      if (list.stream().anyMatch(j -> j.graderType() == GraderType.MODEL)
          && list.stream().anyMatch(j -> j.graderType() == GraderType.HUMAN)) {
        occupations.add(occupation);
        sets.add(list);
      }
    });
    // The ratios only: gating reads GDPval's measure and leave-one-out, and the kappas' pair tables
    // summed for every occupation and resample cost more than the rest of it. Occupations with as
    // many items share their resamples' draws.
    List<List<AgreementResult>> perOccupation = Agreements.computeEach(sets, bootstrap, WeightedAgreement.Scope.RATIOS);
    List<JudgeGatingResult> results = new ArrayList<>();
    for (int o = 0; o < occupations.size(); o++) {
      String occupation = occupations.get(o);
      List<AgreementResult> agreement = perOccupation.get(o);
      Double humans = agreement.stream().filter(a -> a.judge() == null).map(a -> a.figures().gdpval())
          .findFirst().orElse(null);
      agreement.stream().filter(a -> a.judge() != null).forEach(a -> results.add(new JudgeGatingResult(
          occupation, a.judge(), a.sample().items(), a.figures().leaveOneOut(), a.ci().leaveOneOut(), a.figures().gdpval(), a.ci().gdpval(),
          humans, a.differenceFromHumans(), a.differenceFromHumans() != null && !a.differenceFromHumans().below())));
    }
    return results;
  }
}
