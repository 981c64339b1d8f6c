package dev.parity.harness.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake Chat Completions server for agent attempts: it answers each request with the next
 * scripted turn (tool calls, or text), keeps every request body for the test to read, and runs an
 * optional hook on each request (to move a manual clock). After the script it answers with plain
 * text. Thread-safe.
 */
public final class ScriptedToolServer extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Deque<String> turns = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();
  private volatile Consumer<String> onRequest = body -> {};
  private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
  private int holdFrom = Integer.MAX_VALUE;
  private final java.util.concurrent.CountDownLatch firstHeld = new java.util.concurrent.CountDownLatch(1);
  private int arrived;

  /** Answers the next request with these tool calls, each {@code {name, arguments-as-JSON-text}}. */
  public synchronized ScriptedToolServer toolCalls(String... nameThenArguments) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    message.putNull("content");
    ArrayNode calls = message.putArray("tool_calls");
    for (int i = 0; i < nameThenArguments.length; i += 2) {
      ObjectNode call = calls.addObject().put("id", "call_" + (turns.size() + 1) + "_" + i / 2).put("type", "function");
      call.putObject("function").put("name", nameThenArguments[i]).put("arguments", nameThenArguments[i + 1]);
    }
    turns.add(answer(message, "tool_calls"));
    return this;
  }

  /** Answers the next request with text and no tool call. */
  public synchronized ScriptedToolServer text(String text) {
    turns.add(answer(JSON.createObjectNode().put("role", "assistant").put("content", text), "stop"));
    return this;
  }

  /** Runs {@code hook} with each request's body as it arrives. */
  public ScriptedToolServer onRequest(Consumer<String> hook) {
    this.onRequest = hook;
    return this;
  }

  /**
   * Holds the answers to request {@code n} (from 1) and every later one until {@link #release()}:
   * a test can act on a client that is waiting mid-attempt, however slow the machine. A held
   * request still takes its turn of the script when it arrives.
   */
  public synchronized ScriptedToolServer holdFrom(int n) {
    holdFrom = n;
    return this;
  }

  /** Waits at most {@code millis} for a request to be held; returns whether one is. */
  public boolean awaitHeld(long millis) throws InterruptedException {
    return firstHeld.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Lets every held request, and every later one, be answered. */
  public void release() {
    released.countDown();
  }

  /** The request bodies received, in order. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    onRequest.accept(body);
    boolean hold;
    String answer;
    synchronized (this) {
      requests.add(body);
      // The answer is taken from the script on arrival, so a held request keeps its place in it.
      answer = turns.isEmpty() ? answer(JSON.createObjectNode().put("role", "assistant").put("content", "done"),
          "stop") : turns.poll();
      arrived++;
      hold = arrived >= holdFrom;
    }
    if (hold) {
      firstHeld.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return FakeChatCompletions.status(200).body(answer).build();
  }

  private static String answer(ObjectNode message, String finish) {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-agent").put("model", "served-model-2025");
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
    choice.set("message", message);
    body.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20);
    return body.toString();
  }
}
