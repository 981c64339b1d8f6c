package dev.parity.harness.run;

import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.RunStatus;
import java.util.Map;
import java.util.Objects;

/**
 * How a run (or this session of it) ended.
 *
 * @param runId the run's id
 * @param status the run's status now
 * @param stopReason why it stopped, in words; null when it completed
 * @param attempts how many of the run's attempts are in each status now
 * @param madeNow how many attempts this session ended
 * @param spent what the run has cost so far, across resumes
 */
public record RunOutcome(
    String runId,
    RunStatus status,
    String stopReason,
    Map<AttemptStatus, Integer> attempts,
    int madeNow,
    Spend spent) {

  public RunOutcome {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(spent, "spent");
    attempts = Map.copyOf(attempts);
  }

  /** The known part of what the run has cost so far, across resumes. */
  public double paidUsd() {
    return spent.knownUsd();
  }

  /** How many attempts are in {@code status}. */
  public int count(AttemptStatus status) {
    return attempts.getOrDefault(status, 0);
  }

  /** How many attempts ended in a failure (retried on a resume). */
  public int failed() {
    return attempts.entrySet().stream().filter(e -> e.getKey().isFailure())
        .mapToInt(Map.Entry::getValue).sum();
  }
}
