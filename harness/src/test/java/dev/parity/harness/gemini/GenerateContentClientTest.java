package dev.parity.harness.gemini;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static dev.parity.harness.client.testing.MockResponses.json;
import static dev.parity.harness.client.testing.MockResponses.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenerateContentClientTest {
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
  void sendsTheKeyInAHeaderAndReferencesAsInlineData() throws Exception {
    server.enqueue(fixture("gemini/generatecontent-success-basic.response.json"));

    client("gemini-2.5-pro", new ModelConfig.Parameters(1024, 0.0, "medium", 5L)).send(TestClients.request(
        "Summarize this document", Attachment.of(Fixtures.file("fixture.pdf"), FileFormat.PDF),
        Attachment.of(Fixtures.file("pixel.png"), FileFormat.PNG)));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
    assertThat(request.getUrl().query()).as("never the key in the URL").isNull();
    assertThat(request.getHeaders().get("x-goog-api-key")).isEqualTo(TestClients.GEMINI_KEY);
    JsonNode sent = body(request);
    assertThat(sent.at("/system_instruction/parts/0/text").asText()).isEqualTo(TestClients.SYSTEM);
    assertThat(sent.at("/contents/0/role").asText()).isEqualTo("user");
    JsonNode parts = sent.at("/contents/0/parts");
    JsonNode documentedPdf = Fixtures.json("gemini/generatecontent-inline-pdf.request.json").at("/contents/0/parts/0");
    JsonNode documentedImage = Fixtures.json("gemini/generatecontent-inline-image.request.json").at("/contents/0/parts/1");
    assertThat(parts.get(1)).isEqualTo(documentedPdf);
    assertThat(parts.get(3)).isEqualTo(documentedImage);
    assertThat(parts.get(4).get("text").asText()).isEqualTo("Summarize this document");
    assertThat(sent.get("generationConfig")).isEqualTo(parse("""
        {"maxOutputTokens": 1024, "temperature": 0.0, "seed": 5, "thinkingConfig": {"thinkingBudget": 8192}}"""));
  }

  @Test
  void geminiThreeTakesTheEffortAsAThinkingLevel() throws Exception {
    server.enqueue(fixture("gemini/generatecontent-success-basic.response.json"));

    client("models/gemini-3-pro-preview", new ModelConfig.Parameters(null, null, "low", null)).send(TestClients.request("Hi"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-3-pro-preview:generateContent");
    assertThat(body(request).get("generationConfig")).isEqualTo(parse("{\"thinkingConfig\": {\"thinkingLevel\": \"low\"}}"));
  }

  @Test
  void anEffortGeminiTwoHasNoBudgetForIsRejectedUpFront() {
    assertThatThrownBy(() -> client("gemini-2.5-flash", new ModelConfig.Parameters(null, null, "xhigh", null)))
        .isInstanceOf(InvalidModelConfigException.class)
        .hasMessageContaining("reasoning_effort \"xhigh\" has no thinking budget for gemini-2.5-flash; use none, low, medium or high");
  }

  @Test
  void recordsTheAnswerTheModelVersionAndTheUsage() {
    server.enqueue(fixture("gemini/generatecontent-success-basic.response.json"));

    ModelAnswer answer = client("gemini-2.5-flash", ModelConfig.Parameters.DEFAULT).send(TestClients.request("Where?"));

    assertThat(answer.text()).isEqualTo("Google's headquarters, also known as the Googleplex, is located in **Mountain View, California**.\n");
    assertThat(answer.record().providerModel()).isEqualTo("gemini-2.0-flash");
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(answer.record().rawFinishReason()).isEqualTo("STOP");
    assertThat(answer.record().usage()).isEqualTo(new Usage(7L, 22L, null, null));
    assertThat(answer.record().costUsd()).isEqualTo((7 * 0.30 + 22 * 2.50) / 1e6);
  }

  @Test
  void thoughtsAreNotTheAnswerButTheirTokensAreOutput() {
    server.enqueue(fixture("gemini/generatecontent-success-thinking.response.json"));

    ModelAnswer answer = client("gemini-2.5-flash", ModelConfig.Parameters.DEFAULT).send(TestClients.request("Where?"));

    assertThat(answer.text()).isEqualTo("Mountain View");
    assertThat(answer.record().usage()).isEqualTo(new Usage(14L, 2L + 24L, 24L, null));
    assertThat(answer.record().requestId()).isEqualTo("2pmHaJqQEoqC-8YP6eStyAY");
  }

  @Test
  void safetyStopsBlockedPromptsAndEmptyCandidatesAreRefusals() {
    server.enqueue(fixture("gemini/generatecontent-finish-safety.response.json"));
    server.enqueue(fixture("gemini/generatecontent-prompt-blocked.response.json"));
    server.enqueue(fixture("gemini/generatecontent-empty-candidates.response.json"));
    ModelClient client = client("gemini-2.5-flash", ModelConfig.Parameters.DEFAULT);

    ModelAnswer stopped = client.send(TestClients.request("Hi"));
    ModelAnswer blocked = client.send(TestClients.request("Hi"));
    ModelAnswer empty = client.send(TestClients.request("Hi"));

    assertThat(stopped.record().finishReason()).isEqualTo(FinishReason.REFUSED);
    assertThat(stopped.record().rawFinishReason()).isEqualTo("SAFETY");
    assertThat(stopped.text()).isEqualTo("Safety error incoming in 5, 4, 3, 2...");
    assertThat(blocked.record().finishReason()).isEqualTo(FinishReason.REFUSED);
    assertThat(blocked.record().rawFinishReason()).isEqualTo("blocked:SAFETY");
    assertThat(blocked.text()).isEmpty();
    assertThat(blocked.record().usage()).isEqualTo(Usage.UNKNOWN);
    assertThat(empty.record().finishReason()).isEqualTo(FinishReason.REFUSED);
    assertThat(empty.record().rawFinishReason()).isEqualTo("blocked:UNSPECIFIED");
  }

  @Test
  void errorsAreTypedFromGooglesStatusAndDetails() {
    server.enqueue(json(400, Fixtures.read("gemini/error-400-api-key-invalid.response.json")));
    server.enqueue(json(404, Fixtures.read("gemini/error-404-unknown-model.response.json")));
    server.enqueue(json(429, Fixtures.read("gemini/error-429-retry-info.constructed.json")));
    server.enqueue(json(429, Fixtures.read("gemini/error-429-quota-exceeded.response.json")));
    server.enqueue(json(400, Fixtures.read("gemini/error-400-token-count-exceeded.constructed.json")));

    FatalCallException badKey = send(FatalCallException.class);
    FatalCallException unknownModel = send(FatalCallException.class);
    RetryableCallException retryInfo = send(RetryableCallException.class);
    RetryableCallException quota = send(RetryableCallException.class);
    FatalCallException tooLong = send(FatalCallException.class);

    assertThat(badKey.failure()).as("Gemini says 400 for a bad key").isEqualTo(CallFailure.AUTHENTICATION);
    assertThat(badKey.getMessage()).isEqualTo("gemini:gemini-2.5-pro: HTTP 400 INVALID_ARGUMENT: API key not valid. Please pass a valid API key.");
    assertThat(unknownModel.failure()).isEqualTo(CallFailure.NOT_FOUND);
    assertThat(retryInfo.failure()).isEqualTo(CallFailure.RATE_LIMITED);
    assertThat(retryInfo.retryAfter()).contains(Duration.ofSeconds(37));
    assertThat(quota.retryAfter()).isEmpty();
    assertThat(tooLong.failure()).isEqualTo(CallFailure.CONTEXT_TOO_LONG);
  }

  private <T extends Exception> T send(Class<T> type) {
    ModelClient client = client("gemini-2.5-pro", ModelConfig.Parameters.DEFAULT);
    return catchThrowableOfType(type, () -> client.send(TestClients.request("Hi")));
  }

  private ModelClient client(String model, ModelConfig.Parameters parameters) {
    return TestClients.client(TestClients.config("gemini", model, server.url("/").toString(), parameters));
  }

}
