package dev.parity.harness.run;

import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One model's side of a run: its client, its adaptive concurrency and rate limits, its queue of
 * attempts to start, and whether it was stopped (a rejected key, an unknown model).
 *
 * <p>The queue and the count of open attempts belong to the runner's dispatcher and are guarded by
 * its monitor; the limits are thread-safe on their own.
 */
final class ModelLane {
  /** Concurrency when neither the model nor the command line sets one. */
  static final int DEFAULT_CONCURRENCY = 8;

  final ModelConfig config;
  final ModelClient client;
  final int maxConcurrency;
  final Deque<Work> queue = new ArrayDeque<>();
  int open;

  private final AdaptiveLimit limit;
  private final TokenBucket requests;
  private final TokenBucket tokens;
  private volatile String stopMessage;

  ModelLane(ModelConfig config, ModelClient client, Clock clock) {
    this.config = config;
    this.client = client;
    ModelConfig.Limits limits = config.limits();
    this.maxConcurrency = limits.concurrency() == null ? DEFAULT_CONCURRENCY : limits.concurrency();
    this.limit = new AdaptiveLimit(maxConcurrency);
    this.requests = limits.requestsPerMinute() == null ? null : new TokenBucket(limits.requestsPerMinute(), clock);
    this.tokens = limits.tokensPerMinute() == null ? null : new TokenBucket(limits.tokensPerMinute(), clock);
  }

  /**
   * Waits until a call may start: a concurrency slot, then the rate limits.
   *
   * @return the slot's generation for the release methods, or -1 when the model was stopped
   */
  int acquire(long estimatedTokens, Sleeper sleeper) throws InterruptedException {
    int generation = limit.acquire();
    if (generation < 0) {
      return -1;
    }
    Duration wait = Duration.ZERO;
    if (requests != null) {
      wait = requests.reserve(1);
    }
    if (tokens != null) {
      Duration forTokens = tokens.reserve(estimatedTokens);
      wait = forTokens.compareTo(wait) > 0 ? forTokens : wait;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      limit.failed();
      throw e;
    }
    return generation;
  }

  void succeeded() {
    limit.succeeded();
  }

  void rateLimited(int generation) {
    limit.rateLimited(generation);
  }

  void failed() {
    limit.failed();
  }

  /**
   * Stops the model: no call starts any more. Returns true for the first stop only, so that its
   * message is told once.
   */
  synchronized boolean stop(String message) {
    if (stopMessage != null) {
      return false;
    }
    stopMessage = message;
    limit.close();
    return true;
  }

  boolean stopped() {
    return stopMessage != null;
  }

  String stopMessage() {
    return stopMessage;
  }

  int currentLimit() {
    return limit.limit();
  }

  String name() {
    return config.name();
  }
}
