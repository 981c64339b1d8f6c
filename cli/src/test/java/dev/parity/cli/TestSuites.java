package dev.parity.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small suites written into a folder for command tests. */
final class TestSuites {
  private TestSuites() {}

  static final String TASK = """
      {
        "id": "%s",
        "title": "Quarterly travel expense summary",
        "occupation": {"title": "%s", "soc": "%s"},
        "sector": "%s",
        "request": {"from": "Finance Director", "text": "Please summarise the attached ..."},
        "references": [],
        "deliverable": {"formats": ["md"], "description": "A one-page summary"},
        "baseline": {"files": ["baseline/summary.md"], "minutes": %s, "hourly_wage_usd": 42.5},
        "rubric": [{"id": "totals", "criterion": "States the quarter's total travel spend", "points": 2}]
      }
      """;

  /** A valid suite of two tasks in two occupations and sectors. */
  static Path valid(Path root) throws IOException {
    Files.writeString(root.resolve("suite.json"), "{\"name\": \"cli-test\", \"version\": \"2.0\"}");
    task(root, "expenses", "Accountants and Auditors", "13-2011.00",
        "Professional, Scientific, and Technical Services", "60");
    task(root, "handout", "Registered Nurses", "29-1141.00", "Health Care and Social Assistance", "30");
    return root;
  }

  static void task(Path root, String id, String occupation, String soc, String sector, String minutes)
      throws IOException {
    Path folder = Files.createDirectories(root.resolve("tasks").resolve(id));
    Files.writeString(folder.resolve("task.json"), TASK.formatted(id, occupation, soc, sector, minutes));
    Files.createDirectories(folder.resolve("baseline"));
    Files.writeString(folder.resolve("baseline/summary.md"), "# Summary\n");
  }
}
