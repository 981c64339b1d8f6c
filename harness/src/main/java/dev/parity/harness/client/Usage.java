package dev.parity.harness.client;

/**
 * Tokens as the provider reports them; a null count was not reported.
 *
 * @param inputTokens prompt tokens, cached ones included
 * @param outputTokens completion tokens, reasoning ones included
 * @param reasoningTokens the part of the output spent on reasoning
 * @param cachedInputTokens the part of the input served from the provider's cache
 */
public record Usage(Long inputTokens, Long outputTokens, Long reasoningTokens, Long cachedInputTokens) {
  /** Nothing reported. */
  public static final Usage UNKNOWN = new Usage(null, null, null, null);

  /** This usage and {@code other}'s added, count by count; a count neither reported stays null. */
  public Usage plus(Usage other) {
    return new Usage(sum(inputTokens, other.inputTokens), sum(outputTokens, other.outputTokens),
        sum(reasoningTokens, other.reasoningTokens), sum(cachedInputTokens, other.cachedInputTokens));
  }

  private static Long sum(Long a, Long b) {
    // Spelled out: a conditional expression mixing Long and long would unbox a null.
    if (a == null) {
      return b;
    }
    return b == null ? a : Long.valueOf(a + b);
  }

  /** Input plus output tokens, counting unreported ones as zero. */
  public long totalTokens() {
    return orZero(inputTokens) + orZero(outputTokens);
  }

  private static long orZero(Long count) {
    return count == null ? 0 : count;
  }
}
