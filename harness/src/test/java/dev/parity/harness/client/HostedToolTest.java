package dev.parity.harness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.client.testing.TestClients;
import org.junit.jupiter.api.Test;

class HostedToolTest {

  @Test
  void aHostedToolAfterAPlusIsPartOfTheModelsIdentityButNotOfItsApiId() {
    ModelConfig model = ModelSpecs.parse("openai:gpt-5+code_interpreter");

    assertThat(model.model()).isEqualTo("gpt-5+code_interpreter");
    assertThat(model.apiModel()).isEqualTo("gpt-5");
    assertThat(model.hostedTools()).containsExactly(HostedTool.CODE_INTERPRETER);
    assertThat(model.name()).isEqualTo("openai:gpt-5+code_interpreter")
        .isNotEqualTo(ModelSpecs.parse("openai:gpt-5").name());
  }

  @Test
  void aNameWithoutTheHostedToolGetsItSoThatReportsNeverPoolTheTwo() {
    ModelConfig named = new ModelConfig("gpt-5", "openai", "gpt-5+code_interpreter", null, null, null, null, null,
        null, false, null);

    assertThat(named.name()).isEqualTo("gpt-5+code_interpreter");
    assertThat(new ModelConfig("mine+code_interpreter", "openai", "gpt-5+code_interpreter", null, null, null, null,
        null, null, false, null).name()).isEqualTo("mine+code_interpreter");
  }

  @Test
  void aPlusFollowedByAnythingElseStaysInTheModelId() {
    ModelConfig model = ModelSpecs.parse("openai-compatible:llama+lora@http://127.0.0.1:8000/v1");

    assertThat(model.apiModel()).isEqualTo("llama+lora");
    assertThat(model.hostedTools()).isEmpty();
    assertThat(model.name()).isEqualTo("openai-compatible:llama+lora");
  }

  @Test
  void aProviderWithoutTheHostedToolIsRefusedNamingTheOnesThereAre() {
    assertThatThrownBy(() -> TestClients.client(ModelSpecs.parse("gemini:gemini-2.5-pro+code_execution")))
        .isInstanceOf(InvalidModelConfigException.class)
        .hasMessageContaining("gemini:gemini-2.5-pro+code_execution")
        .hasMessageContaining("the gemini provider has no hosted tool code_execution")
        .hasMessageContaining("openai:MODEL+code_interpreter, anthropic:MODEL+code_execution");
    assertThatThrownBy(() -> TestClients.client(ModelSpecs.parse("anthropic:claude-opus-4-1+code_interpreter")))
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("no hosted tool code_interpreter");
    assertThatThrownBy(() -> TestClients.client(
        ModelSpecs.parse("openai-compatible:qwen3+code_interpreter@http://127.0.0.1:8000/v1")))
        .isInstanceOf(InvalidModelConfigException.class).hasMessageContaining("openai-compatible provider");
  }
}
