package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.filePresent;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.pages;
import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.Tables;
import dev.parity.samplegen.office.Xlsx;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** A pharmacist writes a cough-and-cold quick reference for front-counter staff from the store's planogram. */
final class CoughColdQuickReference implements SampleTask {
  private static final LocalDate PLANOGRAM = LocalDate.of(2026, 10, 1);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 10, 20);
  private static final String AUTHOR = "Dr. Amara Lindqvist";

  /** One product on the cough-and-cold planogram. */
  record Product(String sku, String name, String form, String packSize, String packUnit, String actives, String ages,
      String location) {
    boolean contains(String ingredient) {
      return actives.toLowerCase(java.util.Locale.ROOT).contains(ingredient);
    }
  }

  static final List<Product> PRODUCTS = List.of(
      new Product("GL-2101", "Greenleaf Daytime Cold & Flu", "Caplets", "24", "count",
          "Acetaminophen 325 mg; dextromethorphan HBr 10 mg; phenylephrine HCl 5 mg", "12 and over", "Aisle 7"),
      new Product("GL-2102", "Greenleaf Nighttime Cold & Flu", "Liquid", "12", "fl oz",
          "Acetaminophen 650 mg; dextromethorphan HBr 30 mg; doxylamine succinate 12.5 mg per 30 mL", "12 and over",
          "Aisle 7"),
      new Product("GL-2103", "Greenleaf Extra Strength Pain Reliever", "Caplets", "100", "count",
          "Acetaminophen 500 mg", "12 and over", "Aisle 6"),
      new Product("GL-2104", "Greenleaf Children's Pain & Fever", "Oral suspension", "4", "fl oz",
          "Acetaminophen 160 mg per 5 mL", "2 to 11 (under 2: ask a doctor)", "Aisle 8"),
      new Product("GL-2105", "Greenleaf Ibuprofen", "Tablets", "100", "count", "Ibuprofen 200 mg", "12 and over", "Aisle 6"),
      new Product("GL-2106", "Greenleaf Mucus Relief DM", "Tablets", "20", "count",
          "Guaifenesin 400 mg; dextromethorphan HBr 20 mg", "12 and over", "Aisle 7"),
      new Product("GL-2107", "Greenleaf Mucus Relief 12 Hour", "Extended-release tablets", "20", "count",
          "Guaifenesin 600 mg", "12 and over", "Aisle 7"),
      new Product("GL-2108", "Greenleaf Children's Cough & Cold", "Liquid", "4", "fl oz",
          "Dextromethorphan HBr 5 mg; chlorpheniramine maleate 1 mg per 5 mL",
          "6 to 11; 4 to 5 ask a doctor; do not use under 4", "Aisle 8"),
      new Product("GL-2109", "Greenleaf Allergy Relief", "Capsules", "24", "count", "Diphenhydramine HCl 25 mg",
          "12 and over", "Aisle 9"),
      new Product("GL-2110", "Greenleaf Sinus PE", "Tablets", "36", "count", "Phenylephrine HCl 10 mg", "12 and over",
          "Aisle 7"),
      new Product("GL-2111", "Greenleaf Sinus & Headache", "Caplets", "24", "count",
          "Acetaminophen 325 mg; phenylephrine HCl 5 mg", "12 and over", "Aisle 7"),
      new Product("GL-2112", "Greenleaf Nasal Decongestant PSE", "Tablets", "24", "count", "Pseudoephedrine HCl 30 mg",
          "12 and over", "Pharmacy counter"),
      new Product("GL-2113", "Greenleaf 12 Hour Sinus PSE", "Extended-release tablets", "10", "count",
          "Pseudoephedrine HCl 120 mg", "12 and over", "Pharmacy counter"),
      new Product("GL-2114", "Greenleaf Allergy-D 12 Hour", "Extended-release tablets", "10", "count",
          "Loratadine 5 mg; pseudoephedrine sulfate 120 mg", "12 and over", "Pharmacy counter"),
      new Product("GL-2115", "Greenleaf 12 Hour Nasal Spray", "Nasal spray", "0.5", "fl oz", "Oxymetazoline HCl 0.05%",
          "6 and over; no more than 3 days", "Aisle 7"),
      new Product("GL-2116", "Greenleaf Saline Nasal Mist", "Nasal spray", "1.5", "fl oz", "Sodium chloride 0.65%",
          "All ages", "Aisle 7"),
      new Product("GL-2117", "Greenleaf Honey Lemon Cough Drops", "Lozenges", "30", "count", "Menthol 5.8 mg",
          "5 and over", "Aisle 7"),
      new Product("GL-2118", "Greenleaf Sleep Aid", "Tablets", "32", "count", "Doxylamine succinate 25 mg", "12 and over",
          "Aisle 9"),
      new Product("GL-2119", "Greenleaf Cold & Flu Hot Drink", "Powder packets", "6", "count",
          "Acetaminophen 650 mg; phenylephrine HCl 10 mg; pheniramine maleate 20 mg per packet", "12 and over",
          "Aisle 7"),
      new Product("GL-2120", "Greenleaf Children's Ibuprofen", "Oral suspension", "4", "fl oz",
          "Ibuprofen 100 mg per 5 mL", "2 to 11 (under 2: ask a doctor)", "Aisle 8"));

  @Override
  public Task task() {
    return TaskSpec.task("cough-cold-quick-reference")
        .title("Cough-and-cold quick reference for front-counter staff")
        .occupation(SampleOccupation.PHARMACISTS)
        .request("District Pharmacy Manager, Greenleaf Pharmacy", """
            Amara,

            Cold and flu season is starting and last winter we had two near-misses at the front \
            counter: a customer sold a night-time cold liquid on top of extra-strength \
            acetaminophen, and a cough syrup sold for a three-year-old. I want a one-page quick \
            reference at every register and at the pharmacy counter before 1 November.

            It is for technicians and front-store associates, not pharmacists. They need to know \
            when to stop and call the pharmacist, which of our own products share an ingredient so \
            they can catch doubling up, what the age limits are, and the pseudoephedrine rules at \
            the pharmacy counter. Use the products we actually carry; the planogram for the \
            cough-and-cold set is attached. Staff must not be put in the position of giving \
            clinical advice: the sheet should route those questions to you.

            A PDF I can send to the stores to print. One page; two at the very most.

            Thanks,
            Caleb
            """)
        .reference("references/cough-cold-planogram.xlsx", "Cough-and-cold planogram with active ingredients, "
            + "pack sizes, age labelling and shelf location")
        .deliverable("A printable one-page quick reference for front-counter staff", FileFormat.PDF)
        .baseline(140, AUTHOR, 14, "baseline/cough-cold-quick-reference.pdf")
        .required("refer", 3, "Lists when to stop and call the pharmacist: breathing trouble or chest pain, high "
            + "or lasting fever, symptoms beyond 7 days, pregnancy or breastfeeding, young children, chronic "
            + "conditions (blood pressure, heart, diabetes, thyroid, glaucoma, prostate), other medicines, and "
            + "any request for dosing advice", "safety")
        .required("acetaminophen", 3, "Names every planogram product containing acetaminophen (GL-2101, 2102, "
            + "2103, 2104, 2111, 2119) and says never to combine two of them", "safety")
        .criterion("sedating", 1, "Groups the drowsy antihistamine products (diphenhydramine, doxylamine, "
            + "chlorpheniramine, pheniramine) and warns against combining them or with sleep aids", "safety")
        .required("children", 2, "States that cough and cold medicines are not for children under 4 and that "
            + "customers with children under 12 go to the pharmacist", "safety")
        .check(all(matches("under (age )?4\\b"), matches("under (age )?12\\b")))
        .criterion("pse", 2, "Gives the pseudoephedrine rules: behind the counter, photo ID, logbook entry, "
            + "federal limits of 3.6 g a day and 9 g in 30 days, and no overriding a blocked sale", "compliance")
        .criterion("usable", 1, "Fits one printable page (two at most) and uses the store's own product names "
            + "and SKUs", "usability")
        .check(all(filePresent(FileFormat.PDF), pages(1, 2).in(FileFormat.PDF), matches("\\bGL-\\d{4}\\b")))
        .penalty("clinical-advice", -3, "Tells staff to recommend a dose or a product for a child, a pregnant "
            + "customer or someone with a chronic condition instead of referring to the pharmacist", "safety")
        .tags("pharmacy", "patient-safety", "training")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    Xlsx planogram = Xlsx.create("Cough and cold planogram, fall 2026", "Greenleaf Merchandising", PLANOGRAM);
    Xlsx.Sheet sheet = planogram.sheet("Cough & Cold").widths(9, 38, 22, 10, 10, 62, 30, 16)
        .header("SKU", "Product", "Form", "Pack size", "Pack unit", "Active ingredients (per dose unit)",
            "Labelled ages", "Location");
    PRODUCTS.forEach(p -> sheet.row(p.sku(), p.name(), p.form(), new Xlsx.Value(Double.parseDouble(p.packSize()),
        p.packSize().contains(".") ? Xlsx.Format.DECIMAL : Xlsx.Format.INTEGER), p.packUnit(),
        p.actives(), p.ages(), p.location()));
    sheet.freezeHeader().filter()
        .note("Set effective 1 October 2026. Pseudoephedrine products are kept behind the pharmacy counter and "
            + "sold through the electronic logbook.");
    files.xlsx("references/cough-cold-planogram.xlsx", planogram);
    files.pdf("baseline/cough-cold-quick-reference.pdf", reference());
  }

  private static String skus(String ingredient) {
    return PRODUCTS.stream().filter(p -> p.contains(ingredient))
        .map(p -> p.name().replace("Greenleaf ", "") + " (" + p.sku() + ")").collect(Collectors.joining(", "));
  }

  private static Doc reference() {
    return Doc.titled("Cough and cold: front-counter quick reference", AUTHOR, DELIVERED)
        .p("For technicians and front-store associates at every Greenleaf register and the pharmacy counter. "
            + "You can show customers where products are and read the label with them. **Anything about "
            + "which product or dose is right for a person goes to the pharmacist.**")
        .h2("Stop and call the pharmacist if the customer...")
        .table(Tables.header("Is buying for, or has...", "Or mentions...")
            .row("A child under 12 (no cough or cold medicine at all under 4)", "Trouble breathing, wheezing or "
                + "chest pain: send to urgent care or call 911 if severe")
            .row("Pregnancy or breastfeeding", "Fever over 3 days, or 103 °F (39.4 °C) or higher")
            .row("High blood pressure, heart disease, diabetes, thyroid disease", "Symptoms for more than 7 days, "
                + "or getting worse")
            .row("Glaucoma, or trouble urinating (enlarged prostate)", "Coughing up blood, or thick green or "
                + "yellow mucus with fever")
            .row("Liver disease, or 3 or more alcoholic drinks a day", "Taking prescription medicines, "
                + "especially for depression, blood thinning or sleep")
            .row("Two or more cough and cold products in the basket", "Asking \"how much can I take?\" or "
                + "\"which one is best for me?\"")
            .build())
        .h2("Same ingredient, two products: do not double up")
        .table(Tables.header("Ingredient", "Our products that contain it", "Tell the customer")
            .row("**Acetaminophen**", skus("acetaminophen"), "Never take two of these together. Too much "
                + "acetaminophen can badly damage the liver. Ask: \"Are you taking anything else for pain or "
                + "fever?\"")
            .row("**Drowsy antihistamines** (diphenhydramine, doxylamine, chlorpheniramine, pheniramine)",
                skus("diphenhydramine") + ", " + skus("doxylamine") + ", " + skus("chlorpheniramine") + ", "
                    + skus("pheniramine maleate 20"), "Only one at a time, and not with other sleep aids or "
                    + "alcohol. Causes drowsiness: no driving.")
            .row("**Dextromethorphan** (cough)", skus("dextromethorphan"), "Only one cough product at a time.")
            .row("**Decongestants** (phenylephrine, pseudoephedrine)", skus("phenylephrine") + "; pseudoephedrine "
                + "at the pharmacy counter", "Only one decongestant at a time. Blood pressure or heart "
                + "questions: pharmacist.")
            .build())
        .h2("Children")
        .bullets("**Under 4:** no cough or cold medicine. Saline mist (GL-2116) is labelled for all ages; any "
                + "other question goes to the pharmacist.",
            "**4 to 11:** only children's products, and the pharmacist helps choose. Never an adult product.",
            "Children's pain and fever products (GL-2104, GL-2120) come with their own dosing device; dosing "
                + "questions go to the pharmacist.")
        .h2("Pseudoephedrine at the pharmacy counter (GL-2112, GL-2113, GL-2114)")
        .bullets("Kept behind the pharmacy counter. Photo ID for every sale, and every sale goes through the "
                + "electronic logbook.",
            "Federal limits per buyer: 3.6 g a day and 9 g in 30 days. The logbook checks them; some states "
                + "set lower limits.",
            "If the logbook blocks a sale, do not override it and do not suggest a way around it; call the "
                + "pharmacist.")
        .small("Prepared by Dr. Amara Lindqvist, PharmD, for Greenleaf Pharmacy stores, October 2026. Based on the "
            + "fall 2026 cough-and-cold planogram. Product labels always take precedence.")
        .build();
  }
}
