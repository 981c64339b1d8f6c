package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.matches;
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
import java.util.stream.IntStream;

/** A Senior Lifestyle Manager plans a family's first yacht week in the Bahamas, day by day. */
final class BahamasYachtItinerary implements SampleTask {
  private static final LocalDate BRIEFED = LocalDate.of(2026, 11, 30);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 12, 3);
  private static final String AUTHOR = "Isla Marrow";
  private static final double BUDGET = 140_000;
  private static final double CHARTER_FEE = 72_000;

  /** One line of the trip budget. */
  private record Cost(String item, String basis, double amount, String status) {}

  private static final List<Cost> COSTS = List.of(
      new Cost("Charter fee, M/Y Halcyon Day, 7 nights", "Sea-Lark quote SL-27-0412", CHARTER_FEE, "Held to 11 Dec"),
      new Cost("Bahamas VAT on the charter fee", "10% of charter fee", CHARTER_FEE * 0.10, "With contract"),
      new Cost("Advance Provisioning Allowance (APA)", "30% of charter fee; fuel, food, drink, dockage, park moorings",
          CHARTER_FEE * 0.30, "With contract"),
      new Cost("Crew gratuity (recommended)", "15% of charter fee, at the family's discretion",
          CHARTER_FEE * 0.15, "Paid on board"),
      new Cost("Arrival and departure meet-and-assist, Nassau", "Blue Lagoon Hospitality, 2 services", 1_250, "Confirmed"),
      new Cost("Half-day sport-fishing charter, Staniel Cay", "Exuma Blue Charters, 4 h, plus 20% tip", 1_740, "Confirmed"),
      new Cost("Dinner ashore, Staniel Cay", "Pelican Point Grill, 5 guests, estimate", 650, "Table held"),
      new Cost("Private flight Staniel Cay - North Eleuthera - Nassau", "Out Island Air Charter, 8-seat aircraft",
          6_850, "Held to 11 Dec"),
      new Cost("Harbour Island day: water taxis, golf carts, lunch", "Coral Rose Beach House and local operators",
          1_020, "Lunch held"),
      new Cost("Farewell dinner ashore, Nassau", "Marlowe's at Cable Beach, 5 guests, estimate", 1_200, "Table held"),
      new Cost("Contingency reserve", "Weather day, extra fuel, changes", 7_500, "Not spent unless needed"));

  @Override
  public Task task() {
    return TaskSpec.task("bahamas-yacht-itinerary")
        .title("Day-by-day itinerary for a family's first yacht week in the Bahamas")
        .occupation(SampleOccupation.CONCIERGES)
        .request("Client Relationship Director, Meridian & Vale Private Concierge", """
            Hi Isla,

            The Harrows have confirmed they want to go ahead with a yacht week in the Bahamas over \
            the children's spring break, 12-19 April 2027. It is their first time on a yacht and the \
            first time in the Bahamas for all of them, so they want it to feel effortless. Their \
            profile and wishes are in the attached brief, and Sea-Lark has sent the quote for \
            M/Y Halcyon Day, which we are holding for them until 11 December.

            Please plan the week as a detailed day-by-day itinerary they can read on their own: \
            where they are each day, times for every activity and transfer, the vendors you have \
            chosen, what is booked and what is still to confirm, and what it costs. Mind Ruth \
            (Celia's mother): short crossings only, no wet landings, and she tires easily. They \
            would love the swimming pigs, snorkeling, a pink-sand beach, fishing for Owen and at \
            least one special dinner ashore. Keep the whole trip, everything except their own \
            flights to and from Nassau, under $140,000 and show me the budget line by line. \
            Include a weather plan and what they need to bring.

            I'd like a client-ready PDF by Thursday so I can walk Daniel and Celia through it on \
            Friday's call.

            Thanks,
            Priya
            """)
        .reference("references/client-brief.md", "Member profile and trip wishes for the Harrow family")
        .reference("references/charter-quote.pdf", "Sea-Lark Yacht Charters quote for M/Y Halcyon Day")
        .deliverable("A client-ready day-by-day itinerary with times, vendors, booking status, costs, "
            + "a line-by-line budget and a weather plan", FileFormat.PDF)
        .baseline(390, AUTHOR, 9, "baseline/harrow-bahamas-itinerary.pdf")
        .required("every-day", 3, "Covers all eight days, 12 to 19 April 2027, from arrival in Nassau to "
            + "disembarkation, each with times for its activities and transfers", "completeness")
        .check(all(all(IntStream.rangeClosed(12, 19)
            .mapToObj(day -> matches("\\b" + day + "\\s+Apr|\\bApr(il|\\.)?\\s+" + day + "\\b"))
            .toArray(RubricCheck[]::new)), matches("\\b\\d{1,2}:\\d{2}\\b")))
        .required("ruth", 3, "Plans around Ruth: every passage with the family aboard is short (about three "
            + "hours or less) and in the calm morning, landings are dry (tender to a dock), and her cabin and "
            + "pace are considered", "client-fit")
        .criterion("wishes", 2, "Includes every wish in the brief: swimming pigs, snorkeling, a pink-sand "
            + "beach, fishing for Owen and at least one dinner ashore", "client-fit")
        .required("budget", 3, "Gives a line-by-line budget covering charter fee, VAT, APA, crew gratuity, "
            + "flights, excursions and dining whose lines add up to a total under $140,000", "accuracy")
        .criterion("vendors", 2, "Names the vendor and the booking status (confirmed, held, to confirm) "
            + "for each paid activity and transfer", "practicality")
        .criterion("allergy", 1, "Passes Maya's tree-nut allergy and Celia's pescatarian diet on to the chef "
            + "and to every restaurant booked", "client-fit")
        .criterion("weather", 1, "Gives a weather or sea-state alternative for the days that depend on it",
            "practicality")
        .criterion("practical", 1, "Tells the family what to bring and what to expect: documents, "
            + "packing, embarkation time and place, and whom to call", "completeness")
        .penalty("park-fishing", -2, "Schedules fishing inside the Exuma Cays Land and Sea Park, where all "
            + "fishing is prohibited", "accuracy")
        .tags("travel", "itinerary", "luxury-service")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.markdown("references/client-brief.md", brief());
    files.pdf("references/charter-quote.pdf", quote());
    files.pdf("baseline/harrow-bahamas-itinerary.pdf", itinerary());
  }

  private static Doc brief() {
    return Doc.titled("Member brief: the Harrow family, Bahamas yacht week", "Priya Raman", BRIEFED)
        .p("**Prepared by:** Priya Raman, Client Relationship Director", "**For:** Isla Marrow, Senior Lifestyle "
            + "Manager", "**Membership:** Meridian & Vale Private, since 2023")
        .h1("Travelers")
        .table(Tables.header("Name", "Age", "Notes")
            .row("Daniel Harrow", "52", "Keen but inexperienced sea angler; needs two hours of calls one "
                + "weekday morning (wifi on board is enough)")
            .row("Dr. Celia Harrow", "49", "Pescatarian. Loves sunrise photography and quiet beaches")
            .row("Owen Harrow", "14", "Strong swimmer, has snorkeled in Florida; desperate to go fishing")
            .row("Maya Harrow", "11", "Severe tree-nut allergy (carries two adrenaline auto-injectors); "
                + "wants to see the swimming pigs")
            .row("Ruth Abernathy", "76", "Celia's mother. Walks with a cane, manages two or three steps "
                + "with a hand rail, prone to seasickness, in bed by 21:00")
            .build())
        .h1("Dates and travel")
        .bullets("Trip: Monday 12 to Monday 19 April 2027 (seven nights on board).",
            "Arriving Nassau (NAS) on a scheduled flight from Boston landing at 12:40 on 12 April; "
                + "booked by the family office, not by us.",
            "Leaving Nassau on 19 April, flight departs 13:55; they want to be at the airport by 11:30.",
            "Passports: all five hold US passports; Ruth's expires in August 2027.")
        .h1("What they want")
        .bullets("Their first yacht trip: relaxed, nothing rushed, one plan for every day.",
            "Swimming pigs, snorkeling on a reef, a pink-sand beach, a fishing morning for Owen and Daniel.",
            "At least one special dinner ashore; otherwise happy with the chef on board.",
            "Time in the water every day; beaches with shade for Ruth.")
        .h1("Constraints")
        .bullets("**Ruth:** short crossings only (she coped with a two-and-a-half-hour ferry last year, "
                + "not more), no wet landings, no steep steps; a cabin without stairs if at all possible.",
            "**Budget:** under $140,000 for everything except their flights to and from Nassau, "
                + "including tips. Daniel wants to see the numbers.",
            "**Food:** Maya's tree-nut allergy is serious; Celia eats fish but no meat.",
            "They do not want to change boats or hotels during the week.")
        .small("Internal document. Contact details are on the member file.")
        .build();
  }

  private static Doc quote() {
    return Doc.titled("Charter quote SL-27-0412: M/Y Halcyon Day", "Sea-Lark Yacht Charters", BRIEFED)
        .p("**To:** Meridian & Vale Private Concierge, for a client family of five",
            "**Charter period:** Monday 12 April 2027, 14:00, to Monday 19 April 2027, 10:00 (7 nights)",
            "**Embark and disembark:** Eastern Harbour Marina, Nassau, New Providence",
            "**Option held until:** Friday 11 December 2026, 17:00 Eastern")
        .h1("The yacht")
        .table(Tables.header("Detail", "Halcyon Day")
            .row("Type", "96 ft (29 m) tri-deck motor yacht, built 2016, refitted 2024")
            .row("Guests", "Up to 8 in 4 cabins: main-deck master (king), lower-deck VIP (queen), "
                + "two lower-deck twins")
            .row("Crew", "5: captain, chef, chief stewardess, deckhand/mate, engineer")
            .row("Speed", "Cruising 14 knots, maximum 18 knots")
            .row("Tender and toys", "19 ft tender, 2 jet skis (drivers 16+), 3 paddleboards, 2 kayaks, "
                + "snorkel sets for all ages, light tackle fishing rods")
            .row("Connectivity", "Satellite internet throughout the Exumas")
            .build())
        .h1("Terms")
        .table(Tables.header("Item", "Amount", "Notes").numeric(1)
            .row("Charter fee, 7 nights", usd(CHARTER_FEE), "Includes crew wages and yacht insurance")
            .row("Bahamas VAT", usd(CHARTER_FEE * 0.10), "10% of the charter fee")
            .row("Advance Provisioning Allowance", usd(CHARTER_FEE * 0.30),
                "30% of the charter fee; covers fuel, food, drink, dockage, moorings and park fees; "
                    + "accounted for on board, balance refunded")
            .total("Due before embarkation", usd(CHARTER_FEE * 1.40), "")
            .build())
        .bullets("Crew gratuity is not included; 15-20% of the charter fee is customary.",
            "50% of the charter fee on signature, balance and APA 30 days before embarkation.",
            "Cancellation: deposit non-refundable unless the yacht is re-chartered.",
            "The captain decides routes and timing on safety grounds; no refund for weather.")
        .h1("Cruising notes")
        .bullets("From Nassau, the Exuma Cays are the natural cruising ground: Highbourne Cay about 2 h, "
                + "Warderick Wells (Exuma Cays Land and Sea Park) about 3 h 30 min, Staniel Cay about "
                + "4 h 30 min, at cruising speed in good conditions.",
            "Harbour Island and North Eleuthera lie about 55 nautical miles north-east of Nassau; combining "
                + "them with the Exumas takes a full repositioning day each way.",
            "The Exuma Cays Land and Sea Park is a no-take marine reserve: no fishing or collecting of any "
                + "kind. Moorings must be booked with the park office.",
            "Main-deck master cabin has no stairs from the aft deck; lower-deck cabins are six steps down.")
        .small("Sea-Lark Yacht Charters, Nassau and Fort Lauderdale. This quote is an offer subject to contract.")
        .build();
  }

  private static Doc itinerary() {
    Doc.Builder doc = Doc.titled("The Harrow family: Bahamas by yacht, 12-19 April 2027", AUTHOR, DELIVERED)
        .p("Prepared for Daniel and Celia Harrow by Isla Marrow, Senior Lifestyle Manager, Meridian & Vale "
            + "Private Concierge. Version 1, 3 December 2026.")
        .p("Seven nights aboard the motor yacht **Halcyon Day** in the Exuma Cays, with one day flying out to "
            + "Harbour Island's pink sand. Every passage with the family aboard is under two hours and "
            + "happens in the calm of the morning; Ruth boards from a dock every time and sleeps in the "
            + "main-deck master cabin, which has no stairs.")
        .h1("Your week at a glance")
        .table(Tables.header("Day", "Date", "Where", "Highlights", "Underway")
            .row("1", "Mon 12 Apr", "Nassau to Rose Island", "Welcome aboard, sunset swim", "40 min")
            .row("2", "Tue 13 Apr", "Highbourne Cay", "Reef snorkeling, iguanas at Allen's Cay", "1 h 50 min")
            .row("3", "Wed 14 Apr", "Warderick Wells (Land and Sea Park)", "Calls for Daniel, park beach, "
                + "snorkel trail", "1 h 30 min")
            .row("4", "Thu 15 Apr", "Staniel Cay", "Swimming pigs, Thunderball Grotto, dinner ashore", "1 h 40 min")
            .row("5", "Fri 16 Apr", "Staniel Cay", "Fishing for Owen and Daniel, jet skis, beach", "none")
            .row("6", "Sat 17 Apr", "Harbour Island by air", "Pink Sands Beach, lunch, fly to Nassau", "flights")
            .row("7", "Sun 18 Apr", "Rose Island and Nassau", "Lazy beach day, farewell dinner", "40 min")
            .row("8", "Mon 19 Apr", "Nassau", "Breakfast, disembark, airport", "none")
            .build())
        .h1("Your yacht and crew")
        .p("Halcyon Day is a 96 ft (29 m) motor yacht with five crew: Captain Marcus Thibault, Chef Anaïs "
            + "Delorme, Chief Stewardess Kezia Rolle, Mate Tobias Kerr and Engineer Leon Fitzgerald. Cabins: "
            + "Ruth in the main-deck master (no stairs, closest to the stewardess); Daniel and Celia in the "
            + "VIP; Owen and Maya each in a twin cabin. The yacht carries a tender, two jet skis, "
            + "paddleboards, kayaks and snorkel gear in every size.")
        .p("**Food:** Chef Delorme has Maya's tree-nut allergy in writing: no nuts or nut oils come aboard, "
            + "and two spare auto-injectors are kept in the galley first-aid kit. Celia's dishes are "
            + "pescatarian. The same notes have gone to both restaurants below.");
    day(doc, "Day 1 · Monday 12 April: arrival, Nassau to Rose Island",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("12:40", "Land at Nassau (NAS)", "Met at the aircraft door by Blue Lagoon Hospitality; fast "
                + "track through immigration, wheelchair on standby for Ruth", "see budget", "Confirmed")
            .row("13:30", "Private SUV to Eastern Harbour Marina (25 min)", "Blue Lagoon Hospitality", "included",
                "Confirmed")
            .row("14:00", "Welcome aboard, safety briefing, lunch", "Captain Thibault and crew", "APA", "Confirmed")
            .row("16:00", "Cruise to Rose Island, anchor in the lee", "40 min, sheltered water", "APA", "Confirmed")
            .row("17:00", "First swim and paddleboards off the stern", "Platform steps with hand rail", "-", "-")
            .row("19:30", "Dinner on the aft deck", "Chef's welcome menu", "APA", "-")
            .build(),
        "If the wind is up, the yacht stays in the marina for the night and leaves for Highbourne Cay at 08:00.");
    day(doc, "Day 2 · Tuesday 13 April: Highbourne Cay",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("07:30", "Breakfast", "On board", "APA", "-")
            .row("08:15", "Cruise to Highbourne Cay (1 h 50 min)", "Calmest seas of the day", "APA", "Confirmed")
            .row("10:30", "Guided reef snorkel", "Mate Tobias Kerr from the tender; Ruth watches from the "
                + "tender with a glass-bottom bucket", "-", "-")
            .row("13:00", "Lunch on board", "", "APA", "-")
            .row("15:00", "Tender to Allen's Cay to see the rock iguanas", "20 min each way; viewed from the "
                + "tender and the beach edge, no climbing", "-", "-")
            .row("19:30", "Dinner on board; star-gazing on the sun deck", "", "APA", "-")
            .build(),
        "If the reef is rough, snorkel instead in the sheltered bay on the west side of the cay.");
    day(doc, "Day 3 · Wednesday 14 April: Exuma Cays Land and Sea Park",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("06:45", "Sunrise from the sun deck for Celia", "Coffee served at 06:30", "-", "-")
            .row("08:00", "Cruise to Warderick Wells (1 h 30 min)", "Park mooring booked by the captain", "APA",
                "Confirmed")
            .row("09:30", "Daniel's calls (until 11:30)", "Satellite internet; quiet saloon", "-", "-")
            .row("10:00", "Tender to the park beach and visitor center", "Dock landing; shaded benches for Ruth",
                "APA (park fees)", "-")
            .row("14:00", "Park snorkel trail with the mate", "No fishing or collecting anywhere in the park",
                "-", "-")
            .row("17:30", "Kayaks in the mooring field", "", "-", "-")
            .row("19:30", "Dinner on board", "", "APA", "-")
            .build(),
        "If moorings are full or the north swell is running, the yacht goes to Cambridge Cay, also inside "
            + "the park, with the same plan.");
    day(doc, "Day 4 · Thursday 15 April: Staniel Cay",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("08:00", "Cruise to Staniel Cay (1 h 40 min)", "Anchorage off Big Major Cay", "APA", "Confirmed")
            .row("10:00", "Swimming pigs at Big Major Cay", "By tender before the day boats arrive; crew bring "
                + "approved feed; Ruth watches from the tender", "-", "-")
            .row("12:30", "Lunch on board", "", "APA", "-")
            .row("13:45", "Thunderball Grotto snorkel at slack low tide", "Time confirmed by the captain the "
                + "day before; mate guides, life vests for Maya", "-", "-")
            .row("19:00", "Dinner ashore at Pelican Point Grill", "Dock landing; table on the deck; allergy and "
                + "pescatarian notes sent", usd(650), "Table held")
            .build(),
        "If the grotto current is too strong, snorkel the sheltered reef south of the anchorage instead.");
    day(doc, "Day 5 · Friday 16 April: Staniel Cay, fishing day",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("07:00", "Owen and Daniel go sport fishing (4 h)", "Exuma Blue Charters, Captain Ellis Knowles; "
                + "35 ft boat, licenses and tackle included; outside the park", usd(1_740), "Confirmed")
            .row("09:00", "Celia, Maya and Ruth: beach morning", "Tender to the shaded beach at Staniel Cay; "
                + "dock landing", "-", "-")
            .row("12:00", "Fishers back aboard; chef cooks the catch", "", "APA", "-")
            .row("15:00", "Jet skis for Owen (16+ to drive, so with the mate) and paddleboards", "", "-", "-")
            .row("19:30", "Dinner on board: the catch of the day", "", "APA", "-")
            .build(),
        "Fishing needs winds under 20 knots; the charter can move to Saturday, swapping with the Harbour "
            + "Island day.");
    day(doc, "Day 6 · Saturday 17 April: Harbour Island by air",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("08:30", "Fly Staniel Cay to North Eleuthera (45 min)", "Out Island Air Charter, 8 seats; "
                + "airstrip 5 min from the dock by golf cart", usd(6_850) + " (both legs)", "Held to 11 Dec")
            .row("08:30", "Halcyon Day leaves for Nassau with the crew", "5 h passage the family does not make",
                "APA", "Confirmed")
            .row("09:45", "Water taxi to Harbour Island (10 min)", "Dock to dock; golf carts waiting",
                "see budget", "Confirmed")
            .row("10:15", "Pink Sands Beach", "Loungers and umbrellas reserved; boardwalk access for Ruth", "-",
                "Confirmed")
            .row("13:00", "Lunch at Coral Rose Beach House", "Allergy and pescatarian notes sent",
                "see budget", "Lunch held")
            .row("16:30", "Water taxi back, fly North Eleuthera to Nassau (25 min)", "Out Island Air Charter",
                "see budget", "Held")
            .row("18:00", "Back aboard Halcyon Day at Eastern Harbour Marina", "Blue Lagoon car from the airport",
                "included", "Confirmed")
            .build(),
        "If flights cannot operate, the family stays on board at Staniel Cay and the yacht makes the run to "
            + "Nassau on Sunday morning in two legs with a lunch stop at Highbourne Cay.");
    day(doc, "Day 7 · Sunday 18 April: Rose Island and farewell dinner",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("09:00", "Cruise to Rose Island (40 min)", "", "APA", "Confirmed")
            .row("10:00", "Beach and water toys, last swims", "Shade tent set up on the beach by the crew", "-", "-")
            .row("16:00", "Return to Eastern Harbour Marina", "Packing help from the stewardess", "APA", "-")
            .row("19:30", "Farewell dinner at Marlowe's at Cable Beach", "Private car, 20 min; allergy and "
                + "pescatarian notes sent; Ruth's early night allowed for", usd(1_200), "Table held")
            .build(),
        "If it rains, a late brunch on board and the afternoon at the marina's spa and pool.");
    day(doc, "Day 8 · Monday 19 April: departure",
        Tables.header("Time", "Plan", "Vendor and notes", "Cost", "Status").numeric(3)
            .row("08:00", "Breakfast and farewell to the crew", "Gratuity envelope to the captain", "see budget",
                "-")
            .row("10:00", "Disembark; private SUV to the airport", "Blue Lagoon Hospitality, fast track",
                "included", "Confirmed")
            .row("11:30", "At Nassau airport for the 13:55 flight", "", "-", "-")
            .build(),
        "");
    budget(doc);
    doc.h1("Before you go")
        .bullets("**Documents:** US passports valid for the whole trip (Ruth's runs to August 2027, which "
                + "is fine). We will send the crew and immigration list to Sea-Lark by 15 March.",
            "**Pack:** soft luggage that folds (no hard cases on a yacht), reef-safe sunscreen, hats, "
                + "light long sleeves for evenings, one smart-casual outfit for the two dinners ashore, "
                + "non-slip shoes for Ruth, Maya's auto-injectors in hand luggage.",
            "**Seasickness:** ask Ruth's doctor about motion-sickness medication before traveling; the "
                + "crew carry acupressure bands and ginger.",
            "**Money:** US dollars are accepted everywhere at par with the Bahamian dollar.")
        .h1("Who to call")
        .table(Tables.header("Who", "For", "Number")
            .row("Isla Marrow, Meridian & Vale", "Anything, 24 hours", "+1 617 555 0148")
            .row("Captain Marcus Thibault", "On board", "+1 242 555 0172")
            .row("Blue Lagoon Hospitality", "Airport and cars", "+1 242 555 0119")
            .row("Out Island Air Charter", "Saturday flights", "+1 242 555 0190")
            .build())
        .small("Times are targets: the captain has the final word on routes and timing for safety. Unused APA "
            + "is refunded at the end of the charter. Options marked Held lapse on 11 December unless "
            + "confirmed.");
    return doc.build();
  }

  private static void day(Doc.Builder doc, String heading, Doc.Table schedule, String weather) {
    doc.h2(heading).table(schedule);
    if (!weather.isEmpty()) {
      doc.p("**Weather plan:** " + weather);
    }
  }

  private static void budget(Doc.Builder doc) {
    Tables table = Tables.header("Item", "Basis", "Amount", "Status").numeric(2);
    double total = 0;
    for (Cost cost : COSTS) {
      table.row(cost.item(), cost.basis(), usd(cost.amount()), cost.status());
      total += cost.amount();
    }
    table.total("Total, all in", "", usd(total), "");
    doc.h1("Budget")
        .table(table.build())
        .p("The projected total is **" + usd(total) + "** against the budget of " + usd(BUDGET) + ", leaving "
            + usd(BUDGET - total) + " unallocated on top of the " + usd(7_500) + " contingency. Flights to "
            + "and from Nassau are booked by the family office and not included.");
  }
}
