package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.LOSS;
import static dev.parity.judgments.Outcome.TIE;
import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reports of judgments of models against each other, with or without the professionals. */
class ModelAgainstModelTest {
  private static final double ELO_PER_LOGIT = 400 / Math.log(10);

  @Test
  void judgmentsOfModelsAgainstEachOtherOnlyGiveRatingsThePairwiseMatrixAndAgreement() {
    Judgments judgments = new Judgments();
    for (int t = 0; t < 12; t++) {
      judgments.versus("t" + t, "a", "b", "g1", t % 3 == 0 ? LOSS : WIN).versus("t" + t, "a", "b", "g2", t % 4 == 0 ? TIE : WIN)
          .versus("t" + t, "b", "c", "g1", t % 2 == 0 ? WIN : LOSS);
    }
    Report report = judgments.report();

    assertThat(report.groups()).isEmpty();
    assertThat(report.models()).isEmpty();
    assertThat(report.ratingsFit()).hasSize(1);
    RatingsFit fit = report.ratingsFit().get(0);
    assertThat(fit.members()).containsExactly("a", "b", "c");
    assertThat(fit.anchor()).isEqualTo("a");
    assertThat(report.ratings()).extracting(Rating::player).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(report.ratings()).allSatisfy(r -> assertThat(r.comparedWithBaseline()).isFalse());
    PairwiseResult ab = report.pairwise().stream().filter(p -> p.player().equals("a") && p.opponent().equals("b"))
        .findFirst().orElseThrow();
    PairwiseResult ba = report.pairwise().stream().filter(p -> p.player().equals("b") && p.opponent().equals("a"))
        .findFirst().orElseThrow();
    assertThat(ab.judgments()).isEqualTo(24);
    assertThat(ab.wins()).isEqualTo(ba.losses());
    assertThat(ab.score() + ba.score()).isCloseTo(1, within(1e-12));
    assertThat(report.agreement()).isNotEmpty();
    assertThat(report.notes()).anyMatch(n -> n.startsWith("No judgment compares a model with the professionals"));
    assertThat(HtmlReport.render(report, judgments.list())).contains("No model was judged against the professionals",
        "Pairwise win matrix");
    assertThat(MarkdownReport.render(report)).contains("## Pairwise win matrix", "| a | b | 24 |");
  }

  @Test
  void aModelNeverComparedWithTheProfessionalsIsRatedInItsOwnGroupNeverAboveThem() {
    Judgments judgments = new Judgments();
    for (int t = 0; t < 10; t++) {
      judgments.human("t" + t, "m", "g", t < 6 ? WIN : LOSS)
          .versus("t" + t, "x", "y", "g", t < 9 ? WIN : LOSS)
          .versus("t" + t, "z", "m", "g", t < 5 ? WIN : LOSS);
    }
    Report report = judgments.report();

    assertThat(report.ratingsFit()).extracting(RatingsFit::group).containsExactly(1, 2);
    assertThat(report.ratingsFit().get(0).members()).containsExactly(Judgment.BASELINE, "m", "z");
    assertThat(report.ratingsFit().get(1).members()).containsExactly("x", "y");
    Map<String, Rating> byPlayer = report.ratings().stream().collect(Collectors.toMap(Rating::player, r -> r));
    assertThat(byPlayer.get("x").group()).isEqualTo(2);
    assertThat(byPlayer.get(Judgment.BASELINE).group()).isEqualTo(1);
    assertThat(report.ratings().get(0).group()).as("the professionals' group comes first").isEqualTo(1);
    assertThat(byPlayer.get("z").comparedWithBaseline()).as("only through m").isFalse();
    assertThat(byPlayer.get("m").comparedWithBaseline()).isTrue();
    assertThat(report.notes()).anyMatch(n -> n.startsWith("Never compared with the professionals") && n.contains("x, y"))
        .anyMatch(n -> n.startsWith("Rated against the professionals only through other models") && n.contains("z"));
    String page = HtmlReport.render(report, judgments.list());
    assertThat(page).contains("Group 2: never compared with the professionals", "only through other models");
  }

  @Test
  void agrestisBaseballSeasonGivesTheTextbooksAbilities() throws IOException {
    // Agresti (2002) Table 10.11: abilities on the log-odds scale, Baltimore = 0, to two decimals.
    Map<String, Double> published = Map.of("Milwaukee", 1.58, "Detroit", 1.44, "Toronto", 1.29,
        "New York", 1.25, "Boston", 1.11, "Cleveland", 0.68, "Baltimore", 0.0);
    List<Judgment> games = new ArrayList<>();
    List<String> lines = resourceLines("external/agresti-baseball.csv");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      String task = f[0] + " v " + f[1];
      int sample = 0;
      for (int w = 0; w < Integer.parseInt(f[2]); w++) {
        games.add(game(task, f[0], f[1], WIN, sample++));
      }
      for (int w = 0; w < Integer.parseInt(f[3]); w++) {
        games.add(game(task, f[0], f[1], LOSS, sample++));
      }
    }
    Report report = Judgments.report(ReportInput.builder(Judgments.NOW)
        .judgments(new Source("judgments_csv", "agresti-baseball.csv", false), games).build());

    assertThat(report.ratingsFit()).hasSize(1);
    assertThat(report.ratingsFit().get(0).anchor()).isEqualTo("Baltimore");
    for (Rating r : report.ratings()) {
      assertThat((r.rating() - 1000) / ELO_PER_LOGIT).as(r.player()).isCloseTo(published.get(r.player()), within(0.005));
    }
  }

  @Test
  void pandaLmsThreeAnnotatorsAgreeAsPublished() throws IOException {
    List<Judgment> judgments = new ArrayList<>();
    List<String> lines = resourceLines("external/pandalm-labels.csv");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      String[] models = f[1].split("_");
      for (int a = 1; a <= 3; a++) {
        Outcome outcome = switch (f[1 + a]) {
          case "1" -> WIN;
          case "2" -> LOSS;
          default -> TIE;
        };
        judgments.add(new Judgment("pandalm-" + f[0], models[0], models[1], "annotator" + a, GraderType.HUMAN, outcome,
            0, "Instruction following", "PandaLM test set", null, null));
      }
    }
    List<String> judge = resourceLines("external/pandalm-gpt35.csv");
    for (String line : judge.subList(1, judge.size())) {
      String[] f = line.split(",");
      String[] models = lines.get(1 + Integer.parseInt(f[0])).split(",")[1].split("_");
      Outcome outcome = switch (f[1]) {
        case "1" -> WIN;
        case "2" -> LOSS;
        default -> TIE; // "Tie", and "garbage" (unreadable) as PandaLM counts it
      };
      judgments.add(new Judgment("pandalm-" + f[0], models[0], models[1], "gpt-3.5-turbo", GraderType.MODEL, outcome,
          0, "Instruction following", "PandaLM test set", null, null));
    }
    Report report = Judgments.report(ReportInput.builder(Judgments.NOW)
        .judgments(new Source("judgments_csv", "pandalm-labels.csv", false), judgments).build());

    AgreementResult humans = report.agreement().get(0);
    assertThat(humans.kind()).isEqualTo(AgreementResult.HUMAN_HUMAN);
    assertThat(humans.sample().items()).isEqualTo(999);
    // Published per pair of annotators: 0.85, 0.88, 0.86 (to two decimals); every pair rated every
    // item, so the average weighted by items is their plain mean.
    assertThat(humans.figures().cohenKappa()).isCloseTo((0.85 + 0.88 + 0.86) / 3, within(0.005));
    assertThat(humans.ci().cohenKappa().low()).isBetween(0.83, humans.figures().cohenKappa());
    AgreementResult gpt = report.agreement().get(1);
    assertThat(gpt.judge()).isEqualTo("gpt-3.5-turbo");
    // Published: gpt-3.5-turbo's accuracy against the annotators' majority, 71.07% (710 of 999).
    assertThat(gpt.figures().leaveOneOut()).isCloseTo(710.0 / 999, within(1e-12));
    assertThat(gpt.belowHumanAgreement()).isTrue();
    assertThat(report.ratingsFit()).hasSize(1);
    assertThat(report.ratingsFit().get(0).members()).hasSize(5);
    assertThat(report.pairwise().stream().mapToInt(PairwiseResult::judgments).sum()).isEqualTo(2 * 2997);
    assertThat(report.groups()).isEmpty();
  }

  private static Judgment game(String task, String home, String away, Outcome outcome, int sample) {
    return new Judgment(task, home, away, "1987 season", GraderType.HUMAN, outcome, sample, "Baseball",
        "American League East", null, null);
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = ModelAgainstModelTest.class.getClassLoader().getResourceAsStream(name)) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(l -> !l.isBlank()).toList();
    }
  }
}
