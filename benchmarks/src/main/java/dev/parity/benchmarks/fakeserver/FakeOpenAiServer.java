package dev.parity.benchmarks.fakeserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake OpenAI-compatible server for the whole-command benchmark: answers every
 * {@code POST /v1/chat/completions} with a small completion after a fixed latency, on 127.0.0.1
 * only. It uses nothing but the JDK, so the benchmark script runs it as a single source file
 * ({@code java FakeOpenAiServer.java ...}) without building anything.
 *
 * <pre>
 * java FakeOpenAiServer.java --latency-ms 100 --port-file /tmp/port [--port 0] [--max-seconds 600] [--warmup 3000]
 * </pre>
 *
 * <p>Before it writes the port it listens on to the port file, it answers {@code --warmup} requests
 * of its own without the latency, so that its code is compiled and its CPU use during the
 * benchmark (it shares the machine with Parity) is that of a warm server. It prints how many
 * requests it answered when it stops, and stops by itself after {@code --max-seconds} (a
 * benchmark left running must not linger).
 */
public final class FakeOpenAiServer {
  private static final String ANSWER = """
      {"id":"chatcmpl-bench","object":"chat.completion","created":1735689600,"model":"bench-model",\
      "choices":[{"index":0,"message":{"role":"assistant","content":"# Memo\\n\\nThe quarter went well."},\
      "finish_reason":"stop"}],"usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}""";

  private static final String WARMUP = "X-Warmup";

  private FakeOpenAiServer() {}

  public static void main(String[] args) throws Exception {
    long latencyMs = 100;
    int port = 0;
    Path portFile = null;
    long maxSeconds = 600;
    int warmup = 3000;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--latency-ms" -> latencyMs = Long.parseLong(value);
        case "--port" -> port = Integer.parseInt(value);
        case "--port-file" -> portFile = Path.of(value);
        case "--max-seconds" -> maxSeconds = Long.parseLong(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        default -> {
          System.err.println("unknown option " + args[i]
              + "; usage: --latency-ms MS --port-file FILE [--port N] [--max-seconds S] [--warmup N]");
          System.exit(2);
        }
      }
    }
    AtomicLong answered = new AtomicLong();
    long latency = latencyMs;
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    ExecutorService threads = Executors.newFixedThreadPool(512);
    server.setExecutor(threads);
    server.createContext("/v1/chat/completions", exchange -> answer(exchange, latency, answered));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() ->
        System.err.println("fake server: answered " + answered.get() + " requests")));
    int actualPort = server.getAddress().getPort();
    warmUp(actualPort, warmup);
    answered.set(0);
    if (portFile != null) {
      Path temporary = portFile.resolveSibling(portFile.getFileName() + ".part");
      Files.writeString(temporary, Integer.toString(actualPort));
      Files.move(temporary, portFile);
    }
    System.err.println("fake server: http://127.0.0.1:" + actualPort + "/v1, latency " + latency + " ms");
    Thread.sleep(maxSeconds * 1000);
    server.stop(0);
    threads.shutdownNow();
  }

  /** Sends {@code count} requests to itself, 32 at a time, marked so that they skip the latency. */
  private static void warmUp(int port, int count) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
        .header(WARMUP, "1").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    for (int sent = 0; sent < count; sent += 32) {
      List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        batch.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
      batch.forEach(CompletableFuture::join);
    }
  }

  private static void answer(HttpExchange exchange, long latencyMs, AtomicLong answered) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
    try {
      Thread.sleep(exchange.getRequestHeaders().containsKey(WARMUP) ? 0 : latencyMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    answered.incrementAndGet();
  }
}
