package dev.parity.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The weighted figures equal the measures computed on a matrix that holds each item as many times
 * as its weight: with every weight 1, and on bootstrap resamples.
 */
class WeightedAgreementTest {
  private static final double[] CATEGORIES = {0, 0.5, 1};

  /** 60 items, 7 graders, 2 to 4 ratings an item, graders 0–5 "human", 6 a judge on most items. */
  private static RatingMatrix random(long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[60][7];
    for (double[] row : rows) {
      java.util.Arrays.fill(row, Double.NaN);
      int raters = 2 + random.nextInt(3);
      int first = random.nextInt(6);
      double truth = CATEGORIES[random.nextInt(3)];
      for (int r = 0; r < raters; r++) {
        row[(first + r) % 6] = random.nextDouble() < 0.6 ? truth : CATEGORIES[random.nextInt(3)];
      }
      if (random.nextDouble() < 0.8) {
        row[6] = random.nextDouble() < 0.5 ? truth : CATEGORIES[random.nextInt(3)];
      }
    }
    return RatingMatrix.of(rows);
  }

  private static double[] among(RatingMatrix m) {
    PercentAgreement percent = PercentAgreement.among(m);
    return new double[] {GdpvalAgreement.among(m).value(), percent.all(), percent.decisive(), averagedPairs(m),
        FleissKappa.among(common(m), CATEGORIES).kappa(), KrippendorffAlpha.of(m, KrippendorffAlpha.Level.ORDINAL).alpha(),
        LeaveOneOutAgreement.among(m).value()};
  }

  private static double[] ofGrader(RatingMatrix all, String grader) {
    int g = all.graderIndex(grader);
    RatingMatrix m = all.select(IntStream.range(0, all.items().size()).filter(i -> !Double.isNaN(all.rating(i, g)))
        .toArray(), IntStream.range(0, all.graders().size()).toArray());
    PercentAgreement percent = PercentAgreement.ofGrader(m, grader);
    return new double[] {GdpvalAgreement.ofGrader(m, grader).value(), percent.all(), percent.decisive(),
        CohenKappa.ofGrader(m, grader, CATEGORIES, KappaWeights.UNWEIGHTED).kappa(),
        FleissKappa.among(common(m), CATEGORIES).kappa(), KrippendorffAlpha.of(m, KrippendorffAlpha.Level.ORDINAL).alpha(),
        LeaveOneOutAgreement.ofGrader(m, grader).value()};
  }

  /** Each pair's kappa over the items both rated, weighted by those items. */
  private static double averagedPairs(RatingMatrix m) {
    double sum = 0;
    double weight = 0;
    for (int a = 0; a < m.graders().size(); a++) {
      for (int b = a + 1; b < m.graders().size(); b++) {
        double[] x = new double[m.items().size()];
        double[] y = new double[m.items().size()];
        int shared = 0;
        for (int i = 0; i < x.length; i++) {
          x[i] = m.rating(i, a);
          y[i] = m.rating(i, b);
          shared += Double.isNaN(x[i]) || Double.isNaN(y[i]) ? 0 : 1;
        }
        if (shared > 0) {
          double kappa = CohenKappa.between(x, y, CATEGORIES, KappaWeights.UNWEIGHTED).kappa();
          if (!Double.isNaN(kappa)) {
            sum += shared * kappa;
            weight += shared;
          }
        }
      }
    }
    return sum / weight;
  }

  /** The items with the most common number of ratings (two or more; the larger on a tie). */
  private static RatingMatrix common(RatingMatrix m) {
    int[] counts = IntStream.range(0, m.items().size()).map(i -> m.ratingsOf(i).length).toArray();
    int[] frequency = new int[m.graders().size() + 1];
    for (int c : counts) {
      if (c >= 2) {
        frequency[c]++;
      }
    }
    int best = 2;
    for (int c = 2; c < frequency.length; c++) {
      best = frequency[c] >= frequency[best] ? c : best;
    }
    int chosen = best;
    return m.select(IntStream.range(0, counts.length).filter(i -> counts[i] == chosen).toArray(),
        IntStream.range(0, m.graders().size()).toArray());
  }

  private static int[] weights(int[] drawn, int n) {
    int[] weights = new int[n];
    for (int i : drawn) {
      weights[i]++;
    }
    return weights;
  }

  @Test
  void withEveryWeightOneTheFiguresAreTheMeasuresOwn() {
    for (long seed = 1; seed <= 5; seed++) {
      RatingMatrix all = random(seed);
      RatingMatrix humans = all.select(IntStream.range(0, 60).toArray(), IntStream.range(0, 6).toArray());
      int[] ones = new int[60];
      java.util.Arrays.fill(ones, 1);

      assertThat(WeightedAgreement.among(humans).figures(ones)).containsExactly(among(humans), within(1e-12));
      assertThat(WeightedAgreement.ofGrader(all, "7").figures(ones)).containsExactly(ofGrader(all, "7"), within(1e-12));
    }
  }

  @Test
  void onAResampleTheFiguresAreThoseOfTheItemsDrawn() {
    RatingMatrix all = random(7);
    RatingMatrix humans = all.select(IntStream.range(0, 60).toArray(), IntStream.range(0, 6).toArray());
    WeightedAgreement humanFigures = WeightedAgreement.among(humans);
    WeightedAgreement judgeFigures = WeightedAgreement.ofGrader(all, "7");
    int[] checked = {0};
    ItemBootstrap.forEach(60, BootstrapSettings.of(3).withResamples(20), drawn -> {
      int[] everyGrader = IntStream.range(0, 7).toArray();
      RatingMatrix resampled = all.select(drawn, everyGrader);
      RatingMatrix resampledHumans = humans.select(drawn, IntStream.range(0, 6).toArray());

      assertThat(humanFigures.figures(weights(drawn, 60))).containsExactly(among(resampledHumans), within(1e-12));
      assertThat(judgeFigures.figures(weights(drawn, 60))).containsExactly(ofGrader(resampled, "7"), within(1e-12));
      checked[0]++;
    });
    assertThat(checked[0]).isEqualTo(20);
  }

  @Test
  void theThreadThatComputedFiguresDoesNotKeepTheirAgreementAlive() {
    // Each thread keeps its own counters per agreement; they must not hold the agreement itself, or a
    // long-lived thread (a server's) would keep every agreement it ever resampled.
    java.lang.ref.WeakReference<WeightedAgreement> computed = figuresComputedHere(random(5));

    for (int attempt = 0; attempt < 20 && computed.get() != null; attempt++) {
      System.gc();
    }

    assertThat(computed.get()).as("collected").isNull();
  }

  private static java.lang.ref.WeakReference<WeightedAgreement> figuresComputedHere(RatingMatrix matrix) {
    WeightedAgreement agreement = WeightedAgreement.among(matrix);
    assertThat(agreement.figures(new int[60])).hasSize(WeightedAgreement.FIGURES);
    return new java.lang.ref.WeakReference<>(agreement);
  }

  @Test
  void theRatiosAloneAreTheSameDoublesAsWithEveryFigureAndTheRestIsLeftOut() {
    RatingMatrix all = random(11);
    RatingMatrix humans = all.select(IntStream.range(0, 60).toArray(), IntStream.range(0, 6).toArray());
    WeightedAgreement[] every = {WeightedAgreement.among(humans), WeightedAgreement.ofGrader(all, "7")};
    WeightedAgreement[] ratios = {WeightedAgreement.among(humans, WeightedAgreement.Scope.RATIOS),
        WeightedAgreement.ofGrader(all, "7", WeightedAgreement.Scope.RATIOS)};
    int[] checked = {0};
    ItemBootstrap.forEach(60, BootstrapSettings.of(5).withResamples(20), drawn -> {
      for (int v = 0; v < 2; v++) {
        double[] e = every[v].figures(weights(drawn, 60));
        double[] r = ratios[v].figures(weights(drawn, 60));
        for (int f : new int[] {WeightedAgreement.GDPVAL, WeightedAgreement.PERCENT,
            WeightedAgreement.PERCENT_WITHOUT_TIES, WeightedAgreement.LEAVE_ONE_OUT}) {
          assertThat(r[f]).isEqualTo(e[f]);
        }
        assertThat(e[WeightedAgreement.COHEN]).isNotNaN();
        assertThat(r[WeightedAgreement.COHEN]).isNaN();
        assertThat(r[WeightedAgreement.FLEISS]).isNaN();
        assertThat(r[WeightedAgreement.ALPHA]).isNaN();
      }
      checked[0]++;
    });
    assertThat(checked[0]).isEqualTo(20);
  }

  @Test
  void thePairKappaIsCohensKappaToTheLastBit() {
    Random random = new Random(16);
    for (int t = 0; t < 1_000; t++) {
      int[] cells = new int[9];
      double n = 0;
      for (int c = 0; c < 9; c++) {
        cells[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
        n += cells[c];
      }
      if (n == 0) {
        continue;
      }
      double[][] table = {{cells[0], cells[1], cells[2]}, {cells[3], cells[4], cells[5]}, {cells[6], cells[7], cells[8]}};
      double expected = CohenKappa.of(table, KappaWeights.UNWEIGHTED).kappa();

      assertThat(WeightedAgreement.unweightedKappa(cells, 0, n)).isEqualTo(expected);
    }
  }
}
