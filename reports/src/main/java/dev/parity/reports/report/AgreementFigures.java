package dev.parity.reports.report;

/**
 * The agreement figures of an {@link AgreementResult}; ratings are the verdicts' scores: win 1,
 * tie ½, loss 0. A figure the data cannot give is null. {@link AgreementIntervals} holds their
 * intervals, component for component.
 *
 * @param gdpval GDPval's agreement: the mean of 1 − |s₁ − s₂| over pairs of ratings of an item,
 *     averaged over items
 * @param percent exact agreement over pairs of ratings
 * @param percentWithoutTies exact agreement over pairs where neither grader said tie
 * @param cohenKappa Cohen's kappa (unweighted): for {@code model_human} pooled over the pairs of the
 *     judge's and each human's ratings of an item; for {@code human_human} Cohen's kappa of each
 *     pair of humans over the items both rated, averaged over the pairs weighted by those items
 *     (pairs whose kappa is undefined left out)
 * @param fleissKappa Fleiss' kappa over the items with the most common number of ratings
 * @param krippendorffAlphaOrdinal Krippendorff's alpha, ordinal (loss &lt; tie &lt; win), all
 *     items, missing ratings allowed
 * @param leaveOneOut each rating (the judge's, for {@code model_human}) against the majority of
 *     the other ratings of its item
 */
public record AgreementFigures(
    Double gdpval,
    Double percent,
    Double percentWithoutTies,
    Double cohenKappa,
    Double fleissKappa,
    Double krippendorffAlphaOrdinal,
    Double leaveOneOut) {}
