package dev.parity.graders.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgePromptTest {
  @Test
  void theVersionNamesTheFileAndChangesWithItsText() {
    assertThat(JudgePrompt.PAIRWISE.version()).matches("pairwise-v2@[0-9a-f]{12}");
    assertThat(JudgePrompt.of("p.md", "x {{a}}").version()).isNotEqualTo(JudgePrompt.of("p.md", "y {{a}}").version());
  }

  @Test
  void renderingFillsEveryPlaceholderLiterally() {
    String text = JudgePrompt.of("p.md", "Request: {{request}} / {{request}} from {{requester}}")
        .render(Map.of("request", "Costs $5 \\ day", "requester", "CFO"));

    assertThat(text).isEqualTo("Request: Costs $5 \\ day / Costs $5 \\ day from CFO");
  }

  @Test
  void aMissingValueIsNamed() {
    assertThatThrownBy(() -> JudgePrompt.PAIRWISE.render(Map.of()))
        .hasMessageStartingWith("no value for {{occupation}} in pairwise-v2.md");
  }
}
