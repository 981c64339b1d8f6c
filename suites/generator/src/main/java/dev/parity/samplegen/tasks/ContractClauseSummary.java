package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.any;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.matches;
import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.tasks.Task;
import java.time.LocalDate;

/** A paralegal summarizes a vendor's master services agreement against the client's playbook. */
final class ContractClauseSummary implements SampleTask {
  private static final LocalDate DRAFTED = LocalDate.of(2026, 11, 16);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 11, 19);
  private static final String AUTHOR = "Owen Castellanos";

  @Override
  public Task task() {
    return TaskSpec.task("msa-clause-summary")
        .title("Clause summary and issues list for a vendor master services agreement")
        .occupation(SampleOccupation.PARALEGALS)
        .request("Senior Associate, Commercial Contracts, Hollis Brandt LLP", """
            Owen,

            Tidewater Freight Systems has received Quantaris's standard Master Services Agreement for \
            the route-analytics platform (attached) and wants to sign by year end. Before I mark it \
            up I need a clause summary I can work from.

            Please prepare an internal memo to me with a table of the key terms: term and renewal, \
            fees and price increases, payment, termination, customer data, security incidents, \
            confidentiality, warranties, indemnities, limitation of liability, service levels, \
            assignment, governing law and anything else that matters. For each, give the section \
            number, what it actually says, and where it departs from Tidewater's contracting \
            playbook: liability cap of at least 12 months' fees and mutual; mutual indemnities; \
            termination for convenience for the customer on 60 days' notice; renewals of no more \
            than a year with no more than 60 days' non-renewal notice; price increases capped at \
            the lower of CPI or 3%; security incident notice within 72 hours; the customer owns its \
            data and any vendor use of it needs consent; Virginia law.

            Then list the issues in order of priority for my review, and note any dates Tidewater \
            needs to diary if it signs as is (the effective date will be 1 February 2027). This is \
            internal work product for me, not advice to the client, so no recommendations to them.

            I need it by Thursday morning.

            Thanks,
            Lena
            """)
        .reference("references/quantaris-msa.docx", "Quantaris Route Analytics Master Services Agreement, "
            + "vendor draft v4.2")
        .deliverable("An internal memo with a clause table, a prioritized issues list and key dates",
            FileFormat.DOCX)
        .baseline(210, AUTHOR, 8, "baseline/quantaris-msa-clause-summary.docx")
        .required("coverage", 2, "Summarizes every term the associate listed, each with its correct section "
            + "number", "completeness")
        .required("liability", 3, "Flags the liability cap (fees paid in the previous three months, with the "
            + "vendor's IP indemnity inside the cap while the customer's indemnity and fees sit outside it) "
            + "as the top departure from the playbook", "legal-analysis")
        .criterion("renewal", 2, "Flags the auto-renewal with 120 days' notice and gives the non-renewal "
            + "deadline of 3 October 2029 for the initial term", "legal-analysis")
        .check(all(contains("120 days"), any(contains("3 October 2029"), contains("October 3, 2029"))))
        .criterion("price", 1, "Flags the renewal price increase of up to 9% against the CPI-or-3% position",
            "legal-analysis")
        .criterion("termination", 2, "Flags that only the vendor may terminate for convenience and that fees "
            + "for the rest of the term accelerate on termination", "legal-analysis")
        .criterion("data", 2, "Flags the 10-business-day incident notice against 72 hours and the vendor's "
            + "perpetual license to aggregated customer data", "legal-analysis")
        .check(all(matches("\\b10[- ]business[- ]days?\\b"), contains("72 hours"), contains("perpetual")))
        .criterion("law-assignment", 1, "Flags Delaware law and venue, and the one-sided assignment clause",
            "legal-analysis")
        .criterion("work-product", 1, "Is framed as internal work product for the associate: a table plus a "
            + "prioritized list, with no recommendations addressed to the client", "professionalism")
        .penalty("misquote", -3, "Misstates what a clause says, or cites a wrong section number",
            "accuracy")
        .tags("legal", "contracts", "document-review")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.docx("references/quantaris-msa.docx", contract());
    files.docx("baseline/quantaris-msa-clause-summary.docx", summary());
  }

  private static Doc contract() {
    return Doc.titled("Master Services Agreement", "Quantaris Route Analytics, Inc.", DRAFTED)
        .p("This Master Services Agreement (the \"Agreement\") is entered into as of the Effective Date stated "
            + "in the first Order Form by Quantaris Route Analytics, Inc., a Delaware corporation "
            + "(\"Quantaris\"), and the customer named in that Order Form (\"Customer\").")
        .small("Vendor draft v4.2, 12 November 2026. Order Form QRA-OF-2291 (Tidewater Freight Systems, Inc.): "
            + "Effective Date 1 February 2027; Annual Subscription Fee $186,000; 140 driver licenses.")
        .h2("1. Definitions")
        .p("1.1 \"Customer Data\" means data submitted to the Services by or for Customer. 1.2 \"Aggregated "
            + "Data\" means Customer Data that has been combined with other data so that it does not identify "
            + "Customer or any individual. 1.3 \"Documentation\" means Quantaris's user guides for the "
            + "Services, as updated from time to time. 1.4 \"Fees\" means the fees stated in an Order Form. "
            + "1.5 \"Security Incident\" means unauthorized access to Customer Data in Quantaris's systems.")
        .h2("2. Services")
        .p("2.1 Quantaris will provide the route-analytics services described in each Order Form (the "
            + "\"Services\") in accordance with the Documentation. 2.2 Customer will use the Services only for "
            + "its internal business purposes and is responsible for its users' compliance with this Agreement.")
        .h2("3. Term and Renewal")
        .p("3.1 The initial term begins on the Effective Date and continues for thirty-six (36) months. "
            + "3.2 Thereafter this Agreement renews automatically for successive twelve (12) month renewal terms "
            + "unless either party gives written notice of non-renewal at least one hundred twenty (120) days "
            + "before the end of the then-current term.")
        .h2("4. Fees and Payment")
        .p("4.1 Customer will pay the Fees annually in advance. 4.2 Invoices are due thirty (30) days from the "
            + "invoice date. Late amounts bear interest at 1.5% per month or the maximum rate permitted by law, "
            + "if less. 4.3 Quantaris may increase the Fees for any renewal term by up to nine percent (9%) over "
            + "the Fees for the preceding term by notice given at least thirty (30) days before the renewal. "
            + "4.4 Customer must notify Quantaris of any disputed invoice within fifteen (15) days of receipt, "
            + "failing which the invoice is deemed accepted.")
        .h2("5. Termination")
        .p("5.1 Either party may terminate this Agreement if the other party materially breaches it and fails "
            + "to cure the breach within thirty (30) days after written notice. 5.2 Quantaris may terminate "
            + "this Agreement for convenience on ninety (90) days' written notice. 5.3 Upon any termination "
            + "other than by Customer under Section 5.1, all Fees for the remainder of the then-current term "
            + "become immediately due and payable. 5.4 Sections 4, 6.3, 8, 10, 11 and 14 survive termination.")
        .h2("6. Customer Data")
        .p("6.1 As between the parties, Customer owns Customer Data. 6.2 Customer grants Quantaris a license to "
            + "use Customer Data to provide the Services. 6.3 Customer grants Quantaris a perpetual, "
            + "irrevocable, royalty-free license to create and use Aggregated Data for any purpose, including "
            + "improving and marketing its products. 6.4 For thirty (30) days after termination Customer may "
            + "export Customer Data; Quantaris will then delete it within ninety (90) days.")
        .h2("7. Security")
        .p("7.1 Quantaris will maintain administrative, physical and technical safeguards consistent with "
            + "industry standards. 7.2 Quantaris will notify Customer of a Security Incident without undue delay "
            + "and in any event within ten (10) business days after confirming it.")
        .h2("8. Confidentiality")
        .p("8.1 Each party will protect the other's Confidential Information with reasonable care and use it "
            + "only to perform this Agreement. 8.2 These obligations continue for three (3) years after "
            + "termination.")
        .h2("9. Warranties")
        .p("9.1 Quantaris warrants that the Services will perform materially in accordance with the "
            + "Documentation. 9.2 Customer's exclusive remedy for breach of Section 9.1 is re-performance or, "
            + "if Quantaris cannot re-perform, a refund of prepaid Fees for the non-conforming Services. "
            + "9.3 Except as stated in this Section 9, the Services are provided \"as is\" and all other "
            + "warranties are disclaimed.")
        .h2("10. Indemnification")
        .p("10.1 Quantaris will defend Customer against third-party claims that the Services infringe a United "
            + "States patent, copyright or trademark, and pay resulting damages finally awarded. "
            + "10.2 Customer will defend and indemnify Quantaris against all claims, losses and expenses arising "
            + "from Customer Data, Customer's use of the Services, or Customer's breach of this Agreement.")
        .h2("11. Limitation of Liability")
        .p("11.1 Neither party is liable for indirect, incidental, special, consequential or punitive damages "
            + "or lost profits. 11.2 Each party's total liability arising out of this Agreement will not exceed "
            + "the Fees paid by Customer in the three (3) months preceding the event giving rise to the claim. "
            + "11.3 Sections 11.1 and 11.2 do not apply to Customer's payment obligations or to Customer's "
            + "obligations under Section 10.2.")
        .h2("12. Service Levels")
        .p("12.1 Quantaris will make the Services available 99.5% of each calendar month, excluding scheduled "
            + "maintenance. 12.2 For each 0.5% below that level, Customer will receive a service credit of 5% "
            + "of the monthly Fees, up to 15%. 12.3 Service credits are Customer's sole and exclusive remedy "
            + "for unavailability.")
        .h2("13. Assignment")
        .p("13.1 Customer may not assign this Agreement without Quantaris's prior written consent. "
            + "13.2 Quantaris may assign this Agreement without consent, including to an affiliate or a "
            + "successor in a merger or sale of assets.")
        .h2("14. Governing Law and Venue")
        .p("14.1 This Agreement is governed by the laws of the State of Delaware. 14.2 The state and federal "
            + "courts in Wilmington, Delaware have exclusive jurisdiction, and each party waives trial by jury.")
        .h2("15. General")
        .p("15.1 Neither party is liable for delay caused by events beyond its reasonable control, including "
            + "failures of third-party hosting providers. 15.2 This Agreement and the Order Forms are the "
            + "entire agreement; if they conflict, this Agreement prevails. 15.3 Notices must be in writing to "
            + "the addresses in the Order Form.")
        .build();
  }

  private static Doc summary() {
    return Doc.titled("Quantaris MSA (vendor draft v4.2): clause summary and issues list", AUTHOR, DELIVERED)
        .small("PRIVILEGED AND CONFIDENTIAL · ATTORNEY WORK PRODUCT · To: Lena Whitcombe, Senior Associate · "
            + "From: Owen Castellanos, Paralegal · Client/matter: Tidewater Freight Systems / 2026-0418 · "
            + "19 November 2026")
        .p("Summary of Quantaris Route Analytics' Master Services Agreement, vendor draft v4.2 (12 November "
            + "2026), with Order Form QRA-OF-2291 (Effective Date 1 February 2027, $186,000 a year), measured "
            + "against Tidewater's contracting playbook. Flags: **High** = departs from a playbook position "
            + "with real exposure; **Medium** = departs, lower exposure; **OK** = consistent.")
        .h1("Clause table")
        .table(Tables.header("Term", "Section", "What it says", "Playbook", "Flag")
            .row("Term and renewal", "3.1, 3.2", "36-month initial term; then auto-renews for 12-month terms "
                + "unless notice of non-renewal 120 days before term end.", "Renewals of 1 year or less; "
                + "notice of 60 days or less", "**Medium**")
            .row("Price increases", "4.3", "Up to 9% a year at each renewal on 30 days' notice.",
                "Lower of CPI or 3%", "**High**")
            .row("Payment", "4.1, 4.2, 4.4", "Annual in advance; net 30; 1.5% a month late interest; "
                + "invoice disputes within 15 days or deemed accepted.", "No position; 15-day dispute window "
                + "is short", "**Medium**")
            .row("Termination", "5.1-5.3", "Mutual termination for uncured material breach (30-day cure). "
                + "Quantaris only may terminate for convenience (90 days). On any termination other than "
                + "Customer's for-cause termination, remaining term fees accelerate.", "Customer convenience "
                + "termination on 60 days", "**High**")
            .row("Customer data", "6.1-6.4", "Customer owns its data; Quantaris gets a perpetual, irrevocable "
                + "license to Aggregated Data for any purpose, including marketing; 30-day export window, "
                + "deletion within 90 days.", "Vendor use needs consent", "**High**")
            .row("Security incidents", "7.2", "Notice without undue delay and within 10 business days of "
                + "confirming an incident.", "72 hours", "**High**")
            .row("Confidentiality", "8.1, 8.2", "Mutual; reasonable care; survives 3 years.", "Mutual",
                "**OK**")
            .row("Warranties", "9.1-9.3", "Performs materially per Documentation (which Quantaris may "
                + "update); remedy limited to re-performance or refund; other warranties disclaimed.",
                "No position", "**Medium**")
            .row("Indemnities", "10.1, 10.2", "Quantaris: US IP infringement only. Customer: all claims from "
                + "Customer Data, use of the Services or breach.", "Mutual indemnities", "**High**")
            .row("Limitation of liability", "11.1-11.3", "No consequential damages. Cap for each party = fees "
                + "paid in the previous 3 months (about $46,500). Carve-outs only for Customer's fees and "
                + "Customer's indemnity, so Quantaris's IP indemnity is capped and Customer's is not.",
                "At least 12 months' fees; mutual", "**High**")
            .row("Service levels", "12.1-12.3", "99.5% monthly availability; credits 5% per 0.5% shortfall, "
                + "max 15%; credits are the sole remedy.", "No position", "**Medium**")
            .row("Assignment", "13.1, 13.2", "Customer needs consent; Quantaris may assign freely, including "
                + "to an acquirer.", "Mutual", "**Medium**")
            .row("Governing law", "14.1, 14.2", "Delaware law; exclusive Wilmington courts; jury waiver.",
                "Virginia", "**Medium**")
            .row("Force majeure", "15.1", "Includes failures of third-party hosting providers.", "No position",
                "**Medium**")
            .row("Order of precedence", "15.2", "MSA prevails over Order Forms.", "No position", "**OK**")
            .build())
        .h1("Issues for your review, in priority order")
        .numbered("**Liability cap (11.2, 11.3).** Three months' fees (about $46,500 at $186,000 a year) against "
                + "a 12-month playbook minimum (about $186,000). The carve-outs are one-sided: Customer's "
                + "indemnity and fees are uncapped while Quantaris's IP indemnity (10.1) falls under the cap.",
            "**Indemnities (10.1, 10.2).** Quantaris covers US IP claims only; Customer's indemnity is broad "
                + "(any claim arising from use of the Services or breach). Playbook calls for mutual "
                + "indemnities, including Quantaris for data breaches and its own breach.",
            "**Data and security (6.3, 7.2).** Perpetual, irrevocable license to Aggregated Data \"for any "
                + "purpose\", including marketing, without consent; incident notice up to 10 business days "
                + "after confirmation (could be two weeks or more) against 72 hours.",
            "**Termination (5.2, 5.3).** No customer termination for convenience; Quantaris may walk away on "
                + "90 days; fee acceleration applies even when Quantaris terminates for convenience, since "
                + "5.3 excludes only Customer's for-cause termination.",
            "**Price increases (4.3).** Up to 9% per renewal against the lower of CPI or 3%.",
            "**Renewal (3.2).** Automatic 12-month renewals with a 120-day notice window against 60 days.",
            "**Lower priority:** 15-day invoice-dispute window (4.4); service credits as sole remedy (12.3); "
                + "warranty tied to Documentation Quantaris can change (9.1, 1.3); one-way assignment (13.2); "
                + "Delaware law, venue and jury waiver (14); hosting failures as force majeure (15.1).")
        .h1("Dates to diary if signed as drafted")
        .table(Tables.header("Date", "What", "Section")
            .row("1 February 2027", "Effective Date; first annual fee invoiced, due 30 days after invoice",
                "Order Form; 4.1, 4.2")
            .row("Each invoice + 15 days", "Last day to dispute an invoice", "4.4")
            .row("3 October 2029", "Last day to give notice of non-renewal (120 days before the initial term "
                + "ends on 31 January 2030)", "3.2")
            .row("30 days before each renewal", "Latest date for Quantaris's notice of a price increase", "4.3")
            .row("Termination + 30 days", "Customer Data export window closes", "6.4")
            .build())
        .small("Prepared from the vendor draft only; the Order Form terms noted are from QRA-OF-2291 as "
            + "attached to it. No negotiation history reviewed.")
        .build();
  }
}
