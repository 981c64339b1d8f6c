package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.Outcome;
import dev.parity.reports.stats.KrippendorffAlpha.Level;
import org.junit.jupiter.api.Test;

class AgreementTest {
  private static final double N = Double.NaN;
  private static final double[] VERDICTS = {0, 0.5, 1};

  /** Three items, three humans (columns 1–3) and a judge (column 4); NaN where not graded. */
  private static final RatingMatrix PANEL = RatingMatrix.of(new double[][] {
      {1, 1, 0.5, 1},
      {0, 1, N, 0.5},
      {0.5, 0.5, 0.5, 0},
  });

  @Test
  void leaveOneOutComparesEachVerdictWithTheMajorityOfTheOthers() {
    // Humans only. Item 1 (1, 1, ½): each 1 faces (1, ½), a split it half matches: ½, ½; the ½
    // faces (1, 1): 0. Item 2 (0, 1): each faces the other's verdict alone: 0, 0.
    // Item 3 (½, ½, ½): 1, 1, 1. Mean: 3/8.
    RatingMatrix humans = RatingMatrix.of(new double[][] {{1, 1, 0.5}, {0, 1, N}, {0.5, 0.5, 0.5}});
    LeaveOneOutAgreement among = LeaveOneOutAgreement.among(humans);
    assertThat(among.ratings()).isEqualTo(8);
    assertThat(among.value()).isCloseTo((0.5 + 0.5 + 0 + 0 + 0 + 3) / 8, within(1e-15));
    // The judge: item 1, 1 against (1, 1, ½): 1; item 2, ½ against (0, 1): 0; item 3, 0
    // against (½, ½, ½): 0.
    LeaveOneOutAgreement judge = LeaveOneOutAgreement.ofGrader(PANEL, "4");
    assertThat(judge.ratings()).isEqualTo(3);
    assertThat(judge.value()).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void aVerdictSidingWithOneHalfOfASplitPanelGetsHalfCredit() {
    RatingMatrix split = RatingMatrix.of(new double[][] {{1, 0, 1}});
    // Grader 3 against (1, 0): a tie between two modes, and it matches one: ½.
    assertThat(LeaveOneOutAgreement.ofGrader(split, "3").value()).isEqualTo(0.5);
  }

  @Test
  void percentAgreementPoolsPairsWithinItemsAndSetsTiesAside() {
    // Pairs: item 1 (1,1) (1,½) (1,½); item 2 (0,1); item 3 (½,½) ×3.
    PercentAgreement humans = PercentAgreement.among(RatingMatrix.of(new double[][] {
        {1, 1, 0.5}, {0, 1, N}, {0.5, 0.5, 0.5}}));
    assertThat(humans.pairs()).isEqualTo(7);
    assertThat(humans.all()).isCloseTo(4.0 / 7, within(1e-15));
    assertThat(humans.decisivePairs()).isEqualTo(2);
    assertThat(humans.decisive()).isEqualTo(0.5);
    assertThat(humans.notBothTiedPairs()).isEqualTo(4);
    assertThat(humans.notBothTied()).isEqualTo(0.25);
  }

  @Test
  void gdpvalAgreementAveragesWithinItemsFirst() {
    // Item 1: pairs 1, ½, ½ → 2/3; item 2: 0; item 3: 1. Mean of items: 5/9.
    GdpvalAgreement humans = GdpvalAgreement.among(RatingMatrix.of(new double[][] {
        {1, 1, 0.5}, {0, 1, N}, {0.5, 0.5, 0.5}}));
    assertThat(humans.items()).isEqualTo(3);
    assertThat(humans.value()).isCloseTo(5.0 / 9, within(1e-15));
    // Judge: item 1 against 1, 1, ½ → 5/6; item 2 against 0, 1 → ½; item 3 against ½ ×3 → ½.
    assertThat(GdpvalAgreement.ofGrader(PANEL, "4").value()).isCloseTo((5.0 / 6 + 0.5 + 0.5) / 3, within(1e-15));
    assertThatThrownBy(() -> GdpvalAgreement.among(RatingMatrix.of(new double[][] {{1, 2}})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
  }

  @Test
  void ratingsByNameBuildTheSameMatrix() {
    RatingMatrix built = RatingMatrix.builder()
        .add("pair 1", "ann", Outcome.WIN).add("pair 1", "bob", Outcome.WIN)
        .add("pair 2", "ann", Outcome.LOSS).add("pair 2", "bob", Outcome.TIE)
        .add("pair 3", "bob", Outcome.TIE)
        .build();
    assertThat(built.items()).containsExactly("pair 1", "pair 2", "pair 3");
    assertThat(built.graders()).containsExactly("ann", "bob");
    assertThat(built.rating(2, 0)).isNaN();
    assertThat(built.rating(1, 1)).isEqualTo(0.5);
    assertThat(KrippendorffAlpha.of(built, Level.ORDINAL).pairableValues()).isEqualTo(4);
    assertThatThrownBy(() -> RatingMatrix.builder().add("p", "ann", 1).add("p", "ann", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ann' rated item 'p' twice");
    assertThatThrownBy(() -> PercentAgreement.ofGrader(built, "carl"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[ann, bob]");

    // Items rated by some of many graders, in any order: every missing rating is NaN.
    RatingMatrix.Builder sparse = RatingMatrix.builder().add("x", "g0", 1);
    for (int g = 0; g < 7; g++) {
      sparse.add("y", "g" + g, g % 2);
    }
    sparse.add("x", "g5", 0.5).add("z", "g6", 0);
    RatingMatrix matrix = sparse.build();
    assertThat(matrix.graders()).containsExactly("g0", "g1", "g2", "g3", "g4", "g5", "g6");
    double n = Double.NaN;
    double[][] expected = {{1, n, n, n, n, 0.5, n}, {0, 1, 0, 1, 0, 1, 0}, {n, n, n, n, n, n, 0}};
    for (int i = 0; i < 3; i++) {
      for (int g = 0; g < 7; g++) {
        assertThat(Double.doubleToLongBits(matrix.rating(i, g))).as("item %d, grader %d", i, g)
            .isEqualTo(Double.doubleToLongBits(expected[i][g]));
      }
    }
    assertThatThrownBy(() -> sparse.add("x", "g5", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'g5' rated item 'x' twice (0.5 and 1.0)");
  }

  @Test
  void fleissKappaNeedsTheSameNumberOfRatingsPerItemAndNamesTheItemThatDiffers() {
    RatingMatrix uneven = RatingMatrix.builder()
        .add("p1", "ann", 1).add("p1", "bob", 1)
        .add("p2", "ann", 0).add("p2", "bob", 0.5).add("p2", "cy", 0)
        .build();
    assertThatThrownBy(() -> FleissKappa.among(uneven, VERDICTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 'p2' has 3 ratings and item 'p1' has 2")
        .hasMessageContaining("Krippendorff");
    assertThat(KrippendorffAlpha.of(uneven, Level.ORDINAL).alpha()).isFinite();
  }

  @Test
  void kappaRefusesRatingsOutsideTheCategories() {
    assertThatThrownBy(() -> CohenKappa.between(new double[] {1, 2}, new double[] {1, 1},
        new double[] {0, 1}, KappaWeights.UNWEIGHTED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2.0");
    assertThatThrownBy(() -> CohenKappa.of(new double[][] {{1, 2}}, KappaWeights.UNWEIGHTED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
    assertThatThrownBy(() -> CohenKappa.of(new double[][] {{1, 0}, {0, 1}},
        KappaWeights.agreement(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 categories");
  }

  @Test
  void perfectAgreementIsOneAndAlphaIsUndefinedWithoutVariety() {
    RatingMatrix same = RatingMatrix.of(new double[][] {{1, 1}, {0, 0}, {0.5, 0.5}});
    assertThat(CohenKappa.ofGrader(same, "1", VERDICTS, KappaWeights.QUADRATIC).kappa()).isEqualTo(1);
    assertThat(FleissKappa.among(same, VERDICTS).kappa()).isEqualTo(1);
    assertThat(KrippendorffAlpha.of(same, Level.INTERVAL).alpha()).isEqualTo(1);
    RatingMatrix allWins = RatingMatrix.of(new double[][] {{1, 1}, {1, 1}});
    assertThat(KrippendorffAlpha.of(allWins, Level.NOMINAL).alpha()).isNaN();
    assertThatThrownBy(() -> KrippendorffAlpha.of(RatingMatrix.of(new double[][] {{1, N}}), Level.NOMINAL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two ratings");
  }
}
