package dev.parity.harness.openai;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openai:MODEL+code_interpreter}: the hosted tool in the request, the container's files as the deliverable. */
class ResponsesCodeInterpreterTest {
  private static final String CONTAINER = "cntr_68a1c0e2f9e88190a1b2c3d4e5f6a7b8";
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
  void theRequestCarriesTheCodeInterpreterAndTheModelIdWithoutTheTool() throws Exception {
    serveOneFile(new byte[] {1});

    client().send(TestClients.request("Write the memo."));

    JsonNode sent = body(server.takeRequest());
    assertThat(sent.get("model").asText()).isEqualTo("gpt-5");
    assertThat(sent.get("tools")).hasSize(1);
    assertThat(sent.at("/tools/0/type").asText()).isEqualTo("code_interpreter");
    assertThat(sent.at("/tools/0/container/type").asText()).isEqualTo("auto");
    assertThat(sent.get("instructions").asText()).startsWith(ContainerFiles.INSTRUCTIONS).endsWith(TestClients.SYSTEM);
    assertThat(sent.get("store").asBoolean()).isFalse();
  }

  @Test
  void theFilesTheModelSavedInItsContainerAreTheAnswersFilesAndTheReferencesAreNot() throws Exception {
    byte[] memo = Files.readAllBytes(TestDocuments.docx(folder));
    server.enqueue(fixture("openai-responses/responses-code-interpreter.constructed.json"));
    server.enqueue(fixture("openai-responses/container-files-page1.constructed.json"));
    server.enqueue(bytes(memo));
    server.enqueue(fixture("openai-responses/container-files-page2.constructed.json"));
    server.enqueue(bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

    ModelAnswer answer = client().send(TestClients.request("Write the memo."));

    server.takeRequest();
    RecordedRequest list = server.takeRequest();
    assertThat(list.getMethod()).isEqualTo("GET");
    assertThat(list.getUrl().encodedPath()).isEqualTo("/v1/containers/" + CONTAINER + "/files");
    assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.OPENAI_KEY);
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/v1/containers/" + CONTAINER + "/files/cfile_68a1c0eb1d2e8190/content");
    assertThat(server.takeRequest().getUrl().queryParameter("after")).isEqualTo("cfile_68a1c0eb1d2e8190");
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/v1/containers/" + CONTAINER + "/files/cfile_68a1c0ec2e3f8190/content");
    assertThat(answer.files()).extracting(ModelAnswer.AnswerFile::name).containsExactly("memo.docx", "q3.png");
    try (XWPFDocument docx = new XWPFDocument(new java.io.ByteArrayInputStream(answer.files().get(0).content()))) {
      assertThat(docx.getParagraphs()).isNotEmpty();
    }
    assertThat(answer.text()).contains("memo.docx");
    assertThat(answer.record().usage().outputTokens()).isEqualTo(800L);
    assertThat(answer.record().costUsd()).as("priced as gpt-5, the tool's own fee aside").isNotNull();
  }

  @Test
  void aFileThatCannotBeDownloadedFailsTheCallSoThatItIsTriedAgain() {
    server.enqueue(fixture("openai-responses/responses-code-interpreter.constructed.json"));
    server.enqueue(fixture("openai-responses/container-files-page1.constructed.json"));
    server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"busy\"}}").build());

    assertThatThrownBy(() -> client().send(TestClients.request("Write the memo.")))
        .isInstanceOf(RetryableCallException.class).hasMessageContaining("503");
  }

  @Test
  void aModelWithTheCodeInterpreterTakesNoSharedToolsAndIsNamedWithIt() {
    ModelClient client = client();

    assertThat(client.takesTools()).isFalse();
    assertThat(client.config().name()).isEqualTo("openai:gpt-5+code_interpreter");
  }

  @Test
  void theChatCompletionsApiHasNoCodeInterpreter() {
    ModelConfig chat = new ModelConfig(null, "openai", "gpt-5+code_interpreter", server.url("/v1").toString(), null,
        "chat", null, null, null, false, null);

    assertThatThrownBy(() -> TestClients.client(chat)).isInstanceOf(InvalidModelConfigException.class)
        .hasMessageContaining("Responses API").hasMessageContaining("api: chat");
  }

  private void serveOneFile(byte[] content) {
    server.enqueue(fixture("openai-responses/responses-code-interpreter.constructed.json"));
    server.enqueue(fixture("openai-responses/container-files-page2.constructed.json"));
    server.enqueue(bytes(content));
  }

  private static MockResponse bytes(byte[] content) {
    return new MockResponse.Builder().code(200).setHeader("content-type", "application/octet-stream")
        .body(new Buffer().write(content)).build();
  }

  private ModelClient client() {
    return TestClients.client(TestClients.config("openai", "gpt-5+code_interpreter", server.url("/v1").toString()));
  }
}
