package dev.parity.reports.report;

/**
 * What an {@link AgreementResult}'s figures rest on.
 *
 * @param items items with at least two ratings of the graders compared
 * @param graders the distinct graders compared
 * @param fleissItems the items Fleiss' kappa used: those with the most common number of ratings
 */
public record AgreementSample(int items, int graders, int fleissItems) {}
