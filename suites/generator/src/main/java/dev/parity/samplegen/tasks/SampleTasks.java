package dev.parity.samplegen.tasks;

import dev.parity.samplegen.SampleTask;
import java.util.List;

/** Every task of the sample suite. */
public final class SampleTasks {
  private SampleTasks() {}

  /** The tasks, in no particular order (the suite sorts them by id). */
  public static List<SampleTask> all() {
    return List.of(
        new BahamasYachtItinerary(),
        new OpexVarianceAnalysis(),
        new HeartFailureHandout(),
        new ContractClauseSummary(),
        new TerritoryPlanDeck(),
        new ListingComparison(),
        new TravelExpenseSummary(),
        new SteeringCommitteeStatus(),
        new CoughColdQuickReference(),
        new CardDisputeReply(),
        new FeatureCopyEdit(),
        new SupplierBidTabulation(),
        new GrantComplianceReview());
  }
}
