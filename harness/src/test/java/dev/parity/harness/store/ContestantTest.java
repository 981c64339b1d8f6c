package dev.parity.harness.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContestantTest {
  @Test
  void aContestantReadsBackAsWhatItPrints() {
    assertThat(Contestant.parse("gpt-5")).isEqualTo(Contestant.model("gpt-5"));
    assertThat(Contestant.parse("human:expert-07")).isEqualTo(Contestant.human("expert-07"));
    assertThat(Contestant.human("expert-07")).hasToString("human:expert-07");
    assertThat(Contestant.model("claude-opus-4-1")).hasToString("claude-opus-4-1");
    for (Contestant c : new Contestant[] {Contestant.model("m"), Contestant.human("h")}) {
      assertThat(Contestant.parse(c.toString())).isEqualTo(c);
    }
  }

  @Test
  void onlyAModelIsAModel() {
    assertThat(Contestant.model("gpt-5").isModel()).isTrue();
    assertThat(Contestant.human("expert-07").isModel()).isFalse();
  }

  @Test
  void aContestantNeedsANameAndAModelCannotPassForAHuman() {
    assertThatThrownBy(() -> Contestant.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Contestant.parse("human:")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Contestant.model("human:x")).hasMessageContaining("human:");
  }

  @Test
  void anAttemptKeyNamesItsContestant() {
    assertThat(new AttemptKey("r", "gpt-5", "t", 0).contestant()).isEqualTo(Contestant.model("gpt-5"));
    assertThat(new AttemptKey("r", "human:p-1", "t", 0).contestant()).isEqualTo(Contestant.human("p-1"));
  }
}
