package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VocabularyTest {
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
  void aJudgmentSourceReadsBackAsWhatItPrints() {
    assertThat(JudgmentSource.run("r1")).hasToString("run:r1");
    assertThat(JudgmentSource.campaign("c9")).hasToString("campaign:c9");
    assertThat(JudgmentSource.file("judgments.csv")).hasToString("file:judgments.csv");
    for (JudgmentSource s : new JudgmentSource[] {JudgmentSource.run("2025-06-01-ab:x"), JudgmentSource.campaign("c"),
        JudgmentSource.file("a:b.csv")}) {
      assertThat(JudgmentSource.parse(s.toString())).contains(s);
    }
  }

  @Test
  void aJudgmentSourceOfAnUnknownKindDoesNotParse() {
    assertThat(JudgmentSource.parse("ftp:x")).isEmpty();
    assertThat(JudgmentSource.parse("run:")).isEmpty();
    assertThat(JudgmentSource.parse("run")).isEmpty();
  }

  @Test
  void outcomesReadTheirIdsAndGdpvalsWords() {
    for (Outcome o : Outcome.values()) {
      assertThat(Outcome.parse(o.id())).contains(o);
      assertThat(o.reversed().reversed()).isEqualTo(o);
    }
    assertThat(Outcome.parse("As Good")).contains(Outcome.TIE);
    assertThat(Outcome.parse("better")).contains(Outcome.WIN);
    assertThat(Outcome.parse("worse")).contains(Outcome.LOSS);
    assertThat(Outcome.parse("maybe")).isEmpty();
    assertThat(Arrays.stream(Outcome.values()).mapToDouble(Outcome::score)).containsExactly(1.0, 0.5, 0.0);
    assertThat(Arrays.stream(Outcome.values()).filter(Outcome::isWinOrTie)).containsExactly(Outcome.WIN, Outcome.TIE);
  }

  @Test
  void sidesAndOrdersReadTheirIdsAndHaveAnOtherOne() {
    for (Side s : Side.values()) {
      assertThat(Side.parse(s.id())).contains(s);
      assertThat(Side.ofLabel(s.label())).contains(s);
      assertThat(s.other()).isNotEqualTo(s);
    }
    for (Order o : Order.values()) {
      assertThat(Order.parse(o.id())).contains(o);
      assertThat(o.other()).isNotEqualTo(o);
    }
    assertThat(Side.LEFT.label()).isEqualTo("A");
    assertThat(Side.parse("A")).isEmpty();
    assertThat(Order.parse("third")).isEmpty();
  }
}
