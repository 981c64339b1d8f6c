package dev.parity.graders.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.judgments.PairwiseVerdict;
import org.junit.jupiter.api.Test;

class JudgeOutputTest {
  @Test
  void readsAPlainJsonVerdict() {
    JudgeOutput.Pairwise output = JudgeOutput.pairwise("{\"verdict\": \"B\", \"rationale\": \"B ties out.\"}");

    assertThat(output.verdict()).isEqualTo(PairwiseVerdict.B);
    assertThat(output.rationale()).isEqualTo("B ties out.");
  }

  @Test
  void findsTheVerdictInsideACodeFenceAfterThinkingAloud() {
    String answer = """
        Let me compare {both} deliverables. A misses the customs forms.
        ```json
        {"verdict": "tie", "rationale": "Both cover {every} day."}
        ```
        """;

    assertThat(JudgeOutput.pairwise(answer).verdict()).isEqualTo(PairwiseVerdict.TIE);
    assertThat(JudgeOutput.pairwise(answer).rationale()).isEqualTo("Both cover {every} day.");
  }

  @Test
  void acceptsTheUsualSpellingsOfEachVerdict() {
    assertThat(JudgeOutput.pairwise("{\"verdict\": \"a\"}").verdict()).isEqualTo(PairwiseVerdict.A);
    assertThat(JudgeOutput.pairwise("{\"verdict\": \"As good\"}").verdict()).isEqualTo(PairwiseVerdict.TIE);
    assertThat(JudgeOutput.rubric("{\"verdict\": \"Partially met\"}").verdict()).isEqualTo(RubricVerdict.PARTLY);
    assertThat(JudgeOutput.rubric("{\"verdict\": \"not met\"}").verdict()).isEqualTo(RubricVerdict.NOT_MET);
  }

  @Test
  void invalidOutputIsAnErrorThatSaysWhatWasWrong() {
    assertThatThrownBy(() -> JudgeOutput.pairwise("I think A is better."))
        .isInstanceOf(InvalidJudgeOutputException.class)
        .hasMessage("no JSON object with a \"verdict\" in the judge's answer: I think A is better.");
    assertThatThrownBy(() -> JudgeOutput.pairwise("{\"verdict\": \"C\"}"))
        .hasMessage("verdict \"c\" is not one of \"A\", \"B\", \"tie\"");
    assertThatThrownBy(() -> JudgeOutput.rubric("{\"verdict\": 1}"))
        .hasMessage("the JSON answer has no \"verdict\" string: {\"verdict\":1}");
    assertThatThrownBy(() -> JudgeOutput.rubric("  ")).hasMessage("the judge's answer is empty");
  }
}
