package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestClients;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.TestSuites;
import dev.parity.tasks.Suite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain run with the same OpenAI model twice, once with its provider's code interpreter: the
 * hosted one's deliverable is the file it saved in its container, and the two are apart in the store
 * under their own names, which is what reports group by.
 */
class HostedToolRunTest {
  private static final String MEMO = "# Memo\n\nQ3 revenue rose 12%.\n";
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private Store store;
  private Suite suite;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(new FakeOpenAi());
    server.start();
    store = Store.open(folder.resolve("parity.db"));
    suite = TestSuites.write(folder.resolve("suite"), 1);
  }

  @AfterEach
  void tearDown() {
    store.close();
    server.close();
  }

  @Test
  void theHostedModelsDeliverableIsTheFileItSavedAndItIsNeverPooledWithThePlainModel() {
    ModelConfig hosted = ModelSpecs.parse("openai:gpt-5+code_interpreter@" + server.url("/v1"));
    ModelConfig plain = ModelSpecs.parse("openai:gpt-5@" + server.url("/v1"));

    RunOutcome outcome = runner().run(new RunPlan("r1", suite, List.of(hosted, plain), RunSettings.DEFAULT),
        new RunControl());

    assertThat(outcome.count(AttemptStatus.COMPLETED)).isEqualTo(2);
    Map<String, Attempt> byModel = store.attempts("r1").stream()
        .collect(Collectors.toMap(a -> a.key().model(), Function.identity()));
    assertThat(byModel).containsOnlyKeys("openai:gpt-5+code_interpreter", "openai:gpt-5");
    List<AttemptFile> files = store.files(byModel.get("openai:gpt-5+code_interpreter").key());
    assertThat(files).extracting(AttemptFile::name).containsExactly("memo.md");
    assertThat(new String(store.blobs().get(files.get(0).sha256()), StandardCharsets.UTF_8)).isEqualTo(MEMO);
    assertThat(store.files(byModel.get("openai:gpt-5").key())).extracting(AttemptFile::name)
        .containsExactly("deliverable.md");
  }

  @Test
  void anAgentRunRefusesAHostedModelSayingWhy() {
    ModelConfig hosted = ModelSpecs.parse("openai:gpt-5+code_interpreter@" + server.url("/v1"));
    RunSettings agent = RunSettings.DEFAULT.withAgent(AgentSettings.of("python", SandboxBackend.Kind.NONE));

    assertThatThrownBy(() -> runner().run(new RunPlan("r2", suite, List.of(hosted), agent), new RunControl()))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("openai:gpt-5+code_interpreter")
        .hasMessageContaining("code_interpreter")
        .hasMessageContaining("without --tools");
    assertThat(server.getRequestCount()).isZero();
  }

  private Runner runner() {
    ModelClients clients = ModelClients.builder().registerInstalled()
        .environment(TestClients.ENVIRONMENT::get).build();
    return Runner.builder(store, clients::create).clock(new ManualClock()).build();
  }

  /** The Responses API with a code interpreter whose container holds memo.md, and plain answers without the tool. */
  private static final class FakeOpenAi extends Dispatcher {
    private static final String CONTAINER = "cntr_68a1c0e2f9e88190a1b2c3d4e5f6a7b8";

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/v1/responses") && request.getBody().utf8().contains("\"code_interpreter\"")) {
        return json(Fixtures.read("openai-responses/responses-code-interpreter.constructed.json"));
      }
      if (path.equals("/v1/responses")) {
        return json(Fixtures.read("openai-responses/responses-recorded-basic.response.json"));
      }
      if (path.equals("/v1/containers/" + CONTAINER + "/files")) {
        return json("{\"object\": \"list\", \"data\": [{\"id\": \"cfile_1\", \"object\": \"container.file\","
            + " \"bytes\": 32, \"container_id\": \"" + CONTAINER + "\", \"path\": \"/mnt/data/memo.md\","
            + " \"source\": \"assistant\"}], \"first_id\": \"cfile_1\", \"has_more\": false, \"last_id\": \"cfile_1\"}");
      }
      if (path.equals("/v1/containers/" + CONTAINER + "/files/cfile_1/content")) {
        return new MockResponse.Builder().code(200).body(MEMO).build();
      }
      return new MockResponse.Builder().code(404).body("{\"error\": {\"message\": \"no " + path + "\"}}").build();
    }

    private static MockResponse json(String body) {
      return new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(body).build();
    }
  }
}
