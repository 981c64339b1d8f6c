package dev.parity.harness.openai;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesClientTest {
  private final MockWebServer server = new MockWebServer();
  @TempDir Path folder;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsInstructionsThenReferencesThenTheRequestAsOneUserMessage() throws Exception {
    server.enqueue(fixture("openai-responses/responses-recorded-basic.response.json"));
    Path pdf = Fixtures.file("fixture.pdf");
    Path png = Fixtures.file("pixel.png");
    Path docx = TestDocuments.docx(folder);

    client(new ModelConfig.Parameters(4000, 0.2, "high", 7L)).send(TestClients.request("Summarise the memo.",
        Attachment.of(pdf, FileFormat.PDF), Attachment.of(png, FileFormat.PNG), Attachment.of(docx, FileFormat.DOCX)));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/responses");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.OPENAI_KEY);
    JsonNode sent = body(request);
    assertThat(sent.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(sent.get("instructions").asText()).isEqualTo(TestClients.SYSTEM);
    assertThat(sent.get("max_output_tokens").asInt()).isEqualTo(4000);
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.at("/reasoning/effort").asText()).isEqualTo("high");
    assertThat(sent.has("seed")).as("the Responses API has no seed").isFalse();
    assertThat(sent.get("store").asBoolean()).isFalse();
    JsonNode content = sent.at("/input/0/content");
    assertThat(sent.at("/input/0/role").asText()).isEqualTo("user");
    assertThat(content).hasSize(5);
    assertThat(content.get(0).get("text").asText()).isEqualTo("=== ATTACHED FILE: fixture.pdf ===");
    assertThat(content.get(1).get("type").asText()).isEqualTo("input_file");
    assertThat(content.get(1).get("filename").asText()).isEqualTo("fixture.pdf");
    assertThat(content.get(1).get("file_data").asText())
        .isEqualTo("data:application/pdf;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(pdf)));
    assertThat(content.get(3).get("type").asText()).isEqualTo("input_image");
    assertThat(content.get(3).get("image_url").asText()).startsWith("data:image/png;base64,iVBORw0KGgo");
    assertThat(content.get(2).get("text").asText()).isEqualTo("=== ATTACHED FILE: pixel.png ===");
    assertThat(content.get(4).get("type").asText()).isEqualTo("input_text");
    assertThat(content.get(4).get("text").asText()).isEqualTo("""
        === BEGIN FILE: memo.docx ===
        # Q3 budget memo

        Travel spend rose 12% against plan.

        | Item | Amount |
        | Travel | 4,200 |
        === END FILE: memo.docx ===

        Summarise the memo.""");
  }

  @Test
  void attachmentPartsHaveTheShapeOfOpenAisOwnExamples() throws Exception {
    server.enqueue(fixture("openai-responses/responses-recorded-basic.response.json"));

    client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("What is in these files?",
        Attachment.of(Fixtures.file("fixture.pdf"), FileFormat.PDF), Attachment.of(Fixtures.file("pixel.png"), FileFormat.PNG)));

    JsonNode content = body(server.takeRequest()).at("/input/0/content");
    JsonNode documentedFile = Fixtures.json("openai-responses/responses-request-input-file-base64.doc-example.json")
        .at("/input/0/content/0");
    JsonNode documentedImage = Fixtures.json("openai-responses/responses-request-input-image-base64.constructed.json")
        .at("/input/0/content/1");
    assertThat(fieldNames(content.get(1))).isSubsetOf(fieldNames(documentedFile));
    assertThat(content.get(1).get("file_data").asText()).isEqualTo(documentedFile.get("file_data").asText());
    assertThat(fieldNames(content.get(3))).isSubsetOf(fieldNames(documentedImage));
    assertThat(content.get(3).get("image_url").asText()).isEqualTo(documentedImage.get("image_url").asText());
  }

  @Test
  void recordsTheServedModelRequestIdUsageCostAndTimings() {
    server.enqueue(fixture("openai-responses/responses-recorded-basic.response.json", "x-request-id", "req_abc123"));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Weather?"));

    assertThat(answer.text()).startsWith("I can't provide real-time updates");
    assertThat(answer.files()).isEmpty();
    CallRecord record = answer.record();
    assertThat(record.providerModel()).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(record.requestId()).isEqualTo("req_abc123");
    assertThat(record.finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(record.rawFinishReason()).isEqualTo("completed");
    assertThat(record.usage()).isEqualTo(new Usage(14L, 50L, 0L, 0L));
    assertThat(record.costUsd()).isCloseTo((14 * 0.15 + 50 * 0.60) / 1e6, offset(1e-15));
    assertThat(record.latency()).isEqualTo(TestClients.TICK.multipliedBy(2));
    assertThat(record.timeToFirstByte()).isEqualTo(TestClients.TICK);
    assertThat(record.httpAttempts()).isEqualTo(1);
    assertThat(record.requestBody()).contains("\"store\":false");
    assertThat(record.responseBody()).contains("resp_689a0b2545288193953c892439b42e2800b2e36c65a1fd4b");
  }

  @Test
  void theAnswerIsTheMessageTextNotTheReasoningItemAndReasoningTokensAreCounted() {
    server.enqueue(fixture("openai-responses/responses-recorded-reasoning-item.response.json"));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("A joke?"));

    assertThat(answer.text()).isEqualTo("Why don’t scientists trust atoms?  \nBecause they make up everything!");
    assertThat(answer.record().usage()).isEqualTo(new Usage(10L, 148L, 128L, 0L));
    assertThat(answer.record().requestId()).as("the body's id when no header names one")
        .isEqualTo("resp_6820f382ee1c8191bc096bee70894d040ac5ba57aafcbac7");
  }

  @Test
  void runningOutOfOutputTokensIsAnAnswerCutAtTheLength() {
    server.enqueue(fixture("openai-responses/responses-incomplete-max-output-tokens.constructed.json"));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Plan the year."));

    assertThat(answer.text()).isEmpty();
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(answer.record().rawFinishReason()).isEqualTo("incomplete:max_output_tokens");
    assertThat(answer.record().usage().reasoningTokens()).isEqualTo(300L);
  }

  @Test
  void aRefusalIsAFinishedAnswerFlaggedAsRefused() {
    server.enqueue(fixture("openai-responses/responses-refusal.constructed.json"));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Something harmful."));

    assertThat(answer.text()).isEqualTo("I'm sorry, but I can't help with that.");
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.REFUSED);
  }

  @Test
  void aFailedResponseInAnOkExchangeIsAServerErrorToRetry() {
    server.enqueue(json(200, Fixtures.json("openai-responses/responses-event-failed.spec-example.json").get("response").toString()));

    assertThatThrownBy(() -> client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Hi")))
        .isInstanceOfSatisfying(RetryableCallException.class,
            e -> assertThat(e.failure()).isEqualTo(CallFailure.SERVER_ERROR))
        .hasMessageContaining("The model failed to generate a response.");
  }

  @Test
  void theRequestTimeoutBoundsTheWholeCall() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    ModelRequest request = new ModelRequest("t1", 0, null, "Hi", List.of(), List.of(), Duration.ofMillis(300));

    assertThatThrownBy(() -> client(ModelConfig.Parameters.DEFAULT).send(request))
        .isInstanceOfSatisfying(RetryableCallException.class, e -> {
          assertThat(e.failure()).isEqualTo(CallFailure.TIMEOUT);
          assertThat(e.retryAfter()).isEmpty();
        })
        .hasMessageContaining("no complete answer within PT0.3S");
  }

  private ModelClient client(ModelConfig.Parameters parameters) {
    return TestClients.client(TestClients.config("openai", "gpt-4o-mini", server.url("/v1").toString(), parameters));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
