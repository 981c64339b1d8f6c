package dev.parity.harness.run;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelCallException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Calls one model for work other than a run's attempts — model judges — under the same policies
 * as the runner: the model's adaptive concurrency and rate limits, retries with backoff that
 * honours the server's wait, and a stop after a rejected key, a used-up quota or an unknown model.
 *
 * <p>Thread-safe: many threads may call at once; the model's limits bound how many calls are in
 * flight. Closing it closes the client.
 */
public final class ModelCaller implements AutoCloseable {
  private final ModelLane lane;
  private final int maxRetries;
  private final Sleeper sleeper;
  private final Backoff backoff;

  private ModelCaller(ModelClient client, int maxRetries, Clock clock, Sleeper sleeper, Random random) {
    this.lane = new ModelLane(client.config(), client, clock);
    this.maxRetries = maxRetries;
    this.sleeper = sleeper;
    this.backoff = new Backoff(random);
  }

  /**
   * A caller of {@code client}'s model, retrying a retryable failure up to {@code maxRetries}
   * times.
   */
  public static ModelCaller create(ModelClient client, int maxRetries, Clock clock, Sleeper sleeper, Random random) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("max retries must be >= 0, was " + maxRetries);
    }
    return new ModelCaller(Objects.requireNonNull(client, "client"), maxRetries, clock, sleeper, random);
  }

  /**
   * The end of one call with its retries.
   *
   * @param answer the answer; null when the call failed
   * @param httpAttempts how many times the model was called
   * @param failure why it failed in the end; null when answered
   */
  public record Result(ModelAnswer answer, int httpAttempts, ModelCallException failure) {
    public boolean answered() {
      return answer != null;
    }
  }

  /** Whether the model was stopped (a rejected key, an unknown model); no call starts any more. */
  public boolean stopped() {
    return lane.stopped();
  }

  /** Why the model was stopped, or null. */
  public String stopMessage() {
    return lane.stopMessage();
  }

  /**
   * Sends {@code request}, retrying what may succeed later. Never throws for a failed call: the
   * failure is in the result.
   *
   * @param estimatedTokens the call's size for the tokens-per-minute limit
   * @throws InterruptedException when interrupted while waiting for a slot or a backoff
   */
  public Result call(ModelRequest request, long estimatedTokens) throws InterruptedException {
    int calls = 0;
    int failed = 0;
    while (true) {
      int slot = lane.acquire(estimatedTokens, sleeper);
      if (slot < 0) {
        return new Result(null, calls, new FatalCallException(CallFailure.UNAVAILABLE, 0, lane.stopMessage(), null));
      }
      calls++;
      try {
        ModelAnswer answer = lane.client.send(request);
        lane.succeeded();
        return new Result(answer, calls, null);
      } catch (RetryableCallException e) {
        if (e.failure() == CallFailure.RATE_LIMITED) {
          lane.rateLimited(slot);
        } else {
          lane.failed();
        }
        failed++;
        if (failed > maxRetries) {
          return new Result(null, calls, e);
        }
        Duration wait = backoff.delay(failed, e.retryAfter());
        sleeper.sleep(wait);
      } catch (FatalCallException e) {
        lane.failed();
        if (e.failure().stopsTheModel()) {
          lane.stop(lane.name() + " stopped: " + e.getMessage());
        }
        return new Result(null, calls, e);
      }
    }
  }

  @Override
  public void close() {
    lane.client.close();
  }
}
