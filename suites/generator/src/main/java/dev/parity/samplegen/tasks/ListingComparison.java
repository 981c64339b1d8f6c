package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.tasks.Fmt.count;
import static dev.parity.samplegen.tasks.Fmt.usd;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.RubricCheck;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** A buyer's agent compares four listings against a relocating family's criteria and budget. */
final class ListingComparison implements SampleTask {
  private static final LocalDate PRINTED = LocalDate.of(2026, 11, 23);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 11, 25);
  private static final String AUTHOR = "Dev Mahajan";
  static final double RATE = 0.06375;
  static final double DOWN = 0.20;
  static final double INSURANCE_PER_YEAR = 1_900;

  /** One listing sheet. */
  record Listing(String mls, String address, double price, int beds, String baths, int sqft, String lot,
      int built, double hoaMonthly, double taxesYearly, String school, int schoolRating, int commuteMinutes,
      String fence, int daysOnMarket, String remarks, String disclosures) {

    double loan() {
      return price * (1 - DOWN);
    }

    /** Principal and interest on a 30-year fixed loan at {@link #RATE}. */
    double principalAndInterest() {
      double r = RATE / 12;
      return loan() * r / (1 - Math.pow(1 + r, -360));
    }

    double monthlyTotal() {
      return principalAndInterest() + taxesYearly / 12 + INSURANCE_PER_YEAR / 12 + hoaMonthly;
    }

    double pricePerSqft() {
      return price / sqft;
    }
  }

  static final List<Listing> LISTINGS = List.of(
      new Listing("AF-261847", "118 Larkfield Lane", 559_000, 4, "2.5", 2_640, "0.31 acre", 2004, 65, 4_380,
          "Willow Creek Elementary", 8, 22, "Yes, 6-ft wood privacy fence", 34,
          "Two-story on a cul-de-sac. Primary suite upstairs with three more bedrooms. Original 2004 kitchen, "
              + "hardwoods on main level, screened porch. Price reduced from $579,000 on 10 November.",
          "Roof replaced 2019. HVAC original (2012 replacement of upstairs unit only). No known defects."),
      new Listing("AF-262311", "27 Quarry Stone Court", 574_900, 4, "3", 2_910, "0.22 acre", 2018, 118, 5_020,
          "Ashby Crossing Elementary", 9, 31, "No (HOA approves 4-ft black aluminum only)", 9,
          "Builder-grade upgrades throughout, guest suite on main level, open kitchen with island, community "
              + "pool and trails. Move-in ready.",
          "HOA special assessment of $1,850 per home approved October 2026 for pool resurfacing, due 1 March "
              + "2027; buyer to pay if closing after that date."),
      new Listing("AF-259904", "9 Old Mill Road", 535_000, 3, "2", 2_380, "1.1 acres", 1996, 0, 3_890,
          "Pine Hollow Elementary", 6, 18, "Partial, split-rail with wire mesh at back", 61,
          "Ranch on over an acre, three bedrooms plus a ground-floor office with closet, kitchen renovated 2021, "
              + "detached workshop. No HOA.",
          "Septic system (last pumped and inspected 2022). Rear 0.3 acre lies in FEMA flood zone AE; the house "
              + "and driveway are outside it (survey 2019)."),
      new Listing("AF-262078", "450 Heron Pointe Drive", 599_000, 5, "3.5", 3_180, "0.27 acre", 2021, 95, 5_460,
          "Ashby Crossing Elementary", 9, 27, "Yes, 5-ft aluminum", 48,
          "Five bedrooms including main-level guest room, bonus room, covered patio. Seller offers $10,000 toward "
              + "buyer's closing costs or a rate buy-down with an acceptable offer.",
          "Builder warranty transferable to 2031 (structural). No known defects."));

  @Override
  public Task task() {
    Listing larkfield = LISTINGS.get(0);
    return TaskSpec.task("listing-comparison")
        .title("Comparison of four listings for a relocating family")
        .occupation(SampleOccupation.REAL_ESTATE_SALES_AGENTS)
        .request("Buyer clients (relocating family)", """
            Hi Dev,

            Thanks for sending the four listing sheets (attached again here). We can only fly in for \
            one weekend, 5-6 December, so we need your help deciding which ones to see and which one \
            we should be ready to make an offer on.

            As a reminder, what matters to us: no more than $575,000 on price, and we want the \
            monthly payment, everything in, under $3,900. Four bedrooms, or three and a real office \
            since I work from home. Jordan's commute to the Research Park no more than 30 minutes. A \
            fenced yard for the dog. An elementary school rated 8 or better. We need to move in by \
            mid-March, and we really don't want to take on big repairs in the first year.

            Our lender says to plan on 20% down and a 30-year fixed at 6.375%, with homeowners \
            insurance around $1,900 a year.

            Could you put it all side by side for us, with what each would cost us a month, anything \
            in the disclosures we should worry about, and your honest ranking? A PDF we can both read \
            on our phones is perfect.

            Thanks so much,
            Priya and Jordan Castellano
            """)
        .reference("references/listing-sheets.pdf", "MLS listing sheets for the four homes")
        .deliverable("A side-by-side comparison with monthly cost estimates, concerns and a ranked "
            + "recommendation", FileFormat.PDF)
        .baseline(150, AUTHOR, 6, "baseline/castellano-listing-comparison.pdf")
        .required("side-by-side", 2, "Compares all four homes side by side on price, bedrooms and office, "
            + "baths, size, price per square foot, HOA, taxes, school rating, commute and fence", "completeness")
        .required("payment", 3, "Estimates each home's monthly cost with 20% down, 30 years at 6.375%, taxes, "
            + "insurance of $1,900 a year and HOA, showing the assumptions; 118 Larkfield Lane comes to about "
            + usd(larkfield.monthlyTotal()) + " a month", "accuracy")
        .check(all(all(LISTINGS.stream().map(l -> numberNear(Math.round(l.monthlyTotal()), 10))
            .toArray(RubricCheck[]::new)), contains("6.375%"), matches("20 ?% down")))
        .criterion("criteria", 2, "Checks each home against every stated criterion and says which fail: "
            + "Heron Pointe's price, Quarry Stone's commute and missing fence, Old Mill's school rating", "analysis")
        .criterion("disclosures", 2, "Raises the disclosure issues: the $1,850 HOA special assessment, the "
            + "septic system and the partial flood zone, and the original HVAC", "analysis")
        .check(all(contains("$1,850"), contains("septic"), contains("flood"), contains("HVAC")))
        .required("ranking", 2, "Gives a clear ranking with reasons and a recommendation of which to see and "
            + "which to be ready to offer on", "advice")
        .criterion("next-steps", 1, "Suggests next steps: showing plan for the weekend and an offer approach "
            + "for the top home (days on market, price history)", "advice")
        .criterion("client-friendly", 1, "Is written for the clients in plain language and reads well on a "
            + "phone", "communication")
        .penalty("wrong-fact", -2, "Misstates a fact from the listing sheets (price, bedrooms, HOA, taxes, "
            + "school or commute)", "accuracy")
        .tags("real-estate", "comparison", "client-advice")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.pdf("references/listing-sheets.pdf", sheets());
    files.pdf("baseline/castellano-listing-comparison.pdf", comparison());
  }

  private static Doc sheets() {
    Doc.Builder doc = Doc.titled("Listing sheets: Ashby Falls, NC", "Triangle Crest MLS", PRINTED)
        .small("Printed 23 November 2026 for Dev Mahajan, Keystone Realty Group. Information deemed reliable "
            + "but not guaranteed; buyers to verify school assignment and commute.");
    for (int i = 0; i < LISTINGS.size(); i++) {
      Listing l = LISTINGS.get(i);
      if (i > 0) {
        doc.pageBreak();
      }
      doc.h1(l.address() + ", Ashby Falls, NC")
          .table(Tables.header("Field", "Value")
              .row("MLS number", l.mls())
              .row("List price", usd(l.price()))
              .row("Bedrooms / baths", l.beds() + " / " + l.baths())
              .row("Heated square feet", count(l.sqft()))
              .row("Lot", l.lot())
              .row("Year built", Integer.toString(l.built()))
              .row("HOA dues", l.hoaMonthly() == 0 ? "None" : usd(l.hoaMonthly()) + " a month")
              .row("Property taxes (2026)", usd(l.taxesYearly()) + " a year")
              .row("Elementary school (rating)", l.school() + " (" + l.schoolRating() + "/10)")
              .row("Drive to Ashby Research Park, weekday 8 a.m.", l.commuteMinutes() + " min")
              .row("Fenced yard", l.fence())
              .row("Days on market", Integer.toString(l.daysOnMarket()))
              .build())
          .h3("Remarks")
          .p(l.remarks())
          .h3("Seller disclosures")
          .p(l.disclosures());
    }
    return doc.build();
  }

  private static Doc comparison() {
    Tables facts = Tables.header("", "118 Larkfield Ln", "27 Quarry Stone Ct", "9 Old Mill Rd", "450 Heron Pointe Dr");
    facts.row(row("Price", l -> usd(l.price())));
    facts.row(row("Bedrooms", l -> l.beds() + (l.beds() == 3 ? " + office" : "")));
    facts.row(row("Baths", Listing::baths));
    facts.row(row("Square feet", l -> count(l.sqft())));
    facts.row(row("Price per sq ft", l -> usd(l.pricePerSqft())));
    facts.row(row("Built", l -> Integer.toString(l.built())));
    facts.row(row("School (rating)", l -> l.school().replace(" Elementary", "") + " (" + l.schoolRating() + ")"));
    facts.row(row("Commute", l -> l.commuteMinutes() + " min"));
    facts.row(row("Fenced yard", l -> l.fence().startsWith("Yes") ? "Yes" : l.fence().startsWith("No") ? "No"
        : "Partial"));
    facts.row(row("Days on market", l -> Integer.toString(l.daysOnMarket())));

    Tables monthly = Tables.header("Per month", "118 Larkfield Ln", "27 Quarry Stone Ct", "9 Old Mill Rd",
        "450 Heron Pointe Dr").numeric(1, 2, 3, 4);
    monthly.row(row("Loan amount (80%)", l -> usd(l.loan())));
    monthly.row(row("Principal and interest", l -> usd(l.principalAndInterest())));
    monthly.row(row("Property taxes", l -> usd(l.taxesYearly() / 12)));
    monthly.row(row("Homeowners insurance", l -> usd(INSURANCE_PER_YEAR / 12)));
    monthly.row(row("HOA", l -> usd(l.hoaMonthly())));
    monthly.total(row("Total a month", l -> usd(l.monthlyTotal())).toArray(String[]::new));

    Tables fit = Tables.header("Your criteria", "118 Larkfield Ln", "27 Quarry Stone Ct", "9 Old Mill Rd",
        "450 Heron Pointe Dr");
    fit.row(row("Price up to $575,000", l -> l.price() <= 575_000 ? "Yes" : "**No**"));
    fit.row(row("Under $3,900 a month", l -> l.monthlyTotal() < 3_900 ? "Yes" : "**No**"));
    fit.row(row("4 bedrooms or 3 + office", l -> "Yes"));
    fit.row(row("Commute 30 min or less", l -> l.commuteMinutes() <= 30 ? "Yes" : "**No** (" + l.commuteMinutes()
        + " min)"));
    fit.row(row("Fenced yard", l -> l.fence().startsWith("Yes") ? "Yes" : l.fence().startsWith("No")
        ? "**No**" : "Partial"));
    fit.row(row("School rated 8+", l -> l.schoolRating() >= 8 ? "Yes" : "**No** (" + l.schoolRating() + ")"));
    fit.row(row("No big repairs soon", l -> switch (l.mls()) {
      case "AF-261847" -> "Watch HVAC";
      case "AF-259904" -> "Watch septic";
      default -> "Yes";
    }));

    Listing larkfield = LISTINGS.get(0);
    return Doc.titled("Your four Ashby Falls homes, side by side", AUTHOR, DELIVERED)
        .p("For Priya and Jordan Castellano, from Dev Mahajan, Keystone Realty Group, 25 November 2026.")
        .p("**My short answer:** see all four if time allows, but be ready to offer on **118 Larkfield Lane**. "
            + "It is the only home that meets every one of your criteria, and the seller has already cut the "
            + "price once. 27 Quarry Stone Court is the strong second choice if you can live with a 31-minute "
            + "commute and adding a fence.")
        .h1("The homes")
        .table(facts.build())
        .h1("What each would cost you a month")
        .table(monthly.build())
        .small("Assumptions: 20% down, 30-year fixed at 6.375% (your lender's estimate), 2026 property taxes from "
            + "the listing, insurance $1,900 a year, no mortgage insurance. Not a loan estimate; your lender's "
            + "figures will differ slightly.")
        .h1("How each fits your list")
        .table(fit.build())
        .h1("Things to know from the disclosures")
        .bullets("**118 Larkfield Lane:** roof is 2019, but the downstairs heating and cooling unit is the original "
                + "2004 system. Budget $7,000-$9,000 to replace it in the next few years, or ask the seller for a "
                + "credit after inspection. The kitchen is original.",
            "**27 Quarry Stone Court:** the HOA has approved a $1,850 special assessment per home, due 1 March "
                + "2027. If we close after that, ask the seller to pay it. A fence must be 4-ft black aluminum "
                + "with HOA approval (typically $4,500-$6,000 and 4-6 weeks).",
            "**9 Old Mill Road:** on a septic system (last pumped 2022; we would order a septic inspection), and "
                + "the back 0.3 acre is in a FEMA flood zone. The house is outside it, so flood insurance should "
                + "not be required, but I would get a quote. The school is rated 6.",
            "**450 Heron Pointe Drive:** no red flags and a builder warranty to 2031, but it is " + usd(599_000 - 575_000)
                + " over your price limit. The seller's $10,000 credit helps with cash to close, not the price.")
        .h1("My ranking")
        .numbered("**118 Larkfield Lane:** meets everything, " + usd(larkfield.monthlyTotal()) + " a month, 22-minute "
                + "commute, fenced, good school. Needs cosmetic updates over time and a plan for the HVAC.",
            "**27 Quarry Stone Court:** the newest and best school (9), but misses on commute by a minute and has "
                + "no fence; with the fence and assessment you would spend about $7,000 more up front.",
            "**450 Heron Pointe Drive:** lovely and in budget monthly, but over your price ceiling. Only if you "
                + "decide to stretch.",
            "**9 Old Mill Road:** cheapest and the shortest commute, with a real office, but the school rating "
                + "and the septic and flood-zone questions make it the weakest fit for you.")
        .h1("Next steps")
        .bullets("Saturday 5 December: Larkfield at 10:00 and Quarry Stone at 11:30 (both in the south of town), "
                + "Heron Pointe at 14:00; Old Mill at 15:30 if you still want to see it.",
            "If Larkfield feels right, we can write an offer on Sunday. At " + larkfield.daysOnMarket() + " days on "
                + "the market after a $20,000 price cut, I would start around $545,000 with a 10-day inspection "
                + "period and a closing date in early March, and ask for an HVAC credit if the inspection "
                + "supports it.",
            "Please ask your lender for an updated pre-approval letter at $560,000 so it does not show your full "
                + "budget to the seller.")
        .build();
  }

  private static List<String> row(String label, Function<Listing, String> value) {
    List<String> cells = new java.util.ArrayList<>();
    cells.add(label);
    LISTINGS.forEach(l -> cells.add(value.apply(l)));
    return cells;
  }
}
