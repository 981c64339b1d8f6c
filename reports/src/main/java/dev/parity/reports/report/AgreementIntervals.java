package dev.parity.reports.report;

/**
 * The 95% intervals of an {@link AgreementResult}'s figures, from a bootstrap over items (seeded;
 * see the report's methods). An interval the resamples cannot give is null.
 *
 * @param gdpval of {@code gdpval}
 * @param percent of {@code percent}
 * @param percentWithoutTies of {@code percent_without_ties}
 * @param cohenKappa of {@code cohen_kappa}
 * @param fleissKappa of {@code fleiss_kappa}
 * @param krippendorffAlphaOrdinal of {@code krippendorff_alpha_ordinal}
 * @param leaveOneOut of {@code leave_one_out}
 */
public record AgreementIntervals(
    Interval gdpval,
    Interval percent,
    Interval percentWithoutTies,
    Interval cohenKappa,
    Interval fleissKappa,
    Interval krippendorffAlphaOrdinal,
    Interval leaveOneOut) {}
