package dev.parity.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes suite folders for tests: a suite.json, task folders, their files. */
final class SuiteFolder {
  static final String SUITE_JSON = """
      {"name": "test-suite", "version": "1.0.0", "description": "For tests", "license": "CC0-1.0"}
      """;

  /** The minimal task of the foundation issue, which tools outside Parity write. */
  static final String MINIMAL_TASK = """
      {
        "id": "expense-summary",
        "title": "Quarterly travel expense summary",
        "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
        "sector": "Professional, Scientific, and Technical Services",
        "request": {"from": "Finance Director", "text": "Please summarise the attached ..."},
        "references": [],
        "deliverable": {"formats": ["md"], "description": "A one-page summary"},
        "baseline": {"files": ["baseline/summary.md"], "minutes": 45, "hourly_wage_usd": 42.5},
        "rubric": [{"id": "totals", "criterion": "States the quarter's total travel spend", "points": 2}]
      }
      """;

  final Path root;

  private SuiteFolder(Path root) {
    this.root = root;
  }

  /** A suite with suite.json and the minimal task with its baseline file. */
  static SuiteFolder withMinimalTask(Path root) {
    return empty(root).task("expense-summary", MINIMAL_TASK).file("expense-summary", "baseline/summary.md", "# Summary\n");
  }

  static SuiteFolder empty(Path root) {
    SuiteFolder folder = new SuiteFolder(root);
    folder.write(root.resolve("suite.json"), SUITE_JSON);
    return folder;
  }

  SuiteFolder task(String folderName, String json) {
    write(taskFile(folderName), json);
    return this;
  }

  SuiteFolder file(String folderName, String relative, String content) {
    write(root.resolve("tasks").resolve(folderName).resolve(relative), content);
    return this;
  }

  Path taskFile(String folderName) {
    return root.resolve("tasks").resolve(folderName).resolve("task.json");
  }

  /** Replaces the first occurrence of {@code target} in a task's JSON. */
  SuiteFolder edit(String folderName, String target, String replacement) {
    Path file = taskFile(folderName);
    String json = read(file);
    if (!json.contains(target)) {
      throw new IllegalArgumentException(target + " not in " + file);
    }
    write(file, json.replaceFirst(java.util.regex.Pattern.quote(target),
        java.util.regex.Matcher.quoteReplacement(replacement)));
    return this;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
