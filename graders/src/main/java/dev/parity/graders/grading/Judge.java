package dev.parity.graders.grading;

import dev.parity.core.ParityException;
import dev.parity.graders.judge.InvalidJudgeOutputException;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.CallListener;
import dev.parity.harness.call.CallOutcome;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.ModelRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The model judge as a grading pass asks it: each question goes through the judge's
 * {@link ModelCaller} (the one call path: limits, retries, stops) under the pass's budget, and an
 * answer that is not a valid verdict is asked again up to {@link GradingPass#INVALID_OUTPUT_RETRIES}
 * more times.
 *
 * <p>Thread-safe.
 */
final class Judge {
  private final ModelCaller caller;
  private final String spec;
  private final Budget budget;
  private final Duration timeout;
  private volatile String stopReason;

  Judge(ModelCaller caller, String spec, Budget budget, Duration timeout) {
    this.caller = caller;
    this.spec = spec;
    this.budget = budget;
    this.timeout = timeout;
  }

  /** The judge's model spec, the first part of its grader identities. */
  String spec() {
    return spec;
  }

  /**
   * How asking one question ended.
   *
   * @param verdict the parsed verdict; null unless answered
   * @param error why there is no verdict: the call's failure or the last invalid output; null when answered
   * @param httpAttempts every HTTP attempt of every try
   * @param costUsd what every try cost
   */
  record Asked<T>(Status status, T verdict, String error, int httpAttempts, double costUsd) {}

  /** The end of a question. */
  enum Status {
    /** A valid verdict. */
    ANSWERED,
    /** Every try answered with something that is not a verdict. */
    INVALID_OUTPUT,
    /** The call failed for good. */
    FAILED,
    /** Not asked (or not asked again): the judge was stopped or the budget is used up; a later pass goes on. */
    NOT_ASKED
  }

  /**
   * Whether new work may start: the budget is not used up and the judge was not stopped. When not,
   * {@link #stopReason()} says why.
   */
  boolean mayStart() {
    if (budget.usedUp()) {
      stopReason = "budget";
      return false;
    }
    if (caller.stopped()) {
      stopReason = caller.stopMessage();
      return false;
    }
    return true;
  }

  /** Why work stopped before its end ("budget", or the judge's stop message), or null. */
  String stopReason() {
    return stopReason;
  }

  /** What every answer of the pass cost. */
  double spentUsd() {
    return budget.paidUsd();
  }

  /**
   * Asks {@code prompt} until {@code parse} accepts an answer, at most
   * {@code 1 + INVALID_OUTPUT_RETRIES} times; try {@code n} is sent as request sample
   * {@code firstSample + n} (what a replay judge's answers are keyed by).
   *
   * @param parse reads a verdict, throwing {@link InvalidJudgeOutputException} for anything else
   * @throws ParityException when interrupted
   */
  <T> Asked<T> ask(String taskId, int firstSample, String prompt, Function<String, T> parse) {
    double cost = 0;
    int calls = 0;
    Status status = Status.FAILED;
    String error = null;
    for (int attempt = 0; attempt <= GradingPass.INVALID_OUTPUT_RETRIES; attempt++) {
      CallOutcome outcome = call(taskId, firstSample + attempt, prompt);
      calls += outcome.log().httpAttempts();
      if (outcome instanceof CallOutcome.Answered answered) {
        Double answerCost = answered.answer().record().costUsd();
        cost += answerCost == null ? 0 : answerCost;
        try {
          return new Asked<>(Status.ANSWERED, parse.apply(answered.answer().text()), null, calls, cost);
        } catch (InvalidJudgeOutputException e) {
          status = Status.INVALID_OUTPUT;
          error = e.getMessage();
        }
      } else if (outcome instanceof CallOutcome.Failed failed) {
        return new Asked<>(Status.FAILED, null, failed.message(), calls, cost);
      } else {
        mayStart();
        return new Asked<>(Status.NOT_ASKED, null, stopReason, calls, cost);
      }
    }
    return new Asked<>(status, null, error, calls, cost);
  }

  private CallOutcome call(String taskId, int sample, String prompt) {
    ModelRequest request = new ModelRequest(taskId, sample, "", prompt, List.of(), List.of(), timeout);
    try (Budget.Reservation reservation = budget.unsized()) {
      return caller.call(request, prompt.length() / 4 + 1_000, reservation, CallListener.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException("grading interrupted", e);
    }
  }
}
