package dev.parity.harness.call;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.call.CallOutcome.CallLog;
import dev.parity.harness.call.CallOutcome.FailedTry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The one path by which Parity calls a model — for a run's attempts, for judges, and for each turn
 * of an agent loop. One caller per model holds everything cross-cutting: the model's adaptive
 * concurrency (halved on a 429, grown back on successes), its requests- and tokens-per-minute
 * limits, retries with jittered backoff that honours the server's Retry-After, the budget check
 * before each HTTP attempt, and a stop after a rejected key, an unknown model or a used-up quota.
 * Each {@link #call} returns a {@link CallOutcome}; nothing a model does is thrown.
 *
 * <p>Thread-safe: many threads call at once and the model's limits bound how many calls are in
 * flight. Closing the caller closes the client. Build one with {@link #builder}; time, sleeping and
 * the jitter's randomness are injected.
 */
public final class ModelCaller implements AutoCloseable {
  /** Concurrency when neither the model nor the command line sets one. */
  public static final int DEFAULT_CONCURRENCY = 8;

  private final ModelClient client;
  private final ModelConfig config;
  private final int maxConcurrency;
  private final int maxRetries;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final AdaptiveLimit limit;
  private final TokenBucket requests;
  private final TokenBucket tokens;
  private volatile String stopMessage;

  private ModelCaller(Builder builder) {
    this.client = builder.client;
    this.config = builder.config;
    this.maxRetries = builder.maxRetries;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.backoff = new Backoff(builder.random);
    ModelConfig.Limits limits = config.limits();
    this.maxConcurrency = limits.concurrency() == null ? DEFAULT_CONCURRENCY : limits.concurrency();
    this.limit = new AdaptiveLimit(maxConcurrency);
    this.requests = limits.requestsPerMinute() == null ? null : new TokenBucket(limits.requestsPerMinute(), clock);
    this.tokens = limits.tokensPerMinute() == null ? null : new TokenBucket(limits.tokensPerMinute(), clock);
  }

  /** A builder of the caller of {@code client}'s model (its configuration gives the limits). */
  public static Builder builder(ModelClient client) {
    return new Builder(Objects.requireNonNull(client, "client"), client.config());
  }

  /**
   * A builder of the caller of the model {@code config} describes (its name and limits), called
   * through {@code client}.
   */
  public static Builder builder(ModelClient client, ModelConfig config) {
    return new Builder(Objects.requireNonNull(client, "client"), config);
  }

  /**
   * Sends {@code request} outside any budget, retrying what may succeed later.
   *
   * @see #call(ModelRequest, long, Budget.Reservation, CallListener)
   */
  public CallOutcome call(ModelRequest request, long estimatedTokens) throws InterruptedException {
    return call(request, estimatedTokens, Budget.unlimitedReservation(), CallListener.NONE);
  }

  /**
   * Sends {@code request}: waits for a concurrency slot and the rate limits, calls the model, and
   * retries a failure that may pass (up to the caller's retries, after a backoff or the wait the
   * server asked for). Before each HTTP attempt the {@code reservation} must allow a call; an
   * answer's cost is charged to it.
   *
   * @param estimatedTokens the call's size for the tokens-per-minute limit
   * @param listener hears each retry before its wait
   * @throws InterruptedException when interrupted while waiting for a slot, a rate limit or a
   *     backoff; the call's end is then unknown to the caller and nothing is charged
   */
  public CallOutcome call(ModelRequest request, long estimatedTokens, Budget.Reservation reservation,
      CallListener listener) throws InterruptedException {
    Instant startedAt = clock.instant();
    List<FailedTry> failures = new ArrayList<>();
    int calls = 0;
    int failed = 0;
    while (true) {
      if (!reservation.allowsACall()) {
        return new CallOutcome.OverBudget(log(calls, failures, startedAt));
      }
      int slot = acquire(estimatedTokens);
      if (slot < 0) {
        return new CallOutcome.Stopped(stopMessage, log(calls, failures, startedAt));
      }
      calls++;
      try {
        ModelAnswer answer = client.send(request);
        limit.succeeded();
        Double cost = answer.record().costUsd();
        reservation.charge(cost == null ? 0 : cost);
        return new CallOutcome.Answered(answer, log(calls, failures, startedAt));
      } catch (RetryableCallException e) {
        // Only a 429 says "too many at once"; 5xx, "overloaded" and timeouts are retried without
        // shrinking, as the provider's trouble is not our concurrency.
        if (e.failure() == CallFailure.RATE_LIMITED) {
          limit.rateLimited(slot);
        } else {
          limit.failed();
        }
        failed++;
        if (failed > maxRetries) {
          failures.add(new FailedTry(calls, e.failure(), e.getMessage(), null, clock.instant()));
          return new CallOutcome.Failed(e.failure(), e.getMessage(), CallOutcome.Why.RETRIES_USED_UP, false,
              log(calls, failures, startedAt));
        }
        Duration wait = backoff.delay(failed, e.retryAfter());
        failures.add(new FailedTry(calls, e.failure(), e.getMessage(), wait, clock.instant()));
        listener.retrying(e.failure(), wait);
        sleeper.sleep(wait);
      } catch (FatalCallException e) {
        limit.failed();
        failures.add(new FailedTry(calls, e.failure(), e.getMessage(), null, clock.instant()));
        boolean stoppedNow = e.failure().stopsTheModel() && stop(config.name() + " stopped: " + describe(e));
        return new CallOutcome.Failed(e.failure(), e.getMessage(), CallOutcome.Why.FATAL, stoppedNow,
            log(calls, failures, startedAt));
      } catch (RuntimeException e) {
        // A client that throws anything else has a bug; the call's end records it and the work goes on.
        limit.failed();
        failures.add(new FailedTry(calls, CallFailure.UNAVAILABLE, "client failure: " + e, null, clock.instant()));
        return new CallOutcome.Failed(CallFailure.UNAVAILABLE, e.toString(), CallOutcome.Why.CLIENT_BUG, false,
            log(calls, failures, startedAt));
      }
    }
  }

  /** Waits until a call may start: a concurrency slot, then the rate limits; -1 when stopped. */
  private int acquire(long estimatedTokens) throws InterruptedException {
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

  private CallLog log(int calls, List<FailedTry> failures, Instant startedAt) {
    return new CallLog(calls, failures, startedAt, clock.instant());
  }

  /**
   * Stops the model: no call starts any more, and callers waiting for a slot return
   * {@link CallOutcome.Stopped}. Returns true for the first stop only, so that it is told once.
   */
  public synchronized boolean stop(String message) {
    if (stopMessage != null) {
      return false;
    }
    stopMessage = Objects.requireNonNull(message, "message");
    limit.close();
    return true;
  }

  /** Whether the model was stopped (a rejected key, an unknown model, a used-up quota). */
  public boolean stopped() {
    return stopMessage != null;
  }

  /** Why the model was stopped ("NAME stopped: what happened"), or null. */
  public String stopMessage() {
    return stopMessage;
  }

  /** The model's configuration. */
  public ModelConfig config() {
    return config;
  }

  /** The model's name. */
  public String name() {
    return config.name();
  }

  /** The most calls in flight at once, before any 429 halves it. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** How many calls may be in flight now (the adaptive limit). */
  public int currentConcurrency() {
    return limit.limit();
  }

  @Override
  public void close() {
    client.close();
  }

  private static String describe(FatalCallException e) {
    String what = switch (e.failure()) {
      case AUTHENTICATION -> "its API key was rejected";
      case PERMISSION -> "its API key may not use this model";
      case NOT_FOUND -> "the provider has no such model (or endpoint)";
      default -> "its calls cannot succeed";
    };
    return what + (e.httpStatus() > 0 ? " (HTTP " + e.httpStatus() + ")" : "") + ": " + e.getMessage();
  }

  /** Builds a {@link ModelCaller}; every setting but the client has a default. */
  public static final class Builder {
    private final ModelClient client;
    private final ModelConfig config;
    private int maxRetries = 6;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Random random = new Random();

    private Builder(ModelClient client, ModelConfig config) {
      this.client = client;
      this.config = Objects.requireNonNull(config, "the client's config");
    }

    /** How many times a failure that may pass is tried again within one call (default 6). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("max retries must be 0 or more, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The clock of the rate limits and the calls' times (default: the system's, in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How backoff and rate-limit waits are made (default: {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The randomness of the backoff's jitter (default: unseeded; it changes no result, only waits). */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public ModelCaller build() {
      return new ModelCaller(this);
    }
  }
}
