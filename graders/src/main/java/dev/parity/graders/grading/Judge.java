package dev.parity.graders.grading;

import dev.parity.core.ParityException;
import dev.parity.graders.judge.InvalidJudgeOutputException;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.CallListener;
import dev.parity.harness.call.CallOutcome;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
  private final DryRun dryRun;
  private volatile String stopReason;

  /**
   * @param dryRun counts the questions instead of asking them; null to ask
   */
  Judge(ModelCaller caller, String spec, Budget budget, Duration timeout, DryRun dryRun) {
    this.caller = caller;
    this.spec = spec;
    this.budget = budget;
    this.timeout = timeout;
    this.dryRun = dryRun;
  }

  /** The output tokens an answer is counted at before it comes when the judge sets no maximum: a verdict and its reasons. */
  static final int ANSWER_TOKENS = 1_000;

  /**
   * What a dry run counted: the questions that would be asked (one try each), their estimated input
   * tokens, text and images apart, and the pages shown. Thread-safe.
   */
  static final class DryRun {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong textTokens = new AtomicLong();
    final AtomicLong imageTokens = new AtomicLong();
    final AtomicLong attachments = new AtomicLong();
  }

  /** The judge model's configuration: what it accepts, its provider (for image-token formulas). */
  ModelConfig config() {
    return caller.config();
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
   * Asks {@code prompt}, with {@code attachments} (page images, PDFs) sent before it, until
   * {@code parse} accepts an answer, at most {@code 1 + INVALID_OUTPUT_RETRIES} times; try {@code n}
   * is sent as request sample {@code firstSample + n} (what a replay judge's answers are keyed by).
   *
   * @param imageTokens what the attachments cost in input tokens ({@link JudgeMaterials.Shown#imageTokens()}),
   *     counted with the prompt's text against the judge's limits
   * @param parse reads a verdict, throwing {@link InvalidJudgeOutputException} for anything else
   * @throws ParityException when interrupted
   */
  <T> Asked<T> ask(String taskId, int firstSample, String prompt, List<Attachment> attachments, long imageTokens,
      Function<String, T> parse) {
    if (dryRun != null) {
      dryRun.calls.incrementAndGet();
      dryRun.textTokens.addAndGet(prompt.length() / 4);
      dryRun.imageTokens.addAndGet(imageTokens);
      dryRun.attachments.addAndGet(attachments.size());
      return new Asked<>(Status.NOT_ASKED, null, "dry run", 0, 0);
    }
    double cost = 0;
    int calls = 0;
    Status status = Status.FAILED;
    String error = null;
    for (int attempt = 0; attempt <= GradingPass.INVALID_OUTPUT_RETRIES; attempt++) {
      CallOutcome outcome = call(taskId, firstSample + attempt, prompt, attachments, imageTokens);
      if (outcome == null) {
        stopReason = "budget";
        return new Asked<>(Status.NOT_ASKED, null, stopReason, calls, cost);
      }
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

  /** The input tokens a question is estimated at: its text at four characters a token, and its images. */
  static long estimatedTokens(String prompt, long imageTokens) {
    return prompt.length() / 4 + imageTokens;
  }

  /** Whether this judge only counts its questions ({@code --dry-run}): nothing may be stored. */
  boolean dry() {
    return dryRun != null;
  }

  /**
   * What {@code calls} calls with {@code inputTokens} in all are estimated to cost at the judge's
   * price, each answer counted at the judge's maximum output or {@link #ANSWER_TOKENS}; empty
   * without a price.
   */
  Optional<Double> estimatedCostUsd(long calls, long inputTokens) {
    ModelConfig config = caller.config();
    if (config.price() == null) {
      return Optional.empty();
    }
    Integer max = config.parameters().maxOutputTokens();
    long output = max == null ? ANSWER_TOKENS : max;
    return Optional.of((inputTokens * config.price().inputPerMillion()
        + calls * output * config.price().outputPerMillion()) / 1_000_000.0);
  }

  /**
   * One try, under a reservation of its estimated cost (images included) when the judge has a
   * price, so that a budget stops before a call that would pass it; null when the budget has no
   * room for it.
   */
  private CallOutcome call(String taskId, int sample, String prompt, List<Attachment> attachments, long imageTokens) {
    ModelRequest request = new ModelRequest(taskId, sample, "", prompt, attachments, List.of(), timeout);
    long tokens = estimatedTokens(prompt, imageTokens);
    Optional<Double> cost = estimatedCostUsd(1, tokens);
    Optional<Budget.Reservation> reserved = cost.isEmpty() ? Optional.of(budget.unsized()) : budget.reserve(cost.get());
    if (reserved.isEmpty()) {
      return null;
    }
    try (Budget.Reservation reservation = reserved.get()) {
      // The tokens-per-minute limit counts the answer too, as providers do.
      return caller.call(request, tokens + ANSWER_TOKENS, reservation, CallListener.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException("grading interrupted", e);
    }
  }
}
