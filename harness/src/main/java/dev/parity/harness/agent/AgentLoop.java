package dev.parity.harness.agent;

import dev.parity.documents.PageRenderer;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.CallListener;
import dev.parity.harness.call.CallOutcome;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.Conversation;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.ToolCall;
import dev.parity.harness.client.ToolResult;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.internal.Json;
import dev.parity.harness.sandbox.ResourceUse;
import dev.parity.harness.sandbox.Sandbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool loop of one agent attempt: each turn is one call through the model's
 * {@link ModelCaller} (limits, retries, budget), the turn's tool calls run one after another in the
 * attempt's sandbox and their results go back with the next turn, until the model calls submit,
 * answers without a tool call, or a limit ends it. Time is the injected clock's.
 *
 * <p>One loop per attempt; not for use from several threads.
 */
public final class AgentLoop {
  private final ModelCaller caller;
  private final AgentSettings settings;
  private final Clock clock;
  private final PageRenderer renderer;

  /**
   * @param renderer draws pages for the render tool; null when the run does not offer it
   */
  public AgentLoop(ModelCaller caller, AgentSettings settings, Clock clock, PageRenderer renderer) {
    this.caller = caller;
    this.settings = settings;
    this.clock = clock;
    this.renderer = renderer;
  }

  /**
   * Runs the loop for {@code request} in {@code sandbox}.
   *
   * @throws InterruptedException when the run is aborted; the sandbox's command is killed
   */
  public AgentRun run(ModelRequest request, Sandbox sandbox, Budget.Reservation reservation, long estimatedTokens,
      CallListener listener, AgentRecorder recorder) throws InterruptedException {
    // A model that does not take images (accepts:, force_text) gets a file's text from render, not its pages.
    ToolBox tools = new ToolBox(settings.offered(), sandbox, renderer,
        caller.config().accepted().contains(InputKind.IMAGE));
    Conversation conversation = new Conversation(settings.offered().stream().map(AgentTool::spec).toList(),
        List.of());
    Instant deadline = clock.instant().plus(settings.attemptTimeout());
    Totals totals = new Totals();
    while (true) {
      AgentRun.End limit = limitReached(totals, deadline);
      if (limit != null) {
        return totals.end(limit, null, sandbox);
      }
      CallOutcome outcome = caller.call(request.withConversation(conversation), estimatedTokens, reservation,
          listener);
      totals.httpAttempts += outcome.log().httpAttempts();
      totals.failedTries.addAll(outcome.log().failedTries().stream().map(t -> new CallOutcome.FailedTry(
          totals.httpAttempts - outcome.log().httpAttempts() + t.tryNumber(), t.failure(), t.message(),
          t.retryWait(), t.at())).toList());
      if (!(outcome instanceof CallOutcome.Answered answered)) {
        AgentRun.End end = outcome instanceof CallOutcome.Stopped ? AgentRun.End.STOPPED
            : outcome instanceof CallOutcome.OverBudget ? AgentRun.End.OVER_BUDGET : AgentRun.End.CALL_FAILED;
        return totals.end(end, outcome, sandbox);
      }
      ModelAnswer answer = answered.answer();
      totals.add(answer);
      recorder.turn(totals.turns, answer, answer.record());
      if (answer.toolCalls().isEmpty()) {
        return totals.end(AgentRun.End.ANSWERED, null, sandbox);
      }
      List<ToolResult> results = new ArrayList<>();
      boolean submitted = false;
      for (ToolCall call : answer.toolCalls()) {
        ToolExecution execution;
        if (submitted) {
          // Calls after submit in the same turn are answered but not run: the work was handed in.
          execution = new ToolExecution(new ToolResult(call, "error: not run, submit ended the attempt", true),
              null, java.time.Duration.ZERO, false, false);
        } else if (!clock.instant().isBefore(deadline)) {
          execution = new ToolExecution(new ToolResult(call, "error: not run, the attempt's time is up", true),
              null, java.time.Duration.ZERO, false, false);
        } else {
          execution = tools.execute(call);
        }
        totals.toolCalls++;
        totals.sandbox = execution.resources() == null ? totals.sandbox
            : execution.resources().plus(totals.sandbox);
        recorder.toolCall(totals.turns, execution);
        results.add(execution.result());
        submitted |= execution.submitted();
      }
      if (submitted) {
        return totals.end(AgentRun.End.SUBMITTED, null, sandbox);
      }
      conversation = conversation.with(new Conversation.Turn(answer.state() != null ? answer.state()
          : Json.write(Json.object()), results));
    }
  }

  private AgentRun.End limitReached(Totals totals, Instant deadline) {
    if (totals.turns >= settings.maxTurns()) {
      return AgentRun.End.TURN_LIMIT;
    }
    if (!clock.instant().isBefore(deadline)) {
      return AgentRun.End.TIME_LIMIT;
    }
    if (settings.maxAttemptUsd() != null && totals.cost != null && totals.cost >= settings.maxAttemptUsd()) {
      return AgentRun.End.COST_LIMIT;
    }
    return null;
  }

  /** What the turns so far answered and spent. */
  private static final class Totals {
    int turns;
    int toolCalls;
    ResourceUse sandbox;
    int httpAttempts;
    final List<CallOutcome.FailedTry> failedTries = new ArrayList<>();
    Usage usage = Usage.UNKNOWN;
    Double cost = 0.0;
    String text = "";
    CallRecord last;

    void add(ModelAnswer answer) {
      turns++;
      last = answer.record();
      text = answer.text();
      usage = usage.plus(answer.record().usage());
      // One turn of unknown price makes the attempt's cost unknown, never a smaller number.
      cost = cost == null || answer.record().costUsd() == null ? null : cost + answer.record().costUsd();
    }

    AgentRun end(AgentRun.End end, CallOutcome failed, Sandbox sandbox) {
      return new AgentRun(end, failed, text, last, usage, turns == 0 ? null : cost, turns, httpAttempts,
          failedTries, sandbox.copyOut(), toolCalls, this.sandbox);
    }
  }
}
