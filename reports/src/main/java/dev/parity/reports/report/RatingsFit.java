package dev.parity.reports.report;

import java.util.List;

/**
 * How the ratings of one connected group of players were fitted, or why they could not be.
 *
 * @param group the group's number: 1 is the professionals' group when anyone was compared with
 *     them; then by size
 * @param members every player of the group, by name
 * @param anchor the player fixed at {@code anchorRating}: {@code baseline} in the professionals'
 *     group, else the group's first player by name
 * @param anchorRating 1000
 * @param judgments the pairwise judgments fitted
 * @param resamples bootstrap resamples drawn
 * @param unfitResamples resamples that could not be fitted and were left out (intervals are then
 *     too narrow)
 * @param problem why no ratings could be fitted; null when they were
 * @param players the players concerned by the problem; empty when there is none
 */
public record RatingsFit(
    int group, List<String> members, String anchor, double anchorRating, long judgments, int resamples,
    int unfitResamples, String problem, List<String> players) {

  public RatingsFit {
    members = List.copyOf(members);
    players = List.copyOf(players);
  }
}
