package dev.parity.reports.report;

/**
 * How far graders agree on the same items (an item: one model's deliverable against its
 * opponent on one task and sample), for one pair of grader kinds. Ratings are the verdicts'
 * scores: win 1, tie ½, loss 0. A figure the data cannot give is null.
 *
 * @param kind {@code human_human} (humans among themselves) or {@code model_human} (one model
 *     judge against the humans)
 * @param judge the model judge, for {@code model_human}; null otherwise
 * @param items items with at least two ratings of the graders compared
 * @param graders the distinct graders compared
 * @param gdpval GDPval's agreement: the mean of 1 − |s₁ − s₂| over pairs of ratings of an item,
 *     averaged over items
 * @param percent exact agreement over pairs of ratings
 * @param percentWithoutTies exact agreement over pairs where neither grader said tie
 * @param cohenKappa Cohen's kappa (unweighted): for {@code model_human} pooled over the pairs of the
 *     judge's and each human's ratings of an item; for {@code human_human} Cohen's kappa of each
 *     pair of humans over the items both rated, averaged over the pairs weighted by those items
 *     (pairs whose kappa is undefined left out)
 * @param fleissKappa Fleiss' kappa over the items with the most common number of ratings
 * @param fleissItems the items Fleiss' kappa used
 * @param krippendorffAlphaOrdinal Krippendorff's alpha, ordinal (loss &lt; tie &lt; win), all
 *     items, missing ratings allowed
 * @param leaveOneOut each rating (the judge's, for {@code model_human}) against the majority of
 *     the other ratings of its item
 * @param ci the 95% intervals of the figures above, from a bootstrap over items
 * @param differenceFromHumans for a judge: its {@code gdpval} minus the humans', with an interval;
 *     null for {@code human_human} or when there is no human–human figure
 * @param belowHumanAgreement for a judge: whether the interval of {@code differenceFromHumans}
 *     lies wholly below zero, so that it agrees with humans less than humans agree with each other
 *     beyond what the sample of items explains
 */
public record AgreementResult(
    String kind,
    String judge,
    int items,
    int graders,
    Double gdpval,
    Double percent,
    Double percentWithoutTies,
    Double cohenKappa,
    Double fleissKappa,
    int fleissItems,
    Double krippendorffAlphaOrdinal,
    Double leaveOneOut,
    AgreementIntervals ci,
    AgreementDifference differenceFromHumans,
    boolean belowHumanAgreement) {

  /** The kind for humans among themselves. */
  public static final String HUMAN_HUMAN = "human_human";
  /** The kind for a model judge against humans. */
  public static final String MODEL_HUMAN = "model_human";
}
