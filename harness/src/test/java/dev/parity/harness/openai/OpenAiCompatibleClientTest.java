package dev.parity.harness.openai;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.errorFixture;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleClientTest {
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
  void sendsNoKeyUnlessTheModelNamesItsVariableAndNeverTheOpenAiKey() throws Exception {
    server.enqueue(fixture("openai-compatible/vllm-chat.response.constructed.json"));
    server.enqueue(fixture("openai-compatible/vllm-chat.response.constructed.json"));
    Map<String, String> environment = new HashMap<>(TestClients.ENVIRONMENT);
    environment.put("OPENROUTER_API_KEY", "sk-or-test-key");
    var clients = TestClients.registry(environment, Clock.systemUTC());

    clients.create(spec()).send(TestClients.request("Hi"));
    clients.create(new ModelConfig(null, "openai-compatible", "Qwen/Qwen3-8B", server.url("/v1").toString(),
        "OPENROUTER_API_KEY", null, null, null, null, false, null)).send(TestClients.request("Hi"));

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-or-test-key");
  }

  @Test
  void sendsImagesAsDataUrlsPdfsAsTextAndMaxTokens() throws Exception {
    server.enqueue(fixture("openai-compatible/vllm-chat.response.constructed.json"));
    ModelConfig config = new ModelConfig(null, "openai-compatible", "Qwen/Qwen3-8B", server.url("/v1").toString(),
        null, null, new ModelConfig.Parameters(512, null, null, 3L), null, null, false, null);

    TestClients.client(config).send(TestClients.request("Describe both.",
        Attachment.of(Fixtures.file("fixture.pdf"), FileFormat.PDF), Attachment.of(Fixtures.file("pixel.png"), FileFormat.PNG)));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    JsonNode sent = body(request);
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(512);
    assertThat(sent.has("max_completion_tokens")).isFalse();
    assertThat(sent.get("seed").asLong()).isEqualTo(3L);
    JsonNode content = sent.at("/messages/1/content");
    assertThat(content.get(0).get("text").asText()).startsWith("=== BEGIN FILE: fixture.pdf ===\n--- page 1 ---\nHello fixture");
    assertThat(content.get(1).get("type").asText()).isEqualTo("image_url");
    assertThat(content.at("/1/image_url/url").asText()).startsWith("data:image/png;base64,");
    assertThat(content.get(2).get("text").asText()).isEqualTo("Describe both.");
  }

  @Test
  void aRequestWithoutImagesIsOnePlainString() throws Exception {
    server.enqueue(fixture("openai-compatible/ollama-v1-chat.response.constructed.json"));

    client().send(TestClients.request("Capital of France?"));

    assertThat(body(server.takeRequest()).at("/messages/1/content").asText()).isEqualTo("Capital of France?");
  }

  @Test
  void vllmAnswersWithReasoningAndWithoutDetailsAreRead() {
    server.enqueue(fixture("openai-compatible/vllm-chat.response.constructed.json"));

    ModelAnswer answer = client().send(TestClients.request("Capital of France?"));

    assertThat(answer.text()).as("reasoning text is not the answer").isEqualTo("Paris.");
    assertThat(answer.record().providerModel()).isEqualTo("Qwen/Qwen3-8B");
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(answer.record().usage()).isEqualTo(new Usage(14L, 26L, null, null));
    assertThat(answer.record().costUsd()).as("a local model has no known price").isNull();
  }

  @Test
  void ollamaAndLlamaCppAnswersAreRead() {
    server.enqueue(fixture("openai-compatible/ollama-v1-chat.response.constructed.json"));
    server.enqueue(fixture("openai-compatible/llamacpp-chat.response.doc-example.json"));

    ModelAnswer ollama = client().send(TestClients.request("Hi"));
    ModelAnswer llama = client().send(TestClients.request("Hi"));

    assertThat(ollama.text()).isEqualTo("Paris.");
    assertThat(ollama.record().usage()).isEqualTo(new Usage(14L, 3L, null, null));
    assertThat(llama.text()).isEqualTo("Hello!");
    assertThat(llama.record().usage()).isEqualTo(new Usage(44L, 48L, null, 0L));
  }

  @Test
  void anAnswerWithoutUsageIdOrFinishReasonHasThemUnknown() {
    server.enqueue(json(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}],\"extra\":{\"x\":1}}"));

    ModelAnswer answer = client().send(TestClients.request("Hi"));

    assertThat(answer.text()).isEqualTo("ok");
    assertThat(answer.record().usage()).isEqualTo(Usage.UNKNOWN);
    assertThat(answer.record().costUsd()).isNull();
    assertThat(answer.record().requestId()).isNull();
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.OTHER);
  }

  @Test
  void contentGivenAsAListOfTextPartsIsJoined() {
    server.enqueue(json(200, "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Par\"},"
        + "{\"type\":\"text\",\"text\":\"is.\"}]},\"finish_reason\":\"stop\"}]}"));

    assertThat(client().send(TestClients.request("Hi")).text()).isEqualTo("Paris.");
  }

  @Test
  void anAnswerWithNoChoiceIsInvalid() {
    server.enqueue(json(200, "{\"id\":\"x\",\"choices\":[]}"));

    assertThat(catchThrowableOfType(RetryableCallException.class, () -> client().send(TestClients.request("Hi"))).failure())
        .isEqualTo(CallFailure.INVALID_RESPONSE);
  }

  @Test
  void eachServersContextOverflowAndMissingModelAreRecognised() {
    server.enqueue(errorFixture("openai-compatible/vllm-error-400.response.constructed.json"));
    server.enqueue(errorFixture("openai-compatible/llamacpp-error-exceed-context.observed.json"));
    server.enqueue(errorFixture("openai-compatible/ollama-v1-error.response.constructed.json"));
    server.enqueue(json(503, "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"));

    FatalCallException vllm = catchThrowableOfType(FatalCallException.class, () -> client().send(TestClients.request("Hi")));
    FatalCallException llama = catchThrowableOfType(FatalCallException.class, () -> client().send(TestClients.request("Hi")));
    FatalCallException ollama = catchThrowableOfType(FatalCallException.class, () -> client().send(TestClients.request("Hi")));
    RetryableCallException loading = catchThrowableOfType(RetryableCallException.class, () -> client().send(TestClients.request("Hi")));

    assertThat(vllm.failure()).isEqualTo(CallFailure.CONTEXT_TOO_LONG);
    assertThat(vllm.getMessage()).contains("HTTP 400 BadRequestError: This model's maximum context length is 4096 tokens.");
    assertThat(llama.failure()).isEqualTo(CallFailure.CONTEXT_TOO_LONG);
    assertThat(ollama.failure()).isEqualTo(CallFailure.NOT_FOUND);
    assertThat(ollama.getMessage()).contains("model \"llama9\" not found, try pulling it first");
    assertThat(loading.failure()).isEqualTo(CallFailure.OVERLOADED);
  }

  private ModelConfig spec() {
    return ModelSpecs.parse("openai-compatible:Qwen/Qwen3-8B@" + server.url("/v1"));
  }

  private ModelClient client() {
    return TestClients.client(spec());
  }
}
