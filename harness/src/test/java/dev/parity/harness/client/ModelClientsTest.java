package dev.parity.harness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.client.testing.TestClients;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelClientsTest {

  @Test
  void theInstalledProvidersAreTheSevenBuiltInOnes() {
    assertThat(TestClients.registry().providers())
        .containsExactly("anthropic", "command", "gemini", "openai", "openai-compatible", "replay",
            "replay-agent");
  }

  @Test
  void anUnknownProviderFailsWithTheListOfKnownOnes() {
    assertThatThrownBy(() -> TestClients.registry().create(ModelSpecs.parse("mistral:large")))
        .isInstanceOf(NoSuchModelClientException.class)
        .hasMessage("no model client for provider \"mistral\"; known providers: "
            + "anthropic, command, gemini, openai, openai-compatible, replay, replay-agent");
  }

  @Test
  void aMissingKeyNamesTheVariableToSet() {
    ModelClients clients = TestClients.registry(Map.of(), Clock.systemUTC());

    assertThatThrownBy(() -> clients.create(ModelSpecs.parse("anthropic:claude-opus-4-1")))
        .isInstanceOf(MissingApiKeyException.class)
        .hasMessage("model anthropic:claude-opus-4-1 needs an API key in the environment variable ANTHROPIC_API_KEY,"
            + " which is not set");
    ModelConfig ownVariable = new ModelConfig(null, "openai", "gpt-5", null, "TEAM_OPENAI_KEY", null, null, null,
        null, false, null);
    assertThatThrownBy(() -> TestClients.registry().create(ownVariable))
        .hasMessageContaining("environment variable TEAM_OPENAI_KEY");
  }

  @Test
  void aProviderCanBeRegisteredOnlyOnce() {
    ModelClientFactory second = new ModelClientFactory() {
      @Override
      public String provider() {
        return "openai";
      }

      @Override
      public ModelClient create(ModelConfig config, ClientContext context) {
        throw new AssertionError();
      }
    };

    assertThatThrownBy(() -> ModelClients.builder().registerInstalled().register(second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two model client factories for provider \"openai\"");
  }

  @Test
  void configurationsAProviderCannotServeAreRejectedWhenTheClientIsMade() {
    ModelClients clients = TestClients.registry();

    assertThatThrownBy(() -> clients.create(ModelSpecs.parse("openai-compatible:llama")))
        .isInstanceOf(InvalidModelConfigException.class)
        .hasMessageContaining("needs the server's base URL, e.g. openai-compatible:llama@http://127.0.0.1:8000/v1");
    assertThatThrownBy(() -> clients.create(new ModelConfig(null, "openai", "gpt-5", null, null, "completions",
        null, null, null, false, null)))
        .hasMessageContaining("unknown api \"completions\"; the openai provider has \"responses\" (the default) and \"chat\"");
    assertThatThrownBy(() -> clients.create(ModelSpecs.parse("replay:/no/such/answers")))
        .hasMessageContaining("/no/such/answers does not exist");
    assertThatThrownBy(() -> clients.create(ModelSpecs.parse("command:./no-such-agent.sh")))
        .hasMessageContaining("no such program");
  }
}
