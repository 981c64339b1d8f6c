package dev.parity.harness.run;

import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.AttemptCost;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.harness.work.WorkQueue;
import java.time.Instant;
import java.util.List;

/**
 * A run as {@code parity runs} lists it: what it ran, how far it got and what it cost. Made from
 * its attempts' status and cost alone ({@link Store#attemptCosts}), not from every attempt whole as
 * {@link RunSummary} is, so that listing a store of many large runs reads a few columns per
 * attempt. Its figures are the summary's, by the same rules ({@link AttemptCost}).
 *
 * @param run the run's id
 * @param status the run's status, as shown ({@code completed}, {@code stopped: budget}, …)
 * @param suite the suite's name
 * @param suiteVersion the suite's version
 * @param attempts how many attempts the run has
 * @param pending how many of them are still to be made
 * @param costUsd as {@link RunSummary#costUsd()}
 * @param unknownCost as {@link RunSummary#unknownCost()}
 * @param possiblyPaid as {@link RunSummary#possiblyPaid()}
 * @param models the models' names, in the run's order
 */
public record RunListing(
    String run,
    String status,
    String suite,
    String suiteVersion,
    int attempts,
    int pending,
    double costUsd,
    int unknownCost,
    RunSummary.PossiblyPaid possiblyPaid,
    List<String> models) {

  public RunListing {
    models = List.copyOf(models);
  }

  /** How {@code run}, as the store holds it, stands at {@code now}. */
  public static RunListing of(Store store, Run run, Instant now) {
    List<AttemptCost> costs = store.attemptCosts(run.id());
    int pending = 0;
    int unknownCost = 0;
    for (AttemptCost cost : costs) {
      pending += cost.status() == AttemptStatus.PENDING ? 1 : 0;
      unknownCost += cost.unknown() ? 1 : 0;
    }
    // Summed as the summary sums (a stream's compensated sum, in the store's order of attempts): the same double.
    double costUsd = costs.stream().mapToDouble(AttemptCost::paidUsd).sum();
    return new RunListing(run.id(), run.statusAt(now).display(), run.suiteName(), run.suiteVersion(), costs.size(),
        pending, costUsd, unknownCost, new RunSummary.PossiblyPaid(WorkQueue.takenOver(store.database(), run.id()), 0),
        run.models().stream().map(ModelConfig::name).toList());
  }

  /** This listing with the run's judgments taken over, which the graders' queue counts (as the summary's). */
  public RunListing withJudgmentsTakenOver(int judgments) {
    return new RunListing(run, status, suite, suiteVersion, attempts, pending, costUsd, unknownCost,
        new RunSummary.PossiblyPaid(possiblyPaid.attempts(), judgments), models);
  }

  /** What the run cost, by the project's rule for unknown costs ({@link Spend#display}). */
  public Spend spend() {
    return new Spend(costUsd, unknownCost);
  }
}
