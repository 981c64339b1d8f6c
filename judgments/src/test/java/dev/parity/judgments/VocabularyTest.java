package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VocabularyTest {
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
