package dev.parity.harness.store;

import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One model's answer to one sample of one task, as stored: which attempt, where it stands, and its
 * parts — how it called, what came back, what went wrong, when, and what was delivered. Immutable;
 * every part is non-null (a part that does not apply is its {@code NONE}). Made with the named
 * factories: {@link #pending}, {@link #answered}, {@link #failed}, {@link #imported}, {@link
 * #servedFromCache}.
 *
 * @param key which attempt
 * @param status where it stands
 * @param calls how it called the model: cache key, cache hit, calls made, transcript
 * @param answer what the model answered; {@link Answer#NONE} without an answer
 * @param failure what was wrong; {@link Failure#NONE} when nothing was
 * @param timing when it ran; {@link Timing#NOT_STARTED} while pending
 * @param delivery how the deliverable was taken out of the answer and what was found in it
 * @param agent for an agent attempt, its turns, tool calls, sandbox use and what every try spent;
 *     {@link Agent#NONE} for a plain one
 */
public record Attempt(
    AttemptKey key,
    AttemptStatus status,
    Calls calls,
    Answer answer,
    Failure failure,
    Timing timing,
    Delivery delivery,
    Agent agent) {

  public Attempt {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(agent, "agent");
  }

  /** A plain attempt (no agent part). */
  public Attempt(AttemptKey key, AttemptStatus status, Calls calls, Answer answer, Failure failure, Timing timing,
      Delivery delivery) {
    this(key, status, calls, answer, failure, timing, delivery, Agent.NONE);
  }

  /** This attempt with the agent part {@code agent}. */
  public Attempt withAgent(Agent agent) {
    return new Attempt(key, status, calls, answer, failure, timing, delivery, agent);
  }

  /** A new attempt that has not started. */
  public static Attempt pending(AttemptKey key) {
    return new Attempt(key, AttemptStatus.PENDING, Calls.NONE, Answer.NONE, Failure.NONE, Timing.NOT_STARTED,
        Delivery.NONE);
  }

  /**
   * An attempt the model answered: {@code status} is a model outcome (completed, refused, or invalid
   * output with {@code failure} saying why).
   *
   * @throws IllegalArgumentException when {@code status} is not a model outcome
   */
  public static Attempt answered(AttemptKey key, AttemptStatus status, Calls calls, Answer answer, Failure failure,
      Timing timing, Delivery delivery) {
    if (!status.isModelOutcome()) {
      throw new IllegalArgumentException("an answered attempt cannot be " + status.id());
    }
    return new Attempt(key, status, calls, answer, failure, timing, delivery);
  }

  /**
   * An attempt the infrastructure failed: no answer, no deliverable.
   *
   * @throws IllegalArgumentException when {@code status} is not a failure
   */
  public static Attempt failed(AttemptKey key, AttemptStatus status, Calls calls, Failure failure, Timing timing) {
    if (!status.isFailure()) {
      throw new IllegalArgumentException("a failed attempt cannot be " + status.id());
    }
    return new Attempt(key, status, calls, Answer.NONE, failure, timing, Delivery.NONE);
  }

  /**
   * A deliverable made outside Parity and imported as an attempt at {@code at}: no call, no
   * answer; invalid output with {@code failure} saying why when it holds nothing.
   */
  public static Attempt imported(AttemptKey key, Failure failure, Instant at, Delivery delivery) {
    AttemptStatus status = failure.isNone() ? AttemptStatus.COMPLETED : AttemptStatus.INVALID_OUTPUT;
    return new Attempt(key, status, Calls.NONE, Answer.NONE, failure, new Timing(at, null), delivery);
  }

  /**
   * This attempt's answer served from the answer cache to attempt {@code key}: same status,
   * answer, failure and deliverable; the new attempt's calls (a cache hit) and timing.
   */
  public Attempt servedFromCache(AttemptKey key, int httpAttempts, String transcriptSha256, Timing timing) {
    return new Attempt(key, status, new Calls(calls.cacheKey(), true, httpAttempts, transcriptSha256), answer,
        failure, timing, delivery, agent);
  }

  /**
   * What this attempt cost the run: nothing for a cache hit; for an agent attempt every turn of
   * every try, the unfinished ones included (so a pending attempt may have cost something);
   * zero when the cost is unknown.
   */
  public double paidUsd() {
    return AttemptCost.paid(calls.cacheHit(), answer.costUsd(), agent.spentUsd());
  }

  /** Whether this attempt was answered by a call whose cost is unknown. */
  public boolean costUnknown() {
    return AttemptCost.unknown(calls.cacheHit(), answer.sha256() != null, answer.costUsd());
  }

  /**
   * How an agent attempt ended: {@code completed}, or the reason it has no deliverable
   * ({@code no_files}, {@code turn_limit}, {@code time_limit}, {@code cost_limit}); null for a plain
   * attempt and for one that did not end as the model's outcome (pending, failed).
   */
  public String agentEnd() {
    if (agent.turns() == null) {
      return null;
    }
    return switch (status) {
      case COMPLETED -> "completed";
      case NO_DELIVERABLE -> failure.type();
      default -> null;
    };
  }

  /** The calls made beyond the first. */
  public int retries() {
    return Math.max(0, calls.httpAttempts() - 1);
  }

  /**
   * What an agent attempt did: the turns and tool calls of the try that ended it, its sandbox's
   * use, and what the turns of every try spent (a try that a stop or a kill left unfinished
   * included: the attempt starts over on a resume, but its spending stays counted).
   *
   * @param turns the model calls the ending try answered; null while no try has ended
   * @param toolCalls the tool calls of the ending try; null while no try has ended
   * @param sandboxCpuMs the sandbox's CPU time over the ending try's tool calls, in milliseconds;
   *     null when no call was measured
   * @param sandboxPeakMemoryKb the largest peak resident memory of a process of those calls, in
   *     KiB; null when no call was measured
   * @param spentUsage the tokens of every turn of every try ({@link Usage#UNKNOWN} when none)
   * @param spentUsd the cost of every turn of every try whose price was known; null before any
   *     (the store adds each turn as it answers, {@link Store#addSpent}; recording the attempt
   *     leaves both spent parts as they are in the store)
   */
  public record Agent(Integer turns, Integer toolCalls, Long sandboxCpuMs, Long sandboxPeakMemoryKb,
      Usage spentUsage, Double spentUsd) {
    /** Not an agent attempt, or one that has not answered a turn. */
    public static final Agent NONE = new Agent(null, null, null, null, Usage.UNKNOWN, null);

    public Agent {
      spentUsage = spentUsage == null ? Usage.UNKNOWN : spentUsage;
    }

    /** Whether this is the agent part of an attempt that ran (or spent) anything. */
    public boolean isPresent() {
      return turns != null || spentUsd != null || !spentUsage.equals(Usage.UNKNOWN);
    }
  }

  /**
   * How an attempt called the model.
   *
   * @param cacheKey the digest of the full request (see {@code dev.parity.harness.run}); null
   *     while pending or for an imported deliverable
   * @param cacheHit whether the answer was served from the answer cache instead of the model
   * @param httpAttempts how many calls the attempt made, counted across resumes
   * @param transcriptSha256 the blob holding the transcript (request, calls, raw bodies); may be null
   */
  public record Calls(String cacheKey, boolean cacheHit, int httpAttempts, String transcriptSha256) {
    /** No call made. */
    public static final Calls NONE = new Calls(null, false, 0, null);

    public Calls {
      if (httpAttempts < 0) {
        throw new IllegalArgumentException("httpAttempts < 0: " + httpAttempts);
      }
    }

    /** Calls made to the model (not served from the cache). */
    public static Calls made(String cacheKey, int httpAttempts, String transcriptSha256) {
      return new Calls(cacheKey, false, httpAttempts, transcriptSha256);
    }
  }

  /**
   * What the model answered, as its provider reported it.
   *
   * @param sha256 the blob holding the answer's text; null without an answer
   * @param providerModel the model name the provider reports serving; may be null
   * @param requestId the provider's request id; may be null
   * @param finishReason why the answer ended; null without an answer
   * @param providerFinishReason why it ended in the provider's own word, as reported ({@code
   *     end_turn}, {@code STOP}, {@code content_filter}); null when the provider said nothing or the
   *     attempt was recorded before store version 1.9
   * @param usage the tokens the provider reported ({@link Usage#UNKNOWN} when it did not)
   * @param costUsd what the answer cost when the model produced it; null when unknown (a cache hit
   *     keeps the original cost and pays nothing: see {@link Attempt#paidUsd()})
   * @param latency the answering call's latency; may be null
   * @param timeToFirstByte the answering call's time to first byte; may be null
   */
  public record Answer(String sha256, String providerModel, String requestId, FinishReason finishReason,
      String providerFinishReason, Usage usage, Double costUsd, Duration latency, Duration timeToFirstByte) {
    /** No answer. */
    public static final Answer NONE = new Answer(null, null, null, null, Usage.UNKNOWN, null, null, null);

    public Answer {
      usage = usage == null ? Usage.UNKNOWN : usage;
    }

    /** An answer whose provider's own finish reason is unknown (none reported, or no provider: a human's work). */
    public Answer(String sha256, String providerModel, String requestId, FinishReason finishReason, Usage usage,
        Double costUsd, Duration latency, Duration timeToFirstByte) {
      this(sha256, providerModel, requestId, finishReason, null, usage, costUsd, latency, timeToFirstByte);
    }
  }

  /**
   * What was wrong with an attempt.
   *
   * @param type for a failure, the {@link dev.parity.harness.client.CallFailure} name of the last
   *     error; for invalid output, what was wrong ({@code empty_answer}, {@code length}); null for
   *     {@link #NONE}
   * @param message the last error's message; may be null
   */
  public record Failure(String type, String message) {
    /** Nothing wrong. */
    public static final Failure NONE = new Failure(null, null);

    public Failure {
      if (type == null && message != null) {
        throw new IllegalArgumentException("a failure's message needs its type: " + message);
      }
    }

    /** A failure of {@code type}. */
    public static Failure of(String type, String message) {
      return new Failure(Objects.requireNonNull(type, "type"), message);
    }

    /** Whether nothing was wrong. */
    public boolean isNone() {
      return type == null;
    }
  }

  /**
   * When an attempt ran.
   *
   * @param startedAt when it started (its last start, on a resume); null while pending
   * @param endedAt when it ended; null while pending (and for an imported deliverable)
   */
  public record Timing(Instant startedAt, Instant endedAt) {
    /** Not started. */
    public static final Timing NOT_STARTED = new Timing(null, null);
  }

  /**
   * How the deliverable was taken out of the answer, and what was found in it.
   *
   * @param extraction the path taken (e.g. {@code envelope}, {@code files}); null without a deliverable
   * @param findings what was wrong with the deliverable or repaired in it, in the order found
   */
  public record Delivery(String extraction, List<DeliverableFinding> findings) {
    /** No deliverable. */
    public static final Delivery NONE = new Delivery(null, List.of());

    public Delivery {
      findings = List.copyOf(findings);
    }
  }
}
