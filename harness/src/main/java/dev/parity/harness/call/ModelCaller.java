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
 * concurrency (a 429 with a Retry-After keeps the call's slot through the wait the server asked
 * for; one without halves the limit, which grows back on successes and recovers after a minute),
 * its requests- and tokens-per-minute limits, retries with jittered backoff that honours the server's Retry-After, the budget check
 * before each HTTP attempt, and a stop after a rejected key, an unknown model or a used-up quota.
 * Each {@link #call} returns a {@link CallOutcome}; nothing a model does is thrown.
 *
 * <p>Thread-safe: many threads call at once and the model's limits bound how many calls are in
 * flight. Closing the caller closes the client. Time, sleeping and the jitter's randomness are
 * injected ({@link #create(ModelClient, ModelConfig, int, Clock, Sleeper, Random)}).
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
  private final ModelLimits limit;
  private volatile String stopMessage;

  private ModelCaller(ModelClient client, ModelConfig config, int maxRetries, Clock clock, Sleeper sleeper,
      Random random, ModelLimits.Source limits, Integer concurrency) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("max retries must be 0 or more, was " + maxRetries);
    }
    this.client = Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    this.maxRetries = maxRetries;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.backoff = new Backoff(Objects.requireNonNull(random, "random"));
    Integer configured = config.limits().concurrency();
    this.maxConcurrency = concurrency != null ? concurrency : configured != null ? configured : DEFAULT_CONCURRENCY;
    this.limit = Objects.requireNonNull(limits, "limits").open(config, maxConcurrency, clock, sleeper);
  }

  /**
   * A caller of {@code client}'s model (its configuration gives the name and the limits) that
   * retries a failure that may pass up to {@code maxRetries} times, on the system clock, sleeping
   * for real, with unseeded jitter (it changes when a call is made, never a result).
   */
  public static ModelCaller create(ModelClient client, int maxRetries) {
    return create(client, client.config(), maxRetries, Clock.systemUTC(), Sleeper.SYSTEM, new Random());
  }

  /**
   * A caller of the model {@code config} describes (its name and limits) through {@code client},
   * with every dependency injected.
   *
   * @param clock the rate limits' and the calls' clock
   * @param sleeper how backoff and rate-limit waits are made
   * @param random the backoff's jitter
   */
  public static ModelCaller create(ModelClient client, ModelConfig config, int maxRetries, Clock clock,
      Sleeper sleeper, Random random) {
    return create(client, config, maxRetries, clock, sleeper, random, ModelLimits.IN_MEMORY);
  }

  /**
   * As {@link #create(ModelClient, ModelConfig, int, Clock, Sleeper, Random)}, with the model's
   * limits from {@code limits}: {@link ModelLimits#IN_MEMORY} for one process, {@link SharedLimits}
   * for workers sharing a PostgreSQL store.
   */
  public static ModelCaller create(ModelClient client, ModelConfig config, int maxRetries, Clock clock,
      Sleeper sleeper, Random random, ModelLimits.Source limits) {
    return create(client, config, maxRetries, clock, sleeper, random, limits, null);
  }

  /**
   * As {@link #create(ModelClient, ModelConfig, int, Clock, Sleeper, Random, ModelLimits.Source)},
   * with at most {@code concurrency} calls of this process in flight ({@code --concurrency}); null
   * for the model's configured concurrency, else {@link #DEFAULT_CONCURRENCY}. Limits shared between
   * workers cap the total of every process at the model's configured concurrency, not at this.
   */
  public static ModelCaller create(ModelClient client, ModelConfig config, int maxRetries, Clock clock,
      Sleeper sleeper, Random random, ModelLimits.Source limits, Integer concurrency) {
    return new ModelCaller(client, config, maxRetries, clock, sleeper, random, limits, concurrency);
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
    // The slot a call keeps through a Retry-After wait: the lane pauses as long as the server asked.
    int held = -1;
    while (true) {
      if (!reservation.allowsACall()) {
        releaseHeld(held);
        return new CallOutcome.OverBudget(log(calls, failures, startedAt));
      }
      int slot;
      Duration rateWait;
      if (held >= 0) {
        slot = held;
        rateWait = limit.reserve(estimatedTokens);
      } else {
        ModelLimits.Permit permit = limit.acquire(estimatedTokens);
        if (permit == null) {
          return new CallOutcome.Stopped(stopMessage, log(calls, failures, startedAt));
        }
        slot = permit.generation();
        rateWait = permit.rateWait();
      }
      held = -1;
      waitForRateLimits(rateWait);
      calls++;
      try {
        ModelAnswer answer = client.send(request);
        limit.succeeded();
        Double cost = answer.record().costUsd();
        reservation.charge(cost == null ? 0 : cost);
        return new CallOutcome.Answered(answer, log(calls, failures, startedAt));
      } catch (RetryableCallException e) {
        failed++;
        boolean retrying = failed <= maxRetries;
        // Only a 429 says "too many at once"; 5xx, "overloaded" and timeouts are retried without
        // shrinking, as the provider's trouble is not our concurrency. A 429 that says how long to
        // wait keeps its slot through the wait instead of shrinking the limit.
        if (e.failure() == CallFailure.RATE_LIMITED && e.retryAfter().isPresent()) {
          // Shared limits pause the lane of every worker until then (in memory: nothing more).
          limit.paused(e.retryAfter().get());
        }
        if (e.failure() == CallFailure.RATE_LIMITED && e.retryAfter().isPresent() && retrying) {
          held = slot;
        } else if (e.failure() == CallFailure.RATE_LIMITED && e.retryAfter().isEmpty()) {
          limit.rateLimited(slot);
        } else {
          limit.failed();
        }
        if (!retrying) {
          failures.add(new FailedTry(calls, e.failure(), e.getMessage(), null, clock.instant()));
          return new CallOutcome.Failed(e.failure(), e.getMessage(), CallOutcome.Why.RETRIES_USED_UP, false,
              log(calls, failures, startedAt));
        }
        Duration wait = backoff.delay(failed, e.retryAfter());
        failures.add(new FailedTry(calls, e.failure(), e.getMessage(), wait, clock.instant()));
        listener.retrying(e.failure(), wait);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          releaseHeld(held);
          throw interrupted;
        }
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

  /** Waits, holding a slot, until the requests- and tokens-per-minute limits allow the call. */
  private void waitForRateLimits(Duration wait) throws InterruptedException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      limit.failed();
      throw e;
    }
  }

  private void releaseHeld(int held) {
    if (held >= 0) {
      limit.failed();
    }
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

  /** The most calls of this process in flight at once, before any 429 halves it. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** How many calls are in flight now, those waiting out a Retry-After included. */
  int inFlight() {
    return limit.inFlight();
  }

  /** How many calls may be in flight now (the adaptive limit). */
  public int currentConcurrency() {
    return limit.limit();
  }

  /** Closes the client, and the model's limits: shared ones give back the slots this caller leased. */
  @Override
  public void close() {
    client.close();
    limit.close();
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
}
