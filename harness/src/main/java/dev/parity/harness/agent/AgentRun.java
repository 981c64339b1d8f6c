package dev.parity.harness.agent;

import dev.parity.harness.call.CallOutcome;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.Usage;
import dev.parity.harness.sandbox.ResourceUse;
import dev.parity.harness.sandbox.Sandbox;
import java.util.List;
import java.util.Objects;

/**
 * How an agent attempt's loop ended, with what it made and spent.
 *
 * @param end why the loop stopped
 * @param failedCall the call that did not answer, for {@link End#CALL_FAILED}, {@link End#STOPPED} and
 *     {@link End#OVER_BUDGET}; null otherwise
 * @param text the model's text in its last answer ("" when none)
 * @param lastRecord the last answer's record (model, request id, finish reason); null when no turn answered
 * @param usage the tokens of every turn, summed
 * @param costUsd the cost of every turn, summed; null when a turn's price was unknown
 * @param turns how many turns answered
 * @param httpAttempts how many HTTP requests the turns took, retries included
 * @param failedTries every failed HTTP attempt, in order
 * @param files the files in outputs/ when the loop ended
 * @param toolCalls how many tool calls the turns made (those not run after submit included)
 * @param sandbox the sandbox's CPU time summed over the tool calls and their largest peak memory;
 *     null when no call was measured
 */
public record AgentRun(End end, CallOutcome failedCall, String text, CallRecord lastRecord, Usage usage,
    Double costUsd, int turns, int httpAttempts, List<CallOutcome.FailedTry> failedTries,
    List<Sandbox.WorkspaceFile> files, int toolCalls, ResourceUse sandbox) {

  public AgentRun {
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
    failedTries = List.copyOf(failedTries);
    files = List.copyOf(files);
  }

  /** Why an agent loop stopped. */
  public enum End {
    /** The model called submit. */
    SUBMITTED,
    /** The model answered without calling a tool: its turn, and its attempt, is over. */
    ANSWERED,
    /** The attempt used its turns without submitting. */
    TURN_LIMIT,
    /** The attempt ran out of time without submitting. */
    TIME_LIMIT,
    /** The attempt reached its cost limit without submitting. */
    COST_LIMIT,
    /** A model call failed for good (the infrastructure's failure, not the model's). */
    CALL_FAILED,
    /** The model was stopped (a rejected key, an unknown model): the attempt is left to a resume. */
    STOPPED,
    /** The run's budget is used up: the attempt is left to a resume. */
    OVER_BUDGET;

    /** The reason a capability failure is recorded with ({@code turn_limit}), or null when this end is not one. */
    public String noDeliverableReason() {
      return switch (this) {
        case TURN_LIMIT -> "turn_limit";
        case TIME_LIMIT -> "time_limit";
        case COST_LIMIT -> "cost_limit";
        default -> null;
      };
    }
  }
}
