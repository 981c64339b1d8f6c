package dev.parity.graders.campaign;

import java.util.List;

/**
 * What {@link Campaigns#create} stored.
 *
 * @param campaign the new campaign
 * @param notes what the plan could not do, e.g. a grader short of attention checks; not failures
 */
public record CampaignCreated(CampaignSummary campaign, List<String> notes) {
  public CampaignCreated {
    notes = List.copyOf(notes);
  }
}
