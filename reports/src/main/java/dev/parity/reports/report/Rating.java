package dev.parity.reports.report;

/**
 * A player's Bradley–Terry rating on the Elo scale, the professionals' baseline at 1000.
 *
 * @param player a model, or {@code baseline}
 * @param rating the rating fitted on all judgments
 * @param ciLow the 95% task-bootstrap percentile interval's lower bound (the baseline's is its
 *     rating); null when no resample could be fitted
 * @param ciHigh its upper bound
 */
public record Rating(String player, double rating, Double ciLow, Double ciHigh) {}
