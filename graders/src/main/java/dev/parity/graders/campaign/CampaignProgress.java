package dev.parity.graders.campaign;

import java.util.List;

/**
 * Where a campaign stands, per grader and per occupation.
 *
 * @param campaign the campaign
 * @param graders one row per grader with assignments, by id
 * @param occupations one row per occupation, by name
 */
public record CampaignProgress(CampaignSummary campaign, List<GraderRow> graders, List<OccupationRow> occupations) {
  public CampaignProgress {
    graders = List.copyOf(graders);
    occupations = List.copyOf(occupations);
  }

  /**
   * One grader's progress.
   *
   * @param flagged submissions that raise a problem
   * @param lastSubmittedAt the latest submission, ISO-8601 UTC; null before the first
   */
  public record GraderRow(String graderId, String displayName, int assigned, int submitted, int flagged,
      String lastSubmittedAt) {}

  /** One occupation's progress: its model pairs and their assignments (attention checks excluded). */
  public record OccupationRow(String occupation, int pairs, int assigned, int submitted) {}
}
