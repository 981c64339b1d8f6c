package dev.parity.harness.anthropic;

import static dev.parity.harness.client.testing.MockResponses.body;
import static dev.parity.harness.client.testing.MockResponses.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code anthropic:MODEL+code_execution}: the hosted tool behind its beta, the Files API's files as the deliverable. */
class MessagesCodeExecutionTest {
  private static final String FILE = "file_011CNha8iCJcU1wXNR6q4V8w";
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
  void theRequestCarriesCodeExecutionBehindItsBetaAndTheFilesItMadeAreDownloaded() throws Exception {
    byte[] memo = Files.readAllBytes(TestDocuments.docx(folder));
    server.enqueue(fixture("anthropic/messages-code-execution.constructed.json"));
    server.enqueue(fixture("anthropic/files-metadata.doc-example.json"));
    server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(memo)).build());

    ModelAnswer answer = client().send(TestClients.request("Write the memo."));

    RecordedRequest message = server.takeRequest();
    assertThat(message.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(message.getHeaders().get("anthropic-beta")).isEqualTo("code-execution-2025-08-25,files-api-2025-04-14");
    JsonNode sent = body(message);
    assertThat(sent.get("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(sent.get("tools")).hasSize(1);
    assertThat(sent.at("/tools/0/type").asText()).isEqualTo("code_execution_20250825");
    assertThat(sent.at("/tools/0/name").asText()).isEqualTo("code_execution");
    assertThat(sent.get("system").asText()).startsWith(CodeExecutionFiles.INSTRUCTIONS).endsWith(TestClients.SYSTEM);
    RecordedRequest metadata = server.takeRequest();
    assertThat(metadata.getMethod()).isEqualTo("GET");
    assertThat(metadata.getUrl().encodedPath()).isEqualTo("/v1/files/" + FILE);
    assertThat(metadata.getHeaders().get("x-api-key")).isEqualTo(TestClients.ANTHROPIC_KEY);
    assertThat(metadata.getHeaders().get("anthropic-beta")).contains("files-api-2025-04-14");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/files/" + FILE + "/content");
    assertThat(server.getRequestCount()).as("the failed command made no file, so nothing more is fetched").isEqualTo(3);
    assertThat(answer.files()).singleElement().satisfies(file -> {
      assertThat(file.name()).isEqualTo("memo.docx");
      assertThat(file.content()).isEqualTo(memo);
    });
    assertThat(answer.text()).isEqualTo("I'll write the memo with python-docx.The memo is in memo.docx.");
    assertThat(answer.record().costUsd()).as("priced as claude-sonnet-4-5").isNotNull();
  }

  @Test
  void aModelWithCodeExecutionTakesNoSharedToolsAndIsNamedWithIt() {
    ModelClient client = client();

    assertThat(client.takesTools()).isFalse();
    assertThat(client.config().name()).isEqualTo("anthropic:claude-sonnet-4-5+code_execution");
  }

  @Test
  void aPlainModelSendsNoBetaAndNoTool() throws Exception {
    server.enqueue(fixture("anthropic/messages-code-execution.constructed.json"));

    ModelAnswer answer = TestClients.client(TestClients.config("anthropic", "claude-sonnet-4-5", server.url("/").toString()))
        .send(TestClients.request("Write the memo."));

    RecordedRequest message = server.takeRequest();
    assertThat(message.getHeaders().get("anthropic-beta")).isNull();
    assertThat(body(message).has("tools")).isFalse();
    assertThat(answer.files()).isEmpty();
  }

  private ModelClient client() {
    return TestClients.client(TestClients.config("anthropic", "claude-sonnet-4-5+code_execution",
        server.url("/").toString()));
  }
}
