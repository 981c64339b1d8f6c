package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Agreement figures with bootstrap intervals, and the judge flag that rests on them (simulated graders). */
class AgreementIntervalsTest {
  private static final Outcome[] OUTCOMES = Outcome.values();

  /**
   * 150 items, each with a true verdict; three humans (of five) per item and one judge. Humans give
   * the true verdict with probability 0.75, otherwise another at random; the judge with {@code
   * judgeAccuracy}.
   */
  private static Judgments simulated(long seed, double judgeAccuracy) {
    return simulated(new Judgments(), "t", seed, judgeAccuracy);
  }

  private static Judgments simulated(Judgments judgments, String prefix, long seed, double judgeAccuracy) {
    Random random = new Random(seed);
    DoubleSupplier draw = random::nextDouble;
    for (int t = 0; t < 150; t++) {
      Outcome truth = OUTCOMES[random.nextInt(3)];
      int first = random.nextInt(5);
      for (int h = 0; h < 3; h++) {
        judgments.human(prefix + t, "m", "expert-" + (first + h) % 5, noisy(truth, 0.75, draw, random));
      }
      judgments.judge(prefix + t, "m", "judge", noisy(truth, judgeAccuracy, draw, random));
    }
    return judgments;
  }

  private static Outcome noisy(Outcome truth, double accuracy, DoubleSupplier draw, Random random) {
    if (draw.getAsDouble() < accuracy) {
      return truth;
    }
    return OUTCOMES[(truth.ordinal() + 1 + random.nextInt(2)) % 3];
  }

  private static AgreementResult judge(Report report) {
    return report.agreement().stream().filter(a -> "judge".equals(a.judge())).findFirst().orElseThrow();
  }

  @Test
  void aJudgeThatAgreesAsHumansDoWithinNoiseIsNotFlagged() {
    AgreementResult judge = judge(simulated(1, 0.75).report());

    assertThat(judge.differenceFromHumans().ci().low()).isNegative();
    assertThat(judge.differenceFromHumans().ci().high()).isPositive();
    assertThat(judge.belowHumanAgreement()).isFalse();
  }

  @Test
  void aJudgeThatAgreesClearlyLessIsFlaggedWithItsDifferenceInTheNotes() {
    Report report = simulated(2, 0.3).report();
    AgreementResult judge = judge(report);

    assertThat(judge.differenceFromHumans().ci().high()).isNegative();
    assertThat(judge.belowHumanAgreement()).isTrue();
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith(
        "Judge judge agrees with humans less than humans agree with each other: -").contains("(95% interval "));
  }

  @Test
  void perOccupationAJudgeMayStandInOnlyWhereItIsNotShownToAgreeLess() {
    Judgments judgments = new Judgments().in("Finance and Insurance", "Accountants and Auditors");
    simulated(judgments, "acc", 5, 0.75);
    simulated(judgments.in("Health Care", "Nurse Practitioners"), "nurse", 6, 0.3);
    List<JudgeGatingResult> gating = judgments.report().judgeGating();

    assertThat(gating).extracting(JudgeGatingResult::occupation)
        .containsExactly("Accountants and Auditors", "Nurse Practitioners");
    JudgeGatingResult accountants = gating.get(0);
    JudgeGatingResult nurses = gating.get(1);
    assertThat(accountants.items()).isEqualTo(150);
    assertThat(accountants.qualified()).isTrue();
    assertThat(nurses.qualified()).isFalse();
    assertThat(nurses.differenceFromHumans().ci().high()).isNegative();
    assertThat(nurses.withMajority()).isLessThan(accountants.withMajority());
    assertThat(nurses.withMajorityCi().low()).isLessThan(nurses.withMajority());
    assertThat(nurses.humans()).isNotNull();
  }

  @Test
  void everyFigureHasAnIntervalAroundIt() {
    for (AgreementResult a : simulated(3, 0.75).report().agreement()) {
      AgreementIntervals ci = a.ci();
      assertThat(ci.gdpval().low()).isLessThan(a.figures().gdpval());
      assertThat(ci.gdpval().high()).isGreaterThan(a.figures().gdpval());
      assertThat(ci.percent().low()).isLessThan(a.figures().percent());
      assertThat(ci.percentWithoutTies().high()).isGreaterThan(a.figures().percentWithoutTies());
      assertThat(ci.cohenKappa().low()).isLessThan(a.figures().cohenKappa());
      assertThat(ci.fleissKappa().high()).isGreaterThan(a.figures().fleissKappa());
      assertThat(ci.krippendorffAlphaOrdinal().low()).isLessThan(a.figures().krippendorffAlphaOrdinal());
      assertThat(ci.leaveOneOut().high()).isGreaterThan(a.figures().leaveOneOut());
    }
  }

  @Test
  void theHumansKappaIsTheirPairsKappasAveragedByItems() {
    // h1–h2 share t1..t4: perfect agreement with two categories, κ = 1. h1–h3 share t5, t6 where
    // h3 always disagrees: κ = −1 (4 items against 2 weighs 2:1), and h2–h3 share nothing.
    List<AgreementResult> agreement = new Judgments()
        .human("t1", "m", "h1", Outcome.WIN).human("t1", "m", "h2", Outcome.WIN)
        .human("t2", "m", "h1", Outcome.LOSS).human("t2", "m", "h2", Outcome.LOSS)
        .human("t3", "m", "h1", Outcome.WIN).human("t3", "m", "h2", Outcome.WIN)
        .human("t4", "m", "h1", Outcome.LOSS).human("t4", "m", "h2", Outcome.LOSS)
        .human("t5", "m", "h1", Outcome.WIN).human("t5", "m", "h3", Outcome.LOSS)
        .human("t6", "m", "h1", Outcome.LOSS).human("t6", "m", "h3", Outcome.WIN)
        .report().agreement();

    assertThat(agreement.get(0).figures().cohenKappa()).isCloseTo((4 * 1.0 + 2 * -1.0) / 6, within(1e-12));
  }

  @Test
  void theOrderOfTheJudgmentsChangesNoFigureOfTheReport() {
    List<dev.parity.judgments.Judgment> list = simulated(4, 0.6).list();
    List<dev.parity.judgments.Judgment> shuffled = new ArrayList<>(list);
    Collections.shuffle(shuffled, new Random(11));

    String inOrder = JsonReport.toJson(report(list));
    String reordered = JsonReport.toJson(report(shuffled));

    assertThat(reordered.lines().toList()).containsExactlyElementsOf(inOrder.lines().toList());
  }

  private static Report report(List<dev.parity.judgments.Judgment> judgments) {
    return Judgments.report(ReportInput.builder(Judgments.NOW)
        .judgments(new Source("judgments", "test", false), judgments).build());
  }
}
