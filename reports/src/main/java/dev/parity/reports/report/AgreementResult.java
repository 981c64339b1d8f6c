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
 * @param cohenKappa Cohen's kappa (unweighted) over pairs of ratings: for {@code model_human} the
 *     judge against each human; for {@code human_human} the earlier-listed grader of a pair
 *     against the later
 * @param fleissKappa Fleiss' kappa over the items with the most common number of ratings
 * @param fleissItems the items Fleiss' kappa used
 * @param krippendorffAlphaOrdinal Krippendorff's alpha, ordinal (loss &lt; tie &lt; win), all
 *     items, missing ratings allowed
 * @param leaveOneOut each rating (the judge's, for {@code model_human}) against the majority of
 *     the other ratings of its item
 * @param belowHumanAgreement for a judge: whether it agrees with humans less (GDPval's measure)
 *     than humans agree with each other
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
    boolean belowHumanAgreement) {

  /** The kind for humans among themselves. */
  public static final String HUMAN_HUMAN = "human_human";
  /** The kind for a model judge against humans. */
  public static final String MODEL_HUMAN = "model_human";
}
