package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.any;
import static dev.parity.samplegen.RubricCheck.filePresent;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.office.Xlsx.formula;
import static dev.parity.samplegen.office.Xlsx.money;
import static dev.parity.samplegen.tasks.Fmt.cents;
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
import java.util.List;
import java.util.Locale;

/** A buyer compares three suppliers' quotes for a machined part on total landed cost and weighted score. */
final class SupplierBidTabulation implements SampleTask {
  private static final LocalDate RFQ_ISSUED = LocalDate.of(2026, 11, 2);
  private static final LocalDate QUOTED = LocalDate.of(2026, 11, 16);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 11, 25);
  static final LocalDate AWARD = LocalDate.of(2026, 12, 4);
  static final LocalDate NEED = LocalDate.of(2027, 3, 1);
  private static final String AUTHOR = "Graham Whitaker";
  static final int VOLUME = 24_000;
  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  static final int WEEKS_PER_YEAR = 48;
  static final double CARRYING_RATE = 0.25;
  static final double DEFECT_COST = 45;

  /** One supplier's quote. */
  record Quote(String name, String shortName, String origin, double lowTierPrice, double highTierPrice, int tierBreak,
      double freightPerUnit, double dutyRate, double tooling, double brokeragePerShipment, int shipmentsPerYear,
      int toolingWeeks, int leadWeeks, int ppm, String quality, String terms, boolean prepayment) {

    double unitPrice() {
      return VOLUME >= tierBreak ? highTierPrice : lowTierPrice;
    }

    double landedUnit() {
      return unitPrice() + freightPerUnit + unitPrice() * dutyRate;
    }

    /** Safety stock by the RFQ's rule: half the production lead time, in weeks, rounded up. */
    int safetyWeeks() {
      return (leadWeeks + 1) / 2;
    }

    double averageInventory() {
      return safetyWeeks() * (double) VOLUME / WEEKS_PER_YEAR + (double) VOLUME / shipmentsPerYear / 2;
    }

    double carrying() {
      return averageInventory() * landedUnit() * CARRYING_RATE;
    }

    double qualityCost() {
      return ppm / 1_000_000.0 * VOLUME * DEFECT_COST;
    }

    double brokerage() {
      return brokeragePerShipment * shipmentsPerYear;
    }

    double recurring() {
      return landedUnit() * VOLUME + brokerage() + carrying() + qualityCost();
    }

    double firstYear() {
      return recurring() + tooling;
    }

    int qualityScore() {
      return ppm <= 200 ? 10 : ppm <= 500 ? 7 : 4;
    }

    int deliveryScore() {
      return leadWeeks <= 4 ? 10 : leadWeeks <= 8 ? 7 : 4;
    }

    int termsScore() {
      return prepayment || dutyRate > 0.10 ? 4 : terms.contains("60") ? 10 : 8;
    }

    LocalDate firstProduction() {
      return AWARD.plusWeeks(toolingWeeks + 2L + leadWeeks);
    }
  }

  static final List<Quote> QUOTES = List.of(
      new Quote("Carrow Precision Machining", "Carrow", "Dayton, Ohio, USA", 14.20, 13.65, 20_000, 0.35, 0, 6_500, 0,
          48, 3, 4, 180, "PPAP level 3; 180 PPM over the last 12 months on our other parts", "Net 45", false),
      new Quote("Meridian Castings & Machining", "Meridian", "Monterrey, Mexico", 11.90, 11.90, 0, 0.62, 0, 18_000, 150,
          24, 6, 7, 500, "PPAP level 3 and first-article inspection included; no history with us, quotes a 500 PPM "
              + "ceiling", "Net 60", false),
      new Quote("Hongda Metal Products", "Hongda", "Shenzhen, China", 9.80, 9.80, 0, 0.95, 0.275, 12_000, 450, 12, 8,
          12, 1_200, "Supplier-reported 1,200 PPM; PPAP level 2 only", "30% deposit with order, 70% before shipment",
          true));

  static double lowest() {
    return QUOTES.stream().mapToDouble(Quote::firstYear).min().orElseThrow();
  }

  /** The RFQ's cost score: 10 for the lowest total landed cost, minus one point for every 2% above it. */
  static double costScore(Quote q) {
    return 10 - (q.firstYear() - lowest()) / lowest() / 0.02;
  }

  static double weighted(Quote q) {
    return 0.5 * costScore(q) + 0.2 * q.qualityScore() + 0.15 * q.deliveryScore() + 0.15 * q.termsScore();
  }

  @Override
  public Task task() {
    Quote carrow = QUOTES.get(0);
    Quote meridian = QUOTES.get(1);
    Quote hongda = QUOTES.get(2);
    return TaskSpec.task("supplier-bid-tabulation")
        .title("Bid tabulation and award recommendation for a machined bracket")
        .occupation(SampleOccupation.PURCHASING_AGENTS)
        .request("Supply Chain Manager, Ridgeline Outdoor Power Equipment", """
            Graham,

            All three quotes for the RB-4471 deck mounting bracket are in (attached, with our RFQ). \
            Before the sourcing committee on 4 December I need the bid tab and your award \
            recommendation.

            Please evaluate them exactly the way the RFQ says we would: first-year total landed cost \
            at 24,000 a year with every cost element the RFQ lists, then the weighted scoring. Use \
            the broker's duty rates in the RFQ, not whatever you read in the news. I want a workbook \
            I can audit, so formulas, not typed-in results, and the assumptions in one place.

            Also tell me whether the winner can actually have production parts here by 1 March, and \
            if not, what we do about it. Put the recommendation and the main risks in the workbook \
            too; the committee reads the first tab and nothing else.

            Thanks,
            Noor
            """)
        .reference("references/rfq-rb-4471.docx", "Request for quotation RB-4471 with the evaluation method")
        .reference("references/quote-carrow.pdf", "Quote from Carrow Precision Machining")
        .reference("references/quote-meridian.pdf", "Quote from Meridian Castings & Machining")
        .reference("references/quote-hongda.pdf", "Quote from Hongda Metal Products")
        .deliverable("A bid tabulation workbook with the recommendation on its first sheet", FileFormat.XLSX)
        .baseline(240, AUTHOR, 9, "baseline/rb-4471-bid-tabulation.xlsx")
        .required("landed", 3, "Computes first-year total landed cost for each supplier with every RFQ element: "
            + "price, freight, duty, brokerage, tooling, inventory carrying and quality cost (Carrow "
            + usd(carrow.firstYear()) + ", Meridian " + usd(meridian.firstYear()) + ", Hongda "
            + usd(hongda.firstYear()) + ")", "accuracy")
        .check(all(numberNear(carrow.firstYear(), 1), numberNear(meridian.firstYear(), 1),
            numberNear(hongda.firstYear(), 1)))
        .required("inputs", 2, "Uses Carrow's 20,000-plus price of $13.65 and the 27.5% duty on Hongda's FOB price",
            "accuracy")
        .check(all(filePresent(FileFormat.XLSX), numberNear(13.65, 0.005),
            any(matches("\\b27\\.5 ?%"), numberNear(0.275, 0.0005))))
        .criterion("scoring", 2, "Applies the RFQ's weights and scoring rules, giving Meridian the highest "
            + "weighted score", "analysis")
        .required("award", 2, "Recommends an award consistent with the analysis and says why", "judgment")
        .criterion("timing", 2, "Shows that Meridian's first production parts arrive about "
            + meridian.firstProduction().format(DAY)
            + ", after the 1 March need date, and proposes bridge supply", "judgment")
        .criterion("auditable", 1, "Keeps inputs in one place and computes results with formulas that evaluate "
            + "without errors", "workbook")
        .criterion("risks", 1, "Names the award's conditions and risks: PPAP and first article, USMCA "
            + "certificate of origin, no quality history", "judgment")
        .penalty("unit-price", -3, "Ranks the suppliers on unit price alone, ignoring landed cost", "analysis")
        .tags("procurement", "sourcing", "spreadsheet")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.docx("references/rfq-rb-4471.docx", rfq());
    files.pdf("references/quote-carrow.pdf", quote(QUOTES.get(0), "CPM-Q-26-3318", "Dana Kessler, Sales Engineer"));
    files.pdf("references/quote-meridian.pdf", quote(QUOTES.get(1), "MCM-2611-074", "Rodrigo Salinas, Key Account "
        + "Manager"));
    files.pdf("references/quote-hongda.pdf", quote(QUOTES.get(2), "HD-RQ-261116", "Vivian Zhou, Export Sales"));
    files.xlsx("baseline/rb-4471-bid-tabulation.xlsx", workbook());
  }

  private static Doc rfq() {
    return Doc.titled("Request for quotation RB-4471: deck mounting bracket", "Ridgeline Purchasing", RFQ_ISSUED)
        .p("Ridgeline Outdoor Power Equipment · Purchasing · Issued 2 November 2026 · Quotes due 16 November 2026")
        .h1("1. Part and volume")
        .bullets("Part RB-4471, deck mounting bracket, 6061-T6 aluminum, CNC machined and clear anodized, per "
                + "drawing RB-4471 rev C.",
            "Annual volume 24,000 (2,000 a month over 48 production weeks; 500 a week).",
            "First production parts needed at our Columbus, Georgia plant by **1 March 2027**.",
            "Award decision 4 December 2026.")
        .h1("2. How quotes will be evaluated")
        .p("**First-year total landed cost** = unit price at the quoted tier for 24,000 a year, plus freight to "
            + "Columbus, plus duty, all times 24,000; plus customs brokerage per shipment times shipments a year; "
            + "plus one-time tooling; plus inventory carrying cost; plus quality cost.")
        .bullets("Inventory carrying: 25% a year of the average inventory value at landed unit cost. Average "
                + "inventory = safety stock + half a shipment. Safety stock = half the supplier's production lead "
                + "time in weeks, rounded up, times 500.",
            "Quality cost: $45 per defective part, at the supplier's quoted or demonstrated PPM.",
            "Duty, as confirmed by our customs broker on 28 October 2026 for HTS 7616.99: Mexico 0% if USMCA "
                + "qualifying (certificate of origin required); China 27.5% of FOB value (2.5% general plus 25% "
                + "Section 301); USA none. Rates change: re-check at award.")
        .table(Tables.header("Criterion", "Weight", "Scoring").numeric(1)
            .row("Total landed cost", "50%", "10 for the lowest first-year total landed cost; minus 1 point for "
                + "every 2% above the lowest")
            .row("Quality", "20%", "10 if PPM 200 or less; 7 if 500 or less; 4 above 500")
            .row("Delivery", "15%", "10 if production lead time is 4 weeks or less; 7 if 8 weeks or less; 4 above 8")
            .row("Terms and risk", "15%", "10 for net 60 or longer; 8 for net 30-59; 4 if prepayment is required "
                + "or duty exceeds 10%")
            .build())
        .h1("3. What to quote")
        .bullets("Unit price with any volume tiers; tooling and fixtures; freight to Columbus, GA per unit; "
                + "shipment frequency; tooling lead time; production lead time; payment terms; PPAP level; "
                + "current PPM on comparable parts.",
            "First articles take 2 weeks from the end of tooling, for every supplier.")
        .small("Contact: Graham Whitaker, Senior Buyer, purchasing@ridgeline-ope.example")
        .build();
  }

  private static Doc quote(Quote q, String number, String contact) {
    Tables terms = Tables.header("Item", "Quoted").numeric(1);
    if (q.lowTierPrice() != q.highTierPrice()) {
      terms.row("Unit price, under " + Fmt.count(q.tierBreak()) + " a year", cents(q.lowTierPrice()))
          .row("Unit price, " + Fmt.count(q.tierBreak()) + " a year or more", cents(q.highTierPrice()));
    } else {
      terms.row("Unit price, any volume" + (q.dutyRate() > 0 ? " (FOB Shenzhen, duties excluded)" : ""),
          cents(q.unitPrice()));
    }
    terms.row("Tooling and fixtures (one time)", usd(q.tooling()))
        .row("Freight to Columbus, GA, per unit", cents(q.freightPerUnit()))
        .row("Shipments", q.shipmentsPerYear() == 48 ? "Weekly truck (48 a year)"
            : q.shipmentsPerYear() == 24 ? "Twice a month (24 a year)" : "Monthly container (12 a year)");
    if (q.brokeragePerShipment() > 0) {
      terms.row("Customs brokerage and fees, per shipment (our broker's estimate)", usd(q.brokeragePerShipment()));
    }
    terms.row("Tooling lead time", q.toolingWeeks() + " weeks")
        .row("Production lead time", q.leadWeeks() + " weeks")
        .row("Payment terms", q.terms());
    return Doc.titled("Quotation " + number + ": RB-4471 deck mounting bracket", q.name(), QUOTED)
        .p(q.name() + ", " + q.origin() + " · To: Ridgeline Outdoor Power Equipment, Purchasing · "
            + "16 November 2026 · Valid 60 days")
        .p("In response to your RFQ RB-4471 of 2 November 2026, we are pleased to quote the deck mounting bracket, "
            + "6061-T6 aluminum, CNC machined and clear anodized to drawing RB-4471 rev C, for an annual volume "
            + "of 24,000 pieces, packed 50 to a returnable tote.")
        .table(terms.build())
        .h2("Quality")
        .p(q.quality() + ".")
        .h2("Notes")
        .p(q.dutyRate() > 0
            ? "Prices FOB Shenzhen. Import duties, tariffs and customs fees are for the buyer's account."
            : q.origin().contains("Mexico")
                ? "Parts qualify under USMCA rules of origin; we provide the certificate of origin with each "
                    + "shipment. Customs brokerage at the border is for the buyer's account."
                : "Prices include anodizing and packaging. Freight by our contract carrier.")
        .small("Contact: " + contact + ". Prices in US dollars. Quantities and delivery schedule to be confirmed "
            + "by blanket purchase order with monthly releases.")
        .build();
  }

  private static Xlsx workbook() {
    Xlsx book = Xlsx.create("RB-4471 bid tabulation and award recommendation", AUTHOR, DELIVERED);
    Quote winner = QUOTES.stream().max((a, b) -> Double.compare(weighted(a), weighted(b))).orElseThrow();
    Quote carrow = QUOTES.get(0);
    double bridgeUnits = 4_000;
    double bridgePremium = (carrow.lowTierPrice() + carrow.freightPerUnit() - winner.landedUnit()) * bridgeUnits
        + carrow.tooling();
    Xlsx.Sheet summary = book.sheet("Recommendation").widths(110);
    summary.title("RB-4471 deck mounting bracket: award recommendation")
        .note("Prepared by Graham Whitaker, Senior Buyer, 25 November 2026, for the sourcing committee of 4 December.")
        .blank()
        .note("Recommendation: award RB-4471 to " + winner.name() + " (highest weighted score "
            + String.format(Locale.ROOT, "%.2f", weighted(winner)) + "; lowest first-year landed cost "
            + usd(winner.firstYear()) + ").")
        .note("Saving against the next-best landed cost: about " + usd(carrow.recurring() - winner.recurring())
            + " a year once tooling is paid.")
        .note("Timing: " + winner.shortName() + "'s first production parts arrive around " + winner.firstProduction().format(DAY)
            + " (6 weeks tooling + 2 weeks first article + 7 weeks lead time from a 4 December award), after the "
            + "1 March need date.")
        .note("Bridge: buy the first " + Fmt.count(bridgeUnits) + " parts (March-April) from Carrow, first parts "
            + carrow.firstProduction().format(DAY) + ", at $14.20 plus tooling; premium about " + usd(bridgePremium)
            + " one time. This also qualifies Carrow as the second source.")
        .note("Conditions: PPAP level 3 and first-article approval before the first production release; a USMCA "
            + "certificate of origin with every shipment; quarterly PPM review for the first year (no history "
            + "with us).")
        .note("Risks: border delays (4 weeks of safety stock held); duty rates can change (re-checked with the "
            + "broker at award); Hongda not recommended: 27.5% duty, prepayment and 1,200 PPM outweigh the "
            + "lowest unit price.")
        .blank()
        .note("Sheets: Inputs (every assumption), Landed Cost, Scoring, Timeline. All results are formulas on Inputs.");

    Xlsx.Sheet inputs = book.sheet("Inputs").widths(44, 16, 16, 16);
    inputs.header("Assumption", "Value", "", "");
    inputs.row("Annual volume (units)", VOLUME);
    inputs.row("Production weeks a year", WEEKS_PER_YEAR);
    inputs.row("Inventory carrying rate", Xlsx.percent(CARRYING_RATE));
    inputs.row("Cost per defective part", money(DEFECT_COST));
    inputs.row("Award date", Xlsx.date(AWARD));
    inputs.row("Need date", Xlsx.date(NEED));
    inputs.row("First-article weeks", 2);
    inputs.blank();
    inputs.header("Quote", "Carrow", "Meridian", "Hongda");
    String[][] rows = {
        {"Unit price at 24,000 a year"}, {"Freight per unit"}, {"Duty rate"}, {"Tooling (one time)"},
        {"Brokerage per shipment"}, {"Shipments a year"}, {"Tooling lead time (weeks)"},
        {"Production lead time (weeks)"}, {"PPM"}, {"Net payment days (0 if prepaid)"}};
    for (int i = 0; i < rows.length; i++) {
      List<Object> row = new ArrayList<>(List.of(rows[i][0]));
      for (Quote q : QUOTES) {
        row.add(switch (i) {
          case 0 -> Xlsx.cents(q.unitPrice());
          case 1 -> Xlsx.cents(q.freightPerUnit());
          case 2 -> Xlsx.percent(q.dutyRate());
          case 3 -> money(q.tooling());
          case 4 -> money(q.brokeragePerShipment());
          case 5 -> q.shipmentsPerYear();
          case 6 -> q.toolingWeeks();
          case 7 -> q.leadWeeks();
          case 8 -> q.ppm();
          default -> q.prepayment() ? 0 : Integer.parseInt(q.terms().replaceAll("\\D", ""));
        });
      }
      inputs.row(row.toArray());
    }
    inputs.note("Sources: the three quotes of 16 November 2026; duty rates from the RFQ (broker, 28 October 2026).");
    // Input cells: B2 volume, B3 weeks, B4 carrying, B5 defect cost, B6 award, B7 need, B8 first-article weeks;
    // quote rows 11-20 in columns B (Carrow), C (Meridian), D (Hongda).

    Xlsx.Sheet landed = book.sheet("Landed Cost").widths(44, 16, 16, 16);
    landed.header("First-year total landed cost", "Carrow", "Meridian", "Hongda");
    String[] lines = {"Duty per unit", "Landed unit cost", "Parts, freight and duty", "Brokerage",
        "Safety stock (weeks)", "Average inventory (units)", "Inventory carrying", "Quality cost", "Tooling",
        "First-year total landed cost", "Annual cost after year one", "Above lowest (first year)"};
    for (int i = 0; i < lines.length; i++) {
      int r = landed.nextRowNumber();
      List<Object> row = new ArrayList<>(List.of(lines[i]));
      for (String c : List.of("B", "C", "D")) {
        String in = "Inputs!" + c;
        row.add(switch (i) {
          case 0 -> formula(in + "11*" + in + "13", Format.MONEY_CENTS);
          case 1 -> formula(in + "11+" + in + "12+" + c + "2", Format.MONEY_CENTS);
          case 2 -> formula(c + "3*Inputs!$B$2", Format.MONEY);
          case 3 -> formula(in + "15*" + in + "16", Format.MONEY);
          case 4 -> formula("ROUNDUP(" + in + "18/2,0)", Format.INTEGER);
          case 5 -> formula(c + "6*Inputs!$B$2/Inputs!$B$3+Inputs!$B$2/" + in + "16/2", Format.INTEGER);
          case 6 -> formula(c + "7*" + c + "3*Inputs!$B$4", Format.MONEY);
          case 7 -> formula(in + "19/1000000*Inputs!$B$2*Inputs!$B$5", Format.MONEY);
          case 8 -> formula(in + "14", Format.MONEY);
          case 9 -> formula(c + "4+" + c + "5+" + c + "8+" + c + "9+" + c + "10", Format.MONEY);
          case 10 -> formula(c + "11-" + c + "10", Format.MONEY);
          default -> formula(c + "11/MIN($B$11:$D$11)-1", Format.PERCENT);
        });
      }
      if (i == 9) {
        landed.total(row.toArray());
      } else {
        landed.row(row.toArray());
      }
      if (r != i + 2) {
        throw new IllegalStateException("Landed Cost rows moved; fix the formulas");
      }
    }

    Xlsx.Sheet scoring = book.sheet("Scoring").widths(30, 10, 14, 14, 14);
    scoring.header("Criterion", "Weight", "Carrow", "Meridian", "Hongda");
    String[] criteria = {"Total landed cost", "Quality", "Delivery", "Terms and risk"};
    double[] weights = {0.5, 0.2, 0.15, 0.15};
    for (int i = 0; i < criteria.length; i++) {
      List<Object> row = new ArrayList<>(List.of(criteria[i], Xlsx.percent(weights[i])));
      for (String c : List.of("B", "C", "D")) {
        String in = "Inputs!" + c;
        row.add(switch (i) {
          case 0 -> formula("10-('Landed Cost'!" + c + "11/MIN('Landed Cost'!$B$11:$D$11)-1)/0.02", Format.DECIMAL);
          case 1 -> formula("IF(" + in + "19<=200,10,IF(" + in + "19<=500,7,4))", Format.INTEGER);
          case 2 -> formula("IF(" + in + "18<=4,10,IF(" + in + "18<=8,7,4))", Format.INTEGER);
          default -> formula("IF(OR(" + in + "20=0," + in + "13>0.1),4,IF(" + in + "20>=60,10,8))", Format.INTEGER);
        });
      }
      scoring.row(row.toArray());
    }
    scoring.total("Weighted score", formula("SUM(B2:B5)", Format.PERCENT),
        formula("SUMPRODUCT($B$2:$B$5,C2:C5)", Format.DECIMAL), formula("SUMPRODUCT($B$2:$B$5,D2:D5)", Format.DECIMAL),
        formula("SUMPRODUCT($B$2:$B$5,E2:E5)", Format.DECIMAL));
    scoring.row("Rank", "", formula("RANK(C6,$C$6:$E$6)", Format.INTEGER), formula("RANK(D6,$C$6:$E$6)", Format.INTEGER),
        formula("RANK(E6,$C$6:$E$6)", Format.INTEGER));
    scoring.note("Scoring rules from RFQ section 2.");

    Xlsx.Sheet timeline = book.sheet("Timeline").widths(36, 14, 14, 14);
    timeline.header("Milestone", "Carrow", "Meridian", "Hongda");
    List<Object> tooled = new ArrayList<>(List.of("Tooling complete"));
    List<Object> article = new ArrayList<>(List.of("First article approved"));
    List<Object> first = new ArrayList<>(List.of("First production parts arrive"));
    List<Object> late = new ArrayList<>(List.of("Days after the 1 March need date"));
    for (String c : List.of("B", "C", "D")) {
      tooled.add(formula("Inputs!$B$6+7*Inputs!" + c + "17", Format.DATE));
      article.add(formula(c + "2+7*Inputs!$B$8", Format.DATE));
      first.add(formula(c + "3+7*Inputs!" + c + "18", Format.DATE));
      late.add(formula("MAX(0," + c + "4-Inputs!$B$7)", Format.INTEGER));
    }
    timeline.row(tooled.toArray()).row(article.toArray()).row(first.toArray()).row(late.toArray());
    timeline.note("From an award on 4 December 2026. Bridge with Carrow for March-April if Meridian is awarded.");
    return book;
  }
}
