package dev.parity.harness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelSpecsTest {

  @Test
  void aSpecNamesProviderAndModelAndDefaultsTheRest() {
    ModelConfig config = ModelSpecs.parse("openai:gpt-5");

    assertThat(config.provider()).isEqualTo("openai");
    assertThat(config.model()).isEqualTo("gpt-5");
    assertThat(config.name()).isEqualTo("openai:gpt-5");
    assertThat(config.baseUrl()).isNull();
    assertThat(config.parameters()).isEqualTo(ModelConfig.Parameters.DEFAULT);
    assertThat(config.price()).isNull();
  }

  @Test
  void theBaseUrlFollowsTheLastAtThatStartsAUrlWithoutItsTrailingSlash() {
    ModelConfig config = ModelSpecs.parse("openai-compatible:llama-3.1-8b@http://127.0.0.1:8000/v1/");

    assertThat(config.model()).isEqualTo("llama-3.1-8b");
    assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
  }

  @Test
  void modelIdsAndPathsWithAnAtOrAColonStayWhole() {
    assertThat(ModelSpecs.parse("anthropic:claude-3-5-sonnet@20240620").model()).isEqualTo("claude-3-5-sonnet@20240620");
    assertThat(ModelSpecs.parse("command:./agents/my agent@v2.sh --fast").model()).isEqualTo("./agents/my agent@v2.sh --fast");
    assertThat(ModelSpecs.parse("replay:C:\\answers").model()).isEqualTo("C:\\answers");
  }

  @Test
  void aSpecWithoutProviderSaysWhatTheSyntaxIs() {
    assertThatThrownBy(() -> ModelSpecs.parse("gpt-5"))
        .isInstanceOf(InvalidModelConfigException.class)
        .hasMessage("invalid model spec \"gpt-5\": no provider; expected PROVIDER:MODEL[@BASE_URL], e.g. "
            + "openai:gpt-5 or openai-compatible:llama-3.1-8b@http://127.0.0.1:8000/v1");
  }

  @Test
  void badPartsAreNamed() {
    assertThatThrownBy(() -> ModelSpecs.parse("OpenAI:gpt-5"))
        .hasMessageContaining("the provider \"OpenAI\" must be lowercase letters, digits and dashes (did you mean openai?)");
    assertThatThrownBy(() -> ModelSpecs.parse("openai:"))
        .hasMessageContaining("no model after \"openai:\"");
    assertThatThrownBy(() -> ModelSpecs.parse("openai:@https://api.openai.com/v1"))
        .hasMessageContaining("no model after \"openai:\"");
    assertThatThrownBy(() -> ModelSpecs.parse(":gpt-5"))
        .hasMessageContaining("no provider before the colon");
    assertThatThrownBy(() -> ModelSpecs.parse("openai-compatible:m@http://"))
        .hasMessageContaining("the base URL \"http://\" is not a valid http(s) URL");
  }
}
