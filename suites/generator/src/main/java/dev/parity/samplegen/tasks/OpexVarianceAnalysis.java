package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.filePresent;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.RubricCheck.pages;
import static dev.parity.samplegen.office.Xlsx.formula;
import static dev.parity.samplegen.office.Xlsx.money;
import static dev.parity.samplegen.tasks.Fmt.pct;
import static dev.parity.samplegen.tasks.Fmt.signedPct;
import static dev.parity.samplegen.tasks.Fmt.signedUsd;
import static dev.parity.samplegen.tasks.Fmt.usd;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.samplegen.office.Xlsx;
import dev.parity.samplegen.office.Xlsx.Format;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** An FP&A analyst explains a quarter's operating-expense variances from the ledger extract. */
final class OpexVarianceAnalysis implements SampleTask {
  private static final LocalDate EXTRACTED = LocalDate.of(2026, 10, 9);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 10, 14);
  private static final String AUTHOR = "Tomasz Wren";
  private static final List<LocalDate> MONTHS =
      List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1));
  static final double FLAG_USD = 25_000;
  static final double FLAG_PCT = 0.05;

  /** One department's spend on one account: monthly budget and actual for July to September. */
  record Line(String department, String account, double[] budget, double[] actual) {
    double budgetTotal() {
      return budget[0] + budget[1] + budget[2];
    }

    double actualTotal() {
      return actual[0] + actual[1] + actual[2];
    }

    double variance() {
      return actualTotal() - budgetTotal();
    }

    boolean flagged() {
      return Math.abs(variance()) > FLAG_USD && Math.abs(variance() / budgetTotal()) > FLAG_PCT;
    }
  }

  /** A department's full-year plan, for the outlook. */
  record Plan(String department, double h1Budget, double h1Actual, double q4Budget, double q4Adjustment,
      String adjustmentReason) {}

  /** Why a flagged line moved, as the department head explained it. */
  record Driver(String department, String account, String kind, String explanation) {}

  static final List<Line> LINES = lines();

  static final List<Driver> DRIVERS = List.of(
      new Driver("Claims Operations", "Contractors & Consulting", "One-off",
          "Independent adjusters for Hurricane Delphine claims surge, Aug-Sep; released 30 Sep"),
      new Driver("Claims Operations", "Travel & Entertainment", "One-off",
          "Adjuster field travel to the Gulf Coast for Hurricane Delphine"),
      new Driver("Information Technology", "Software & Cloud", "Permanent",
          "Old and new claims platforms run in parallel two months longer than planned; unbudgeted "
              + "endpoint-security license ($60,000, annual, paid September)"),
      new Driver("Marketing", "Marketing Programs", "Timing",
          "Brand campaign launch moved from 1 Aug to 12 Oct; spend moves to Q4"),
      new Driver("Finance & Administration", "Contractors & Consulting", "Timing",
          "Reserve-adequacy actuarial review done in September instead of November"),
      new Driver("Human Resources", "Contractors & Consulting", "Permanent",
          "Recruitment-agency fees for the three underwriter vacancies"));

  static final List<Plan> PLANS = List.of(
      new Plan("Claims Operations", 9_570_000, 9_684_900, 4_785_000, 0,
          "No further surge cost expected"),
      new Plan("Underwriting", 6_684_000, 6_610_500, 3_342_000, -65_000,
          "Two vacancies filled 1 Nov, third in January"),
      new Plan("Information Technology", 7_176_000, 7_233_400, 3_588_000, 80_000,
          "Parallel running continues Oct-Nov at about $40,000 a month"),
      new Plan("Marketing", 2_100_000, 2_037_000, 1_530_000, 300_000,
          "Delayed campaign spend lands in Q4"),
      new Plan("Finance & Administration", 4_524_000, 4_537_600, 2_334_000, -72_000,
          "Actuarial review already paid in Q3"),
      new Plan("Human Resources", 1_314_000, 1_307_400, 657_000, 0, "-"));

  @Override
  public Task task() {
    return TaskSpec.task("opex-variance-analysis")
        .title("Q3 operating-expense variance analysis for the quarterly business review")
        .occupation(SampleOccupation.FINANCIAL_AND_INVESTMENT_ANALYSTS)
        .request("VP, Financial Planning & Analysis, Larkspur Mutual Insurance", """
            Tomasz,

            The Q3 close is done and I need the operating-expense variance analysis for the \
            quarterly business review on 16 October. Attached are the budget-versus-actual extract \
            from the ledger (July to September, by department and account, plus the full-year plan) \
            and the notes the department heads sent back when we asked about their numbers.

            Please give me two things:
            1. A workbook with the Q3 variance by department, by account and by month, using our \
            convention (variance = actual minus budget, so positive is unfavorable for expenses). \
            Flag every department/account line that is over both 5% and $25,000 either way, with \
            the driver and whether it is timing, one-off or permanent. Keep it live: formulas on \
            the data, not pasted numbers, so I can trace every figure.
            2. A one-page commentary for the CFO: the headline, the drivers that matter, and what \
            Q3 means for the full-year outlook once the Q4 effects in the notes are included.

            Numbers have to tie to the extract to the dollar; the CFO will check the totals.

            Thanks,
            Renata
            """)
        .reference("references/q3-budget-vs-actual.xlsx",
            "Ledger extract: monthly budget and actual by department and account, July-September 2026, "
                + "and the FY2026 plan by department")
        .reference("references/department-notes.md", "Department heads' explanations of their Q3 spend")
        .deliverable("A variance workbook with live formulas and a one-page CFO commentary",
            FileFormat.XLSX, FileFormat.DOCX)
        .baseline(300, AUTHOR, 7, "baseline/q3-opex-variance.xlsx", "baseline/q3-variance-commentary.docx")
        .required("totals", 3, "States Q3 total budget " + usd(total(true)) + ", actual " + usd(total(false))
            + " and variance " + signedUsd(total(false) - total(true)) + " ("
            + signedPct((total(false) - total(true)) / total(true)) + "), tying to the extract", "accuracy")
        .check(all(numberNear(total(true), 0.5), numberNear(total(false), 0.5),
            numberNear(total(false) - total(true), 0.5),
            numberNear(Math.round((total(false) - total(true)) / total(true) * 1000) / 10.0, 0.05)))
        .required("sign", 2, "Uses actual minus budget with positive as unfavorable, consistently in the "
            + "workbook and the commentary", "accuracy")
        .required("flags", 3, "Flags exactly the six lines over both thresholds: Claims contractors and "
            + "travel, IT software and cloud, Marketing programs, Finance consulting and HR contractors",
            "accuracy")
        .criterion("drivers", 2, "Explains each flagged line with the driver from the department notes and "
            + "classifies it as timing, one-off or permanent", "analysis")
        .criterion("below-threshold", 1, "Points out the Underwriting salary saving as a permanent variance "
            + "even though it stays under the 5% threshold", "analysis")
        .criterion("outlook", 2, "Gives a full-year outlook that adds the Q4 effects from the notes "
            + "(Marketing +$300,000, IT +$80,000, Underwriting -$65,000, Finance -$72,000)", "analysis")
        .criterion("live", 2, "The workbook's summaries are formulas on the data (SUMIFS or similar) that "
            + "evaluate without errors", "workbook")
        .criterion("one-page", 1, "The commentary fits one page", "communication")
        .check(all(filePresent(FileFormat.DOCX), pages(1, 1).in(FileFormat.DOCX)))
        .criterion("headline", 1, "The commentary leads with the headline number", "communication")
        .penalty("reversed", -2, "Calls an over-budget expense line favorable, or an under-budget one "
            + "unfavorable", "accuracy")
        .tags("finance", "fp&a", "spreadsheet")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.xlsx("references/q3-budget-vs-actual.xlsx", extract());
    files.markdown("references/department-notes.md", notes());
    files.xlsx("baseline/q3-opex-variance.xlsx", analysis());
    files.docx("baseline/q3-variance-commentary.docx", commentary());
  }

  private static List<Line> lines() {
    // Every line runs near its budget (within about 1%) unless a driver below moves it.
    Random noise = new Random(2026_09_30L);
    List<Line> lines = new ArrayList<>();
    Object[][] plan = {
        {"Claims Operations", "Salaries & Wages", 1_150_000, null},
        {"Claims Operations", "Benefits & Payroll Taxes", 310_000, null},
        {"Claims Operations", "Contractors & Consulting", 60_000, new double[] {0, 150_400, 94_850}},
        {"Claims Operations", "Software & Cloud", 45_000, null},
        {"Claims Operations", "Travel & Entertainment", 18_000, new double[] {0, 21_730, 14_260}},
        {"Claims Operations", "Other Operating", 12_000, null},
        {"Underwriting", "Salaries & Wages", 820_000, new double[] {-30_150, -31_900, -33_240}},
        {"Underwriting", "Benefits & Payroll Taxes", 221_000, new double[] {-8_140, -8_610, -8_970}},
        {"Underwriting", "Contractors & Consulting", 15_000, null},
        {"Underwriting", "Software & Cloud", 38_000, null},
        {"Underwriting", "Travel & Entertainment", 14_000, null},
        {"Underwriting", "Other Operating", 6_000, null},
        {"Information Technology", "Salaries & Wages", 640_000, null},
        {"Information Technology", "Benefits & Payroll Taxes", 172_000, null},
        {"Information Technology", "Contractors & Consulting", 90_000, null},
        {"Information Technology", "Software & Cloud", 285_000, new double[] {38_200, 41_050, 103_400}},
        {"Information Technology", "Other Operating", 9_000, null},
        {"Marketing", "Salaries & Wages", 210_000, null},
        {"Marketing", "Benefits & Payroll Taxes", 57_000, null},
        {"Marketing", "Marketing Programs", new double[] {120_000, 260_000, 300_000},
            new double[] {-2_310, -168_450, -139_800}},
        {"Marketing", "Contractors & Consulting", 25_000, null},
        {"Marketing", "Travel & Entertainment", 8_000, null},
        {"Finance & Administration", "Salaries & Wages", 380_000, null},
        {"Finance & Administration", "Benefits & Payroll Taxes", 102_000, null},
        {"Finance & Administration", "Contractors & Consulting", 40_000, new double[] {0, 0, 72_000}},
        {"Finance & Administration", "Software & Cloud", 22_000, null},
        {"Finance & Administration", "Occupancy", 195_000, null},
        {"Finance & Administration", "Other Operating", 15_000, null},
        {"Human Resources", "Salaries & Wages", 150_000, null},
        {"Human Resources", "Benefits & Payroll Taxes", 40_000, null},
        {"Human Resources", "Contractors & Consulting", 12_000, new double[] {8_400, 9_150, 9_600}},
        {"Human Resources", "Software & Cloud", 8_000, null},
        {"Human Resources", "Travel & Entertainment", 4_000, null},
        {"Human Resources", "Other Operating", 5_000, null},
    };
    for (Object[] row : plan) {
      double[] budget = row[2] instanceof double[] monthly
          ? monthly.clone()
          : new double[] {(Integer) row[2], (Integer) row[2], (Integer) row[2]};
      double[] actual = new double[3];
      for (int m = 0; m < 3; m++) {
        double drift = row[3] == null ? Math.round(budget[m] * (noise.nextDouble() - 0.5) * 0.02) : 0;
        double driver = row[3] == null ? 0 : ((double[]) row[3])[m];
        actual[m] = budget[m] + driver + drift;
      }
      lines.add(new Line((String) row[0], (String) row[1], budget, actual));
    }
    return List.copyOf(lines);
  }

  static double total(boolean budget) {
    return LINES.stream().mapToDouble(l -> budget ? l.budgetTotal() : l.actualTotal()).sum();
  }

  private static Map<String, double[]> byDepartment() {
    Map<String, double[]> totals = new LinkedHashMap<>();
    for (Line line : LINES) {
      double[] t = totals.computeIfAbsent(line.department(), d -> new double[2]);
      t[0] += line.budgetTotal();
      t[1] += line.actualTotal();
    }
    return totals;
  }

  private static Xlsx extract() {
    Xlsx book = Xlsx.create("Budget vs actual, Q3 FY2026", "Larkspur Mutual ledger export", EXTRACTED);
    Xlsx.Sheet data = book.sheet("Q3 Budget vs Actual").widths(26, 26, 11, 13, 13)
        .header("Department", "Account", "Month", "Budget", "Actual");
    for (Line line : LINES) {
      for (int m = 0; m < 3; m++) {
        data.row(line.department(), line.account(), Xlsx.date(MONTHS.get(m)), money(line.budget()[m]),
            money(line.actual()[m]));
      }
    }
    data.freezeHeader().filter();
    Xlsx.Sheet plan = book.sheet("FY2026 Plan").widths(26, 15, 15, 15, 15)
        .header("Department", "FY2026 Budget", "H1 Budget", "H1 Actual", "Q4 Budget");
    for (Plan p : PLANS) {
      plan.row(p.department(), money(p.h1Budget() + q3Budget(p.department()) + p.q4Budget()),
          money(p.h1Budget()), money(p.h1Actual()), money(p.q4Budget()));
    }
    plan.note("Source: general ledger, extracted 9 October 2026 after the Q3 close. USD.");
    return book;
  }

  private static double q3Budget(String department) {
    return byDepartment().get(department)[0];
  }

  private static double q3Actual(String department) {
    return byDepartment().get(department)[1];
  }

  private static Doc notes() {
    return Doc.titled("Q3 spend: notes from department heads", "Renata Solberg", EXTRACTED)
        .p("Collected by FP&A after the Q3 close, 6-8 October 2026. Lightly edited for length.")
        .h2("Claims Operations (Gareth Mbeki)")
        .p("Hurricane Delphine came ashore on 19 August and we had to bring in independent adjusters to keep "
            + "claim contact times inside our 48-hour standard. Contractors and the field travel for the "
            + "Gulf Coast team are the overspend. All independent adjusters were released on 30 September, "
            + "so I don't expect any more of this in Q4 unless we get another storm.")
        .h2("Underwriting (Helen Achterberg)")
        .p("We carried three underwriter vacancies all quarter. Two offers are accepted with 1 November "
            + "starts; the third role will not be filled before January. I'd guess we end Q4 about $65k "
            + "under on people costs.")
        .h2("Information Technology (Sunil Varghese)")
        .p("Cutover to the new claims platform slipped from July to the end of November, so we are paying "
            + "for both environments for longer than planned, roughly $40k a month extra. In September we "
            + "also bought the endpoint-security license the auditors asked for, $60,000 for the year, which "
            + "wasn't in the budget. Expect the double running to cost about $80k more in October and "
            + "November.")
        .h2("Marketing (Chloe Danvers)")
        .p("The brand campaign launch moved from 1 August to 12 October to line up with the new product "
            + "filings. Nothing is canceled: the roughly $300k we didn't spend in Q3 goes out in October and "
            + "November on top of the Q4 plan.")
        .h2("Finance & Administration (Renata Solberg)")
        .p("The reserve-adequacy review by the consulting actuaries was budgeted for November but they had "
            + "capacity in September, so the $72,000 fee landed in Q3. It will not recur in Q4. Occupancy is "
            + "on plan; the rent escalator was budgeted.")
        .h2("Human Resources (Marcus Oyelaran)")
        .p("We engaged two recruitment agencies for the underwriter roles; their fees are running about $9k "
            + "a month and will stop once the roles are filled.")
        .build();
  }

  private static Xlsx analysis() {
    int n = LINES.size() * 3;
    String last = Integer.toString(n + 1);
    String dept = "Data!$A$2:$A$" + last;
    String account = "Data!$B$2:$B$" + last;
    String month = "Data!$C$2:$C$" + last;
    String budget = "Data!$D$2:$D$" + last;
    String actual = "Data!$E$2:$E$" + last;
    Xlsx book = Xlsx.create("Q3 FY2026 operating-expense variance analysis", AUTHOR, DELIVERED);

    Xlsx.Sheet summary = book.sheet("Summary").widths(34, 16, 16, 16, 11, 14, 9);
    summary.title("Larkspur Mutual: Q3 FY2026 operating expenses, budget vs actual")
        .note("Variance = Actual - Budget. Positive is over budget (unfavorable). Flag: |variance| > $25,000 "
            + "and > 5%.")
        .blank();
    summaryTable(summary, "Department", byDepartment().keySet().stream().toList(), dept, budget, actual);
    summary.blank();
    List<String> accounts = LINES.stream().map(Line::account).distinct().sorted().toList();
    summaryTable(summary, "Account", accounts, account, budget, actual);
    summary.blank();
    summary.header("Month", "Budget", "Actual", "Variance", "Variance %");
    int first = summary.nextRowNumber();
    for (LocalDate m : MONTHS) {
      int r = summary.nextRowNumber();
      summary.row(Xlsx.date(m), formula("SUMIFS(" + budget + "," + month + ",A" + r + ")", Format.MONEY),
          formula("SUMIFS(" + actual + "," + month + ",A" + r + ")", Format.MONEY),
          formula("C" + r + "-B" + r, Format.MONEY), formula("IF(B" + r + "=0,0,D" + r + "/B" + r + ")",
              Format.PERCENT));
    }
    totalRow(summary, first, summary.nextRowNumber() - 1);

    Xlsx.Sheet flagged = book.sheet("Flagged Lines").widths(26, 26, 14, 14, 14, 11, 11, 70)
        .header("Department", "Account", "Q3 Budget", "Q3 Actual", "Variance", "Variance %", "Type", "Driver");
    for (Driver driver : DRIVERS) {
      int r = flagged.nextRowNumber();
      String criteria = "," + dept + ",A" + r + "," + account + ",B" + r + ")";
      flagged.row(driver.department(), driver.account(),
          formula("SUMIFS(" + budget + criteria, Format.MONEY), formula("SUMIFS(" + actual + criteria, Format.MONEY),
          formula("D" + r + "-C" + r, Format.MONEY), formula("E" + r + "/C" + r, Format.PERCENT),
          driver.kind(), driver.explanation());
    }
    flagged.note("Also noted, under the threshold: Underwriting salaries and benefits, permanent saving from "
        + "three vacancies (see Summary).");

    Xlsx.Sheet outlook = book.sheet("FY Outlook").widths(26, 15, 15, 15, 15, 15, 15, 15, 15, 11, 46)
        .header("Department", "FY2026 Budget", "H1 Actual", "Q3 Actual", "Q4 Budget", "Q4 Adjustment",
            "FY Outlook", "FY Variance", "H1 Variance", "FY Var %", "Q4 adjustment basis");
    int firstPlan = outlook.nextRowNumber();
    for (Plan p : PLANS) {
      int r = outlook.nextRowNumber();
      outlook.row(p.department(), money(p.h1Budget() + q3Budget(p.department()) + p.q4Budget()),
          money(p.h1Actual()), formula("SUMIFS(" + actual + "," + dept + ",A" + r + ")", Format.MONEY),
          money(p.q4Budget()), money(p.q4Adjustment()), formula("C" + r + "+D" + r + "+E" + r + "+F" + r, Format.MONEY),
          formula("G" + r + "-B" + r, Format.MONEY), money(p.h1Actual() - p.h1Budget()),
          formula("H" + r + "/B" + r, Format.PERCENT), p.adjustmentReason());
    }
    int lastPlan = outlook.nextRowNumber() - 1;
    int t = outlook.nextRowNumber();
    List<Object> totals = new ArrayList<>(List.of("Total"));
    for (String col : List.of("B", "C", "D", "E", "F", "G", "H", "I")) {
      totals.add(formula("SUM(" + col + firstPlan + ":" + col + lastPlan + ")", Format.MONEY));
    }
    totals.add(formula("H" + t + "/B" + t, Format.PERCENT));
    outlook.total(totals.toArray());
    outlook.note("FY Outlook = H1 actual + Q3 actual + Q4 budget + Q4 adjustment from the department notes.");

    Xlsx.Sheet data = book.sheet("Data").widths(26, 26, 11, 13, 13, 13, 11)
        .header("Department", "Account", "Month", "Budget", "Actual", "Variance", "Variance %");
    for (Line line : LINES) {
      for (int m = 0; m < 3; m++) {
        int r = data.nextRowNumber();
        data.row(line.department(), line.account(), Xlsx.date(MONTHS.get(m)), money(line.budget()[m]),
            money(line.actual()[m]), formula("E" + r + "-D" + r, Format.MONEY),
            formula("IF(D" + r + "=0,0,F" + r + "/D" + r + ")", Format.PERCENT));
      }
    }
    data.freezeHeader().filter();
    return book;
  }

  private static void summaryTable(Xlsx.Sheet sheet, String title, List<String> keys, String keyRange,
      String budget, String actual) {
    sheet.header(title, "Q3 Budget", "Q3 Actual", "Variance", "Variance %", "Direction", "Flag");
    int first = sheet.nextRowNumber();
    for (String key : keys) {
      int r = sheet.nextRowNumber();
      sheet.row(key, formula("SUMIFS(" + budget + "," + keyRange + ",A" + r + ")", Format.MONEY),
          formula("SUMIFS(" + actual + "," + keyRange + ",A" + r + ")", Format.MONEY),
          formula("C" + r + "-B" + r, Format.MONEY),
          formula("IF(B" + r + "=0,0,D" + r + "/B" + r + ")", Format.PERCENT),
          formula("IF(D" + r + ">0,\"Unfavorable\",\"Favorable\")", Format.TEXT),
          formula("IF(AND(ABS(D" + r + ")>25000,ABS(E" + r + ")>0.05),\"Review\",\"\")", Format.TEXT));
    }
    totalRow(sheet, first, sheet.nextRowNumber() - 1);
  }

  private static void totalRow(Xlsx.Sheet sheet, int first, int last) {
    int r = sheet.nextRowNumber();
    sheet.total("Total", formula("SUM(B" + first + ":B" + last + ")", Format.MONEY),
        formula("SUM(C" + first + ":C" + last + ")", Format.MONEY), formula("C" + r + "-B" + r, Format.MONEY),
        formula("D" + r + "/B" + r, Format.PERCENT));
  }

  private static Doc commentary() {
    double budget = total(true);
    double actual = total(false);
    double variance = actual - budget;
    Map<String, double[]> departments = byDepartment();
    double fyBudget = 0;
    double fyOutlook = 0;
    for (Plan p : PLANS) {
      fyBudget += p.h1Budget() + q3Budget(p.department()) + p.q4Budget();
      fyOutlook += p.h1Actual() + q3Actual(p.department()) + p.q4Budget() + p.q4Adjustment();
    }
    Tables drivers = Tables.header("Line", "Variance", "%", "Type", "What happened").numeric(1, 2);
    for (Driver d : DRIVERS) {
      Line line = line(d.department(), d.account());
      drivers.row(d.department() + ": " + d.account(), signedUsd(line.variance()),
          signedPct(line.variance() / line.budgetTotal()), d.kind(), d.explanation());
    }
    double oneOff = varianceOf("One-off");
    double timing = varianceOf("Timing");
    double permanent = varianceOf("Permanent");
    Line salaries = line("Underwriting", "Salaries & Wages");
    Line benefits = line("Underwriting", "Benefits & Payroll Taxes");
    double vacancies = salaries.variance() + benefits.variance();
    Tables byDept = Tables.header("Department", "Budget", "Actual", "Variance", "%").numeric(1, 2, 3, 4);
    departments.forEach((name, t) -> byDept.row(name, usd(t[0]), usd(t[1]), signedUsd(t[1] - t[0]),
        signedPct((t[1] - t[0]) / t[0])));
    byDept.total("Total", usd(budget), usd(actual), signedUsd(variance), signedPct(variance / budget));
    return Doc.titled("Q3 FY2026 operating expenses: variance commentary", AUTHOR, DELIVERED)
        .small("To: Renata Solberg, VP FP&A, for the CFO · From: Tomasz Wren, FP&A · 14 October 2026 · "
            + "Detail and formulas: q3-opex-variance.xlsx")
        .p("**Headline.** Q3 operating expenses were " + usd(actual) + " against a budget of " + usd(budget)
            + ", " + usd(Math.abs(variance)) + " (" + pct(Math.abs(variance) / budget) + ") "
            + (variance >= 0 ? "over (unfavorable)" : "under (favorable)") + ". Hurricane Delphine ("
            + signedUsd(oneOff) + ", one-off) and the longer platform migration in IT pushed spend up; the "
            + "delayed brand campaign (" + signedUsd(line("Marketing", "Marketing Programs").variance())
            + ") held it down, but that is timing and reverses in Q4.")
        .table(byDept.build())
        .h2("Lines over both thresholds (5% and $25,000)")
        .table(drivers.build())
        .p("**Split.** One-off " + signedUsd(oneOff) + "; timing " + signedUsd(timing) + "; permanent "
            + signedUsd(permanent) + ". Below the threshold, Underwriting people costs are " + signedUsd(vacancies)
            + " for three vacancies: a real, permanent saving that partly funds the agency fees in HR.")
        .p("**Full year.** Adding Q4's known effects (Marketing +$300,000 campaign catch-up, IT +$80,000 "
            + "parallel running, Underwriting -$65,000 vacancies, Finance -$72,000 review already paid), "
            + "FY2026 operating expenses come to " + usd(fyOutlook) + " against a budget of " + usd(fyBudget)
            + ": " + signedUsd(fyOutlook - fyBudget) + " (" + signedPct((fyOutlook - fyBudget) / fyBudget)
            + ").")
        .p("**For decision.** (1) Whether to absorb IT's $80,000 Q4 overrun or hold the migration team to "
            + "the 30 November cutover with no further extension. (2) Whether Delphine adjuster costs should "
            + "be reported as catastrophe loss-adjustment expense rather than operating expense, which would "
            + "take " + usd(oneOff) + " out of this view.")
        .build();
  }

  private static double varianceOf(String kind) {
    return DRIVERS.stream().filter(d -> d.kind().equals(kind))
        .mapToDouble(d -> line(d.department(), d.account()).variance()).sum();
  }

  static Line line(String department, String account) {
    return LINES.stream().filter(l -> l.department().equals(department) && l.account().equals(account))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no line " + department + "/" + account));
  }
}
