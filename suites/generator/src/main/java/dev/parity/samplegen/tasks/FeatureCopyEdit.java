package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.notContains;
import static dev.parity.samplegen.RubricCheck.notMatches;
import static dev.parity.samplegen.RubricCheck.wordsAtMost;
import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.List;

/** An editor cuts, corrects and styles a contributed business feature against the reporter's notes. */
final class FeatureCopyEdit implements SampleTask {
  private static final LocalDate FILED = LocalDate.of(2026, 11, 9);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 11, 11);
  private static final String AUTHOR = "Celeste Amadi";
  static final int WORD_LIMIT = 450;

  static final List<String> DRAFT = List.of(
      "For three generations, the Santangelo family has been getting up before dawn to bake bread for Riverline's "
          + "West End. Now, Hearth & Crumb Bakery is about to find out what happens when a neighborhood bakery goes "
          + "regional.",
      "Owner Mariella Santangelo, 61, announced last week that the bakery will open a 20,000 square foot production "
          + "facility in the Eastgate Industrial Park in March, allowing it to supply grocery stores across the "
          + "tri-county area. The expansion is being financed by a $750,000 loan from Riverline Community Bank, "
          + "backed by the U.S. Small Business Administration.",
      "It's a big step for a business that started in 1989 as a single storefront on Alder Street, where "
          + "Santangelo's mother, Rosa, sold rye loaves, semolina bread, and cannoli to her neighbors. Rosa ran the "
          + "shop until 2004, when Mariella, who had worked the ovens since she was 16, took over.",
      "Under Mariella's leadership the bakery added a second retail location on Canal Street in 2012 and began "
          + "supplying a handful of local restaurants. But the real change came after the pandemic, when grocery "
          + "stores started asking for its bread. Revenue has tripled since 2021, and the bakery now employs 45 "
          + "people.",
      "\"We'd been turning away grocery accounts for two years,\" said Mariela Santangelo. \"At some point you "
          + "either grow or you disappoint people.\"",
      "The new facility will house two tunnel ovens and a packaging line capable of producing 9,000 loaves a day, "
          + "roughly 6 times the capacity of the Alder Street kitchen. Hearth & Crumb has already signed supply "
          + "agreements with 14 independent grocery stores, including all five Pemberton Market locations, and "
          + "expects to be on shelves at 30 stores by the end of 2027.",
      "Lucia Santangelo-Park, the bakery's Chief Operating Officer and Mariella's daughter, said the company plans "
          + "to hire 20 more people by the end of 2027, mostly production and delivery staff. \"We want people who "
          + "care about bread,\" she said. \"We'll teach them the rest.\"",
      "The bakery's recipes won't change, the family insists. Unlike big-box bakery chains such as Golden Loaf, "
          + "whose bread is packed with preservatives and made by machines, Hearth & Crumb still uses a sourdough "
          + "starter Rosa brought from Calabria in 1962, and every loaf is shaped by hand.",
      "Not everyone is convinced the move will be easy. Irene Caldwell, who directs the Small Business Development "
          + "Center at Riverline State University, said that wholesale margins are thin and that many bakeries "
          + "underestimate the cost of delivery, packaging, and returns. \"The ones that succeed have a distinctive "
          + "product and tight control of their costs,\" Caldwell said. \"From what I've seen, Hearth & Crumb has "
          + "the first. The second is what they'll have to prove.\"",
      "The Alder Street and Canal Street shops will stay open, and Santangelo said she still plans to be behind the "
          + "counter on Saturday mornings. \"My mother baked for the neighborhood,\" she said. \"Now we bake for the "
          + "region. But the neighborhood comes first.\"",
      "The Eastgate facility is scheduled to open on March 15, 2027 with a public open house, and tours will be "
          + "offered to local schools during the first month of operation.");

  static final List<String> EDITED = List.of(
      "For three generations, the Santangelo family has risen before dawn to bake bread for Riverline's West End. "
          + "Now Hearth & Crumb Bakery is finding out what happens when a neighborhood bakery goes regional.",
      "Owner Mariella Santangelo, 61, announced last week that the bakery will open a 22,000-square-foot production "
          + "plant in the Eastgate Industrial Park in March so it can supply grocery stores across the tri-county "
          + "area. A $570,000 loan from Riverline Community Bank, backed by the U.S. Small Business Administration, "
          + "is financing the expansion.",
      "The business started in 1987 as a single storefront on Alder Street, where Santangelo's mother, Rosa, sold "
          + "rye, semolina bread and cannoli to her neighbors. Mariella Santangelo, who had worked the ovens since "
          + "she was 16, took over in 2004, added a second shop on Canal Street in 2012 and began supplying local "
          + "restaurants.",
      "The real change came after the pandemic, when grocers started asking for the bread. Revenue grew from $1.2 "
          + "million in 2021 to $2.9 million in 2025, and the bakery now employs 38 people.",
      "\"We'd been turning away grocery accounts for two years,\" said Lucia Santangelo-Park, the bakery's chief "
          + "operating officer and Mariella's daughter. \"At some point you either grow or you disappoint people.\"",
      "The new plant will house two tunnel ovens and a packaging line that can turn out 9,000 loaves a day, about "
          + "six times what the Alder Street kitchen produces. Hearth & Crumb has signed supply agreements with 14 "
          + "independent grocery stores, including all five Pemberton Market locations, and expects to be in 30 "
          + "stores by the end of 2027. It plans to hire 20 more people by then, mostly for production and "
          + "delivery.",
      "\"We want people who care about bread,\" Santangelo-Park said. \"We'll teach them the rest.\"",
      "The family says the recipes won't change. The bakery still uses the sourdough starter Rosa brought from "
          + "Calabria in 1962, and every loaf is shaped by hand.",
      "The move carries risk. Irene Caldwell, who directs the Small Business Development Center at Riverline State "
          + "University, said wholesale margins are thin and many bakeries underestimate the cost of delivery, "
          + "packaging and returns. \"The ones that succeed have a distinctive product and tight control of their "
          + "costs,\" she said. \"From what I've seen, Hearth & Crumb has the first. The second is what they'll "
          + "have to prove.\"",
      "Both shops will stay open, and Santangelo said she still plans to work the counter on Saturday mornings. "
          + "\"My mother baked for the neighborhood,\" she said. \"Now we bake for the region. But the neighborhood "
          + "comes first.\"",
      "The Eastgate plant opens March 15 with a public open house.");

  static int words(List<String> paragraphs) {
    return paragraphs.stream().mapToInt(p -> p.trim().split("\\s+").length).sum();
  }

  @Override
  public Task task() {
    return TaskSpec.task("feature-copy-edit")
        .title("Edit, fact-check and cut a contributed business feature")
        .occupation(SampleOccupation.EDITORS)
        .request("Managing Editor, Riverline Business Journal", """
            Celeste,

            Paul Ostrowski's bakery feature for the 19 November issue is attached with his interview \
            notes. It has a hole of 450 words on page 7, and Paul is at about 520, so it needs a cut. \
            Please give it a full edit: check every fact and figure against his notes, fix anything \
            that doesn't match, put it into house style (AP, which means numerals for 10 and up, \
            "percent" spelled out, lowercase titles after names, no Oxford comma, hyphenated compound \
            modifiers), and tighten it to 450 words or fewer without losing the news.

            Send me the edited story as a Word file ready for layout, plus a short note with your \
            changes: the fact corrections, anything you took out and why, questions Paul needs to \
            answer before we close on Friday, and two or three headline and deck options.

            Thanks,
            Henrik
            """)
        .reference("references/bakery-feature-draft.docx", "Paul Ostrowski's draft feature, about 520 words")
        .reference("references/interview-notes.md", "Paul Ostrowski's interview notes and figures")
        .deliverable("The edited story ready for layout, and an editor's note", FileFormat.DOCX, FileFormat.MD)
        .baseline(105, AUTHOR, 15, "baseline/bakery-feature-edited.docx", "baseline/editors-note.md")
        .required("facts", 3, "Corrects every factual error against the notes: founded 1987 (not 1989), "
            + "22,000 square feet (not 20,000), a $570,000 loan (not $750,000), 38 employees (not 45), revenue "
            + "that more than doubled from $1.2 million to $2.9 million (not tripled), Mariella spelled "
            + "consistently, and the 'turning away grocery accounts' quote attributed to Lucia Santangelo-Park",
            "accuracy")
        .required("length", 2, "Cuts the story to " + WORD_LIMIT + " words or fewer while keeping the news: "
            + "the plant, the loan, the grocery deals, the hiring and the opening date (the Word file, with its "
            + "headline, deck and byline, at most " + (WORD_LIMIT + 30) + " words)", "editing")
        .check(all(wordsAtMost(WORD_LIMIT + 30).in(FileFormat.DOCX), contains("plant").in(FileFormat.DOCX),
            contains("$570,000").in(FileFormat.DOCX), matches("grocery (stores|accounts|deals)").in(FileFormat.DOCX),
            matches("\\bhir(e|es|ing)\\b").in(FileFormat.DOCX),
            matches("March 15|15 March").in(FileFormat.DOCX)))
        .required("libel", 2, "Removes the unsupported claim that Golden Loaf's bread is packed with "
            + "preservatives and made by machines, and says why", "legal-risk")
        .check(all(notContains("Golden Loaf").in(FileFormat.DOCX),
            notMatches("preservatives|made by machines?").in(FileFormat.DOCX), contains("Golden Loaf").in(FileFormat.MD)))
        .criterion("style", 2, "Applies house style throughout: numerals for 10 and up, lowercase titles after "
            + "names, no Oxford comma, hyphenated compound modifiers", "style")
        .criterion("note", 1, "The editor's note lists the corrections, the cuts and the questions for the "
            + "writer", "communication")
        .criterion("headlines", 1, "Offers two or three headline and deck options that fit the story", "editing")
        .criterion("voice", 1, "Keeps the writer's voice and the quotes word for word", "editing")
        .penalty("new-fact", -2, "Introduces a fact or figure that is in neither the draft nor the notes",
            "accuracy")
        .tags("editing", "fact-checking", "journalism")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.docx("references/bakery-feature-draft.docx", article("Family bakery rises to the occasion",
        "By Paul Ostrowski · Draft 1, filed 9 November 2026", DRAFT, "Paul Ostrowski", FILED));
    files.markdown("references/interview-notes.md", notes());
    files.docx("baseline/bakery-feature-edited.docx", article("West End bakery bets on wholesale",
        "Hearth & Crumb opens a 22,000-square-foot plant in March to bake for grocery stores across the "
            + "tri-county area · By Paul Ostrowski", EDITED, AUTHOR, DELIVERED));
    files.markdown("baseline/editors-note.md", editorsNote());
  }

  private static Doc article(String headline, String byline, List<String> paragraphs, String author, LocalDate date) {
    Doc.Builder doc = Doc.titled(headline, author, date).small(byline);
    paragraphs.forEach(doc::p);
    return doc.build();
  }

  private static Doc notes() {
    return Doc.titled("Hearth & Crumb: interview notes", "Paul Ostrowski", FILED)
        .p("Interviews 3-4 November 2026 at the Alder Street bakery and by phone. Figures checked with Lucia "
            + "Santangelo-Park by e-mail on 5 November.")
        .h2("People")
        .bullets("**Mariella Santangelo** (two Ls), 61, owner. Took over from her mother in 2004; has worked the "
                + "ovens since 16.",
            "**Rosa Santangelo**, her mother, founded the bakery in **1987** on Alder Street after emigrating from "
                + "Calabria in 1962 (brought the sourdough starter with her). Ran it until 2004.",
            "**Lucia Santangelo-Park**, Mariella's daughter, chief operating officer since 2020.",
            "**Irene Caldwell**, director, Small Business Development Center, Riverline State University.")
        .h2("Figures")
        .bullets("Revenue $1.2 million in 2021, $2.9 million in 2025. Mariella OK to publish both.",
            "Employees: 38 as of October 2026. Plan to hire 20 more by the end of 2027, mostly production and "
                + "delivery.",
            "New plant: **22,000 sq ft**, Eastgate Industrial Park. Two tunnel ovens, a packaging line, 9,000 loaves "
                + "a day. Alder Street kitchen does about 1,500 a day.",
            "Financing: **$570,000** loan from Riverline Community Bank, SBA-backed (7(a) program).",
            "Supply agreements signed with 14 independent grocery stores, including all five Pemberton Market "
                + "stores. Target: 30 stores by end of 2027.",
            "Second shop on Canal Street opened 2012. Both shops stay open.",
            "Opening: March 15, 2027, with a public open house. School tours \"being discussed\", nothing booked.")
        .h2("Quotes")
        .bullets("Lucia: \"We'd been turning away grocery accounts for two years. At some point you either grow or "
                + "you disappoint people.\"",
            "Lucia: \"We want people who care about bread. We'll teach them the rest.\"",
            "Mariella: \"My mother baked for the neighborhood. Now we bake for the region. But the neighborhood "
                + "comes first.\"",
            "Mariella, on ingredients: \"We don't use the conditioners the big guys use.\" (Did not name anyone.)",
            "Caldwell: \"The ones that succeed have a distinctive product and tight control of their costs. From "
                + "what I've seen, Hearth & Crumb has the first. The second is what they'll have to prove.\" Also "
                + "said wholesale margins are thin; bakeries underestimate delivery, packaging and returns.")
        .build();
  }

  private static Doc editorsNote() {
    return Doc.titled("Editor's note: Hearth & Crumb feature", AUTHOR, DELIVERED)
        .p("**To:** Henrik Lund, managing editor · **From:** Celeste Amadi · 11 November 2026")
        .p("Edited story attached (bakery-feature-edited.docx): " + words(EDITED) + " words, down from "
            + words(DRAFT) + ". Every fact and figure is checked against Paul's notes.")
        .h2("Headline and deck options")
        .numbered("**West End bakery bets on wholesale** / Hearth & Crumb opens a 22,000-square-foot plant in March "
                + "to bake for grocery stores across the tri-county area",
            "**From Alder Street to the grocery aisle** / A $570,000 SBA-backed loan takes a 39-year-old family "
                + "bakery regional",
            "**Hearth & Crumb rises to wholesale** / Family bakery signs 14 grocery stores and plans 20 hires")
        .h2("Fact corrections")
        .table(Tables.header("Draft said", "Notes say", "Now reads")
            .row("Started in 1989", "Founded 1987", "1987")
            .row("20,000 square foot facility", "22,000 sq ft", "22,000-square-foot plant")
            .row("$750,000 loan", "$570,000, SBA-backed", "$570,000 (digits were transposed)")
            .row("Revenue has tripled since 2021", "$1.2 million (2021) to $2.9 million (2025)", "The two figures "
                + "(2.4 times, not tripled); Mariella cleared both for publication")
            .row("Employs 45 people", "38 as of October 2026", "38")
            .row("\"Mariela\"", "Mariella, two Ls", "Mariella throughout")
            .row("'Turning away grocery accounts' quote by Mariella", "Said by Lucia", "Attributed to Lucia "
                + "Santangelo-Park")
            .build())
        .h2("Taken out")
        .bullets("**Golden Loaf's bread \"packed with preservatives and made by machines\":** not in the notes. "
                + "Mariella only said \"we don't use the conditioners the big guys use\" and named nobody. "
                + "Publishing it as fact about a named company is a libel risk, so the sentence now keeps only "
                + "the starter and the hand-shaping.",
            "**School tours in the first month:** the notes say only \"being discussed\"; cut rather than print "
                + "something not booked.",
            "Trims for length: Rosa's years running the shop, \"a handful of\" restaurants, repeated "
                + "attributions.")
        .h2("Style")
        .bullets("Lowercase \"chief operating officer\" after the name; no Oxford commas; \"22,000-square-foot\" "
                + "hyphenated; \"six times\" spelled out; \"March 15\" without the year since it is the coming "
                + "March.")
        .h2("Questions for Paul before Friday")
        .numbered("The bank's or SBA's release for the $570,000 figure, so we are not relying on our notes alone.",
            "Is 38 employees full-time, or including part-time staff?",
            "Is the March 15 open house open to the public all day? Time for the listing, if he has it.",
            "Caldwell's exact title: director or executive director of the SBDC?")
        .build();
  }
}
