package dev.parity.samplegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.FileFormat;
import dev.parity.graders.rubric.CheckResult;
import dev.parity.graders.rubric.Checks;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.tasks.Criterion;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.SuiteValidation;
import dev.parity.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deterministic checks in the committed suite's rubrics are valid checks for the graders, and
 * the professional's own baseline earns every one of them: a check the baseline fails would be a
 * wrong check, not a weak baseline.
 */
class RubricChecksTest {
  private static Suite suite;

  @BeforeAll
  static void load() {
    SuiteValidation validation = SuiteLoader.create().withCheckValidator(Checks.validator())
        .validate(CommittedSuite.root());
    assertThat(validation.problems()).isEmpty();
    suite = validation.suite();
  }

  @Test
  void everyCheckParsesAndTheBaselineEarnsIt() {
    List<String> failures = new ArrayList<>();
    for (Task task : suite.tasks()) {
      DeliverableContent baseline = content(task, task.baseline().files());
      for (Criterion criterion : checked(task)) {
        CheckResult result = Checks.parse(criterion.check()).evaluate(baseline);
        // A penalty's check finds the mistake, which the baseline must not make.
        boolean earned = criterion.isPenalty() != result.met();
        if (!earned) {
          failures.add(task.id() + "/" + criterion.id() + ": " + result.evidence());
        }
      }
      assertThat(baseline.unreadable()).as(task.id()).isEmpty();
    }
    assertThat(failures).isEmpty();
  }

  /**
   * A deliverable that only hands back the task's own inputs does no work, so it must fail the
   * checks on the work: derived figures, cuts, structure. It passes only the checks that look for
   * facts the inputs already state (zones and disclosures to restate, the tracker's forecast and
   * budget figures), and a length limit it happens to meet; those are listed here so that a new
   * check that a do-nothing deliverable meets is a conscious choice.
   */
  @Test
  void handingBackTheReferencesEarnsOnlyChecksOnFactsTheyAlreadyState() {
    Set<String> earned = new TreeSet<>();
    for (Task task : suite.tasks()) {
      DeliverableContent references = content(task, task.references().stream().map(r -> r.file()).toList());
      for (Criterion criterion : checked(task)) {
        if (!criterion.isPenalty() && Checks.parse(criterion.check()).evaluate(references).met()) {
          earned.add(task.id() + "/" + criterion.id());
        }
      }
    }
    assertThat(earned).containsExactly("heart-failure-discharge-handout/length",
        "heart-failure-discharge-handout/zones", "listing-comparison/disclosures", "steering-committee-status/budget");
  }

  @Test
  void atLeastTwentyChecksOnTenTasksCoverEveryKindThatASampleDeliverableCanMeet() {
    List<Criterion> checked = suite.tasks().stream().flatMap(t -> checked(t).stream()).toList();
    assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
    assertThat(suite.tasks().stream().filter(t -> !checked(t).isEmpty())).hasSizeGreaterThanOrEqualTo(10);
    Set<String> kinds = new TreeSet<>();
    checked.forEach(c -> collectKinds(c.check(), kinds));
    // No sample task asks for a JSON deliverable, so json_keys has nothing to check.
    Set<String> expected = new TreeSet<>(Checks.kinds());
    expected.remove("json_keys");
    assertThat(kinds).isEqualTo(expected);
  }

  private static List<Criterion> checked(Task task) {
    return task.rubric().stream().filter(c -> c.check() != null).toList();
  }

  private static void collectKinds(JsonNode check, Set<String> kinds) {
    kinds.add(check.path("type").asText());
    check.path("checks").forEach(inner -> collectKinds(inner, kinds));
  }

  private static DeliverableContent content(Task task, List<String> files) {
    return DeliverableContent.of(files.stream().map(file -> new DeliverableContent.File(Path.of(file).getFileName()
        .toString(), FileFormat.ofFileName(file).orElseThrow(), task.file(file))).toList());
  }
}
