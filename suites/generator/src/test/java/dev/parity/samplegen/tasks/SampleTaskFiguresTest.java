package dev.parity.samplegen.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The figures the rubrics and baselines quote agree with the data they come from, and the committed
 * workbooks' formulas compute the same figures as the generator does.
 */
class SampleTaskFiguresTest {
  private static final Path TASKS = Path.of("..", "sample", "tasks");

  @Test
  void varianceFlagsExactlyTheLinesTheDepartmentNotesExplain() {
    Set<String> flagged = OpexVarianceAnalysis.LINES.stream().filter(OpexVarianceAnalysis.Line::flagged)
        .map(l -> l.department() + "/" + l.account()).collect(Collectors.toSet());
    Set<String> explained = OpexVarianceAnalysis.DRIVERS.stream().map(d -> d.department() + "/" + d.account())
        .collect(Collectors.toSet());
    assertThat(flagged).isEqualTo(explained).hasSize(6);
  }

  @Test
  void varianceWorkbookTotalsTieToTheExtract() throws IOException {
    try (XSSFWorkbook workbook = open("opex-variance-analysis/baseline/q3-opex-variance.xlsx")) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      Sheet summary = workbook.getSheet("Summary");
      // Row 11 is the department total: budget, actual, variance.
      assertThat(summary.getRow(10).getCell(0).getStringCellValue()).isEqualTo("Total");
      assertThat(evaluator.evaluate(summary.getRow(10).getCell(1)).getNumberValue())
          .isCloseTo(OpexVarianceAnalysis.total(true), within(0.005));
      assertThat(evaluator.evaluate(summary.getRow(10).getCell(2)).getNumberValue())
          .isCloseTo(OpexVarianceAnalysis.total(false), within(0.005));
    }
  }

  @Test
  void territoryTargetsAddUpToTheRegionTargetAndNoAccountIsLeftWithTheDepartedRep() {
    Map<String, double[]> targets = TerritoryPlanDeck.targets();
    assertThat(targets.values().stream().mapToDouble(t -> t[3]).sum()).isEqualTo(TerritoryPlanDeck.regionTarget());
    assertThat(TerritoryPlanDeck.regionTarget() / TerritoryPlanDeck.total(TerritoryPlanDeck.Account::fy26, a -> true))
        .isCloseTo(1.08, within(0.0001));
    assertThat(TerritoryPlanDeck.ACCOUNTS).noneMatch(a -> TerritoryPlanDeck.owner(a).equals(TerritoryPlanDeck.DEPARTED));
    assertThat(TerritoryPlanDeck.ACCOUNTS.stream().filter(a -> a.rep().equals(TerritoryPlanDeck.DEPARTED))).hasSize(14);
  }

  @Test
  void travelReviewFlagsTheOverageButNotTheBostonHotelUnderTheHighCostCap() {
    List<TravelExpenseSummary.PolicyException> exceptions = TravelExpenseSummary.exceptions();
    assertThat(exceptions).hasSize(14);
    assertThat(exceptions).noneMatch(e -> e.txn().merchant().equals("Back Bay Suites"));
    assertThat(exceptions).filteredOn(e -> e.txn().merchant().equals("Midtown Grand Hotel"))
        .singleElement().satisfies(e -> assertThat(e.atIssue()).isEqualTo(108.0));
  }

  @Test
  void listingPaymentFollowsTheMortgageFormula() {
    ListingComparison.Listing larkfield = ListingComparison.LISTINGS.get(0);
    // $447,200 at 6.375% over 360 months is $2,789.95 a month.
    assertThat(larkfield.principalAndInterest()).isCloseTo(2_789.95, within(0.01));
    assertThat(ListingComparison.LISTINGS).filteredOn(l -> l.price() > 575_000).extracting(ListingComparison.Listing::address)
        .containsExactly("450 Heron Pointe Drive");
  }

  @Test
  void bidWorkbookComputesTheSameLandedCostsAndRanksMeridianFirst() throws IOException {
    try (XSSFWorkbook workbook = open("supplier-bid-tabulation/baseline/rb-4471-bid-tabulation.xlsx")) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      Sheet landed = workbook.getSheet("Landed Cost");
      assertThat(landed.getRow(10).getCell(0).getStringCellValue()).isEqualTo("First-year total landed cost");
      for (int i = 0; i < SupplierBidTabulation.QUOTES.size(); i++) {
        assertThat(evaluator.evaluate(landed.getRow(10).getCell(i + 1)).getNumberValue())
            .isCloseTo(SupplierBidTabulation.QUOTES.get(i).firstYear(), within(0.005));
      }
      Sheet scoring = workbook.getSheet("Scoring");
      assertThat(evaluator.evaluate(scoring.getRow(6).getCell(3)).getNumberValue()).isEqualTo(1.0);
    }
    SupplierBidTabulation.Quote meridian = SupplierBidTabulation.QUOTES.get(1);
    assertThat(meridian.firstProduction()).isAfter(SupplierBidTabulation.NEED);
  }

  @Test
  void grantReviewPaymentDisallowedAndHeldAmountsAddUpToTheRequest() {
    double requested = GrantComplianceReview.directClaimed() + GrantComplianceReview.indirectClaimed();
    double disallowedDirect = GrantComplianceReview.direct(GrantComplianceReview.Finding.UNALLOWABLE);
    double indirectCut = GrantComplianceReview.indirectClaimed()
        - (GrantComplianceReview.payNow() - GrantComplianceReview.direct(GrantComplianceReview.Finding.ALLOWABLE))
        - (GrantComplianceReview.held() - GrantComplianceReview.direct(GrantComplianceReview.Finding.UNSUPPORTED,
            GrantComplianceReview.Finding.NEEDS_APPROVAL));
    assertThat(GrantComplianceReview.payNow() + GrantComplianceReview.held() + disallowedDirect + indirectCut)
        .isCloseTo(requested, within(0.005));
    assertThat(disallowedDirect).isCloseTo(1_240.00 + 418.77 + 612.40 + 75.00, within(0.005));
  }

  @Test
  void editedFeatureFitsTheHoleAndTheDraftDoesNot() {
    assertThat(FeatureCopyEdit.words(FeatureCopyEdit.EDITED)).isLessThanOrEqualTo(FeatureCopyEdit.WORD_LIMIT);
    assertThat(FeatureCopyEdit.words(FeatureCopyEdit.DRAFT)).isGreaterThan(FeatureCopyEdit.WORD_LIMIT);
  }

  private static XSSFWorkbook open(String relative) throws IOException {
    try (InputStream in = Files.newInputStream(TASKS.resolve(relative))) {
      return new XSSFWorkbook(in);
    }
  }
}
