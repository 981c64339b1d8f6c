package dev.parity.graders.campaign;

/**
 * A campaign and how far it has come.
 *
 * @param id its random id
 * @param name its unique name
 * @param source what its pairs came from (e.g. a run id)
 * @param createdAt when it was created, ISO-8601 UTC
 * @param settings how it was built, with its seed
 * @param pairs model pairs
 * @param attentionChecks attention-check pairs
 * @param assignments assignments, attention checks included
 * @param submitted assignments submitted (or flagged as a conflict of interest)
 */
public record CampaignSummary(
    String id, String name, String source, String createdAt, CampaignSettings settings, int pairs,
    int attentionChecks, int assignments, int submitted) {

  /** The share of assignments done, 0 to 1. */
  public double done() {
    return assignments == 0 ? 0 : (double) submitted / assignments;
  }
}
