package dev.parity.harness.testing;

import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes small valid suites for tests: {@code T0001 … Tnnnn}, each asking for a Markdown memo,
 * alternating between two occupations and sectors, with a baseline file and a one-line rubric.
 */
public final class TestSuites {
  private TestSuites() {}

  /** Writes a suite of {@code tasks} tasks into {@code root} and loads it. */
  public static Suite write(Path root, int tasks) {
    return write(root, tasks, "1.0");
  }

  /** Writes a suite of {@code tasks} tasks, with this version, into {@code root} and loads it. */
  public static Suite write(Path root, int tasks, String version) {
    try {
      Files.createDirectories(root.resolve("tasks"));
      Files.writeString(root.resolve("suite.json"),
          "{\"name\": \"test-suite\", \"version\": \"" + version + "\", \"format_version\": 1}\n");
      for (int i = 1; i <= tasks; i++) {
        String id = String.format(Locale.ROOT, "T%04d", i);
        Path folder = Files.createDirectories(root.resolve("tasks").resolve(id));
        Files.writeString(folder.resolve("baseline.md"), "# Memo " + id + "\n\nThe professional's memo.\n");
        boolean even = i % 2 == 0;
        Files.writeString(folder.resolve("task.json"), """
            {
              "id": "%s",
              "title": "Memo %s",
              "occupation": {"title": "%s", "soc": "%s"},
              "sector": "%s",
              "request": {"from": "Director", "text": "Task %s: write a one-page memo on the quarter."},
              "deliverable": {"formats": ["md"]},
              "baseline": {"files": ["baseline.md"], "minutes": 60, "hourly_wage_usd": 50},
              "rubric": [{"id": "memo", "criterion": "It is a memo.", "points": 1}]
            }
            """.formatted(id, id,
                even ? "Accountants and Auditors" : "Registered Nurses",
                even ? "13-2011.00" : "29-1141.00",
                even ? "Finance and Insurance" : "Health Care and Social Assistance",
                id));
      }
      return SuiteLoader.create().load(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
