package dev.parity.harness.openai;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {
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
  void sendsASystemMessageAndAUserMessageOfFileImageAndTextParts() throws Exception {
    server.enqueue(fixture("openai-chat/chat-recorded-stop.response.json"));

    client(new ModelConfig.Parameters(2000, 0.0, "low", 42L)).send(TestClients.request("What is the first line?",
        Attachment.of(Fixtures.file("fixture.pdf"), FileFormat.PDF), Attachment.of(Fixtures.file("pixel.png"), FileFormat.PNG)));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.OPENAI_KEY);
    JsonNode sent = body(request);
    assertThat(sent.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(sent.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(sent.at("/messages/0/content").asText()).isEqualTo(TestClients.SYSTEM);
    JsonNode content = sent.at("/messages/1/content");
    JsonNode documented = Fixtures.json("openai-chat/chat-request-pdf-file-part.constructed.json").at("/messages/0/content/0");
    assertThat(content.get(1)).isEqualTo(documented);
    assertThat(content.get(3).get("type").asText()).isEqualTo("image_url");
    assertThat(content.at("/3/image_url/url").asText()).startsWith("data:image/png;base64,");
    assertThat(content.get(4).get("text").asText()).isEqualTo("What is the first line?");
    assertThat(sent.get("max_completion_tokens").asInt()).isEqualTo(2000);
    assertThat(sent.has("max_tokens")).isFalse();
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.0);
    assertThat(sent.get("reasoning_effort").asText()).isEqualTo("low");
    assertThat(sent.get("seed").asLong()).isEqualTo(42L);
  }

  @Test
  void forceTextSendsPdfsAsTheirTextAndSaysWhichImagesWereLeftOut() throws Exception {
    server.enqueue(fixture("openai-chat/chat-recorded-stop.response.json"));
    ModelConfig config = new ModelConfig(null, "openai", "gpt-4o", server.url("/v1").toString(), null, "chat",
        null, null, null, true, null);

    TestClients.client(config).send(TestClients.request("Read it.",
        Attachment.of(Fixtures.file("fixture.pdf"), FileFormat.PDF), Attachment.of(Fixtures.file("pixel.png"), FileFormat.PNG)));

    assertThat(body(server.takeRequest()).at("/messages/1/content").asText()).isEqualTo("""
        === BEGIN FILE: fixture.pdf ===
        --- page 1 ---
        Hello fixture
        === END FILE: fixture.pdf ===

        === FILE NOT INCLUDED: pixel.png (a png image; this model is sent text only) ===

        Read it.""");
  }

  @Test
  void recordsTheAnswerAndTheUsageAsReported() {
    server.enqueue(fixture("openai-chat/chat-recorded-stop.response.json", "x-request-id", "req_chat_1"));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Weather?"));

    assertThat(answer.text()).startsWith("I'm unable to provide real-time weather updates.");
    assertThat(answer.record().providerModel()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(answer.record().requestId()).isEqualTo("req_chat_1");
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(answer.record().usage()).as("the older shape has no prompt details: cached tokens unreported")
        .isEqualTo(new Usage(14L, 37L, 0L, null));
    assertThat(answer.record().costUsd()).isEqualTo((14 * 2.50 + 37 * 10.00) / 1e6);
  }

  @Test
  void cachedAndReasoningTokensAreReadFromTheirDetails() {
    JsonNode response = Fixtures.json("openai-chat/chat-spec-default.response.json");
    ((ObjectNode) response)
        .set("usage", Fixtures.json("openai-chat/chat-usage-cached-and-reasoning.constructed.json").get("usage"));
    server.enqueue(json(200, response.toString()));

    ModelAnswer answer = client(ModelConfig.Parameters.DEFAULT).send(TestClients.request("Hi"));

    assertThat(answer.record().usage()).isEqualTo(new Usage(2006L, 1300L, 1024L, 1920L));
    assertThat(answer.record().costUsd()).as("gpt-4o: 86 input at 2.50, 1,920 cached at 1.25, 1,300 output at 10")
        .isCloseTo((86 * 2.50 + 1920 * 1.25 + 1300 * 10.0) / 1e6, offset(1e-12));
  }

  @Test
  void lengthRefusalAndContentFilterAreFinishReasons() {
    server.enqueue(fixture("openai-chat/chat-recorded-length.response.json"));
    server.enqueue(fixture("openai-chat/chat-recorded-refusal.response.json"));
    JsonNode filtered = Fixtures.json("openai-chat/chat-recorded-stop.response.json");
    ((ObjectNode) filtered.at("/choices/0")).put("finish_reason", "content_filter");
    server.enqueue(json(200, filtered.toString()));
    ModelClient client = client(ModelConfig.Parameters.DEFAULT);

    ModelAnswer cut = client.send(TestClients.request("Hi"));
    ModelAnswer refused = client.send(TestClients.request("Hi"));
    ModelAnswer blocked = client.send(TestClients.request("Hi"));

    assertThat(cut.record().finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(cut.text()).isEqualTo("{\"");
    assertThat(refused.record().finishReason()).isEqualTo(FinishReason.REFUSED);
    assertThat(refused.record().rawFinishReason()).isEqualTo("stop");
    assertThat(refused.text()).isEqualTo("I'm very sorry, but I can't assist with that.");
    assertThat(blocked.record().finishReason()).isEqualTo(FinishReason.REFUSED);
    assertThat(blocked.record().rawFinishReason()).isEqualTo("content_filter");
  }

  private ModelClient client(ModelConfig.Parameters parameters) {
    return TestClients.client(new ModelConfig(null, "openai", "gpt-4o", server.url("/v1").toString(), null, "chat",
        parameters, null, null, false, null));
  }
}
