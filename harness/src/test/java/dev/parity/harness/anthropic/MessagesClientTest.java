package dev.parity.harness.anthropic;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.errorFixture;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import dev.parity.harness.client.testing.TickingClock;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesClientTest {
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
  void sendsTheKeyAndVersionHeadersAndDocumentImageAndTextBlocks() throws Exception {
    server.enqueue(recordedAnswer());

    client(new ModelConfig.Parameters(16000, 0.5, "medium", 9L)).send(TestClients.request("What are the key findings?",
        Attachment.of(Fixtures.file("fixture.pdf"), FileFormat.PDF), Attachment.of(Fixtures.file("pixel.png"), FileFormat.PNG)));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).as("the base URL has no /v1; the client adds it").isEqualTo("/v1/messages");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(TestClients.ANTHROPIC_KEY);
    assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    JsonNode sent = body(request);
    assertThat(sent.get("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(sent.get("system").asText()).isEqualTo(TestClients.SYSTEM);
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(16000);
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(sent.at("/output_config/effort").asText()).isEqualTo("medium");
    assertThat(sent.has("seed")).isFalse();
    JsonNode content = sent.at("/messages/0/content");
    JsonNode documentedPdf = Fixtures.json("anthropic/messages-request-pdf-base64.doc-example.json").at("/messages/0/content/0");
    JsonNode documentedImage = Fixtures.json("anthropic/messages-request-image-base64.doc-example.json").at("/messages/0/content/0");
    ObjectNode pdfWithoutTitle = ((ObjectNode) content.get(1).deepCopy());
    assertThat(pdfWithoutTitle.remove("title").asText()).isEqualTo("fixture.pdf");
    assertThat(pdfWithoutTitle).isEqualTo(documentedPdf);
    assertThat(content.get(3)).isEqualTo(documentedImage);
    ObjectNode documentedText = (ObjectNode) Fixtures.json("anthropic/messages-request-pdf-base64.doc-example.json")
        .at("/messages/0/content/1");
    assertThat(content.get(4)).isEqualTo(documentedText.put("text", "What are the key findings?"));
  }

  @Test
  void maxTokensIsRequiredSoADefaultIsSentWhenNoneIsConfigured() throws Exception {
    server.enqueue(recordedAnswer());

    client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Hi"));

    JsonNode sent = body(server.takeRequest());
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(MessagesClient.DEFAULT_MAX_TOKENS);
    assertThat(sent.has("temperature")).isFalse();
    assertThat(sent.has("output_config")).isFalse();
  }

  @Test
  void recordsTheRecordedAnswerWithCacheTokensCountedAsInput() {
    JsonNode recorded = Fixtures.json("anthropic/messages-recorded-basic.exchange.json").at("/response/body");
    ((ObjectNode) recorded.get("usage")).put("cache_read_input_tokens", 1000).put("cache_creation_input_tokens", 51);
    server.enqueue(json(200, recorded.toString(), "request-id", "req_011CSLsW7mFqvHHnzrKdKjAE"));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Extract the order"));

    assertThat(answer.text()).isEqualTo("{\"product_name\": \"Green Tea\", \"price\": 5.50, \"quantity\": 2}");
    assertThat(answer.record().providerModel()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(answer.record().requestId()).isEqualTo("req_011CSLsW7mFqvHHnzrKdKjAE");
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(answer.record().rawFinishReason()).isEqualTo("end_turn");
    assertThat(answer.record().usage()).isEqualTo(new Usage(249L + 51 + 1000, 26L, null, 1000L));
    assertThat(answer.record().costUsd()).as("sonnet 4.5: 300 input at 3, 1,000 cache reads at 0.30, 26 output at 15")
        .isCloseTo((300 * 3.0 + 1000 * 0.30 + 26 * 15.0) / 1e6, offset(1e-12));
  }

  @Test
  void refusalsAndTheTokenLimitAreFinishReasons() {
    server.enqueue(fixture("anthropic/messages-refusal.response.constructed.json"));
    JsonNode cut = Fixtures.json("anthropic/messages-recorded-basic.exchange.json").at("/response/body");
    ((ObjectNode) cut).put("stop_reason", "max_tokens");
    server.enqueue(json(200, cut.toString()));
    ModelClient client = client(ModelConfig.Parameters.DEFAULT);

    ModelAnswer refused = client.send(TestClients.request("Write malware."));
    ModelAnswer length = client.send(TestClients.request("Write a novel."));

    assertThat(refused.record().finishReason()).isEqualTo(FinishReason.REFUSED);
    assertThat(refused.text()).isEmpty();
    assertThat(refused.record().requestId()).isEqualTo("msg_01RefusalTestMessage123456789");
    assertThat(length.record().finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void overloadedIsRetryableAndARateLimitWaitsForItsReset() {
    server.enqueue(errorFixture("anthropic/error-529-overloaded.doc-example.json"));
    server.enqueue(errorFixture("anthropic/error-429-rate-limit.observed.json",
        "anthropic-ratelimit-input-tokens-remaining", "0",
        "anthropic-ratelimit-input-tokens-reset", "2026-01-01T00:00:42Z",
        "anthropic-ratelimit-requests-remaining", "40",
        "anthropic-ratelimit-requests-reset", "2026-01-01T00:00:01Z"));
    server.enqueue(errorFixture("anthropic/error-429-rate-limit.observed.json", "retry-after", "17",
        "anthropic-ratelimit-input-tokens-reset", "2026-01-01T00:00:42Z"));

    RetryableCallException overloaded = send(RetryableCallException.class);
    RetryableCallException limited = send(RetryableCallException.class);
    RetryableCallException told = send(RetryableCallException.class);

    assertThat(overloaded.failure()).isEqualTo(CallFailure.OVERLOADED);
    assertThat(overloaded.getMessage()).isEqualTo("anthropic:claude-sonnet-4-5: HTTP 529 overloaded_error: Overloaded");
    assertThat(limited.failure()).isEqualTo(CallFailure.RATE_LIMITED);
    assertThat(limited.retryAfter()).as("the clock reads 00:00:00 when the headers are read").contains(Duration.ofSeconds(42));
    assertThat(told.retryAfter()).as("retry-after comes before the reset headers").contains(Duration.ofSeconds(17));
  }

  @Test
  void fatalErrorsCarryAnthropicsMessage() {
    server.enqueue(errorFixture("anthropic/error-shape.doc-example.json", "request-id", "req_011CSHoEeqs5C35K2UUqR7Fy"));
    server.enqueue(errorFixture("anthropic/error-400-prompt-too-long.constructed.json"));
    server.enqueue(json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"spend limit\","
        + "\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}"));

    FatalCallException notFound = send(FatalCallException.class);
    FatalCallException tooLong = send(FatalCallException.class);
    FatalCallException spent = send(FatalCallException.class);

    assertThat(notFound.failure()).isEqualTo(CallFailure.NOT_FOUND);
    assertThat(notFound.getMessage()).isEqualTo("anthropic:claude-sonnet-4-5: HTTP 404 not_found_error: "
        + "The requested resource could not be found. (request id req_011CSHoEeqs5C35K2UUqR7Fy)");
    assertThat(tooLong.failure()).isEqualTo(CallFailure.CONTEXT_TOO_LONG);
    assertThat(tooLong.getMessage()).contains("prompt is too long: 215000 tokens > 200000 maximum");
    assertThat(spent.failure()).isEqualTo(CallFailure.BILLING);
  }

  private static MockResponse recordedAnswer() {
    return json(200, Fixtures.json("anthropic/messages-recorded-basic.exchange.json").at("/response/body").toString());
  }

  private <T extends Exception> T send(Class<T> type) {
    ModelClient client = client(ModelConfig.Parameters.DEFAULT);
    return catchThrowableOfType(type, () -> client.send(TestClients.request("Hi")));
  }

  private ModelClient client(ModelConfig.Parameters parameters) {
    // A clock that stands still, so that reset times are measured from a known instant.
    var clock = new TickingClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO);
    return TestClients.registry(TestClients.ENVIRONMENT, clock)
        .create(TestClients.config("anthropic", "claude-sonnet-4-5", server.url("/").toString(), parameters));
  }
}
