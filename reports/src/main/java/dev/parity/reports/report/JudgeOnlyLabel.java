package dev.parity.reports.report;

import java.util.List;

/**
 * An occupation whose figures rest on model judges' verdicts alone, none of them shown to agree
 * with the human graders there as well as they agree with each other: its groups are labelled
 * "judge only, not qualified" on the page.
 *
 * @param occupation the occupation
 * @param judges the model judges whose verdicts make its figures and are not qualified there, by name
 * @param reasons for each of {@code judges}, why: {@code below_human_agreement} (its agreement
 *     interval lies below the humans' with each other, or there is no human–human figure to
 *     compare with: {@code qualified} false in {@code judge_gating}) or {@code not_checked} (no
 *     human graded the items it graded there)
 */
public record JudgeOnlyLabel(String occupation, List<String> judges, List<String> reasons) {
  public JudgeOnlyLabel {
    judges = List.copyOf(judges);
    reasons = List.copyOf(reasons);
  }

  /** The label's words for the page: {@code judge only: openai:gpt-5 not qualified here (agrees with experts less than they agree with each other)}. */
  String words() {
    StringBuilder text = new StringBuilder("Judge-only figures: ");
    for (int i = 0; i < judges.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(judges.get(i)).append(reasons.get(i).equals(JudgeOnly.NOT_CHECKED)
          ? " is not qualified to stand in for the human graders here: no human graded the items it graded"
          : " is not qualified to stand in for the human graders here: its agreement with them is not shown to "
              + "reach theirs with each other");
    }
    return text.append('.').toString();
  }
}
