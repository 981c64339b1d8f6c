package dev.parity.harness.run;

import dev.parity.harness.store.Attempt;
import dev.parity.harness.work.Lease;
import dev.parity.tasks.Task;

/**
 * An attempt to make: its stored state (pending, or failed before), its task, and its size.
 *
 * @param previous the attempt as stored before this run started it
 * @param task the task it answers
 * @param estimatedTokens input tokens estimated plus the most output tokens allowed
 * @param worstCaseUsd the most it can cost; 0 when the model's price is unknown
 * @param lease this process's claim on it in the run's work queue; null for a run made in memory
 * @param reserved whether the claim reserved its worst case in the run's budget already ({@link
 *     dev.parity.harness.call.Budget#reserve(dev.parity.store.Handle, double)}), to be adopted
 */
record Work(Attempt previous, Task task, long estimatedTokens, double worstCaseUsd, Lease lease, boolean reserved) {
  /** The same work under {@code lease}, its worst case reserved by the claim. */
  Work leased(Lease lease) {
    return new Work(previous, task, estimatedTokens, worstCaseUsd, lease, true);
  }
}
