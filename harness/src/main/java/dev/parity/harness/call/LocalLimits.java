package dev.parity.harness.call;

import dev.parity.harness.client.ModelConfig;
import java.time.Clock;
import java.time.Duration;

/** {@link ModelLimits} in this process's memory: an {@link AdaptiveLimit} and two {@link TokenBucket}s. */
final class LocalLimits implements ModelLimits {
  private final AdaptiveLimit limit;
  private final TokenBucket requests;
  private final TokenBucket tokens;

  LocalLimits(ModelConfig.Limits limits, int maxConcurrency, Clock clock) {
    this.limit = new AdaptiveLimit(maxConcurrency, clock);
    this.requests = limits.requestsPerMinute() == null ? null : new TokenBucket(limits.requestsPerMinute(), clock);
    this.tokens = limits.tokensPerMinute() == null ? null : new TokenBucket(limits.tokensPerMinute(), clock);
  }

  @Override
  public Permit acquire(long estimatedTokens) throws InterruptedException {
    int generation = limit.acquire();
    return generation < 0 ? null : new Permit(generation, reserve(estimatedTokens));
  }

  @Override
  public Duration reserve(long estimatedTokens) {
    Duration wait = Duration.ZERO;
    if (requests != null) {
      wait = requests.reserve(1);
    }
    if (tokens != null) {
      Duration forTokens = tokens.reserve(estimatedTokens);
      wait = forTokens.compareTo(wait) > 0 ? forTokens : wait;
    }
    return wait;
  }

  @Override
  public void succeeded() {
    limit.succeeded();
  }

  @Override
  public void rateLimited(int generation) {
    limit.rateLimited(generation);
  }

  @Override
  public void failed() {
    limit.failed();
  }

  @Override
  public void paused(Duration wait) {
    // In one process the 429's call keeps its slot through the wait; the other calls hear their own.
  }

  @Override
  public void close() {
    limit.close();
  }

  @Override
  public int limit() {
    return limit.limit();
  }

  @Override
  public int inFlight() {
    return limit.inFlight();
  }
}
