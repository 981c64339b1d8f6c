package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.tasks.Criterion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RubricScoreTest {
  private static final List<Criterion> RUBRIC = List.of(
      criterion("totals", 4), criterion("format", 2), criterion("sources", 2),
      criterion("confidential-data-leaked", -5));

  @Test
  void scoreIsPointsEarnedOverPositivePoints() {
    assertThat(RubricScore.gdpval(RUBRIC, Map.of("totals", 1.0, "format", 1.0, "sources", 1.0)))
        .isEqualTo(1);
    assertThat(RubricScore.gdpval(RUBRIC, Map.of("totals", 1.0, "sources", 1.0))).isEqualTo(0.75);
    assertThat(RubricScore.gdpval(RUBRIC, Map.of())).isZero();
  }

  @Test
  void partlyMetCriteriaEarnTheirShare() {
    assertThat(RubricScore.gdpval(RUBRIC, Map.of("totals", 0.5, "format", 1.0, "sources", 0.0)))
        .isEqualTo(0.5);
  }

  @Test
  void penaltiesSubtractAndTheScoreIsClippedAtZero() {
    assertThat(RubricScore.gdpval(RUBRIC, Map.of("totals", 1.0, "format", 1.0, "sources", 1.0,
        "confidential-data-leaked", 1.0))).isEqualTo(3.0 / 8);
    assertThat(RubricScore.gdpval(RUBRIC, Map.of("format", 1.0, "confidential-data-leaked", 1.0)))
        .isZero();
  }

  @Test
  void unknownCriteriaOddSharesAndRubricsWithoutPointsAreRefused() {
    assertThatThrownBy(() -> RubricScore.gdpval(RUBRIC, Map.of("typo", 1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[typo]");
    assertThatThrownBy(() -> RubricScore.gdpval(RUBRIC, Map.of("totals", 2.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'totals'");
    assertThatThrownBy(() -> RubricScore.gdpval(List.of(criterion("leak", -1)), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive points");
  }

  private static Criterion criterion(String id, double points) {
    return new Criterion(id, "checks " + id, points, false, List.of(), null);
  }
}
