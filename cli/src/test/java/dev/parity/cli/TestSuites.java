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

  /**
   * A suite with every part of the summary's text: a licence and a dataset, an occupation too long
   * for its column, thousands to group, unknown wages and tasks without a rubric to flag.
   */
  static Path everyPart(Path root) throws IOException {
    Files.writeString(root.resolve("suite.json"), """
        {"name": "gdpval-gold", "version": "abc", "license": "as stated on the dataset card",
         "provenance": {"dataset": "openai/gdpval", "revision": "abc", "source_file": "gdpval.jsonl",
                        "source_sha256": "sha256:%s", "importer": "parity import gdpval"}}
        """.formatted("0".repeat(64)));
    task(root, "a-long", "First-Line Supervisors of Non-Retail Sales Workers and Related Occupations", "41-1012.00",
        "Wholesale Trade", "6001");
    task(root, "b-nurse", "Registered Nurses", "29-1141.00", "Health Care and Social Assistance", "30");
    Path unknownWage = task(root, "c-unknown", "Registered Nurses", "29-1141.00", "Health Care and Social Assistance",
        "45");
    Files.writeString(unknownWage, Files.readString(unknownWage)
        .replace("\"hourly_wage_usd\": 42.5", "\"hourly_wage_usd\": {\"source\": \"unknown\"}"));
    for (String id : new String[] {"d-plain", "e-plain", "f-plain", "g-plain"}) {
      Path file = task(root, id, "Accountants and Auditors", "13-2011.00",
          "Professional, Scientific, and Technical Services", "100000");
      Files.writeString(file, Files.readString(file).replaceAll("\"rubric\": \\[.*\\]", "\"rubric\": []"));
    }
    return root;
  }

  /** Writes a task with its baseline file; its task.json. */
  static Path task(Path root, String id, String occupation, String soc, String sector, String minutes)
      throws IOException {
    Path folder = Files.createDirectories(root.resolve("tasks").resolve(id));
    Files.writeString(folder.resolve("task.json"), TASK.formatted(id, occupation, soc, sector, minutes));
    Files.createDirectories(folder.resolve("baseline"));
    Files.writeString(folder.resolve("baseline/summary.md"), "# Summary\n");
    return folder.resolve("task.json");
  }
}
