package dev.parity.harness.client;

/** Why an answer ended, the same for every provider. */
public enum FinishReason {
  /** The model finished its answer. */
  COMPLETED,
  /** The answer was cut at the output token limit. */
  LENGTH,
  /** The model declined to answer, or a content filter or safety block stopped it. */
  REFUSED,
  /** Anything else the provider reports (tool calls, unknown reasons). */
  OTHER
}
