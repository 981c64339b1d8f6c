package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task may say that its baseline, rubric, minutes or wage are unknown; unknown is never zero. */
class ExplicitUnknownsTest {
  @TempDir Path root;

  /** A GDPval launch-style task: a request and a wav reference, nothing of the professional's. */
  static final String REQUEST_ONLY_TASK = """
      {
        "id": "request-only",
        "title": "Review the population workbook",
        "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
        "sector": "Professional, Scientific, and Technical Services",
        "request": {"text": "Please review the attached workbook and the call recording."},
        "references": [],
        "references_not_shown": [
          {"file": "references/call.wav", "reason": "unsupported_format"},
          {"file": "references/Population (4).xlsx", "reason": "missing",
           "url": "https://example.org/resolve/abc/Population%20(4).xlsx"}
        ],
        "deliverable": {"formats": ["xlsx"], "formats_from": "inferred_from_request"},
        "baseline": {"files": [], "minutes": {"source": "unknown"},
                     "hourly_wage_usd": {"value": 39.5, "source": "estimated", "basis": "BLS OEWS May 2024 median"}},
        "rubric": [],
        "provenance": {"origin": "adapted", "dataset": {"name": "openai/gdpval", "revision": "abc", "row": 3}}
      }
      """;

  private Suite load() {
    return SuiteLoader.create().load(root);
  }

  @Test
  void aTaskWithoutBaselineRubricOrMinutesLoadsAndSaysWhatItLacks() {
    SuiteFolder.empty(root).task("request-only", REQUEST_ONLY_TASK);

    Task task = load().tasks().get(0);

    assertThat(task.hasBaseline()).isFalse();
    assertThat(task.hasRubric()).isFalse();
    assertThat(task.baseline().minutes()).isEqualTo(SourcedValue.UNKNOWN);
    assertThat(task.baseline().hourlyWageUsd())
        .isEqualTo(new SourcedValue(39.5, ValueSource.ESTIMATED, "BLS OEWS May 2024 median"));
    assertThat(task.baseline().hours()).isEmpty();
    assertThat(task.baseline().costUsd()).as("an estimated wage is not mixed into a cost").isEmpty();
    assertThat(task.referencesNotShown()).extracting(UnshownReference::fileName, UnshownReference::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("call.wav", UnshownReference.Reason.UNSUPPORTED_FORMAT),
            org.assertj.core.groups.Tuple.tuple("Population (4).xlsx", UnshownReference.Reason.MISSING));
    assertThat(task.provenance().dataset()).isEqualTo(new DatasetRow("openai/gdpval", "abc", 3));
    assertThat(task.flags()).extracting(TaskFlag::kind).containsExactly(
        TaskFlag.Kind.NO_BASELINE, TaskFlag.Kind.NO_RUBRIC, TaskFlag.Kind.MINUTES_NOT_KNOWN,
        TaskFlag.Kind.WAGE_NOT_KNOWN, TaskFlag.Kind.REFERENCES_NOT_SHOWN, TaskFlag.Kind.REFERENCES_MISSING,
        TaskFlag.Kind.FORMATS_GUESSED);
  }

  @Test
  void theSummaryCountsOnlyKnownTimeAndListsTheFlaggedTasks() {
    SuiteFolder.withMinimalTask(root).task("request-only", REQUEST_ONLY_TASK);

    SuiteSummary summary = SuiteSummary.of(load());

    assertThat(summary.tasks()).isEqualTo(2);
    assertThat(summary.timedTasks()).isEqualTo(1);
    assertThat(summary.costedTasks()).isEqualTo(1);
    assertThat(summary.humanHours()).isEqualTo(0.75);
    assertThat(summary.flags()).filteredOn(f -> f.kind() == TaskFlag.Kind.NO_BASELINE)
        .singleElement().satisfies(f -> assertThat(f.taskIds()).containsExactly("request-only"));
  }

  @Test
  void leavingOutTheBaselineOrRubricIsStillAnError() {
    SuiteFolder.empty(root).task("request-only", REQUEST_ONLY_TASK.replace("\"rubric\": [],", "")
        .replaceAll("(?s)\"baseline\": \\{.*?\\}\\},", ""));

    assertThat(SuiteLoader.create().validate(root).problems()).extracting(Problem::message)
        .containsExactly("missing required field \"baseline\"", "missing required field \"rubric\"");
  }

  @Test
  void inconsistentSourcesAreReportedAtTheirField() {
    SuiteFolder.empty(root).task("request-only", REQUEST_ONLY_TASK
        .replace("{\"source\": \"unknown\"}", "{\"value\": 30, \"source\": \"unknown\"}")
        .replace("\"value\": 39.5, \"source\": \"estimated\", \"basis\": \"BLS OEWS May 2024 median\"",
            "\"value\": 39.5, \"source\": \"estimated\""));

    assertThat(SuiteLoader.create().validate(root).problems()).extracting(Problem::message).containsExactly(
        "baseline.minutes is unknown, so it must not have a value",
        "baseline.hourly_wage_usd is estimated: say what from in \"basis\" (e.g. a wage statistic)");
  }

  @Test
  void anUnknownSourceNameIsAProblem() {
    SuiteFolder.empty(root).task("request-only", REQUEST_ONLY_TASK.replace("\"unknown\"}", "\"guessed\"}"));

    assertThat(SuiteLoader.create().validate(root).problems()).extracting(Problem::message).containsExactly(
        "baseline.minutes.source: \"guessed\" is not one of measured, reported, estimated, unknown");
  }

  @Test
  void aValueCannotClaimASourceItDoesNotHave() {
    assertThatThrownBy(() -> new SourcedValue(null, ValueSource.REPORTED, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> new SourcedValue(12.0, ValueSource.ESTIMATED, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("basis");
    assertThat(List.of(SourcedValue.reported(45), SourcedValue.UNKNOWN)).extracting(Object::toString)
        .containsExactly("45 (reported)", "unknown");
  }

  @Test
  void suiteProvenanceIsReadFromSuiteJson() {
    SuiteFolder.withMinimalTask(root);
    SuiteFolder.write(root.resolve("suite.json"), """
        {"name": "gdpval-gold", "version": "abc", "license": "as stated on the dataset card",
         "provenance": {"dataset": "openai/gdpval", "revision": "abc", "source_file": "gdpval.jsonl",
                        "source_sha256": "sha256:%s", "importer": "parity import gdpval"}}
        """.formatted("0".repeat(64)));

    Suite suite = load();

    assertThat(suite.provenance()).isEqualTo(new SuiteProvenance("openai/gdpval", "abc", "gdpval.jsonl",
        "sha256:" + "0".repeat(64), "parity import gdpval"));
  }
}
