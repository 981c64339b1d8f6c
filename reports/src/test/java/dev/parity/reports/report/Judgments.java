package dev.parity.reports.report;

import dev.parity.harness.store.Contestant;
import dev.parity.judgments.GraderType;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.Outcome;
import dev.parity.judgments.Showing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Judgments written tersely for tests: one line per verdict. */
final class Judgments {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private final List<Judgment> list = new ArrayList<>();
  private String sector = "Finance and Insurance";
  private String occupation = "Accountants and Auditors";

  /** Following judgments are in this sector and occupation. */
  Judgments in(String sector, String occupation) {
    this.sector = sector;
    this.occupation = occupation;
    return this;
  }

  /** A human's verdict on {@code model} against the baseline. */
  Judgments human(String task, String model, String grader, Outcome outcome) {
    return add(task, model, Judgment.BASELINE, grader, GraderType.HUMAN, outcome, null, null);
  }

  /** A human's verdict with minutes and a rationale. */
  Judgments human(String task, String model, String grader, Outcome outcome, Double minutes, String rationale) {
    return add(task, model, Judgment.BASELINE, grader, GraderType.HUMAN, outcome, minutes, rationale);
  }

  /** A model judge's verdict on {@code model} against the baseline. */
  Judgments judge(String task, String model, String judge, Outcome outcome) {
    return add(task, model, Judgment.BASELINE, judge, GraderType.MODEL, outcome, null, null);
  }

  /** A human's verdict on {@code model} against another model. */
  Judgments versus(String task, String model, String opponent, String grader, Outcome outcome) {
    return add(task, model, opponent, grader, GraderType.HUMAN, outcome, null, null);
  }

  private Judgments add(String task, String model, String opponent, String grader, GraderType type,
      Outcome outcome, Double minutes, String rationale) {
    // Contestants as a version-2 file names them: a model, or a professional as human:<id>.
    list.add(new Judgment(task, Contestant.parse(model), opponent, grader, type, outcome, 0, occupation, sector,
        minutes, rationale, Showing.UNKNOWN));
    return this;
  }

  List<Judgment> list() {
    return List.copyOf(list);
  }

  /** The judgments as a report input, from one source. */
  ReportInput.Builder input() {
    return ReportInput.builder(NOW).judgments(new Source("judgments", "test", false), list());
  }

  /** A report of these judgments alone, with few resamples, computed on this thread. */
  Report report() {
    return report(input().build());
  }

  static Report report(ReportInput input) {
    return Report.compute(input, ReportSettings.defaults().withResamples(2_000), Runnable::run);
  }
}
