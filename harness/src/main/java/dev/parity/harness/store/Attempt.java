package dev.parity.harness.store;

import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One model's answer to one sample of one task, as stored. Immutable.
 *
 * @param key which attempt
 * @param status where it stands
 * @param cacheKey the digest of the full request (see {@code dev.parity.harness.run}); null while
 *     pending
 * @param cacheHit whether the answer was served from the answer cache instead of the model
 * @param httpAttempts how many calls the attempt made, counted across resumes
 * @param errorType for a failure, the {@link dev.parity.harness.client.CallFailure} name of the last
 *     error; for invalid output, what was wrong ({@code empty_answer}, {@code length}); else null
 * @param errorMessage the last error's message; may be null
 * @param providerModel the model name the provider reports serving; may be null
 * @param requestId the provider's request id; may be null
 * @param finishReason why the answer ended; null without an answer
 * @param usage the tokens the provider reported ({@link Usage#UNKNOWN} without an answer)
 * @param costUsd what the answer cost when the model produced it; null when unknown (a cache hit
 *     keeps the original cost and pays nothing: see {@link #paidUsd()})
 * @param latency the answering call's latency; may be null
 * @param timeToFirstByte the answering call's time to first byte; may be null
 * @param startedAt when the attempt started (its last start, on a resume); null while pending
 * @param endedAt when it ended; null while pending
 * @param answerSha256 the blob holding the answer's text; null without an answer
 * @param transcriptSha256 the blob holding the transcript (request, calls, raw bodies); may be null
 * @param extraction how the deliverable was taken out of the answer (e.g. {@code raw}); may be null
 * @param deliverableNotes what was wrong with the deliverable, one problem a line; may be null
 */
public record Attempt(
    AttemptKey key,
    AttemptStatus status,
    String cacheKey,
    boolean cacheHit,
    int httpAttempts,
    String errorType,
    String errorMessage,
    String providerModel,
    String requestId,
    FinishReason finishReason,
    Usage usage,
    Double costUsd,
    Duration latency,
    Duration timeToFirstByte,
    Instant startedAt,
    Instant endedAt,
    String answerSha256,
    String transcriptSha256,
    String extraction,
    String deliverableNotes) {

  public Attempt {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    usage = usage == null ? Usage.UNKNOWN : usage;
  }

  /** A new attempt that has not started. */
  public static Attempt pending(AttemptKey key) {
    return new Attempt(key, AttemptStatus.PENDING, null, false, 0, null, null, null, null, null,
        Usage.UNKNOWN, null, null, null, null, null, null, null, null, null);
  }

  /** What this attempt cost the run: nothing for a cache hit, zero when the cost is unknown. */
  public double paidUsd() {
    return cacheHit || costUsd == null ? 0 : costUsd;
  }

  /** The calls made beyond the first. */
  public int retries() {
    return Math.max(0, httpAttempts - 1);
  }
}
