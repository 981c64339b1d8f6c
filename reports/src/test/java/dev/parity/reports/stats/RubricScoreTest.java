package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.tasks.Criterion;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RubricScoreTest {
  private static final List<Criterion> RUBRIC = List.of(
      criterion("totals", 4), criterion("format", 2), criterion("sources", 2),
      criterion("confidential-data-leaked", -5));

  @Test
  void scoreIsPointsMetOverPositivePoints() {
    assertThat(RubricScore.gdpval(RUBRIC, Set.of("totals", "format", "sources"))).isEqualTo(1);
    assertThat(RubricScore.gdpval(RUBRIC, Set.of("totals", "sources"))).isEqualTo(0.75);
    assertThat(RubricScore.gdpval(RUBRIC, Set.of())).isZero();
  }

  @Test
  void penaltiesSubtractAndTheScoreIsClippedAtZero() {
    assertThat(RubricScore.gdpval(RUBRIC, Set.of("totals", "format", "sources",
        "confidential-data-leaked"))).isEqualTo(3.0 / 8);
    assertThat(RubricScore.gdpval(RUBRIC, Set.of("format", "confidential-data-leaked"))).isZero();
  }

  @Test
  void unknownCriteriaAndRubricsWithoutPointsAreRefused() {
    assertThatThrownBy(() -> RubricScore.gdpval(RUBRIC, Set.of("typo")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[typo]");
    assertThatThrownBy(() -> RubricScore.gdpval(List.of(criterion("leak", -1)), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive points");
  }

  private static Criterion criterion(String id, double points) {
    return new Criterion(id, "checks " + id, points, false, List.of(), null);
  }
}
