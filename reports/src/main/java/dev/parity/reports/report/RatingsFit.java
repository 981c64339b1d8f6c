package dev.parity.reports.report;

import java.util.List;

/**
 * How the ratings were fitted, or why they could not be.
 *
 * @param anchor the player fixed at {@code anchorRating}: {@code baseline}
 * @param anchorRating 1000
 * @param judgments the pairwise judgments fitted
 * @param resamples bootstrap resamples drawn
 * @param unfitResamples resamples that could not be fitted and were left out (intervals are then
 *     too narrow)
 * @param problem why no ratings could be fitted; null when they were
 * @param players the players concerned by the problem; empty when there is none
 */
public record RatingsFit(
    String anchor, double anchorRating, long judgments, int resamples, int unfitResamples,
    String problem, List<String> players) {}
