package dev.parity.samplegen.tasks;

import static dev.parity.samplegen.RubricCheck.all;
import static dev.parity.samplegen.RubricCheck.contains;
import static dev.parity.samplegen.RubricCheck.headings;
import static dev.parity.samplegen.RubricCheck.matches;
import static dev.parity.samplegen.RubricCheck.numberNear;
import static dev.parity.samplegen.RubricCheck.pages;
import static dev.parity.samplegen.office.Xlsx.formula;
import static dev.parity.samplegen.office.Xlsx.money;
import static dev.parity.samplegen.tasks.Fmt.pct;
import static dev.parity.samplegen.tasks.Fmt.signedUsd;
import static dev.parity.samplegen.tasks.Fmt.usd;

import dev.parity.documents.FileFormat;
import dev.parity.samplegen.SampleOccupation;
import dev.parity.samplegen.SampleTask;
import dev.parity.samplegen.TaskFiles;
import dev.parity.samplegen.TaskSpec;
import dev.parity.samplegen.office.Deck;
import dev.parity.samplegen.office.Tables;
import dev.parity.samplegen.office.Xlsx;
import dev.parity.samplegen.office.Xlsx.Format;
import dev.parity.tasks.Task;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A project manager updates a program's steering-committee status deck from the project tracker. */
final class SteeringCommitteeStatus implements SampleTask {
  private static final LocalDate PREVIOUS = LocalDate.of(2026, 11, 6);
  private static final LocalDate STATUS_DATE = LocalDate.of(2026, 11, 20);
  private static final String AUTHOR = "Ruth Delacroix";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

  /** One milestone in the tracker. */
  record Milestone(String id, String name, String owner, LocalDate baseline, LocalDate forecast, int percent,
      boolean criticalPath, String status) {
    long slipDays() {
      return ChronoUnit.DAYS.between(baseline, forecast);
    }
  }

  /** One budget line: budget, actual to date, estimate to complete. */
  record BudgetLine(String category, double budget, double actual, double toComplete) {
    double atCompletion() {
      return actual + toComplete;
    }
  }

  /** One risk, scored probability × impact on 1-5 scales. */
  record Risk(String id, String risk, int probability, int impact, String owner, String mitigation) {
    int score() {
      return probability * impact;
    }
  }

  static final List<Milestone> MILESTONES = List.of(
      new Milestone("M1", "Design sign-off", "R. Delacroix", date("2026-08-14"), date("2026-08-14"), 100, true, "Complete"),
      new Milestone("M2", "Build sprints 1-3 complete", "A. Kowalczyk", date("2026-10-09"), date("2026-10-16"), 100, true, "Complete"),
      new Milestone("M3", "Data migration trial 1", "J. Osei-Bonsu", date("2026-10-30"), date("2026-11-13"), 100, true,
          "Complete: 6.8% record errors (target under 2%)"),
      new Milestone("M4", "Data migration trial 2", "J. Osei-Bonsu", date("2026-11-20"), date("2026-12-04"), 30, true, "At risk"),
      new Milestone("M5", "Core banking and card integrations", "A. Kowalczyk", date("2026-11-27"), date("2026-12-04"), 70, true, "At risk"),
      new Milestone("M6", "User acceptance testing starts", "M. Farouk", date("2026-12-07"), date("2026-12-21"), 0, true, "At risk"),
      new Milestone("M7", "UAT sign-off", "M. Farouk", date("2027-01-08"), date("2027-01-22"), 0, true, "At risk"),
      new Milestone("M8", "Staff training complete", "L. Brennan", date("2027-01-22"), date("2027-01-22"), 15, false, "On track"),
      new Milestone("M9", "Go-live (cutover weekend before)", "R. Delacroix", date("2027-02-01"), date("2027-02-15"), 0, true,
          "At risk"));

  static final List<BudgetLine> BUDGET = List.of(
      new BudgetLine("Consulting labor", 612_000, 356_200, 298_400),
      new BudgetLine("Software licenses", 184_000, 184_000, 0),
      new BudgetLine("Data migration tooling", 48_000, 31_500, 16_500),
      new BudgetLine("Training", 36_000, 4_800, 31_200));
  static final double CONTINGENCY = 60_000;
  static final double OPTION_A_COST = 24_000;
  static final double OPTION_B_COST = 38_400;

  static final List<Risk> RISKS = List.of(
      new Risk("R1", "Legacy member records fail migration rules (addresses, duplicate members)", 4, 5,
          "J. Osei-Bonsu", "Cleansing rules in trial 2; Harbor & Pine data stewards fix the 1,900 duplicates at source"),
      new Risk("R2", "NorthCore cannot turn round core-banking API fixes in time", 3, 4, "A. Kowalczyk",
          "Weekly defect call with NorthCore; escalation path agreed with their account director"),
      new Risk("R3", "Branch testers unavailable over the December holidays", 4, 3, "M. Farouk",
          "Tester rota signed by branch managers by 27 Nov; two floaters from the contact center"),
      new Risk("R4", "Cutover clashes with month-end processing", 2, 4, "R. Delacroix",
          "Cutover plan avoids the last two business days of the month"),
      new Risk("R5", "Low attendance at staff training", 2, 3, "L. Brennan", "Training built into branch rotas"),
      new Risk("R6", "Licence true-up for extra users", 1, 2, "R. Delacroix", "User count confirmed in design"));

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  static double total(java.util.function.ToDoubleFunction<BudgetLine> value) {
    return BUDGET.stream().mapToDouble(value).sum();
  }

  @Override
  public Task task() {
    double overrun = total(BudgetLine::atCompletion) - total(BudgetLine::budget);
    return TaskSpec.task("steering-committee-status")
        .title("Fortnightly steering-committee status deck for a CRM migration")
        .occupation(SampleOccupation.PROJECT_MANAGEMENT_SPECIALISTS)
        .request("Programme Director, Brightline Consulting", """
            Ruth,

            Steering committee is Tuesday 24 November. Please update the status deck from the \
            tracker as of today (attached, with the deck from 6 November so you can keep the same \
            format: summary, milestones, budget, risks and issues, decisions).

            The committee will want the straight story on data migration. Trial 1 came back with a \
            6.8% error rate and I understand trial 2 has moved. Tell them what that does to UAT and \
            to go-live on 1 February, use our status definitions (on the last tab of the tracker) \
            honestly, and give them options to recover with what each costs, plus your \
            recommendation. Budget: show the estimate at completion against budget and where we are \
            on contingency.

            Keep it to seven or eight slides. Send it to me by Monday noon so I can read it before \
            it goes to the client.

            Sanjay
            """)
        .reference("references/project-tracker.xlsx", "Project tracker as of 20 November 2026: milestones, "
            + "budget, risks, issues and status definitions")
        .reference("references/steerco-status-2026-11-06.pptx", "The previous steering-committee status deck")
        .deliverable("An updated status deck in the same format as the previous one", FileFormat.PPTX)
        .baseline(180, AUTHOR, 10, "baseline/steerco-status-2026-11-20.pptx")
        .required("rag", 3, "Rates the overall status Amber (not Green): critical-path milestones have slipped "
            + "14 days and go-live is forecast for 15 February against 1 February, with recovery options "
            + "available", "judgment")
        .check(all(matches("(overall|status)\\W+(\\w+\\W+){0,3}amber\\b"), matches("\\b15 Feb|\\bFeb(ruary)? 15\\b")))
        .required("milestones", 2, "Shows each milestone's baseline and forecast dates and the slip in days, "
            + "matching the tracker (trial 2, UAT start, UAT sign-off and go-live each 14 days late)", "accuracy")
        .criterion("budget", 2, "Gives the estimate at completion of " + usd(total(BudgetLine::atCompletion))
            + " against a budget of " + usd(total(BudgetLine::budget)) + " (" + signedUsd(overrun)
            + ") and what is left of the " + usd(CONTINGENCY) + " contingency", "accuracy")
        .check(all(numberNear(total(BudgetLine::atCompletion), 0.5), numberNear(total(BudgetLine::budget), 0.5),
            numberNear(overrun, 0.5), numberNear(CONTINGENCY, 0.5), contains("contingency")))
        .criterion("risks", 1, "Lists the top risks by score (data quality 20, NorthCore 12, December testers "
            + "12) with owners and mitigations", "analysis")
        .required("options", 2, "Sets out recovery options with their cost, schedule effect and risk, and "
            + "recommends one", "judgment")
        .criterion("decisions", 1, "States the decisions the committee must take, with the date they are "
            + "needed by", "communication")
        .criterion("format", 1, "Keeps the previous deck's structure and runs to seven or eight slides",
            "communication")
        .check(all(pages(7, 8).in(FileFormat.PPTX), headings("Summary", "Milestones", "Budget", "Risks", "Decisions")))
        .penalty("watermelon", -3, "Reports the project Green, or the go-live date as unaffected, while "
            + "critical-path milestones have slipped", "judgment")
        .tags("project-management", "status-report", "presentation")
        .build();
  }

  @Override
  public void write(TaskFiles files) {
    files.xlsx("references/project-tracker.xlsx", tracker());
    files.pptx("references/steerco-status-2026-11-06.pptx", previousDeck());
    files.pptx("baseline/steerco-status-2026-11-20.pptx", deck());
  }

  private static Xlsx tracker() {
    Xlsx book = Xlsx.create("Harbor & Pine CRM migration: project tracker", AUTHOR, STATUS_DATE);
    Xlsx.Sheet milestones = book.sheet("Milestones").widths(6, 36, 16, 12, 12, 10, 11, 12, 40)
        .header("ID", "Milestone", "Owner", "Baseline", "Forecast", "Slip (days)", "% complete", "Critical path",
            "Status");
    for (Milestone m : MILESTONES) {
      int r = milestones.nextRowNumber();
      milestones.row(m.id(), m.name(), m.owner(), Xlsx.date(m.baseline()), Xlsx.date(m.forecast()),
          formula("E" + r + "-D" + r, Format.INTEGER), Xlsx.percent(m.percent() / 100.0), m.criticalPath() ? "Yes" : "No",
          m.status());
    }
    milestones.note("Forecast dates as of 20 November 2026. Complete milestones show their actual date.")
        .freezeHeader();

    Xlsx.Sheet budget = book.sheet("Budget").widths(26, 14, 14, 14, 14, 14, 11)
        .header("Category", "Budget", "Actual to date", "Estimate to complete", "Estimate at completion",
            "Variance", "Variance %");
    int first = budget.nextRowNumber();
    for (BudgetLine b : BUDGET) {
      int r = budget.nextRowNumber();
      budget.row(b.category(), money(b.budget()), money(b.actual()), money(b.toComplete()),
          formula("C" + r + "+D" + r, Format.MONEY), formula("E" + r + "-B" + r, Format.MONEY),
          formula("F" + r + "/B" + r, Format.PERCENT));
    }
    int last = budget.nextRowNumber() - 1;
    int t = budget.nextRowNumber();
    budget.total("Total excluding contingency", sum("B", first, last), sum("C", first, last), sum("D", first, last),
        sum("E", first, last), sum("F", first, last), formula("F" + t + "/B" + t, Format.PERCENT));
    budget.blank().row("Contingency (approved)", money(CONTINGENCY))
        .row("Contingency drawn to date", money(0))
        .note("Estimate to complete for labor includes the two extra weeks of data-migration work already "
            + "incurred on trial 1. Change requests not yet approved are excluded.");

    Xlsx.Sheet risks = book.sheet("Risks").widths(5, 60, 12, 8, 8, 16, 70)
        .header("ID", "Risk", "Probability", "Impact", "Score", "Owner", "Mitigation");
    for (Risk risk : RISKS) {
      int r = risks.nextRowNumber();
      risks.row(risk.id(), risk.risk(), risk.probability(), risk.impact(), formula("C" + r + "*D" + r, Format.INTEGER),
          risk.owner(), risk.mitigation());
    }
    risks.note("Probability and impact on a 1-5 scale; score = probability x impact.");

    Xlsx.Sheet issues = book.sheet("Issues").widths(5, 60, 16, 12, 70)
        .header("ID", "Issue", "Owner", "Raised", "Action");
    issues.row("I1", "Trial 1 migrated 412,300 member records with 28,036 errors (6.8%): 19,400 address-format "
            + "failures, 1,900 duplicate members, 6,736 others", "J. Osei-Bonsu", Xlsx.date(date("2026-11-13")),
        "Cleansing rules for addresses; duplicates merged at source by Harbor & Pine; trial 2 moved to 4 Dec");
    issues.row("I2", "Two NorthCore API defects block card-status sync", "A. Kowalczyk", Xlsx.date(date("2026-11-17")),
        "NorthCore fix promised 1 Dec; integration test 2-4 Dec");
    issues.row("I3", "Recovery options for the schedule need a decision", "R. Delacroix", Xlsx.date(date("2026-11-19")),
        "Option A: go-live Mon 15 Feb (Presidents' Day weekend cutover), +2 weeks PM and tech lead, $24,000. "
            + "Option B: hold 1 Feb with 2 extra data engineers and UAT overlapping trial 3, $38,400.");

    Xlsx.Sheet definitions = book.sheet("Status definitions").widths(10, 90)
        .header("Status", "Definition (program governance, section 4.2)");
    definitions.row("Green", "On plan: no critical-path milestone forecast late; estimate at completion within budget.")
        .row("Amber", "Critical-path slip of up to 3 weeks, or estimate at completion over budget but within "
            + "contingency, with a recovery plan available.")
        .row("Red", "Critical-path slip of more than 3 weeks, or estimate at completion beyond budget plus "
            + "contingency, or no credible recovery plan.");
    return book;
  }

  private static Xlsx.Value sum(String column, int first, int last) {
    return formula("SUM(" + column + first + ":" + column + last + ")", Format.MONEY);
  }

  private static Deck previousDeck() {
    return Deck.titled("Harbor & Pine CRM Migration: Steering Committee Status",
            "6 November 2026 · Ruth Delacroix, Project Manager, Brightline Consulting", AUTHOR, PREVIOUS)
        .slide("Status summary")
        .metric("GREEN", "Overall").metric("GREEN", "Schedule").metric("GREEN", "Budget").metric("GREEN", "Scope")
        .bullets("Build sprints 1-3 complete; integrations 55% complete.",
            "Data migration trial 1 moved from 30 Oct to 13 Nov to use the full member extract; two weeks of float "
                + "absorb it, so UAT and go-live are unaffected.",
            "Training materials drafted; first train-the-trainer session on 17 Nov.")
        .slide("Milestones")
        .table(Tables.header("ID", "Milestone", "Baseline", "Forecast", "Slip", "Status").numeric(4)
            .row("M2", "Build sprints 1-3 complete", "Fri 9 Oct", "Fri 16 Oct", "7 days", "Complete")
            .row("M3", "Data migration trial 1", "Fri 30 Oct", "Fri 13 Nov", "14 days", "In progress")
            .row("M4", "Data migration trial 2", "Fri 20 Nov", "Fri 20 Nov", "0 days", "On track")
            .row("M5", "Core banking and card integrations", "Fri 27 Nov", "Fri 27 Nov", "0 days", "On track")
            .row("M6", "UAT starts", "Mon 7 Dec", "Mon 7 Dec", "0 days", "On track")
            .row("M9", "Go-live", "Mon 1 Feb", "Mon 1 Feb", "0 days", "On track")
            .build())
        .slide("Budget")
        .table(Tables.header("Category", "Budget", "Actual", "To complete", "At completion").numeric(1, 2, 3, 4)
            .row("Consulting labor", "$612,000", "$318,900", "$293,100", "$612,000")
            .row("Software licenses", "$184,000", "$184,000", "$0", "$184,000")
            .row("Data migration tooling", "$48,000", "$27,300", "$20,700", "$48,000")
            .row("Training", "$36,000", "$2,100", "$33,900", "$36,000")
            .total("Total", "$880,000", "$532,300", "$347,700", "$880,000")
            .build())
        .bullets("Contingency of $60,000 untouched.")
        .slide("Risks and issues")
        .table(Tables.header("ID", "Risk", "Score", "Owner")
            .row("R1", "Legacy member data quality", "12", "J. Osei-Bonsu")
            .row("R3", "Branch testers over the holidays", "12", "M. Farouk")
            .row("R2", "NorthCore API turnaround", "8", "A. Kowalczyk")
            .build())
        .slide("Decisions needed")
        .bullets("Approve the UAT tester list from the branches (names circulated 2 Nov).")
        .build();
  }

  private static Deck deck() {
    double budget = total(BudgetLine::budget);
    double eac = total(BudgetLine::atCompletion);
    double overrun = eac - budget;
    Milestone goLive = MILESTONES.get(MILESTONES.size() - 1);
    Tables milestones = Tables.header("ID", "Milestone", "Baseline", "Forecast", "Slip", "Status").numeric(4);
    for (Milestone m : MILESTONES.subList(2, MILESTONES.size())) {
      milestones.row(m.id(), m.name(), m.baseline().format(DAY), m.forecast().format(DAY), m.slipDays() + " days",
          m.status().startsWith("Complete") ? "Complete (6.8% errors)" : m.status());
    }
    Tables costs = Tables.header("Category", "Budget", "Actual", "To complete", "At completion", "Variance")
        .numeric(1, 2, 3, 4, 5);
    for (BudgetLine b : BUDGET) {
      costs.row(b.category(), usd(b.budget()), usd(b.actual()), usd(b.toComplete()), usd(b.atCompletion()),
          signedUsd(b.atCompletion() - b.budget()));
    }
    costs.total("Total", usd(budget), usd(total(BudgetLine::actual)), usd(total(BudgetLine::toComplete)), usd(eac),
        signedUsd(overrun));
    Tables risks = Tables.header("ID", "Risk", "Score", "Owner", "Mitigation").numeric(2);
    RISKS.stream().sorted(Comparator.comparingInt(Risk::score).reversed()).limit(3)
        .forEach(r -> risks.row(r.id(), r.risk(), Integer.toString(r.score()), r.owner(), r.mitigation()));
    double drawA = overrun + OPTION_A_COST;
    double drawB = overrun + OPTION_B_COST;
    return Deck.titled("Harbor & Pine CRM Migration: Steering Committee Status",
            "20 November 2026 · Ruth Delacroix, Project Manager, Brightline Consulting", AUTHOR, STATUS_DATE)
        .slide("Status summary: Amber, go-live at risk")
        .metric("AMBER", "Overall (was Green)").metric("AMBER", "Schedule").metric("AMBER", "Budget")
        .metric("GREEN", "Scope")
        .bullets("Data migration trial 1 finished on 13 Nov with 6.8% of member records in error against a 2% "
                + "target; the float is used up.",
            "Trial 2 moves from 20 Nov to 4 Dec, which pushes UAT start to 21 Dec, UAT sign-off to 22 Jan and "
                + "go-live from " + goLive.baseline().format(DAY) + " to " + goLive.forecast().format(DAY)
                + " unless we recover.",
            "Estimate at completion is " + usd(eac) + ", " + signedUsd(overrun) + " over budget, within the "
                + usd(CONTINGENCY) + " contingency.",
            "Amber under our definitions: slip of 2 weeks (under 3) and overrun within contingency, with recovery "
                + "options on slide 6.")
        .slide("Milestones")
        .table(milestones.build())
        .bullets("M1 and M2 complete. Trial 2, UAT and go-live all slip 14 days on the critical path; training "
            + "is off it and on track.")
        .slide("Budget")
        .table(costs.build())
        .bullets("Labor overrun is the extra data-migration work on trial 1 and the cleansing for trial 2.",
            "Contingency: " + usd(CONTINGENCY) + " approved, nothing drawn yet; this overrun would use "
                + usd(overrun) + " of it (" + pct(overrun / CONTINGENCY) + ").")
        .slide("Top risks and issues")
        .table(risks.build())
        .bullets("**Issue I1:** 28,036 of 412,300 records failed in trial 1 (19,400 addresses, 1,900 duplicate "
                + "members). Cleansing rules are built; Harbor & Pine data stewards are merging duplicates.",
            "**Issue I2:** two NorthCore API defects block card-status sync; fix promised 1 Dec.")
        .slide("Recovery options")
        .table(Tables.header("Option", "Go-live", "Extra cost", "Contingency needed", "Risk")
            .numeric(2, 3)
            .row("A. Move go-live to the Presidents' Day weekend", "Mon 15 Feb", usd(OPTION_A_COST), usd(drawA),
                "Low: full UAT; long weekend gives an extra cutover day")
            .row("B. Hold 1 Feb: 2 extra data engineers, UAT overlaps trial 3", "Mon 1 Feb", usd(OPTION_B_COST),
                usd(drawB), "High: UAT on unproven data; December testers already a risk")
            .build())
        .bullets("**Recommendation: option A.** It costs less, keeps full UAT, and moves the cutover off a "
                + "month-end weekend.",
            "Either option goes beyond the " + usd(CONTINGENCY) + " contingency: A by " + usd(drawA - CONTINGENCY)
                + ", B by " + usd(drawB - CONTINGENCY) + ".")
        .slide("Decisions needed by Friday 27 November")
        .bullets("1. Choose recovery option A (recommended) or B.",
            "2. Release " + usd(overrun) + " of contingency for the labor overrun.",
            "3. Approve " + usd(drawA - CONTINGENCY) + " above contingency for option A (or "
                + usd(drawB - CONTINGENCY) + " for option B).",
            "4. Harbor & Pine: confirm the December tester rota from the branches.")
        .notes("If the committee cannot decide on Tuesday, we lose the Presidents' Day weekend slot with NorthCore "
            + "and option A becomes a 22 Feb go-live.")
        .build();
  }
}
