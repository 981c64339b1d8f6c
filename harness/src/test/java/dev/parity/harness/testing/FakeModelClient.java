package dev.parity.harness.testing;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model client for tests: answers as its {@link Responder} says, after a real latency if one is
 * set (a latency past the request's timeout fails the call as a timeout when the timeout passes,
 * as a real client does), and records every request, the calls per task and sample, and the most calls in flight at
 * once. Thread-safe.
 *
 * <pre>{@code
 * FakeModelClient fake = new FakeModelClient(config)
 *     .respond((request, call) -> call == 1 ? FakeModelClient.rateLimited(Duration.ofSeconds(3))
 *         : FakeModelClient.answer("the memo", 100, 20));
 * }</pre>
 */
public final class FakeModelClient implements ModelClient {
  /** Decides a call's outcome: return an answer, or throw a {@code ModelCallException}. */
  @FunctionalInterface
  public interface Responder {
    /**
     * @param request the request
     * @param call which call this is for the request's task and sample, from 1
     */
    ModelAnswer respond(ModelRequest request, int call);
  }

  private final ModelConfig config;
  private volatile Responder responder = (request, call) -> answer("answer to " + request.taskId(), 100, 50);
  private volatile Duration latency = Duration.ZERO;
  private final List<ModelRequest> requests = new ArrayList<>();
  private final Map<String, AtomicInteger> callsByAttempt = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile boolean closed;

  public FakeModelClient(ModelConfig config) {
    this.config = config;
  }

  /** Answers with {@code responder} from now on. */
  public FakeModelClient respond(Responder responder) {
    this.responder = responder;
    return this;
  }

  /** Takes {@code latency} of real time per call from now on. */
  public FakeModelClient latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    int call = callsByAttempt.computeIfAbsent(key(request.taskId(), request.sample()), k -> new AtomicInteger())
        .incrementAndGet();
    synchronized (requests) {
      requests.add(request);
    }
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Duration wait = latency.compareTo(request.timeout()) > 0 ? request.timeout() : latency;
      if (!wait.isZero()) {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RetryableCallException(CallFailure.CONNECTION, "interrupted", null, e);
        }
      }
      if (wait != latency) {
        throw new RetryableCallException(CallFailure.TIMEOUT, "no answer within " + request.timeout(), null, null);
      }
      return responder.respond(request, call);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Every request sent, in order. */
  public List<ModelRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** How many calls were made for one task's sample. */
  public int calls(String taskId, int sample) {
    AtomicInteger calls = callsByAttempt.get(key(taskId, sample));
    return calls == null ? 0 : calls.get();
  }

  /** The most calls that were in flight at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  public boolean closed() {
    return closed;
  }

  /** A completed answer with these token counts, costing nothing reported. */
  public static ModelAnswer answer(String text, long inputTokens, long outputTokens) {
    return answer(text, FinishReason.COMPLETED, new Usage(inputTokens, outputTokens, null, null), null);
  }

  /** An answer with every detail given. */
  public static ModelAnswer answer(String text, FinishReason finish, Usage usage, Double costUsd) {
    CallRecord record = new CallRecord("fake-model-2025", "req-1", finish, finish.name().toLowerCase(),
        usage, costUsd, Duration.ofMillis(42), Duration.ofMillis(7), 1, "{\"request\":true}", "{\"response\":true}");
    return new ModelAnswer(text, List.of(), record);
  }

  private static String key(String taskId, int sample) {
    return taskId + "#" + sample;
  }
}
