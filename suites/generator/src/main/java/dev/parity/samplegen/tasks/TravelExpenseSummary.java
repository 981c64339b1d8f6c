package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.csvColumns;
import static dev.parity.samplegen.RubricCheck.filePresent;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.tasks.Fmt.cents;
import static dev.parity.samplegen.tasks.Fmt.pct;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** A staff accountant summarizes a quarter's travel card spend and finds the policy exceptions. */
final class TravelExpenseSummary implements SampleTask {
  private static final LocalDate DELIVERED = LocalDate.of(2026, 10, 12);
  private static final String AUTHOR = "Nadia Petrov";
  static final double LODGING_CAP = 250;
  static final double HIGH_COST_LODGING_CAP = 325;
  static final Set<String> HIGH_COST_CITIES = Set.of("New York", "San Francisco", "Boston", "Washington");
  static final double MEALS_PER_DAY = 75;
  static final double RECEIPT_THRESHOLD = 75;

  /** One card transaction, with the reviewer's finding when it breaks the policy. */
  record Txn(String id, LocalDate date, String employee, String department, String purpose, String category,
      String merchant, String city, double amount, Integer nights, boolean receipt, String memo) {}

  /** A policy exception: the transaction, what is wrong, how much is at issue, and what to do. */
  record PolicyException(Txn txn, String issue, double atIssue, String action) {}

  private static final Map<String, String> DEPARTMENTS = Map.of(
      "Maya Lindgren", "Structural", "Lucas Ferreira", "Structural", "Carlos Medina", "Civil",
      "Grace Whitfield", "Civil", "Hannah Osei", "Business Development", "Samuel Ortiz", "Business Development",
      "Ethan Brooks", "Executive");

  static final List<Txn> TXNS = transactions();

  private static List<Txn> transactions() {
    List<Txn> t = new ArrayList<>();
    Builder b = new Builder(t);
    b.trip("Maya Lindgren", "Chicago", "Site visit, Lakefront Tower retrofit");
    b.add("2026-07-13", "Airfare", "Great Lakes Airlines", 486.20, "ORD round trip, economy");
    b.lodging("2026-07-16", "Riverview Hotel Chicago", 867.00, 3);
    b.meals("2026-07-13", 52.30, "2026-07-14", 61.75, "2026-07-15", 48.90, "2026-07-16", 22.40);
    b.add("2026-07-13", "Ground transport", "Windy City Taxi", 58.00, "Airport to hotel");
    b.add("2026-07-16", "Ground transport", "Uber", 31.25, "Site to airport");

    b.trip("Carlos Medina", "Denver", "Western Bridge Engineering Conference");
    b.add("2026-07-02", "Conference fees", "WBEC Registration", 895.00, "Conference registration");
    b.add("2026-07-20", "Airfare", "Summit Air", 412.80, "DEN round trip, economy");
    b.lodging("2026-07-24", "Mile High Conference Hotel", 1_120.00, 4);
    b.meals("2026-07-20", 38.60, "2026-07-21", 57.15, "2026-07-22", 64.20, "2026-07-23", 49.80);
    b.add("2026-07-20", "Ground transport", "Uber", 46.80, "Airport to hotel");
    b.add("2026-07-20", "Ground transport", "Uber", 46.80, "Airport to hotel");
    b.add("2026-07-24", "Ground transport", "Uber", 44.10, "Hotel to airport");

    b.trip("Hannah Osei", "New York", "Proposal presentation, Hudson Yards office fit-out");
    b.add("2026-08-04", "Airfare", "Eastern Shuttle", 538.40, "LGA round trip, economy");
    b.lodging("2026-08-06", "Midtown Grand Hotel", 758.00, 2);
    b.add("2026-08-04", "Client entertainment", "Tavola Restaurant", 486.00, "Client dinner");
    b.meals("2026-08-05", 44.70, "2026-08-06", 29.90);
    b.noReceipt("2026-08-05", "Ground transport", "Metro Car Service", 112.00, "Office to client and back");

    b.trip("Hannah Osei", "Boston", "Harborview Labs kickoff");
    b.add("2026-08-18", "Airfare", "Eastern Shuttle", 344.60, "BOS round trip, economy");
    b.lodging("2026-08-21", "Back Bay Suites", 930.00, 3);
    b.meals("2026-08-18", 36.20, "2026-08-20", 58.40, "2026-08-21", 18.75);
    b.add("2026-08-19", "Meals", "Oyster House", 77.50, "Lunch");
    b.add("2026-08-19", "Meals", "Fenway Deli", 41.10, "Dinner");
    b.add("2026-08-18", "Ground transport", "Lyft", 27.90, "Airport to hotel");

    b.trip("Ethan Brooks", "Dallas", "Board meeting, Lone Star Infrastructure Partners");
    b.add("2026-08-25", "Airfare", "Southern Skies", 1_284.00, "DFW round trip. Business class; economy fare quoted $412.00");
    b.lodging("2026-08-26", "Commerce Street Hotel", 219.00, 1);
    b.meals("2026-08-25", 66.40, "2026-08-26", 24.30);
    b.add("2026-08-26", "Other", "Commerce Street Hotel Spa", 145.00, "Spa treatment, personal, will repay");

    b.trip("Lucas Ferreira", "Phoenix", "Desert Ridge parking structure inspection");
    b.add("2026-09-08", "Airfare", "Canyon Air", 398.00, "PHX round trip, economy");
    b.lodging("2026-09-11", "Camelback Inn & Suites", 651.00, 3);
    b.meals("2026-09-08", 31.40, "2026-09-10", 57.90, "2026-09-11", 19.60);
    b.noReceipt("2026-09-09", "Meals", "Sonoran Grill", 84.50, "Dinner with inspection team, own share");
    b.add("2026-09-08", "Ground transport", "Saguaro Car Rental", 286.40, "Car rental, 4 days");
    b.add("2026-09-11", "Ground transport", "Valley Fuel", 41.20, "Fuel for rental");

    b.trip("Grace Whitfield", "Washington", "Federal highway grant workshop");
    b.add("2026-09-14", "Airfare", "Capital Air", 276.90, "DCA round trip, economy");
    b.lodging("2026-09-16", "Potomac Square Hotel", 612.00, 2);
    b.meals("2026-09-14", 27.80, "2026-09-15", 62.35, "2026-09-16", 33.10);
    b.add("2026-09-16", "Meals", "Terminal B Taproom", 38.00, "Drinks while waiting for flight");
    b.add("2026-09-14", "Ground transport", "Metro SmarTrip", 25.00, "Transit card");

    b.trip("Samuel Ortiz", "Houston", "Bid meeting, Gulf Freeway interchange");
    b.add("2026-09-21", "Airfare", "Gulf Coast Airways", 452.30, "IAH round trip, economy");
    b.noReceipt("2026-09-22", "Airfare", "Gulf Coast Airways", 150.00, "Change fee");
    b.lodging("2026-09-23", "Bayou City Hotel", 398.00, 2);
    b.add("2026-09-22", "Client entertainment", "Magnolia Bistro", 212.40,
        "Lunch with R. Dalton and T. Nguyen (Harris Transit Authority), bid strategy");
    b.noReceipt("2026-09-21", "Other", "FastPrint Houston", 236.40, "Proposal boards");
    b.meals("2026-09-21", 45.60, "2026-09-22", 21.90, "2026-09-23", 52.75);
    return List.copyOf(t);
  }

  /** Writes transactions trip by trip, numbering them in order. */
  private static final class Builder {
    private final List<Txn> txns;
    private static final List<String> EATERIES = List.of("Blue Plate Cafe", "Market Street Deli", "Union Grill",
        "Copper Kettle", "Station Coffee", "Maple Diner", "Lantern Noodle Bar", "Oak & Rye", "Harbor Cafe");
    private String employee;
    private String city;
    private String purpose;
    private int eateries;

    Builder(List<Txn> txns) {
      this.txns = txns;
    }

    void trip(String employee, String city, String purpose) {
      this.employee = employee;
      this.city = city;
      this.purpose = purpose;
    }

    void add(String date, String category, String merchant, double amount, String memo) {
      put(date, category, merchant, amount, null, true, memo);
    }

    void noReceipt(String date, String category, String merchant, double amount, String memo) {
      put(date, category, merchant, amount, null, false, memo);
    }

    void lodging(String checkout, String hotel, double amount, int nights) {
      put(checkout, "Lodging", hotel, amount, nights, true, nights + (nights == 1 ? " night" : " nights"));
    }

    /** Meal charges under the receipt threshold: date, amount, date, amount, … */
    void meals(Object... dateAmount) {
      for (int i = 0; i < dateAmount.length; i += 2) {
        double amount = ((Number) dateAmount[i + 1]).doubleValue();
        String place = EATERIES.get(eateries++ % EATERIES.size());
        put((String) dateAmount[i], "Meals", place, amount, null, true, "Meals while traveling");
      }
    }

    private void put(String date, String category, String merchant, double amount, Integer nights,
        boolean receipt, String memo) {
      String id = String.format(Locale.ROOT, "T3-%04d", txns.size() + 1);
      txns.add(new Txn(id, LocalDate.parse(date), employee, DEPARTMENTS.get(employee), purpose, category, merchant,
          city, amount, nights, receipt, memo));
    }
  }

  /** Applies the travel policy to every transaction, in transaction order. */
  static List<PolicyException> exceptions() {
    List<PolicyException> found = new ArrayList<>();
    Map<String, Txn> seen = new LinkedHashMap<>();
    Map<String, Double> mealsByDay = new TreeMap<>();
    for (Txn t : TXNS) {
      String key = t.employee() + "|" + t.date() + "|" + t.merchant() + "|" + t.amount();
      if (seen.containsKey(key)) {
        found.add(new PolicyException(t, "Duplicate of " + seen.get(key).id(), t.amount(),
            "Dispute with the card issuer"));
        continue;
      }
      seen.put(key, t);
      if (t.nights() != null) {
        double cap = HIGH_COST_CITIES.contains(t.city()) ? HIGH_COST_LODGING_CAP : LODGING_CAP;
        double nightly = t.amount() / t.nights();
        if (nightly > cap) {
          found.add(new PolicyException(t, String.format(Locale.ROOT, "Lodging %s a night over the %s cap",
              cents(nightly), cents(cap)), (nightly - cap) * t.nights(), "Recover excess from employee"));
        }
      }
      if (t.memo().contains("Business class")) {
        double economy = Double.parseDouble(t.memo().replaceAll(".*\\$([0-9.]+).*", "$1"));
        found.add(new PolicyException(t, "Business class on a flight under 6 hours, no pre-approval",
            t.amount() - economy, "Recover difference from economy fare"));
      }
      if (t.memo().contains("personal")) {
        found.add(new PolicyException(t, "Personal expense on the corporate card", t.amount(), "Recover from employee"));
      } else if (t.memo().startsWith("Drinks")) {
        found.add(new PolicyException(t, "Alcohol outside client entertainment", t.amount(), "Recover from employee"));
      } else if (t.category().equals("Meals")) {
        mealsByDay.merge(t.employee() + "|" + t.date(), t.amount(), Double::sum);
      }
      if (t.category().equals("Client entertainment") && !t.memo().contains(" with ")) {
        found.add(new PolicyException(t, "Client entertainment without attendees or business purpose", t.amount(),
            "Obtain attendees and purpose"));
      }
      if (!t.receipt() && t.amount() >= RECEIPT_THRESHOLD) {
        found.add(new PolicyException(t, "No receipt for an expense of $75 or more", t.amount(), "Obtain receipt"));
      }
    }
    mealsByDay.forEach((day, total) -> {
      if (total > MEALS_PER_DAY) {
        String[] parts = day.split("\\|");
        Txn last = TXNS.stream().filter(t -> t.employee().equals(parts[0]) && t.date().toString().equals(parts[1])
            && t.category().equals("Meals")).reduce((a, b) -> b).orElseThrow();
        found.add(new PolicyException(last, "Meals of " + cents(total) + " on " + parts[1] + " over the $75.00 daily limit",
            total - MEALS_PER_DAY, "Recover excess from employee"));
      }
    });
    return List.copyOf(found);
  }

  static double total() {
    return TXNS.stream().mapToDouble(Txn::amount).sum();
  }

  @Override
  public Task task() {
    List<PolicyException> exceptions = exceptions();
    return TaskSpec.task("travel-expense-summary")
        .title("Quarterly travel expense summary with policy exceptions")
        .occupation(SampleOccupation.ACCOUNTANTS_AND_AUDITORS)
        .request("Finance Director, Corbel Engineering Group", """
            Nadia,

            Attached is the Q3 corporate card export for travel and entertainment (July to September) \
            and our travel policy. Before I sign off the quarter I need a short summary I can share \
            with the partners: total spend, by category and by department, the biggest trips, and \
            every transaction that breaks the policy, with the amount at issue and what we should do \
            about it (recover from the employee, get a receipt, dispute with the card company).

            Keep the summary to a page in Markdown so it pastes into the partners' update, and give \
            me the exceptions separately as a CSV so Accounts Payable can work through them: one row \
            per exception, with the columns their tracker imports (transaction_id, employee, issue, \
            amount_at_issue_usd and action) and any others you find useful.

            Thanks,
            Martin
            """)
        .reference("references/q3-card-transactions.csv", "Corporate card export, travel and entertainment, "
            + "Q3 2026")
        .reference("references/travel-policy.md", "Corbel travel and expense policy, rev. 2026")
        .deliverable("A one-page Markdown summary and a CSV of policy exceptions", FileFormat.MD, FileFormat.CSV)
        .baseline(120, AUTHOR, 5, "baseline/q3-travel-summary.md", "baseline/q3-policy-exceptions.csv")
        .required("total", 2, "States total Q3 spend of " + cents(total()) + " across " + TXNS.size()
            + " transactions", "accuracy")
        .check(all(numberNear(total(), 0.005).in(FileFormat.MD), matches("\\b" + TXNS.size() + " transactions")))
        .criterion("breakdowns", 2, "Breaks spend down by category and by department, with figures that add up "
            + "to the total", "accuracy")
        .required("exceptions", 3, "Finds all " + exceptions.size() + " policy exceptions: three lodging "
            + "overages, four missing receipts, the business-class fare, the spa charge, the duplicate Uber "
            + "charge, meals over the daily limit on two days, the bar tab and the client dinner without attendees",
            "accuracy")
        .criterion("amounts", 2, "Gives the amount at issue for each exception (the excess over a cap, not the "
            + "whole charge, where only the excess breaks the policy)", "accuracy")
        .criterion("actions", 1, "Says what to do about each exception: recover, obtain a receipt or "
            + "attendees, or dispute the duplicate", "practicality")
        .criterion("csv", 1, "Delivers the exceptions as a CSV with one row per exception, its transaction id, "
            + "employee, issue, amount at issue and action", "format")
        .check(all(filePresent(FileFormat.CSV),
            csvColumns("transaction_id", "employee", "issue", "amount_at_issue_usd", "action")))
        .criterion("concise", 1, "Keeps the summary to about a page of Markdown that reads well pasted into "
            + "an update", "communication")
        .penalty("false-positive", -2, "Flags an expense the policy allows, such as the Boston hotel at $310 a "
            + "night (under the $325 high-cost cap)", "accuracy")
        .tags("accounting", "expenses", "audit")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.csv("references/q3-card-transactions.csv",
        List.of("transaction_id", "date", "employee", "department", "trip_purpose", "category", "merchant", "city",
            "amount_usd", "nights", "receipt_attached", "memo"),
        TXNS.stream().map(t -> List.of(t.id(), t.date().toString(), t.employee(), t.department(), t.purpose(),
            t.category(),
            t.merchant(), t.city(), money(t.amount()), t.nights() == null ? "" : t.nights().toString(),
            t.receipt() ? "yes" : "no", t.memo())).toList());
    files.markdown("references/travel-policy.md", policy());
    files.markdown("baseline/q3-travel-summary.md", summary());
    files.csv("baseline/q3-policy-exceptions.csv",
        List.of("transaction_id", "date", "employee", "merchant", "amount_usd", "issue", "amount_at_issue_usd",
            "action"),
        exceptions().stream().map(e -> List.of(e.txn().id(), e.txn().date().toString(), e.txn().employee(),
            e.txn().merchant(), money(e.txn().amount()), e.issue(), money(e.atIssue()), e.action())).toList());
  }

  private static String money(double amount) {
    return String.format(Locale.ROOT, "%.2f", amount);
  }

  private static Doc policy() {
    return Doc.titled("Corbel Engineering Group: travel and expense policy", "Corbel Finance", LocalDate.of(2026, 1, 5))
        .p("Revision 2026-1, effective 1 January 2026. Applies to every employee traveling on company business "
            + "and to every charge on a Corbel corporate card.")
        .h2("1. Air travel")
        .bullets("Book economy class through the travel portal at least 14 days ahead where possible.",
            "Business class only for flights with a scheduled duration over 6 hours, with the approval of a "
                + "partner before booking.",
            "Change fees are reimbursable when the change was for business reasons; note the reason.")
        .h2("2. Lodging")
        .bullets("Nightly room rate including taxes up to $250.",
            "High-cost cities (New York, San Francisco, Boston, Washington DC): up to $325 a night.",
            "Amounts above the cap are the employee's cost and are recovered through payroll.")
        .h2("3. Meals")
        .bullets("Up to $75 a day per traveler for the traveler's own meals, tips included.",
            "Alcohol is reimbursable only as part of client entertainment.")
        .h2("4. Client entertainment")
        .bullets("Record the names and companies of everyone attending and the business purpose in the memo.",
            "Up to $150 a person; alcohol allowed in moderation.")
        .h2("5. Receipts and personal charges")
        .bullets("An itemized receipt is required for every expense of $75 or more.",
            "Personal charges must not be put on the corporate card. If one is, the employee repays it within "
                + "30 days.",
            "Report duplicate or unrecognized charges to Finance so they can be disputed with the card issuer.")
        .build();
  }

  private static Doc summary() {
    double total = total();
    List<PolicyException> exceptions = exceptions();
    double atIssue = exceptions.stream().mapToDouble(PolicyException::atIssue).sum();
    double recover = exceptions.stream().filter(e -> e.action().startsWith("Recover")).mapToDouble(PolicyException::atIssue).sum();
    double documents = exceptions.stream().filter(e -> e.action().startsWith("Obtain")).mapToDouble(PolicyException::atIssue).sum();
    double disputes = exceptions.stream().filter(e -> e.action().startsWith("Dispute")).mapToDouble(PolicyException::atIssue).sum();
    long trips = TXNS.stream().map(t -> t.employee() + t.city()).distinct().count();
    Tables exceptionTable = Tables.header("#", "Txn", "Employee", "Issue", "At issue", "Action").numeric(4);
    for (int i = 0; i < exceptions.size(); i++) {
      PolicyException e = exceptions.get(i);
      exceptionTable.row(Integer.toString(i + 1), e.txn().id(), e.txn().employee(), e.issue(), cents(e.atIssue()),
          e.action());
    }
    exceptionTable.total("", "", "", "Total at issue", cents(atIssue), "");
    return Doc.titled("Q3 2026 travel and entertainment: summary", AUTHOR, DELIVERED)
        .p("**To:** Martin Heale, Finance Director · **From:** Nadia Petrov · **Date:** 12 October 2026")
        .p("Q3 card spend on travel and entertainment was **" + cents(total) + "** across " + TXNS.size()
            + " transactions on " + trips + " trips by " + DEPARTMENTS.size() + " employees. " + exceptions.size()
            + " transactions break the policy, with **" + cents(atIssue) + "** at issue ("
            + pct(atIssue / total) + " of spend): " + cents(recover) + " to recover from employees, "
            + cents(documents) + " awaiting receipts or attendee details, and " + cents(disputes)
            + " to dispute with the card issuer.")
        .h2("Spend by category")
        .table(breakdown("Category", Txn::category, total))
        .h2("Spend by department")
        .table(breakdown("Department", Txn::department, total))
        .h2("Largest trips")
        .table(trips(total))
        .h2("Policy exceptions")
        .table(exceptionTable.build())
        .p("Checked and within policy: the Boston hotel ($310.00 a night) and the Washington hotel ($306.00) are "
            + "under the $325 high-cost cap; the Houston client lunch lists attendees and purpose; the Houston "
            + "change fee is business-related but still needs its receipt.")
        .h2("Next steps")
        .numbered("Accounts Payable to request receipts and attendee details by 23 October; unresolved items "
                + "become recoveries.",
            "Payroll recoveries for the lodging overages, meals excess, bar tab and spa charge in the 31 October run.",
            "Ethan Brooks's business-class fare: partner approval after the fact, or recover the difference.",
            "Dispute the duplicate Uber charge (T3-0017, a repeat of T3-0016) with the card issuer.")
        .build();
  }

  private static Doc.Table breakdown(String label, Function<Txn, String> key, double total) {
    Map<String, double[]> groups = new TreeMap<>();
    for (Txn t : TXNS) {
      double[] g = groups.computeIfAbsent(key.apply(t), k -> new double[2]);
      g[0] += t.amount();
      g[1]++;
    }
    Tables table = Tables.header(label, "Transactions", "Amount", "Share").numeric(1, 2, 3);
    groups.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
        .forEach(e -> table.row(e.getKey(), Long.toString(Math.round(e.getValue()[1])), cents(e.getValue()[0]),
            pct(e.getValue()[0] / total)));
    table.total("Total", Integer.toString(TXNS.size()), cents(total), "100.0%");
    return table.build();
  }

  private static Doc.Table trips(double total) {
    Map<String, double[]> trips = new LinkedHashMap<>();
    for (Txn t : TXNS) {
      trips.computeIfAbsent(t.employee() + " · " + t.city(), k -> new double[1])[0] += t.amount();
    }
    Tables table = Tables.header("Traveller and destination", "Amount", "Share").numeric(1, 2);
    trips.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(3)
        .forEach(e -> table.row(e.getKey(), cents(e.getValue()[0]), pct(e.getValue()[0] / total)));
    return table.build();
  }
}
