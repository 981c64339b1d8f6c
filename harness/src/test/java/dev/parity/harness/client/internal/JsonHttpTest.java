package dev.parity.harness.client.internal;

import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.RetryableCallException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JsonHttp over the cleartext-only client a run of local models gets: plain HTTP as any client,
 * and https (a URL, or a redirect to one) through TLS rather than failing. Https leads to a port
 * that closes each connection at once, so a request that reaches it with TLS fails its handshake:
 * that failure is what shows TLS was used.
 */
class JsonHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MockWebServer server = new MockWebServer();
  /**
   * Where https leads: every connection closed at once, so the handshake fails whatever the client's
   * hello holds. A plain HTTP server would wait for a line end that the hello's random bytes may not
   * bring, and the call would then time out instead.
   */
  private final ServerSocket closing;
  private final HttpUrl https;
  private final JsonHttp http = new JsonHttp(ModelClients.cleartextHttpClient(), Clock.systemUTC(), "test:model",
      List.of());

  JsonHttpTest() throws IOException {
    closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    https = new HttpUrl.Builder().scheme("https").host(closing.getInetAddress().getHostAddress())
        .port(closing.getLocalPort()).encodedPath("/v1/chat").build();
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    Thread closer = new Thread(this::closeEachConnection, "closing-server");
    closer.setDaemon(true);
    closer.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    closing.close();
  }

  private void closeEachConnection() {
    while (true) {
      try {
        closing.accept().close();
      } catch (IOException e) {
        return; // the test closed the port
      }
    }
  }

  @Test
  void aCleartextClientPostsOverPlainHttp() throws Exception {
    server.enqueue(json(200, "{\"answer\": 42}"));

    Exchange exchange = http.post(server.url("/v1/chat"), Headers.of(), body(), TIMEOUT);

    assertThat(exchange.body().get("answer").asInt()).isEqualTo(42);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/chat");
  }

  @Test
  void aCleartextClientSendsAnHttpsRequestWithTls() {
    RetryableCallException failure = catchThrowableOfType(RetryableCallException.class,
        () -> http.post(https, Headers.of(), body(), TIMEOUT));

    assertThat(failure.failure()).isEqualTo(CallFailure.CONNECTION);
    assertThat(failure.getMessage()).contains("handshake");
  }

  @Test
  void aCleartextClientFollowsARedirectToHttpsWithTls() throws Exception {
    MockResponse redirect = new MockResponse.Builder().code(308).setHeader("Location", https.toString()).build();
    server.enqueue(redirect);
    server.enqueue(redirect);

    RetryableCallException failure = catchThrowableOfType(RetryableCallException.class,
        () -> http.post(server.url("/v1/chat"), Headers.of(), body(), TIMEOUT));

    assertThat(failure.failure()).isEqualTo(CallFailure.CONNECTION);
    assertThat(failure.getMessage()).contains("handshake");
    // The request again from the TLS client, which then followed the redirect.
    RecordedRequest first = server.takeRequest();
    RecordedRequest again = server.takeRequest();
    assertThat(List.of(first.getMethod(), again.getMethod())).containsExactly("POST", "POST");
    assertThat(again.getBody().utf8()).isEqualTo(first.getBody().utf8()).contains("question");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  private static ObjectNode body() {
    return JsonNodeFactory.instance.objectNode().put("question", "six times seven");
  }
}
