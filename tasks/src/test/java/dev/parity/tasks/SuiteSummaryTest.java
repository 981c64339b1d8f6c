package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSummaryTest {
  @TempDir Path root;

  @Test
  void countsTasksHoursAndCostPerSectorAndOccupation() {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root);
    suite.task("nurse", SuiteFolder.MINIMAL_TASK.replace("\"expense-summary\"", "\"nurse\"")
            .replace("Accountants and Auditors", "Registered Nurses").replace("13-2011.00", "29-1141.00")
            .replace("Professional, Scientific, and Technical Services", "Health Care and Social Assistance")
            .replace("\"minutes\": 45", "\"minutes\": 90").replace("42.5", "45"))
        .file("nurse", "baseline/summary.md", "x");
    suite.task("audit", SuiteFolder.MINIMAL_TASK.replace("\"expense-summary\"", "\"audit\"")
            .replace("\"minutes\": 45", "\"minutes\": 120"))
        .file("audit", "baseline/summary.md", "x");

    SuiteSummary summary = SuiteSummary.of(SuiteLoader.create().load(root));

    assertThat(summary.tasks()).isEqualTo(3);
    assertThat(summary.humanHours()).isCloseTo(4.25, within(1e-9));
    assertThat(summary.humanCostUsd()).isCloseTo(0.75 * 42.5 + 2 * 42.5 + 1.5 * 45, within(1e-9));
    assertThat(summary.sectors()).extracting(SuiteSummary.Group::name, SuiteSummary.Group::tasks).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Professional, Scientific, and Technical Services", 2),
        org.assertj.core.groups.Tuple.tuple("Health Care and Social Assistance", 1));
    SuiteSummary.Group accountants = summary.occupations().get(0);
    assertThat(accountants.name()).isEqualTo("Accountants and Auditors");
    assertThat(accountants.soc()).isEqualTo("13-2011.00");
    assertThat(accountants.humanHours()).isCloseTo(2.75, within(1e-9));
    assertThat(summary.occupations().get(1).sector()).isEqualTo("Health Care and Social Assistance");
  }
}
