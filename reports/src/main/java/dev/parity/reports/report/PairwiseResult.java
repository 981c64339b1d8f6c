package dev.parity.reports.report;

/**
 * How one player fared against another over every judgment between them: one cell of the
 * pairwise win matrix. Each pair appears twice, once from each side.
 *
 * @param player a model, or {@code baseline} for the professionals
 * @param opponent the other player
 * @param judgments judgments between them
 * @param wins judgments {@code player} won
 * @param ties judgments tied
 * @param losses judgments {@code player} lost
 * @param score (wins + ties/2) / judgments, from {@code player}'s side
 */
public record PairwiseResult(
    String player, String opponent, int judgments, int wins, int ties, int losses, double score) {}
