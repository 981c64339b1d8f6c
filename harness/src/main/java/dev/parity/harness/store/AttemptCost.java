package dev.parity.harness.store;

import java.util.Objects;

/**
 * An attempt's status and what it cost its run: what a run's end adds up ({@link Store#attemptCosts}),
 * without the rest of the attempt. The rules are {@link Attempt}'s, kept here once.
 *
 * @param paidUsd as {@link Attempt#paidUsd()}
 * @param unknown as {@link Attempt#costUnknown()}
 */
public record AttemptCost(AttemptStatus status, double paidUsd, boolean unknown) {
  public AttemptCost {
    Objects.requireNonNull(status, "status");
  }

  /** What {@code attempt} cost. */
  public static AttemptCost of(Attempt attempt) {
    return new AttemptCost(attempt.status(), attempt.paidUsd(), attempt.costUnknown());
  }

  static AttemptCost of(AttemptStatus status, boolean cacheHit, boolean answered, Double costUsd, Double spentUsd) {
    return new AttemptCost(status, paid(cacheHit, costUsd, spentUsd), unknown(cacheHit, answered, costUsd));
  }

  /** Nothing for a cache hit; an agent attempt's spend when it has one; else the answer's cost, zero when unknown. */
  static double paid(boolean cacheHit, Double costUsd, Double spentUsd) {
    if (cacheHit) {
      return 0;
    }
    if (spentUsd != null) {
      return spentUsd;
    }
    return costUsd == null ? 0 : costUsd;
  }

  /** Whether a call that was not a cache hit answered without a cost. */
  static boolean unknown(boolean cacheHit, boolean answered, Double costUsd) {
    return !cacheHit && answered && costUsd == null;
  }
}
