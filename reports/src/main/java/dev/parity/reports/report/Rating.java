package dev.parity.reports.report;

/**
 * A player's Bradley–Terry rating on the Elo scale, within its connected group of players: the
 * professionals' baseline at 1000 in theirs, the group's first player by name at 1000 in a group
 * never compared with the professionals. Ratings of different groups are not comparable.
 *
 * @param group the player's group (see {@link RatingsFit#group})
 * @param player a model, or {@code baseline}
 * @param rating the rating fitted on all judgments
 * @param ciLow the 95% task-bootstrap percentile interval's lower bound (the anchor's is its
 *     rating); null when no resample could be fitted
 * @param ciHigh its upper bound
 * @param comparedWithBaseline whether the player was judged against the professionals directly;
 *     false for a model of the professionals' group rated only through other models
 */
public record Rating(int group, String player, double rating, Double ciLow, Double ciHigh,
    boolean comparedWithBaseline) {}
