package dev.parity.harness.store;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an attempt stands. Every attempt starts {@link #PENDING} and ends in one of the other
 * states; the ended states fall in two groups that reports must never mix:
 *
 * <ul>
 *   <li><em>model outcomes</em> ({@link #COMPLETED}, {@link #REFUSED}, {@link #INVALID_OUTPUT},
 *       {@link #NO_DELIVERABLE}): the model answered, and the answer is what it is;
 *   <li><em>failures</em> ({@link #TIMED_OUT}, {@link #RATE_LIMITED_OUT}, {@link #SERVER_ERROR},
 *       {@link #CLIENT_ERROR}): the infrastructure failed, not the model. They never count as
 *       the model losing, and a resume tries them again.
 * </ul>
 */
public enum AttemptStatus {
  /** Not done yet (never started, or in flight when the run stopped). */
  PENDING,
  /** The model answered. */
  COMPLETED,
  /** The model declined, or a content filter or safety block stopped its answer. */
  REFUSED,
  /** The model answered with nothing usable: empty, or cut at the output token limit. */
  INVALID_OUTPUT,
  /**
   * An agent attempt ended without a deliverable (no files, the turn, time or cost limit): a
   * capability failure, counted as a loss against the baseline; the failure's type says which.
   */
  NO_DELIVERABLE,
  /** Every try ran past the per-call timeout. */
  TIMED_OUT,
  /** The provider kept answering 429 until the retry limit. */
  RATE_LIMITED_OUT,
  /** The provider kept failing (5xx, overloaded, broken connections, bodies that cannot be parsed). */
  SERVER_ERROR,
  /** The request was rejected (400, 401, 403, 404, context too long) or the client failed. */
  CLIENT_ERROR;

  /** The name in the store, in exports and on screen: {@code rate_limited_out}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status stored as {@code id}. */
  public static AttemptStatus fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown attempt status \"" + id + "\""));
  }

  /** Whether the attempt has ended, one way or the other. */
  public boolean isEnded() {
    return this != PENDING;
  }

  /** Whether the model answered: the attempt is a result, never redone. */
  public boolean isModelOutcome() {
    return this == COMPLETED || this == REFUSED || this == INVALID_OUTPUT || this == NO_DELIVERABLE;
  }

  /** Whether the infrastructure failed: not the model's fault, redone on a resume. */
  public boolean isFailure() {
    return isEnded() && !isModelOutcome();
  }
}
