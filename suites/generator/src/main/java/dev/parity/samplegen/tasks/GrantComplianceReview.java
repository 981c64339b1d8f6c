package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.any;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.office.Xlsx.formula;
import static dev.parity.samplegen.tasks.Fmt.cents;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.RubricCheck;
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
import java.util.List;

/** A county compliance officer desk-reviews a nonprofit subrecipient's reimbursement request. */
final class GrantComplianceReview implements SampleTask {
  private static final LocalDate AGREEMENT = LocalDate.of(2026, 3, 20);
  private static final LocalDate SUBMITTED = LocalDate.of(2026, 7, 24);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 8, 7);
  private static final String AUTHOR = "Benedikt Ansah";
  static final double CLAIMED_INDIRECT_RATE = 0.12;
  static final double INDIRECT_CAP = 0.10;

  /** What a reviewer concluded about a line. */
  enum Finding {
    ALLOWABLE(""),
    UNALLOWABLE("Disallowed"),
    UNSUPPORTED("Held: documentation"),
    NEEDS_APPROVAL("Held: prior approval");

    final String label;

    Finding(String label) {
      this.label = label;
    }
  }

  /** One line of the reimbursement request, with the reviewer's finding and its basis. */
  record Line(String ref, LocalDate date, String category, String vendor, String description, String invoice,
      double amount, boolean proofOfPayment, Finding finding, String basis) {}

  static final List<Line> LINES = lines();

  private static List<Line> lines() {
    List<Line> l = new ArrayList<>();
    String[] months = {"2026-04-30", "2026-05-31", "2026-06-30"};
    String[] names = {"April", "May", "June"};
    for (int m = 0; m < 3; m++) {
      l.add(ok(months[m], "Personnel", "Payroll", "Program coordinator, 100% on grant, " + names[m], "PR-" + (m + 4),
          4_000.00));
      l.add(ok(months[m], "Personnel", "Payroll", "Pantry manager, 50% on grant, " + names[m], "PR-" + (m + 4), 1_800.00));
      l.add(ok(months[m], "Fringe benefits", "Payroll", "Fringe at 25% of grant-funded salaries, " + names[m],
          "PR-" + (m + 4), 1_450.00));
    }
    l.add(ok("2026-04-08", "Food purchases", "Tri-County Food Bank", "Shared maintenance fees, April", "TCFB-40881", 2_140.55));
    l.add(new Line("", LocalDate.parse("2026-03-28"), "Food purchases", "Valley Produce Co.", "Fresh produce",
        "VP-11873", 1_240.00, true, Finding.UNALLOWABLE,
        "Incurred 28 March, before the period of performance began on 1 April (section 3.1)"));
    l.add(ok("2026-04-22", "Food purchases", "Valley Produce Co.", "Fresh produce", "VP-11952", 1_388.40));
    l.add(ok("2026-05-06", "Food purchases", "Tri-County Food Bank", "Shared maintenance fees, May", "TCFB-41207", 1_985.20));
    l.add(ok("2026-05-20", "Food purchases", "Valley Produce Co.", "Fresh produce", "VP-12040", 1_412.75));
    l.add(new Line("", LocalDate.parse("2026-06-03"), "Food purchases", "Tri-County Food Bank",
        "Shared maintenance fees, June", "TCFB-41566", 2_310.00, false, Finding.UNSUPPORTED,
        "Invoice provided but no proof of payment (section 8.2)"));
    l.add(ok("2026-06-17", "Food purchases", "Valley Produce Co.", "Fresh produce", "VP-12133", 1_296.10));
    l.add(new Line("", LocalDate.parse("2026-06-24"), "Food purchases", "Hometown Grocery Outlet", "Shelf-stable food",
        "HGO-5521", 865.00, false, Finding.UNSUPPORTED, "Invoice provided but no proof of payment (section 8.2)"));
    for (int m = 0; m < 3; m++) {
      l.add(ok(months[m].substring(0, 8) + "01", "Rent and utilities", "Eastside Community Church",
          "Pantry space rent, " + names[m], "RENT-" + (m + 4), 1_200.00));
    }
    l.add(ok("2026-04-10", "Rent and utilities", "Marlow Electric", "Electricity, March 6-April 5", "ME-880214", 402.30));
    l.add(ok("2026-05-12", "Rent and utilities", "Marlow Electric", "Electricity, April 6-May 5", "ME-884530", 418.77));
    l.add(new Line("", LocalDate.parse("2026-05-12"), "Rent and utilities", "Marlow Electric",
        "Electricity, April 6-May 5", "ME-884530", 418.77, true, Finding.UNALLOWABLE,
        "Same invoice ME-884530 claimed twice (section 8.3)"));
    l.add(ok("2026-06-11", "Rent and utilities", "Marlow Electric", "Electricity, May 6-June 5", "ME-888917", 436.90));
    l.add(ok("2026-04-15", "Supplies", "Marlow Office Supply", "Sign-in sheets, toner, labels", "MOS-2291", 186.45));
    l.add(ok("2026-05-27", "Supplies", "Cityline Restaurant Supply", "Food containers and bags", "CRS-7734", 642.30));
    l.add(new Line("", LocalDate.parse("2026-06-12"), "Supplies", "Lucca Trattoria",
        "Volunteer and staff appreciation dinner, incl. wine", "LT-0612", 612.40, true, Finding.UNALLOWABLE,
        "Entertainment and alcoholic beverages are unallowable (section 6.2(a), (b))"));
    l.add(new Line("", LocalDate.parse("2026-06-09"), "Equipment", "Arctic Line Refrigeration",
        "Walk-in cooler, 8 x 10 ft, installed", "ALR-3310", 7_850.00, true, Finding.NEEDS_APPROVAL,
        "Equipment of $5,000 or more per unit needs prior written approval, and none is budgeted (section 7.1)"));
    l.add(new Line("", LocalDate.parse("2026-05-19"), "Other", "City of Marlow", "Parking citation, delivery van",
        "PC-551203", 75.00, true, Finding.UNALLOWABLE, "Fines and penalties are unallowable (section 6.2(c))"));
    List<Line> numbered = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      Line x = l.get(i);
      numbered.add(new Line(Integer.toString(i + 1), x.date(), x.category(), x.vendor(),
          x.description(), x.invoice(), x.amount(), x.proofOfPayment(), x.finding(), x.basis()));
    }
    return List.copyOf(numbered);
  }

  private static Line ok(String date, String category, String vendor, String description, String invoice, double amount) {
    return new Line("", LocalDate.parse(date), category, vendor, description, invoice, amount, true, Finding.ALLOWABLE, "");
  }

  static double direct(Finding... findings) {
    List<Finding> wanted = List.of(findings);
    return LINES.stream().filter(l -> wanted.contains(l.finding())).mapToDouble(Line::amount).sum();
  }

  static double directClaimed() {
    return direct(Finding.values());
  }

  /** Indirect claimed as requested: 12% of all direct costs, to the cent. */
  static double indirectClaimed() {
    return Math.round(directClaimed() * CLAIMED_INDIRECT_RATE * 100) / 100.0;
  }

  static double payNow() {
    double allowable = direct(Finding.ALLOWABLE);
    return allowable + Math.round(allowable * INDIRECT_CAP * 100) / 100.0;
  }

  static double held() {
    double held = direct(Finding.UNSUPPORTED, Finding.NEEDS_APPROVAL);
    return held + Math.round(held * INDIRECT_CAP * 100) / 100.0;
  }

  @Override
  public Task task() {
    double requested = directClaimed() + indirectClaimed();
    return TaskSpec.task("grant-compliance-review")
        .title("Desk review of a grant subrecipient's reimbursement request")
        .occupation(SampleOccupation.COMPLIANCE_OFFICERS)
        .request("Grants Compliance Manager, Marlow County Office of Community Development", """
            Benedikt,

            Eastside Neighbors Food Collaborative has submitted its first reimbursement request \
            under subaward CG-2026-014 (April to June), attached with the relevant sections of the \
            agreement. Finance cannot pay until we have done the desk review.

            Please review every line against the agreement and write up your findings as a memo to \
            me: which costs are unallowable and must be disallowed, which are held until they send \
            documentation or get an approval, the indirect-cost calculation, and the amount you \
            recommend we pay now. Cite the agreement section for each finding. Include the \
            corrective actions we will require and the deadline for their response under the \
            agreement, so I can turn it into the findings letter.

            This is their first grant with us, so be exact but fair.

            Thanks,
            Yolanda
            """)
        .reference("references/reimbursement-request-1.xlsx", "Reimbursement request #1, April-June 2026, with "
            + "line-item detail")
        .reference("references/subaward-agreement-excerpt.pdf", "Subaward CG-2026-014: budget, allowable costs, "
            + "documentation and monitoring sections")
        .deliverable("A desk-review findings memo with the recommended payment", FileFormat.DOCX)
        .baseline(200, AUTHOR, 11, "baseline/cg-2026-014-desk-review.docx")
        .required("unallowable", 3, "Disallows the four unallowable lines with their amounts: the pre-period "
            + "produce invoice ($1,240.00), the duplicate electricity bill ($418.77), the appreciation dinner "
            + "with wine ($612.40) and the parking citation ($75.00)", "accuracy")
        .check(all(all(LINES.stream().filter(l -> l.finding() == Finding.UNALLOWABLE)
            .map(l -> numberNear(l.amount(), 0.005)).toArray(RubricCheck[]::new)),
            numberNear(direct(Finding.UNALLOWABLE), 0.005), matches("disallow")))
        .required("held", 2, "Holds, rather than disallows, the cooler bought without prior approval ($7,850.00) "
            + "and the two lines without proof of payment ($2,310.00 and $865.00)", "judgment")
        .required("indirect", 2, "Recomputes indirect costs at the 10% cap on allowable direct costs instead of "
            + "the 12% claimed (" + cents(indirectClaimed()) + ")", "accuracy")
        .check(all(numberNear(payNow() - direct(Finding.ALLOWABLE), 0.005), matches("\\b10 ?%")))
        .criterion("payment", 2, "Recommends paying " + cents(payNow()) + " now of the " + cents(requested)
            + " requested, with the held amount (" + cents(held()) + " including its indirect share) payable "
            + "once resolved", "accuracy")
        .check(all(numberNear(payNow(), 0.005), numberNear(requested, 0.005),
            any(numberNear(held(), 0.005), numberNear(-held(), 0.005))))
        .criterion("citations", 1, "Cites the agreement section behind each finding", "compliance")
        .criterion("corrective", 1, "Sets corrective actions and the 30-day response deadline from the findings "
            + "letter", "compliance")
        .criterion("memo", 1, "Is a clear, neutral internal memo that the manager can turn into a findings "
            + "letter", "communication")
        .penalty("approve-equipment", -2, "Approves the walk-in cooler for payment without the prior written "
            + "approval the agreement requires", "compliance")
        .tags("government", "grants", "compliance")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.xlsx("references/reimbursement-request-1.xlsx", request());
    files.pdf("references/subaward-agreement-excerpt.pdf", agreement());
    files.docx("baseline/cg-2026-014-desk-review.docx", memo());
  }

  private static Xlsx request() {
    Xlsx book = Xlsx.create("Reimbursement request #1, subaward CG-2026-014", "Eastside Neighbors Food Collaborative",
        SUBMITTED);
    Xlsx.Sheet sheet = book.sheet("Request #1").widths(6, 12, 20, 28, 46, 14, 14, 12);
    sheet.title("Eastside Neighbors Food Collaborative: reimbursement request #1")
        .note("Subaward CG-2026-014 · Period April 1 to June 30, 2026 · Submitted July 24, 2026")
        .blank()
        .header("Line", "Date", "Budget category", "Vendor or payee", "Description", "Invoice", "Amount",
            "Proof of payment");
    int first = sheet.nextRowNumber();
    for (Line line : LINES) {
      sheet.row(Integer.parseInt(line.ref()), Xlsx.date(line.date()), line.category(), line.vendor(), line.description(), line.invoice(),
          Xlsx.cents(line.amount()), line.proofOfPayment() ? "Attached" : "To follow");
    }
    int last = sheet.nextRowNumber() - 1;
    int direct = sheet.nextRowNumber();
    sheet.total("", "", "", "", "Total direct costs", "", formula("SUM(G" + first + ":G" + last + ")", Format.MONEY_CENTS), "");
    sheet.row("", "", "", "", "Indirect costs at 12% of direct costs", "",
        formula("ROUND(G" + direct + "*0.12,2)", Format.MONEY_CENTS), "");
    sheet.total("", "", "", "", "Total requested", "",
        formula("G" + direct + "+G" + (direct + 1), Format.MONEY_CENTS), "");
    sheet.blank().note("Certified true and correct: Denise Okafor, Executive Director");
    return book;
  }

  private static Doc agreement() {
    return Doc.titled("Subaward agreement CG-2026-014 (excerpt)", "Marlow County Office of Community Development",
            AGREEMENT)
        .p("Between Marlow County, through its Office of Community Development (the \"County\"), and Eastside "
            + "Neighbors Food Collaborative, Inc. (the \"Subrecipient\"). Community Food Security Grant. Sections "
            + "not relevant to cost review are omitted.")
        .h2("3. Period of performance")
        .p("3.1 The period of performance is April 1, 2026 to March 31, 2027. Only costs incurred within the "
            + "period of performance are allowable; costs incurred before it are not reimbursable unless the County "
            + "approved them in writing as pre-award costs.")
        .h2("4. Budget")
        .table(Tables.header("Budget category", "Annual budget").numeric(1)
            .row("Personnel", "$96,000.00")
            .row("Fringe benefits", "$24,000.00")
            .row("Food purchases", "$60,000.00")
            .row("Rent and utilities", "$22,000.00")
            .row("Supplies", "$6,000.00")
            .row("Equipment", "$0.00")
            .row("Indirect costs (10% of direct costs)", "$20,800.00")
            .total("Total", "$228,800.00")
            .build())
        .p("4.2 Indirect costs are reimbursed at no more than 10% of allowable direct costs claimed in each "
            + "request.")
        .h2("6. Allowable costs")
        .p("6.1 Costs must be necessary, reasonable, allocable to the program and adequately documented.")
        .p("6.2 The following are unallowable: (a) entertainment, including meals, parties and receptions for "
            + "staff or volunteers; (b) alcoholic beverages; (c) fines, penalties and citations; (d) lobbying; "
            + "(e) costs charged to another award.")
        .h2("7. Prior approval")
        .p("7.1 The Subrecipient must obtain the County's written approval before purchasing equipment with a unit "
            + "cost of $5,000 or more, or before any cost in a budget category with no budget. Costs incurred "
            + "without the approval may be disallowed; the County may, at its discretion, approve them after the "
            + "fact on a written request that justifies the purchase.")
        .h2("8. Reimbursement and documentation")
        .p("8.1 The Subrecipient requests reimbursement quarterly, within 30 days after the quarter ends.")
        .p("8.2 Every cost must be supported by an invoice or payroll record and by proof of payment (canceled "
            + "check, bank statement or card statement). Costs without proof of payment are held until it is "
            + "provided.")
        .p("8.3 A cost may be claimed only once.")
        .h2("11. Monitoring and findings")
        .p("11.2 The County will notify the Subrecipient of findings in writing. The Subrecipient must respond "
            + "within 30 calendar days of the findings letter with documentation or a corrective action plan. "
            + "Amounts disallowed are deducted from the reimbursement or repaid to the County.")
        .build();
  }

  private static Doc memo() {
    double requestedDirect = directClaimed();
    double requested = requestedDirect + indirectClaimed();
    double allowable = direct(Finding.ALLOWABLE);
    double disallowed = direct(Finding.UNALLOWABLE);
    double heldDirect = direct(Finding.UNSUPPORTED, Finding.NEEDS_APPROVAL);
    double allowedIndirect = Math.round(allowable * INDIRECT_CAP * 100) / 100.0;
    double heldIndirect = held() - heldDirect;
    double indirectReduction = indirectClaimed() - allowedIndirect - heldIndirect;
    Tables findings = Tables.header("Line", "Item", "Amount", "Finding", "Basis").numeric(2);
    for (Line line : LINES) {
      if (line.finding() != Finding.ALLOWABLE) {
        findings.row(line.ref(), line.vendor() + ": " + line.description() + " (" + line.invoice() + ")",
            cents(line.amount()), line.finding().label, line.basis());
      }
    }
    findings.total("", "Total direct costs disallowed or held", cents(disallowed + heldDirect), "", "");
    return Doc.titled("Desk review: reimbursement request #1, subaward CG-2026-014", AUTHOR, DELIVERED)
        .small("To: Yolanda Pierce, Grants Compliance Manager · From: Benedikt Ansah, Compliance Officer · "
            + "7 August 2026 · Subrecipient: Eastside Neighbors Food Collaborative, Inc. · Period: April 1-June "
            + "30, 2026")
        .h1("Summary")
        .p("Eastside Neighbors requested **" + cents(requested) + "** (" + cents(requestedDirect) + " direct plus "
            + cents(indirectClaimed()) + " indirect at 12%). I reviewed all " + LINES.size() + " lines against the "
            + "invoices, payroll records and proof of payment submitted with the request.")
        .p("I recommend paying **" + cents(payNow()) + "** now. Of the rest, " + cents(disallowed) + " of direct "
            + "costs is unallowable and should be disallowed, " + cents(heldDirect) + " of direct costs (plus "
            + cents(heldIndirect) + " indirect) is held until the subrecipient provides documentation or obtains "
            + "approval, and " + cents(indirectReduction) + " of indirect costs exceeds the 10% cap.")
        .h1("Findings")
        .table(findings.build())
        .h1("Indirect costs")
        .p("The request applies 12% to all direct costs. Section 4.2 caps indirect costs at 10% of **allowable** "
            + "direct costs claimed. On the " + cents(allowable) + " of allowable direct costs, the indirect "
            + "amount is " + cents(allowedIndirect) + "; a further " + cents(heldIndirect) + " (10% of the held "
            + "lines) becomes payable if they are resolved.")
        .h1("Recommended payment")
        .table(Tables.header("", "Direct", "Indirect", "Total").numeric(1, 2, 3)
            .row("Requested", cents(requestedDirect), cents(indirectClaimed()), cents(requested))
            .row("Disallowed", cents(-disallowed), cents(-indirectReduction), cents(-disallowed - indirectReduction))
            .row("Held pending documentation or approval", cents(-heldDirect), cents(-heldIndirect), cents(-held()))
            .total("Pay now", cents(allowable), cents(allowedIndirect), cents(payNow()))
            .build())
        .h1("Corrective actions to require")
        .numbered("Provide proof of payment for Tri-County Food Bank invoice TCFB-41566 and Hometown Grocery Outlet "
                + "invoice HGO-5521 (section 8.2).",
            "Either submit a written request for after-the-fact approval of the walk-in cooler, with quotes and a "
                + "justification and a budget modification moving funds into Equipment, or withdraw the cost "
                + "(section 7.1). Future equipment purchases of $5,000 or more need approval before purchase.",
            "Remove the disallowed items from future requests and adopt a written procedure to screen "
                + "entertainment, alcohol, fines and duplicate invoices before submission (sections 6.2, 8.3).",
            "Apply indirect costs at no more than 10% of allowable direct costs in future requests (section 4.2).")
        .p("Under section 11.2 the subrecipient must respond within 30 calendar days of our findings letter; if "
            + "the letter goes out on 10 August 2026, the response is due **9 September 2026**. Held amounts are "
            + "paid with the next request once resolved.")
        .h1("Other observations")
        .bullets("Personnel and fringe are supported by timesheets showing the stated percentages on the grant; "
                + "fringe at 25% matches the budget narrative.",
            "Spending is within every budget category for the year to date; Equipment has no budget, so the "
                + "cooler also needs a budget modification if approved.",
            "As this is their first County grant, I suggest a technical-assistance call to walk through sections "
                + "6 to 8 before the next request.")
        .build();
  }
}
