package dev.parity.reports.report;

/**
 * Whether a model judge's verdicts may stand in for the human graders' in one occupation: its
 * agreement with the humans there, on the items both judged, against the humans' with each other
 * there. A figure the data cannot give is null.
 *
 * @param occupation the occupation
 * @param judge the model judge
 * @param items items the judge and at least one human rated
 * @param withMajority the judge's agreement with the majority of the humans of each item
 *     ({@code leave_one_out} of {@link AgreementResult})
 * @param withMajorityCi its 95% bootstrap interval
 * @param withHumans the judge's agreement with individual humans (GDPval's measure)
 * @param withHumansCi its 95% bootstrap interval
 * @param humans the humans' agreement with each other in the occupation (GDPval's measure); null
 *     when no item there has two human ratings
 * @param differenceFromHumans {@code withHumans} minus {@code humans}, with its interval
 * @param qualified whether the judge may stand in for humans here: the interval of {@code
 *     differenceFromHumans} does not lie wholly below zero; false when there is no human–human
 *     figure to compare with
 */
public record JudgeGatingResult(
    String occupation,
    String judge,
    int items,
    Double withMajority,
    Interval withMajorityCi,
    Double withHumans,
    Interval withHumansCi,
    Double humans,
    AgreementDifference differenceFromHumans,
    boolean qualified) {}
