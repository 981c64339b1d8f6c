package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.any;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.tasks.Fmt.cents;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.tasks.Task;
import java.time.LocalDate;

/** A member-services representative answers a credit-card dispute by the book. */
final class CardDisputeReply implements SampleTask {
  private static final LocalDate PROCEDURE = LocalDate.of(2026, 3, 2);
  private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 23);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 11, 24);
  private static final String AUTHOR = "Tessa Morrow";
  static final double HOTEL = 842.17;
  static final double SUBSCRIPTION = 59.99;
  static final double LATE_FEE = 29.00;

  @Override
  public Task task() {
    double provisional = HOTEL + 2 * SUBSCRIPTION;
    return TaskSpec.task("card-dispute-reply")
        .title("Reply to a member's credit-card dispute and fee complaint")
        .occupation(SampleOccupation.CUSTOMER_SERVICE_REPRESENTATIVES)
        .request("Member Services Supervisor, Riverbend Community Credit Union", """
            Tessa,

            Can you take case DSP-2026-118742? Ms. Whitfield wrote in yesterday and she is upset: a \
            hotel charged her twice, a streaming service kept billing her after she canceled, and \
            we charged her a late fee she thinks is our fault. My notes and her account history are \
            attached, with the dispute procedure.

            Please draft the written reply to her under your name. It counts as our written \
            acknowledgement, so it needs to do everything the procedure requires for that: what we \
            are crediting now and why it is provisional, what we need from her and by when, what \
            she does and does not have to pay meanwhile, and when she will hear the outcome. Decide \
            the late fee under the courtesy-waiver rule. Plain English, warm but professional; she \
            has been a member for 19 years.

            I'll review and send it today.

            Thanks,
            Graciela
            """)
        .reference("references/dispute-procedure.pdf", "Credit card billing dispute procedure (internal), "
            + "rev. March 2026")
        .reference("references/case-notes.md", "Supervisor's case notes, member's message and account history")
        .deliverable("A reply letter to the member, ready for supervisor review", FileFormat.DOCX)
        .baseline(55, AUTHOR, 6, "baseline/whitfield-dispute-reply.docx")
        .required("all-three", 2, "Answers all three concerns: the duplicate hotel charge, the charges after "
            + "cancellation and the late fee", "completeness")
        .required("credits", 3, "States provisional credits of " + cents(HOTEL) + " (hotel) and "
            + cents(2 * SUBSCRIPTION) + " (two subscription charges), " + cents(provisional) + " in total, and "
            + "waives the " + cents(LATE_FEE) + " late fee as a courtesy", "accuracy")
        .check(all(numberNear(HOTEL, 0.005),
            any(numberNear(SUBSCRIPTION, 0.005), numberNear(2 * SUBSCRIPTION, 0.005)),
            numberNear(provisional, 0.005), numberNear(LATE_FEE, 0.005), matches("waiv(e|ed|ing)")))
        .required("timeline", 2, "Says the investigation will be finished and the outcome sent in writing by "
            + "21 February 2027 at the latest, and that the credits are provisional until then", "compliance")
        .check(all(any(contains("21 February 2027"), contains("February 21, 2027")), contains("provisional")))
        .criterion("evidence", 2, "Asks for the cancellation confirmation, says how to send it and by when "
            + "(4 December 2026)", "compliance")
        .criterion("payments", 1, "Explains that she need not pay the disputed amounts or interest on them "
            + "meanwhile, but must still pay the rest of her balance's minimum payment", "compliance")
        .criterion("tone", 1, "Is warm, plain and professional, acknowledges her frustration and her long "
            + "membership without blaming her or the merchants", "communication")
        .criterion("identifiers", 1, "Includes the case number, a way to reach the writer directly and a "
            + "signature", "communication")
        .penalty("promise", -3, "Promises that the disputed amounts are refunded for good, or that the dispute "
            + "will be decided in her favor, before the investigation ends", "compliance")
        .tags("customer-service", "banking", "written-communication")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.pdf("references/dispute-procedure.pdf", procedure());
    files.markdown("references/case-notes.md", notes());
    files.docx("baseline/whitfield-dispute-reply.docx", letter());
  }

  private static Doc procedure() {
    return Doc.titled("Credit card billing disputes: member services procedure", "Riverbend CCU Card Services", PROCEDURE)
        .small("Procedure MS-CC-07, revision March 2026. Internal use. Applies to Riverbend Visa credit cards.")
        .h1("1. When a dispute is on time")
        .p("A member may dispute a charge they believe is a billing error (a charge they did not make, a "
            + "duplicate, a charge for goods or services not received or canceled, or a computation error) if "
            + "we receive the dispute in writing (letter, secure message or e-mail to disputes@) within 60 days "
            + "after we sent the first statement showing the charge.")
        .h1("2. What we must do")
        .numbered("**Acknowledge** the dispute in writing within 30 days of receiving it, unless it is fully "
                + "resolved sooner. The acknowledgement names the case number.",
            "**Provisional credit:** credit the disputed amount to the card within 2 business days of receiving "
                + "an on-time dispute. Tell the member the credit is provisional until the investigation ends.",
            "**Resolve** the dispute within two complete billing cycles, and in no case more than 90 days after "
                + "receiving it. Tell the member the outcome in writing, with the reasons.",
            "While the dispute is open, do not collect the disputed amount, charge interest or fees on it, or "
                + "report it as late. The member must still pay the undisputed part of the balance, including "
                + "the minimum payment on it.")
        .h1("3. Evidence we ask for")
        .table(Tables.header("Dispute type", "Ask the member for", "Deadline")
            .row("Duplicate charge", "Nothing beyond the statement; we check authorization records", "-")
            .row("Charged after canceling", "Proof of cancellation: confirmation e-mail, number or screenshot, "
                + "with the cancellation date", "10 calendar days from our letter")
            .row("Not received", "Order confirmation and expected delivery date", "10 calendar days from our letter")
            .build())
        .p("Members send evidence through secure message in online banking, by e-mail to "
            + "disputes@riverbendccu.example, or at any branch. If evidence does not arrive, we decide on what we "
            + "have.")
        .h1("4. If we decide against the member")
        .p("We reverse the provisional credit, explain why in writing, and give the member 25 days from that "
            + "notice to pay the amount before it is treated as late. No interest is charged for the period of "
            + "the investigation.")
        .h1("5. Fees and courtesy waivers")
        .p("A representative may waive one late fee as a courtesy in any 12-month period if the member has no "
            + "other late fee waived in that period. Record the waiver in the case.")
        .h1("6. Writing to members")
        .bullets("Use the case number, the card's last four digits and the member's name.",
            "Plain language. Do not promise the outcome of an investigation.",
            "Give your name, title and direct line.")
        .build();
  }

  private static Doc notes() {
    return Doc.titled("Case DSP-2026-118742: notes", "Graciela Ruiz", RECEIVED)
        .p("**Member:** Alma Whitfield, member since 2007 · **Card:** Riverbend Visa Signature ending 4417 · "
            + "**Statement closing day:** the 20th of each month · **Payment due:** the 15th")
        .h2("Member's message (secure message, Monday 23 November 2026, 08:12)")
        .p("\"I am furious. Harborview Suites charged me twice for the same stay, $842.17 each, on 3 October. I "
            + "canceled StreamMax on 28 September and I have the e-mail to prove it, but you let them take "
            + "$59.99 in October and again in November. And now you have charged me a late fee, when my "
            + "autopay should have paid it. I have banked with you for nineteen years. Fix this.\"")
        .h2("Account history")
        .table(Tables.header("Date", "Description", "Amount", "On statement").numeric(2)
            .row("2026-10-03", "HARBORVIEW SUITES PORTLAND ME (auth 771203)", cents(HOTEL), "20 Oct")
            .row("2026-10-03", "HARBORVIEW SUITES PORTLAND ME (auth 771219)", cents(HOTEL), "20 Oct")
            .row("2026-10-14", "STREAMMAX MONTHLY", cents(SUBSCRIPTION), "20 Oct")
            .row("2026-11-14", "STREAMMAX MONTHLY", cents(SUBSCRIPTION), "20 Nov")
            .row("2026-11-16", "LATE FEE", cents(LATE_FEE), "20 Nov")
            .build())
        .h2("My notes")
        .bullets("Hotel: two authorizations six minutes apart, same amount, one folio number. Looks like a "
                + "duplicate.",
            "Autopay for the 15 November payment failed: Ms. Whitfield changed her checking account to another "
                + "bank on 2 November and the autopay instruction still pointed at the closed account. Our "
                + "system sent a failed-payment e-mail on 15 November. She paid the minimum by phone on 19 "
                + "November.",
            "No late fee waived on this card in the last 12 months (last waiver: March 2024).",
            "Dispute received 23 November, well within 60 days of the 20 October statement.",
            "Provisional credits can post today if the letter goes out today.")
        .build();
  }

  private static Doc letter() {
    double provisional = HOTEL + 2 * SUBSCRIPTION;
    return Doc.titled("Your card dispute, case DSP-2026-118742", AUTHOR, DELIVERED)
        .p("Riverbend Community Credit Union · Member Services · 24 November 2026")
        .p("Ms. Alma Whitfield", "Riverbend Visa Signature ending 4417")
        .p("Dear Ms. Whitfield,")
        .p("Thank you for writing to us, and I am sorry for the trouble and worry these charges have caused you. "
            + "After nineteen years with Riverbend you should not have to chase us. I have taken your case "
            + "myself, and this letter confirms that we have received your dispute and explains what happens "
            + "next.")
        .h2("What we are doing today")
        .table(Tables.header("Item", "Amount", "What we are doing").numeric(1)
            .row("Harborview Suites, 3 October (second charge)", cents(HOTEL), "Disputed as a duplicate; "
                + "provisional credit today")
            .row("StreamMax, 14 October", cents(SUBSCRIPTION), "Disputed as charged after cancellation; "
                + "provisional credit today")
            .row("StreamMax, 14 November", cents(SUBSCRIPTION), "Disputed as charged after cancellation; "
                + "provisional credit today")
            .total("Provisional credits", cents(provisional), "")
            .build())
        .p("**Late fee of " + cents(LATE_FEE) + ":** I can see your autopay was still set up on the checking "
            + "account you closed on 2 November, so the 15 November payment could not go through. I have "
            + "waived the fee as a courtesy, and the " + cents(LATE_FEE) + " will be back on your card today. "
            + "This is a permanent refund, not part of the dispute.")
        .p("The credits for the hotel and StreamMax charges are **provisional**. That means they stay on your "
            + "account while we investigate, and they become final if the investigation confirms the errors.")
        .h2("What we need from you")
        .p("Please send us the StreamMax cancellation e-mail you mentioned, showing the 28 September date, by "
            + "**Friday 4 December 2026**. You can reply to this message in online banking, e-mail it to "
            + "disputes@riverbendccu.example with your case number, or bring it to any branch. We do not need "
            + "anything from you for the hotel charge.")
        .h2("What you need to pay meanwhile")
        .p("You do not need to pay the disputed amounts, and we will not charge interest or fees on them or "
            + "report them as late while we investigate. Please keep paying the rest of your balance as usual, "
            + "including at least the minimum payment shown on your statement. To make sure your autopay works "
            + "for the 15 December payment, please update it to your new checking account in online banking, "
            + "or call me and I will help you do it.")
        .h2("When you will hear from us")
        .p("We will finish our investigation and write to you with the outcome by **21 February 2027 at the "
            + "latest**, and sooner if we can. If we find that a charge was correct after all, we will explain "
            + "why, and you will have 25 days from our letter to pay it before it counts as late, with no "
            + "interest for the time the investigation took.")
        .p("If you have any questions, please call me directly. I am glad to help.")
        .p("Kind regards,")
        .p("Tessa Morrow", "Member Services Representative", "Riverbend Community Credit Union",
            "Direct line: (555) 017-2294 · Case DSP-2026-118742")
        .build();
  }
}
