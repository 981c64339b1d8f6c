package dev.parity.harness.client.internal;

import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.RetryableCallException;
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
 * and https (a URL, or a redirect to one) through TLS rather than failing. The test server speaks
 * plain HTTP only, so a request that reaches it with TLS fails its handshake: that failure is what
 * shows TLS was used.
 */
class JsonHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MockWebServer server = new MockWebServer();
  /** Where redirects lead: a server of its own, so that only the handshake reaches it. */
  private final MockWebServer secure = new MockWebServer();
  private final JsonHttp http = new JsonHttp(ModelClients.cleartextHttpClient(), Clock.systemUTC(), "test:model",
      List.of());

  @BeforeEach
  void start() throws Exception {
    server.start();
    secure.start();
  }

  @AfterEach
  void stop() {
    server.close();
    secure.close();
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
    HttpUrl https = server.url("/v1/chat").newBuilder().scheme("https").build();

    RetryableCallException failure = catchThrowableOfType(RetryableCallException.class,
        () -> http.post(https, Headers.of(), body(), TIMEOUT));

    assertThat(failure.failure()).isEqualTo(CallFailure.CONNECTION);
    assertThat(failure.getMessage()).contains("handshake");
  }

  @Test
  void aCleartextClientFollowsARedirectToHttpsWithTls() throws Exception {
    String target = secure.url("/v1/chat").newBuilder().scheme("https").build().toString();
    MockResponse redirect = new MockResponse.Builder().code(308).setHeader("Location", target).build();
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
