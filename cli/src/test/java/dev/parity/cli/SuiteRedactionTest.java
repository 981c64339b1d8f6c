package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.vetting.Finding;
import dev.parity.documents.vetting.Vetter;
import dev.parity.tasks.vetting.SuiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redacted copy of a suite, validated and read again. */
class SuiteRedactionTest {
  @TempDir Path folder;

  private static List<Finding> vet(Path suite) {
    List<Finding> findings = new ArrayList<>();
    for (String name : SuiteFiles.digests(suite).keySet()) {
      findings.addAll(Vetter.vet(suite.resolve(name), name));
    }
    return findings;
  }

  @Test
  void theCopyHasPlaceholdersValidatesAndHoldsNoMatchedValueAgain() throws IOException {
    Path suite = TestSuites.valid(Files.createDirectories(folder.resolve("suite")));
    Files.writeString(suite.resolve("tasks/expenses/baseline/summary.md"),
        "# Summary\n\nQuestions to dana.whitlock@harborline-legal.com.\n");
    Files.writeString(suite.resolve("tasks/handout/baseline/summary.md"),
        "# Summary\n\nCopy dana.whitlock@harborline-legal.com too.\n");
    List<Finding> findings = vet(suite);
    assertThat(findings).extracting(Finding::kind).contains("email");
    Path copy = folder.resolve("copy");

    SuiteRedaction redaction = SuiteRedaction.run(suite, copy, findings);

    assertThat(redaction.clean()).as("%s %s", redaction.problems(), redaction.left()).isTrue();
    assertThat(Files.readString(copy.resolve("tasks/expenses/baseline/summary.md"))).contains("Questions to [EMAIL-1].");
    assertThat(Files.readString(copy.resolve("tasks/handout/baseline/summary.md"))).contains("Copy [EMAIL-1] too.");
    StringWriter out = new StringWriter();
    redaction.print(copy, new PrintWriter(out, true));
    assertThat(out.toString()).contains("Redacted copy in " + copy + ": 2 changes in 2 files.",
        "  tasks/expenses/baseline/summary.md  line 3  [EMAIL-1] (email)",
        "The copy validates as a suite.", "Read again: no matched value is left in the copy.");
  }

  @Test
  void aValueLeftInAFileTheRedactorCannotReadIsReportedWithoutTheValue() throws IOException {
    Path suite = TestSuites.valid(Files.createDirectories(folder.resolve("suite")));
    Files.writeString(suite.resolve("tasks/expenses/notes.log"), "owner dana.whitlock@harborline-legal.com\n");
    List<Finding> findings = vet(suite);

    SuiteRedaction redaction = SuiteRedaction.run(suite, folder.resolve("copy"), findings);

    assertThat(redaction.clean()).isFalse();
    assertThat(redaction.left()).singleElement().asString().startsWith("tasks/expenses/notes.log: ")
        .contains("(email, ").doesNotContain("dana.whitlock@harborline-legal.com");
  }
}
