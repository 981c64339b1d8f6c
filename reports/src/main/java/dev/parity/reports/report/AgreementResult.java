package dev.parity.reports.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * How far graders agree on the same items (an item: one model's deliverable against its
 * opponent on one task and sample), for one pair of grader kinds: what was compared, the figures,
 * their intervals and, for a judge, its distance from the humans' agreement. In report.json the
 * parts {@code sample} and {@code figures} are written as keys of the result itself
 * (docs/report-format.md, {@code agreement}).
 *
 * @param kind {@code human_human} (humans among themselves) or {@code model_human} (one model
 *     judge against the humans)
 * @param judge the model judge, for {@code model_human}; null otherwise
 * @param sample the items and graders the figures rest on
 * @param figures the agreement figures
 * @param ci the 95% intervals of the figures, from a bootstrap over items
 * @param differenceFromHumans for a judge: its {@code gdpval} minus the humans', with an interval;
 *     null for {@code human_human} or when there is no human–human figure
 */
public record AgreementResult(
    String kind,
    String judge,
    @JsonUnwrapped AgreementSample sample,
    @JsonUnwrapped AgreementFigures figures,
    AgreementIntervals ci,
    AgreementDifference differenceFromHumans) {

  /** The kind for humans among themselves. */
  public static final String HUMAN_HUMAN = "human_human";
  /** The kind for a model judge against humans. */
  public static final String MODEL_HUMAN = "model_human";

  /**
   * For a judge: whether the interval of {@code differenceFromHumans} lies wholly below zero, so
   * that it agrees with humans less than humans agree with each other beyond what the sample of
   * items explains.
   */
  @JsonProperty("below_human_agreement")
  public boolean belowHumanAgreement() {
    return differenceFromHumans != null && differenceFromHumans.below();
  }
}
