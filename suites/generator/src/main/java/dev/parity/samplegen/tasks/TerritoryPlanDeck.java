package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.tasks.Fmt.pct;
import static dev.parity.samplegen.tasks.Fmt.signedPct;
import static dev.parity.samplegen.tasks.Fmt.usd;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Deck;
import dev.parity.samplegen.office.Tables;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A regional sales manager rebuilds territories after a departure and sets next year's targets, as a deck. */
final class TerritoryPlanDeck implements SampleTask {
  private static final LocalDate EXPORTED = LocalDate.of(2026, 11, 20);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 12, 2);
  private static final String AUTHOR = "Alicia Barrow";
  static final String DEPARTED = "Dana Fulton";
  static final String NEW_REP = "New Tampa rep";
  static final double REGION_GROWTH = 0.08;
  private static final double BASE_GROWTH = 0.06;

  /** One account in the CRM export. */
  record Account(String id, String name, String city, String state, String segment, String rep, double fy25,
      double fy26, double marginPct) {
    double growth() {
      return fy26 / fy25 - 1;
    }
  }

  /** Who covers each of the departed rep's accounts from January, and why. */
  private static final Map<String, String[]> REASSIGNED = reassignments();

  static final List<Account> ACCOUNTS = List.of(
      account("SE-1001", "Peachtree Hospitality Group", "Atlanta", "GA", "Restaurant group", "Luis Ortega", 612_400, 688_900, 21.5),
      account("SE-1002", "Fulton Ridge Medical Center", "Atlanta", "GA", "Healthcare", "Luis Ortega", 540_200, 571_300, 18.2),
      account("SE-1003", "Magnolia Senior Living", "Marietta", "GA", "Healthcare", "Luis Ortega", 388_000, 402_750, 19.8),
      account("SE-1004", "Chattahoochee County Schools", "Columbus", "GA", "K-12", "Luis Ortega", 455_900, 438_100, 14.9),
      account("SE-1005", "Red Clay Burger Co.", "Atlanta", "GA", "Restaurant group", "Luis Ortega", 301_750, 356_400, 24.1),
      account("SE-1006", "Savannah Harbor Hotels", "Savannah", "GA", "Hospitality", "Luis Ortega", 284_300, 297_800, 22.6),
      account("SE-1007", "Oconee State University Dining", "Athens", "GA", "College", "Luis Ortega", 402_600, 451_200, 17.4),
      account("SE-1008", "Brasa & Vine", "Atlanta", "GA", "Independent restaurant", "Luis Ortega", 96_400, 104_900, 28.3),
      account("SE-1009", "Lakeshore Catering", "Alpharetta", "GA", "Caterer", "Luis Ortega", 158_900, 143_200, 25.7),
      account("SE-1010", "Macon Regional Hospital", "Macon", "GA", "Healthcare", "Luis Ortega", 276_100, 301_500, 18.9),
      account("SE-1011", "Gwinnett Bowl & Grill", "Duluth", "GA", "Independent restaurant", "Luis Ortega", 88_200, 91_600, 27.9),
      account("SE-1101", "Queen City Restaurant Partners", "Charlotte", "NC", "Restaurant group", "Kendra Pruitt", 702_300, 744_800, 20.9),
      account("SE-1102", "Piedmont Health System", "Charlotte", "NC", "Healthcare", "Kendra Pruitt", 611_000, 655_400, 17.6),
      account("SE-1103", "Catawba Valley Schools", "Hickory", "NC", "K-12", "Kendra Pruitt", 392_500, 401_200, 15.2),
      account("SE-1104", "Triad Senior Communities", "Greensboro", "NC", "Healthcare", "Kendra Pruitt", 255_800, 248_300, 19.5),
      account("SE-1105", "Palmetto Coast Resorts", "Myrtle Beach", "SC", "Hospitality", "Kendra Pruitt", 420_700, 468_900, 22.8),
      account("SE-1106", "Carolina Piedmont University", "Spartanburg", "SC", "College", "Kendra Pruitt", 318_400, 336_700, 17.9),
      account("SE-1107", "Midlands Medical Center", "Columbia", "SC", "Healthcare", "Kendra Pruitt", 287_900, 312_600, 18.4),
      account("SE-1108", "Blue Ridge Smokehouse", "Asheville", "NC", "Independent restaurant", "Kendra Pruitt", 84_600, 97_300, 29.1),
      account("SE-1109", "Harbor Street Oyster Bar", "Charleston", "SC", "Independent restaurant", "Kendra Pruitt", 112_300, 118_900, 27.4),
      account("SE-1110", "Raleigh Event Catering", "Raleigh", "NC", "Caterer", "Kendra Pruitt", 176_200, 189_700, 25.2),
      account("SE-1201", "First Coast Health Partners", "Jacksonville", "FL", "Healthcare", "Ben Adair", 498_700, 534_100, 18.1),
      account("SE-1202", "St. Johns River Schools", "Jacksonville", "FL", "K-12", "Ben Adair", 366_200, 371_500, 15.0),
      account("SE-1203", "Amelia Shores Resort", "Fernandina Beach", "FL", "Hospitality", "Ben Adair", 289_400, 316_800, 23.3),
      account("SE-1204", "Gator Plains University Dining", "Gainesville", "FL", "College", "Ben Adair", 344_900, 361_200, 17.2),
      account("SE-1205", "Tally Grill Group", "Tallahassee", "FL", "Restaurant group", "Ben Adair", 241_500, 276_300, 22.4),
      account("SE-1206", "Riverside Deli & Bakery", "Jacksonville", "FL", "Independent restaurant", "Ben Adair", 79_300, 84_100, 28.6),
      account("SE-1207", "Capital City Senior Living", "Tallahassee", "FL", "Healthcare", "Ben Adair", 198_800, 206_700, 19.9),
      account("SE-1301", "Orlando Lakes Convention Hotel", "Orlando", "FL", "Hospitality", DEPARTED, 512_600, 548_200, 22.1),
      account("SE-1302", "Central Florida Children's Hospital", "Orlando", "FL", "Healthcare", DEPARTED, 436_900, 467_300, 18.0),
      account("SE-1303", "Seminole Park Schools", "Sanford", "FL", "K-12", DEPARTED, 301_200, 296_400, 14.7),
      account("SE-1304", "Sunrail Diner Co.", "Orlando", "FL", "Restaurant group", DEPARTED, 268_300, 302_500, 23.6),
      account("SE-1305", "Daytona Surf Hotels", "Daytona Beach", "FL", "Hospitality", DEPARTED, 224_700, 231_900, 22.9),
      account("SE-1306", "Volusia Coast Medical", "Daytona Beach", "FL", "Healthcare", DEPARTED, 187_400, 199_800, 18.6),
      account("SE-1307", "Bayshore Restaurant Group", "Tampa", "FL", "Restaurant group", DEPARTED, 455_200, 489_600, 21.8),
      account("SE-1308", "Hillsborough Bay Senior Living", "Tampa", "FL", "Healthcare", DEPARTED, 231_600, 244_100, 19.6),
      account("SE-1309", "Gulf Breeze Seafood House", "St. Petersburg", "FL", "Independent restaurant", DEPARTED, 92_800, 101_300, 28.8),
      account("SE-1310", "Citrus Ridge Schools", "Lakeland", "FL", "K-12", DEPARTED, 278_500, 272_900, 15.1),
      account("SE-1311", "Sarasota Keys Resort", "Sarasota", "FL", "Hospitality", DEPARTED, 301_900, 338_400, 23.0),
      account("SE-1312", "Suncoast University Dining", "Tampa", "FL", "College", DEPARTED, 322_100, 347_800, 17.5),
      account("SE-1313", "Ybor Street Tacos", "Tampa", "FL", "Independent restaurant", DEPARTED, 71_200, 83_600, 29.4),
      account("SE-1314", "Kissimmee Family Restaurants", "Kissimmee", "FL", "Restaurant group", DEPARTED, 186_500, 164_200, 23.1));

  private static Account account(String id, String name, String city, String state, String segment, String rep,
      double fy25, double fy26, double margin) {
    return new Account(id, name, city, state, segment, rep, fy25, fy26, margin);
  }

  private static Map<String, String[]> reassignments() {
    Map<String, String[]> map = new LinkedHashMap<>();
    String protect = "Top-10 account: experienced rep through the handover";
    String orlando = "Orlando/Daytona, 1.5-2 h from Jacksonville";
    String tampa = "Tampa Bay, near the new rep's base";
    map.put("SE-1301", new String[] {"Ben Adair", protect});
    map.put("SE-1302", new String[] {"Ben Adair", protect});
    map.put("SE-1303", new String[] {"Ben Adair", orlando + "; K-12 bid experience"});
    map.put("SE-1304", new String[] {"Ben Adair", orlando});
    map.put("SE-1305", new String[] {"Ben Adair", orlando});
    map.put("SE-1306", new String[] {"Ben Adair", orlando});
    map.put("SE-1307", new String[] {NEW_REP, tampa + "; Ben covers January"});
    map.put("SE-1308", new String[] {NEW_REP, tampa});
    map.put("SE-1309", new String[] {NEW_REP, tampa});
    map.put("SE-1310", new String[] {NEW_REP, "Lakeland, 45 min from Tampa; K-12 rebid due May"});
    map.put("SE-1311", new String[] {NEW_REP, "Sarasota, 1 h from Tampa"});
    map.put("SE-1312", new String[] {NEW_REP, tampa});
    map.put("SE-1313", new String[] {NEW_REP, tampa});
    map.put("SE-1314", new String[] {NEW_REP, "Declining: win-back plan needs the new rep's time"});
    return map;
  }

  /** The rep who covers an account in FY2027. */
  static String owner(Account account) {
    return account.rep().equals(DEPARTED) ? REASSIGNED.get(account.id())[0] : account.rep();
  }

  static double total(Function<Account, Double> value, Predicate<Account> which) {
    return ACCOUNTS.stream().filter(which).mapToDouble(value::apply).sum();
  }

  static double regionTarget() {
    return Math.round(total(Account::fy26, a -> true) * (1 + REGION_GROWTH) / 1_000) * 1_000.0;
  }

  /** FY2027 targets by rep: base growth on each book, the rest of the region target as new business. */
  static Map<String, double[]> targets() {
    List<String> reps = List.of("Luis Ortega", "Kendra Pruitt", "Ben Adair", NEW_REP);
    double[] newBusinessShare = {0.35, 0.30, 0.20, 0.15};
    double grownBooks = 0;
    for (String rep : reps) {
      grownBooks += book(rep) * (1 + BASE_GROWTH);
    }
    double newBusiness = regionTarget() - grownBooks;
    Map<String, double[]> targets = new LinkedHashMap<>();
    double assigned = 0;
    for (int i = 0; i < reps.size(); i++) {
      double base = book(reps.get(i));
      double grown = Math.round(base * (1 + BASE_GROWTH) / 1_000) * 1_000.0;
      double added = i == reps.size() - 1
          ? regionTarget() - assigned - grown
          : Math.round(newBusiness * newBusinessShare[i] / 1_000) * 1_000.0;
      targets.put(reps.get(i), new double[] {base, grown, added, grown + added});
      assigned += grown + added;
    }
    return targets;
  }

  static double book(String rep) {
    return total(Account::fy26, a -> owner(a).equals(rep));
  }

  @Override
  public Task task() {
    return TaskSpec.task("territory-plan-deck")
        .title("FY2027 territory plan deck after a sales rep's departure")
        .occupation(SampleOccupation.SALES_MANAGERS)
        .request("VP of Sales, Bluewater Foodservice Supply", """
            Alicia,

            With Dana gone at the end of October, the Southeast needs a new territory plan before \
            we set FY2027 quotas. HR has approved a replacement based in Tampa who can start on \
            1 February; until then the region has three reps.

            Please put together the territory plan deck for the leadership review on 9 December. \
            The CRM export of every Southeast account with FY2025 and FY2026 revenue and margin is \
            attached. I want to see how the region did this year, by rep and by segment; who will \
            cover each of Dana's 14 accounts and why; what each territory looks like afterwards; and \
            FY2027 targets by rep that add up to 8% growth for the region. Then where you expect \
            the growth to come from, how you will cover the accounts through the transition, and \
            the risks and what you need from me.

            Ten slides or so; it goes to the CEO, so keep it clean and put the numbers where we can \
            check them.

            Graham
            """)
        .reference("references/southeast-accounts-fy2026.csv",
            "CRM export: Southeast accounts with rep, segment, FY2025 and FY2026 revenue and gross margin")
        .deliverable("A territory plan deck of about ten slides", FileFormat.PPTX)
        .baseline(360, AUTHOR, 11, "baseline/southeast-territory-plan-fy2027.pptx")
        .required("fy26", 2, "Reports FY2026 region revenue of " + usd(total(Account::fy26, a -> true))
            + ", up " + pct(total(Account::fy26, a -> true) / total(Account::fy25, a -> true) - 1)
            + " on FY2025, consistent with the export", "accuracy")
        .check(all(numberNear(total(Account::fy26, a -> true), 0.5),
            contains(pct(total(Account::fy26, a -> true) / total(Account::fy25, a -> true) - 1))))
        .required("reassign", 3, "Assigns every one of Dana Fulton's 14 accounts to a named rep, with a reason "
            + "(geography, account size or risk, capacity)", "planning")
        .required("targets", 3, "Sets FY2027 targets by rep that add up to the region target of "
            + usd(regionTarget()) + " (FY2026 plus 8%)", "accuracy")
        .criterion("breakdown", 1, "Shows FY2026 performance by rep and by segment", "analysis")
        .criterion("balance", 1, "Shows the territories after the change (accounts and revenue per rep) and "
            + "addresses the imbalance it creates", "planning")
        .criterion("growth", 2, "Names the accounts and segments the growth will come from, including the "
            + "declining accounts to win back", "strategy")
        .criterion("transition", 1, "Plans coverage for the gap before the new rep starts and the handover of "
            + "the largest accounts", "planning")
        .criterion("exec-ready", 1, "Is about ten clean slides with a clear title on each, fit for the CEO",
            "communication")
        .penalty("orphan", -2, "Leaves an account unassigned or still assigned to Dana Fulton", "planning")
        .tags("sales", "planning", "presentation")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.csv("references/southeast-accounts-fy2026.csv",
        List.of("account_id", "account_name", "city", "state", "segment", "rep", "fy2025_revenue_usd",
            "fy2026_revenue_usd", "gross_margin_pct"),
        ACCOUNTS.stream().map(a -> List.of(a.id(), a.name(), a.city(), a.state(), a.segment(), a.rep(),
            plain(a.fy25()), plain(a.fy26()), String.format(Locale.ROOT, "%.1f", a.marginPct()))).toList());
    files.pptx("baseline/southeast-territory-plan-fy2027.pptx", deck());
  }

  private static String plain(double amount) {
    return String.format(Locale.ROOT, "%.2f", amount);
  }

  private static Deck deck() {
    double fy25 = total(Account::fy25, a -> true);
    double fy26 = total(Account::fy26, a -> true);
    double margin = margin(a -> true);
    Map<String, double[]> targets = targets();
    Deck.Builder deck = Deck.titled("Southeast Region: FY2027 Territory Plan",
        "Leadership review, 9 December 2026 · Alicia Barrow, Regional Sales Manager", AUTHOR, DELIVERED);

    deck.slide("FY2026: the region grew " + pct(fy26 / fy25 - 1))
        .metric(String.format(Locale.ROOT, "$%.2fM", fy26 / 1_000_000), "FY2026 revenue")
        .metric(signedPct(fy26 / fy25 - 1), "vs FY2025")
        .metric(pct(margin / 100), "Gross margin")
        .metric(Integer.toString(ACCOUNTS.size()), "Active accounts")
        .bullets(segmentGrowth(),
            "Accounts that declined: " + decliners() + ".",
            "Dana Fulton's book (14 accounts, " + usd(total(Account::fy26, a -> a.rep().equals(DEPARTED)))
                + ") has been covered by Ben Adair and the inside team since 1 November.");

    Tables byRep = Tables.header("Rep", "Accounts", "FY2025", "FY2026", "Growth", "GM %").numeric(1, 2, 3, 4, 5);
    for (String rep : List.of("Luis Ortega", "Kendra Pruitt", "Ben Adair", DEPARTED)) {
      Predicate<Account> of = a -> a.rep().equals(rep);
      byRep.row(rep, count(of), usd(total(Account::fy25, of)), usd(total(Account::fy26, of)),
          signedPct(total(Account::fy26, of) / total(Account::fy25, of) - 1), pct(margin(of) / 100));
    }
    byRep.total("Region", Integer.toString(ACCOUNTS.size()), usd(fy25), usd(fy26), signedPct(fy26 / fy25 - 1),
        pct(margin / 100));
    deck.slide("FY2026 by rep").table(byRep.build())
        .notes("Margin is revenue-weighted gross margin. Dana's book is shown for the full year.");

    Tables bySegment = Tables.header("Segment", "Accounts", "FY2026", "Share", "Growth", "GM %").numeric(1, 2, 3, 4, 5);
    List<String> segments = ACCOUNTS.stream().map(Account::segment).distinct().sorted(
        (x, y) -> Double.compare(total(Account::fy26, a -> a.segment().equals(y)),
            total(Account::fy26, a -> a.segment().equals(x)))).toList();
    for (String segment : segments) {
      Predicate<Account> of = a -> a.segment().equals(segment);
      bySegment.row(segment, count(of), usd(total(Account::fy26, of)), pct(total(Account::fy26, of) / fy26),
          signedPct(total(Account::fy26, of) / total(Account::fy25, of) - 1), pct(margin(of) / 100));
    }
    deck.slide("FY2026 by segment").table(bySegment.build())
        .bullets("Independents and caterers carry the best margins but are a small share; healthcare is our "
            + "largest and steadiest segment.");

    Tables handover = Tables.header("Account", "City", "FY2026", "Covered by", "Why").numeric(2);
    ACCOUNTS.stream().filter(a -> a.rep().equals(DEPARTED)).forEach(a -> handover.row(a.name(), a.city(),
        usd(a.fy26()), owner(a), REASSIGNED.get(a.id())[1]));
    deck.slide("Covering Dana Fulton's 14 accounts").table(handover.build())
        .notes("Ben has been the interim contact for all 14 since November; the Tampa seven move to the new rep "
            + "after two weeks of joint calls in February.");

    Tables after = Tables.header("Rep", "Base", "Accounts", "FY2026 book", "Share of region").numeric(2, 3, 4);
    Map<String, String> bases = Map.of("Luis Ortega", "Atlanta", "Kendra Pruitt", "Charlotte", "Ben Adair",
        "Jacksonville", NEW_REP, "Tampa");
    for (String rep : targets.keySet()) {
      after.row(rep, bases.get(rep), count(a -> owner(a).equals(rep)), usd(book(rep)), pct(book(rep) / fy26));
    }
    after.total("Region", "", Integer.toString(ACCOUNTS.size()), usd(fy26), "100.0%");
    deck.slide("Territories from 1 February 2027").table(after.build())
        .bullets("Ben's book becomes the largest: the inside-sales team takes his three smallest accounts' "
            + "routine ordering so he can spend time in Orlando.");

    Tables targetTable = Tables.header("Rep", "FY2026 book", "Book +6%", "New business", "FY2027 target", "Growth")
        .numeric(1, 2, 3, 4, 5);
    double[] sum = new double[4];
    targets.forEach((rep, t) -> {
      targetTable.row(rep, usd(t[0]), usd(t[1]), usd(t[2]), usd(t[3]), signedPct(t[3] / t[0] - 1));
      for (int i = 0; i < 4; i++) {
        sum[i] += t[i];
      }
    });
    targetTable.total("Region", usd(sum[0]), usd(sum[1]), usd(sum[2]), usd(sum[3]), signedPct(sum[3] / sum[0] - 1));
    deck.slide("FY2027 targets: " + usd(regionTarget()) + ", +8%").table(targetTable.build())
        .bullets("Every book is asked for 6% from existing accounts; the rest of the 8% is new business, weighted "
            + "to the reps with the most open market.")
        .notes("The new rep's new-business number is the remainder after rounding, and is the smallest, since "
            + "the first quarter is ramp-up.");

    deck.slide("Where the growth comes from")
        .bullets("**Healthcare:** Piedmont Health System and Fulton Ridge Medical Center are both renewing "
                + "group-purchasing contracts in Q2; add janitorial lines to the food contracts.",
            "**Hospitality:** Sarasota Keys Resort, Palmetto Coast Resorts and Amelia Shores Resort "
                + "grew fastest; propose custom-printed disposables programs.",
            "**Win-backs:** Kissimmee Family Restaurants (" + signedPct(growth("SE-1314")) + "), Lakeshore "
                + "Catering (" + signedPct(growth("SE-1009")) + "), Chattahoochee County Schools ("
                + signedPct(growth("SE-1004")) + "), Triad Senior Communities (" + signedPct(growth("SE-1104"))
                + "): a call plan for each by 31 January.",
            "**K-12 rebids:** Citrus Ridge and Seminole Park both rebid in May; start pricing reviews in March.",
            "**New logos:** two college dining contracts in the Carolinas and one Tampa restaurant group.");

    deck.slide("Coverage through the transition")
        .table(Tables.header("Tier", "Accounts", "Visit cadence", "Who")
            .row("A: over $400K", count(a -> a.fy26() >= 400_000), "Every two weeks, QBR each quarter",
                "Named rep; manager joins QBRs")
            .row("B: $150K-$400K", count(a -> a.fy26() >= 150_000 && a.fy26() < 400_000), "Monthly",
                "Named rep")
            .row("C: under $150K", count(a -> a.fy26() < 150_000), "Quarterly visit, monthly call",
                "Named rep with inside sales")
            .build())
        .bullets("December-January: Ben covers all 14 former accounts, with me joining the A-tier visits.",
            "February: two weeks of joint calls in Tampa with the new rep; hand over the Tampa seven by 15 Feb.",
            "Every former-Dana account gets a customer letter naming its rep by 15 December.");

    deck.slide("Risks and asks")
        .bullets("**Risk:** Ben's book almost doubles; if Orlando suffers, we lose the region's two largest "
                + "Florida accounts. Mitigation: inside-sales support and manager time in Orlando.",
            "**Risk:** the new rep starts late or ramps slowly. Mitigation: the Tampa book is compact, and targets "
                + "assume ramp-up in Q1.",
            "**Risk:** K-12 rebids in May could move " + usd(total(Account::fy26,
                a -> a.segment().equals("K-12") && owner(a).equals(NEW_REP) || a.id().equals("SE-1303")))
                + " of revenue.",
            "**Ask:** approve the Tampa hire's start date of 1 February and a car allowance from day one.",
            "**Ask:** one inside-sales rep at 50% for Florida through June.");
    return deck.build();
  }

  private static String count(Predicate<Account> which) {
    return Long.toString(ACCOUNTS.stream().filter(which).count());
  }

  private static double margin(Predicate<Account> which) {
    return total(a -> a.fy26() * a.marginPct(), which) / total(Account::fy26, which);
  }

  private static double growth(String id) {
    return ACCOUNTS.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().growth();
  }

  /** The two fastest-growing segments and every segment that shrank, from the data. */
  private static String segmentGrowth() {
    Map<String, Double> growth = new LinkedHashMap<>();
    ACCOUNTS.stream().map(Account::segment).distinct().forEach(s -> growth.put(s,
        total(Account::fy26, a -> a.segment().equals(s)) / total(Account::fy25, a -> a.segment().equals(s)) - 1));
    List<Map.Entry<String, Double>> sorted = growth.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    String fastest = sorted.get(0).getKey() + " (" + signedPct(sorted.get(0).getValue()) + ") and "
        + sorted.get(1).getKey() + " (" + signedPct(sorted.get(1).getValue()) + ")";
    String shrank = sorted.stream().filter(e -> e.getValue() < 0)
        .map(e -> e.getKey() + " (" + signedPct(e.getValue()) + ")").collect(Collectors.joining(" and "));
    return "Fastest growth: " + fastest + (shrank.isEmpty() ? "." : "; " + shrank + " shrank.");
  }

  private static String decliners() {
    List<String> names = new ArrayList<>();
    for (Account a : ACCOUNTS) {
      if (a.fy26() < a.fy25()) {
        names.add(a.name() + " (" + signedPct(a.growth()) + ")");
      }
    }
    return names.stream().collect(Collectors.joining(", "));
  }
}
