package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.pages;
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

/** A registered nurse writes a plain-language discharge handout for patients with heart failure. */
final class HeartFailureHandout implements SampleTask {
  private static final LocalDate ISSUED = LocalDate.of(2026, 9, 14);
  private static final LocalDate DELIVERED = LocalDate.of(2026, 10, 2);
  private static final String AUTHOR = "Marisol Keane";

  @Override
  public Task task() {
    return TaskSpec.task("heart-failure-discharge-handout")
        .title("Plain-language discharge handout for patients going home with heart failure")
        .occupation(SampleOccupation.REGISTERED_NURSES)
        .request("Nurse Manager, 4 West Cardiac Step-Down Unit, Cedar Valley Regional Medical Center", """
            Marisol,

            Our 30-day readmission review for heart failure came back and the pattern is the same \
            as last year: most of the patients who came back did not know when to call us. They \
            had the six-page packet, but nobody reads it. I'd like you to write the replacement.

            One handout, two pages at most, that a patient or family member can read in five \
            minutes at the bedside and stick on the fridge at home. It has to follow the Patient \
            Education Committee's requirements (attached): reading level around sixth grade, the \
            unit's numbers for daily weights and salt, the green/yellow/red symptom zones, and our \
            clinic phone numbers. Leave space for the patient's own follow-up appointment and \
            their target weight, since those differ for each person.

            Please send it as a Word file so Education can put it into the template and translate \
            it. I'll take it to the committee on 6 October.

            Thanks,
            Janine
            """)
        .reference("references/hf-teaching-requirements.docx",
            "Patient Education Committee: required content for heart failure discharge teaching")
        .deliverable("A patient handout of at most two pages, editable", FileFormat.DOCX)
        .baseline(165, AUTHOR, 12, "baseline/going-home-with-heart-failure.docx")
        .required("weights", 3, "Explains daily weighing (every morning, after urinating, before breakfast, same "
            + "scale, write it down) and to call if weight goes up more than 2 pounds in a day or 5 pounds in a "
            + "week", "clinical-accuracy")
        .required("zones", 3, "Gives green, yellow and red zones with what to do in each; the red zone says to "
            + "call 911 for chest pain, struggling to breathe at rest, fainting or new confusion",
            "clinical-accuracy")
        .check(all(matches("\\bgreen\\b"), matches("\\byellow\\b"), matches("\\bred\\b"), contains("911"),
            matches("chest pain"), matches("faint")))
        .criterion("salt", 2, "Sets the unit's sodium limit of 2,000 mg a day with practical examples "
            + "(label reading, foods high in salt)", "clinical-accuracy")
        .criterion("medicines", 2, "Covers medicines: take them as prescribed, do not stop or skip on your own, "
            + "avoid ibuprofen and naproxen, bring all medicines to the follow-up visit", "clinical-accuracy")
        .required("plain", 2, "Is written in plain language at about a sixth-grade level: short sentences, "
            + "medical words explained or avoided, with clear headings a patient can scan", "readability")
        .criterion("follow-up", 1, "Has space for the follow-up appointment (within 7 days) and target weight, "
            + "and gives the clinic and after-hours numbers from the requirements", "completeness")
        .criterion("length", 1, "Fits on two pages and reads in about five minutes (at most 1,000 words)",
            "readability")
        .check(all(pages(1, 2).in(FileFormat.DOCX), wordsAtMost(1_000).in(FileFormat.DOCX)))
        .penalty("fluid-rule", -2, "States a fixed fluid limit for every patient instead of deferring to the "
            + "patient's own care team", "clinical-accuracy")
        .tags("patient-education", "nursing", "health-literacy")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.docx("references/hf-teaching-requirements.docx", requirements());
    files.docx("baseline/going-home-with-heart-failure.docx", handout());
  }

  private static Doc requirements() {
    return Doc.titled("Heart failure discharge teaching: required content", "Patient Education Committee", ISSUED)
        .p("Cedar Valley Regional Medical Center · Patient Education Committee · Standard PE-HF-03, revised "
            + "September 2026. Applies to every written handout given to patients discharged with a heart "
            + "failure diagnosis.")
        .h1("1. Format")
        .bullets("Reading level: grade 6 or lower (Flesch-Kincaid). Short sentences, everyday words; explain any "
                + "medical word you keep.",
            "Length: no more than two pages. Headings a patient can scan.",
            "Write to the patient (\"you\"). Do not use abbreviations such as HF, CHF, Na or SOB.",
            "Leave blanks for what differs between patients: follow-up appointment, target (\"dry\") weight, "
                + "fluid limit if one is ordered.")
        .h1("2. Required content")
        .table(Tables.header("Topic", "Unit standard")
            .row("Daily weight", "Weigh every morning after urinating and before breakfast, on the same scale, "
                + "in similar clothes. Write it down. Call the clinic if weight goes up more than 2 lb in one "
                + "day or 5 lb in one week.")
            .row("Sodium", "2,000 mg of sodium a day unless the provider orders otherwise. Teach label reading "
                + "and the main sources (canned soups, deli meats, frozen meals, fast food, salty snacks).")
            .row("Fluids", "Only if the provider has ordered a fluid limit. Do not give a standard number; "
                + "leave a blank for the ordered amount.")
            .row("Medicines", "Take exactly as prescribed; do not stop or skip without talking to the care "
                + "team. Avoid NSAIDs (ibuprofen, naproxen). Bring all medicines and the weight log to the "
                + "first visit.")
            .row("Activity", "Walk a little every day and rest between activities. No heavy lifting until the "
                + "provider agrees.")
            .row("Symptom zones", "Green (doing well), Yellow (call the clinic the same day), Red (call 911). "
                + "Red must include: chest pain or pressure; struggling to breathe at rest; fainting; new "
                + "confusion.")
            .row("Follow-up", "A clinic visit within 7 days of discharge. Leave a blank for date and time.")
            .build())
        .h1("3. Contact numbers to print")
        .bullets("Heart Failure Clinic, Monday-Friday 8:00 a.m.-4:30 p.m.: (555) 013-4470",
            "After hours and weekends, nurse advice line: (555) 013-4400",
            "Emergencies: 911")
        .small("Questions about this standard: Patient Education Committee, extension 4471.")
        .build();
  }

  private static Doc handout() {
    return Doc.titled("Going home with heart failure", AUTHOR, DELIVERED)
        .p("Your heart is not pumping as well as it should. Fluid can build up in your body and make it hard "
            + "to breathe. The steps below help you stay well and out of the hospital. Keep this page on "
            + "your fridge.")
        .table(Tables.header("My follow-up visit", "My target weight", "My fluid limit (only if my doctor gave one)")
            .row("Date: ________  Time: ______", "________ pounds", "________ cups a day")
            .build())
        .h1("1. Weigh yourself every morning")
        .numbered("Get up and use the bathroom.",
            "Before you eat or drink, step on the same scale. Wear the same kind of clothes.",
            "Write your weight on a calendar or in your log.",
            "Compare with yesterday and with last week.")
        .p("**Call the clinic if your weight goes up more than 2 pounds in one day or 5 pounds in one week.** "
            + "Fast weight gain means fluid is building up, often before you feel it.")
        .h1("2. Eat less salt")
        .p("Salt makes your body hold on to water. Keep sodium under **2,000 mg a day**, unless your doctor "
            + "told you a different amount.")
        .bullets("Read the label. Look at \"Sodium\" on the Nutrition Facts. Add it up over the day.",
            "Foods with a lot of salt: canned soup, deli meat, hot dogs, frozen dinners, pizza, fast food, "
                + "chips, pickles, soy sauce.",
            "Cook with herbs, lemon or pepper instead of salt. Take the salt shaker off the table.",
            "When you eat out, ask for no added salt and sauces on the side.")
        .h1("3. Take your medicines")
        .bullets("Take each medicine the way your doctor said, every day, even when you feel fine.",
            "Do not stop or skip a medicine on your own. If one bothers you, call the clinic.",
            "Some of your medicines make you urinate more. Plan outings around them.",
            "Do not take ibuprofen (Advil, Motrin) or naproxen (Aleve). They can make heart failure worse. "
                + "Ask your pharmacist what you can take for pain.",
            "Bring all your medicines and your weight log to your follow-up visit.")
        .h1("4. Stay active, and rest")
        .p("Walk a little every day and slowly do a bit more. Rest between chores. Do not lift anything "
            + "heavy until your doctor says it is OK.")
        .h1("5. Know your zones")
        .table(Tables.header("Zone", "How you feel", "What to do")
            .row("**Green: doing well**", "Breathing is normal for you. No new swelling. Weight is steady. "
                + "You can do your usual activities.", "Keep taking your medicines and weighing yourself.")
            .row("**Yellow: warning**", "Weight up more than 2 pounds in a day or 5 in a week. More short of "
                + "breath when active. More swelling in feet, ankles, legs or belly. Need more pillows to "
                + "sleep. Dry cough that will not stop. Dizzy.", "**Call the clinic today.** "
                + "After hours, call the nurse line.")
            .row("**Red: emergency**", "Chest pain or pressure. Struggling to breathe, even sitting still. "
                + "Fainting. New confusion, or cannot stay awake.", "**Call 911 now.**")
            .build())
        .h1("Phone numbers")
        .table(Tables.header("Who", "When", "Number")
            .row("Heart Failure Clinic", "Monday to Friday, 8:00 a.m. to 4:30 p.m.", "(555) 013-4470")
            .row("Nurse advice line", "Evenings, nights and weekends", "(555) 013-4400")
            .row("Emergency", "Any time, for red-zone signs", "911")
            .build())
        .small("Cedar Valley Regional Medical Center, 4 West. Patient handout PE-HF-03. Ask your nurse to "
            + "go over this with you before you go home.")
        .build();
  }
}
