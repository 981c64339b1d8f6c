package dev.parity.reports.report;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The occupations whose figures are judge-only and unqualified: when the report's verdicts are the
 * model judges' (no human judged a model against the professionals), an occupation where a judge
 * whose verdicts count is not qualified by {@link JudgeGating} to stand in for the humans, or was
 * never compared with them there.
 */
final class JudgeOnly {
  static final String BELOW_HUMAN_AGREEMENT = "below_human_agreement";
  static final String NOT_CHECKED = "not_checked";

  private JudgeOnly() {}

  static List<JudgeOnlyLabel> label(Verdicts verdicts, List<JudgeGatingResult> gating) {
    if (verdicts.primary != GraderType.MODEL) {
      return List.of();
    }
    Map<String, TreeSet<String>> judgesByOccupation = new TreeMap<>();
    for (Judgment j : verdicts.againstBaseline) {
      judgesByOccupation.computeIfAbsent(j.occupation(), o -> new TreeSet<>()).add(j.grader());
    }
    List<JudgeOnlyLabel> labels = new ArrayList<>();
    judgesByOccupation.forEach((occupation, judges) -> {
      List<String> unqualified = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (String judge : judges) {
        Optional<JudgeGatingResult> gate = gating.stream()
            .filter(g -> g.occupation().equals(occupation) && g.judge().equals(judge)).findFirst();
        if (gate.isEmpty() || !gate.get().qualified()) {
          unqualified.add(judge);
          reasons.add(gate.isEmpty() ? NOT_CHECKED : BELOW_HUMAN_AGREEMENT);
        }
      }
      if (!unqualified.isEmpty()) {
        labels.add(new JudgeOnlyLabel(occupation, unqualified, reasons));
      }
    });
    return labels;
  }
}
