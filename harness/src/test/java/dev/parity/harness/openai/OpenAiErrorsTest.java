package dev.parity.harness.openai;

import static dev.parity.harness.client.testing.MockResponses.errorFixture;
import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.ModelCallException;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.testing.TestClients;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How an OpenAI client types what went wrong, from the error bodies OpenAI sends. */
class OpenAiErrorsTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRateLimitIsRetryableAfterTheWaitTheMessageNames() {
    server.enqueue(errorFixture("openai-chat/error-429-rate-limit-tokens.observed.json",
        "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s", "x-request-id", "req_429"));

    RetryableCallException e = send(RetryableCallException.class);

    assertThat(e.failure()).isEqualTo(CallFailure.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofMillis(644));
    assertThat(e.getMessage()).startsWith("openai:gpt-5: HTTP 429 rate_limit_exceeded: Rate limit reached for gpt-4o")
        .endsWith("(request id req_429)");
  }

  @Test
  void aRateLimitWithoutHintsInTheMessageWaitsForTheExhaustedLimitsReset() {
    server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
        "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1s",
        "x-ratelimit-remaining-tokens", "149984", "x-ratelimit-reset-tokens", "6m0s"));

    assertThat(send(RetryableCallException.class).retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Test
  void aUsedUpQuotaIsFatalAndStopsTheModelThoughItIsA429() {
    server.enqueue(errorFixture("openai-chat/error-429-insufficient-quota.observed.json"));

    FatalCallException e = send(FatalCallException.class);

    assertThat(e.failure()).isEqualTo(CallFailure.BILLING);
    assertThat(e.failure().stopsTheModel()).isTrue();
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.getMessage()).contains("You exceeded your current quota");
  }

  @Test
  void aRequestLargerThanTheWholeTokenLimitIsFatal() {
    server.enqueue(errorFixture("openai-chat/error-429-request-too-large.observed.json"));

    assertThat(send(FatalCallException.class).failure()).isEqualTo(CallFailure.BAD_REQUEST);
  }

  @Test
  void aContextOverflowIsFatalWithTheProvidersMessage() {
    server.enqueue(errorFixture("openai-chat/error-400-context-length-exceeded.observed.json"));

    FatalCallException e = send(FatalCallException.class);

    assertThat(e.failure()).isEqualTo(CallFailure.CONTEXT_TOO_LONG);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.getMessage()).isEqualTo("openai:gpt-5: HTTP 400 context_length_exceeded: This model's maximum context"
        + " length is 4097 tokens. However, your messages resulted in 4294 tokens. Please reduce the length of the messages.");
  }

  @Test
  void aBadKeyIsFatalAuthentication() {
    server.enqueue(errorFixture("openai-chat/error-401-invalid-api-key.observed.json"));

    FatalCallException e = send(FatalCallException.class);

    assertThat(e.failure()).isEqualTo(CallFailure.AUTHENTICATION);
    assertThat(e.getMessage()).contains("Incorrect API key provided: sk-VKMIs***");
  }

  @Test
  void serverErrorsAreRetryableAndAProxysHtmlPageBecomesTheMessage() {
    server.enqueue(new MockResponse.Builder().code(502).body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
    server.enqueue(json(503, "{\"error\":{\"message\":\"The engine is currently overloaded\",\"type\":\"server_error\"}}",
        "retry-after", "2"));
    server.enqueue(json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}"));

    RetryableCallException gateway = send(RetryableCallException.class);
    RetryableCallException overloaded = send(RetryableCallException.class);
    RetryableCallException internal = send(RetryableCallException.class);

    assertThat(gateway.failure()).isEqualTo(CallFailure.SERVER_ERROR);
    assertThat(gateway.getMessage()).isEqualTo("openai:gpt-5: HTTP 502: <html><body><h1>502 Bad Gateway</h1></body></html>");
    assertThat(overloaded.failure()).isEqualTo(CallFailure.OVERLOADED);
    assertThat(overloaded.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(internal.failure()).isEqualTo(CallFailure.SERVER_ERROR);
    assertThat(internal.retryAfter()).isEmpty();
  }

  @Test
  void anAnswerThatIsNotJsonIsAnInvalidResponseToRetry() {
    server.enqueue(new MockResponse.Builder().code(200).body("data: {\"partial\":").build());

    RetryableCallException e = send(RetryableCallException.class);

    assertThat(e.failure()).isEqualTo(CallFailure.INVALID_RESPONSE);
    assertThat(e.getMessage()).isEqualTo("openai:gpt-5: the answer is not a JSON object: data: {\"partial\":");
  }

  @Test
  void aDroppedConnectionIsAConnectionFailureToRetry() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());

    assertThat(send(RetryableCallException.class).failure()).isEqualTo(CallFailure.CONNECTION);
  }

  private <T extends ModelCallException> T send(Class<T> type) {
    ModelClient client = TestClients.client(TestClients.config("openai", "gpt-5", server.url("/v1").toString()));
    return catchThrowableOfType(type, () -> client.send(TestClients.request("Hi")));
  }
}
