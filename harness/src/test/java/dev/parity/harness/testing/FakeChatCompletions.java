package dev.parity.harness.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake OpenAI-compatible Chat Completions server, as a MockWebServer dispatcher: it tells tasks
 * apart by the {@code Task T0001} marker that {@link TestSuites} puts in each request, answers
 * each task with its scripted responses in turn and then with a success after the set latency,
 * and counts the requests and successes per task. Thread-safe.
 *
 * <pre>{@code
 * FakeChatCompletions fake = new FakeChatCompletions().latencyMillis(50);
 * fake.then("T0001", FakeChatCompletions.status(429).setHeader("Retry-After", "3").build());
 * server.setDispatcher(fake);
 * }</pre>
 */
public final class FakeChatCompletions extends Dispatcher {
  private static final Pattern TASK = Pattern.compile("Task (T\\d{4})");
  private final Map<String, Deque<MockResponse>> scripts = new HashMap<>();
  private final Map<String, Integer> requests = new HashMap<>();
  private final Map<String, Integer> successes = new HashMap<>();
  private volatile long latencyMillis;
  private int answersBeforeHold = Integer.MAX_VALUE;
  private int held;

  /** Delays each success by {@code millis} from now on. */
  public FakeChatCompletions latencyMillis(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /**
   * Sends {@code answers} more successes, then holds every later one until {@link #release()}:
   * a test can act on a run that is certainly still running, however slow the machine.
   */
  public synchronized FakeChatCompletions holdAfter(int answers) {
    answersBeforeHold = successCount() + answers;
    return this;
  }

  /** Sends the held successes and every later one at once. */
  public synchronized void release() {
    answersBeforeHold = Integer.MAX_VALUE;
    notifyAll();
  }

  /** How many successes are being held back now. */
  public synchronized int held() {
    return held;
  }

  /** Answers {@code taskId}'s next requests with {@code responses}, in order. */
  public synchronized FakeChatCompletions then(String taskId, MockResponse... responses) {
    scripts.computeIfAbsent(taskId, t -> new ArrayDeque<>()).addAll(List.of(responses));
    return this;
  }

  /** How many requests came for {@code taskId}. */
  public synchronized int requests(String taskId) {
    return requests.getOrDefault(taskId, 0);
  }

  /** Requests per task id. */
  public synchronized Map<String, Integer> requests() {
    return Map.copyOf(requests);
  }

  /** Successful answers sent per task id. */
  public synchronized Map<String, Integer> successes() {
    return Map.copyOf(successes);
  }

  /** How many successful answers were sent, over all tasks. */
  public synchronized int successCount() {
    return successes.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Matcher task = TASK.matcher(request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8));
    String taskId = task.find() ? task.group(1) : "?";
    synchronized (this) {
      requests.merge(taskId, 1, Integer::sum);
      Deque<MockResponse> script = scripts.get(taskId);
      if (script != null && !script.isEmpty()) {
        return script.poll();
      }
    }
    MockResponse.Builder ok = ok();
    if (latencyMillis > 0) {
      ok.headersDelay(latencyMillis, TimeUnit.MILLISECONDS);
    }
    // Counted when the answer is handed to the server, before it is written: a client killed in
    // between may not have received it, which only makes the count an upper bound of what arrived.
    synchronized (this) {
      held++;
      try {
        while (successCount() >= answersBeforeHold) {
          wait();
        }
      } catch (InterruptedException e) {
        // The server is shutting down: the held answer is never sent.
        Thread.currentThread().interrupt();
        return status(503).body(error("shutting_down")).build();
      } finally {
        held--;
      }
      successes.merge(taskId, 1, Integer::sum);
    }
    return ok.build();
  }

  /** A response with this status and a JSON content type. */
  public static MockResponse.Builder status(int code) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json");
  }

  /** A successful Chat Completions answer: a short memo, 120 prompt and 30 completion tokens. */
  public static MockResponse.Builder ok() {
    return status(200).body("""
        {"id": "chatcmpl-1", "object": "chat.completion", "model": "served-model-2025",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "# Memo\\n\\nDone."},
                      "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150}}""");
  }

  /** An OpenAI-style error body with this code. */
  public static String error(String code) {
    return "{\"error\": {\"message\": \"scripted " + code + "\", \"type\": \"" + code + "\", \"code\": \"" + code + "\"}}";
  }
}
