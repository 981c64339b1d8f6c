package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.TestDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader that remembers which documents opened: the same suite, the same problems and the same
 * hash as a loader that parses every document, command after command.
 */
class SuiteReadableContentsTest {
  @TempDir Path root;
  @TempDir Path cache;

  private SuiteLoader remembering() {
    return SuiteLoader.create().rememberingReadable(cache);
  }

  private Path referencesOf(SuiteFolder suite) throws IOException {
    return Files.createDirectories(suite.taskFile("expense-summary").resolveSibling("references"));
  }

  @Test
  void aSuiteLoadsAsWithoutTheMemoryTheFirstTimeAndAfter() throws IOException {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root).edit("expense-summary", "\"references\": []",
        "\"references\": [\"references/memo.docx\", \"references/deck.pptx\", \"references/actuals.xlsx\", \"references/report.pdf\"]");
    Path references = referencesOf(suite);
    TestDocuments.docx(references);
    TestDocuments.pptx(references);
    TestDocuments.xlsx(references);
    TestDocuments.pdf(references);
    Suite parsed = SuiteLoader.create().load(root);

    Suite first = remembering().load(root);
    Suite second = remembering().load(root);

    assertThat(Files.list(cache).map(p -> p.getFileName().toString())).containsExactly("readable");
    assertThat(List.of(first.contentHash(), second.contentHash())).containsOnly(parsed.contentHash());
    assertThat(second.tasks()).isEqualTo(parsed.tasks());
  }

  @Test
  void aDocumentChangedIntoOneThatDoesNotOpenIsReportedAfterItOpened() throws IOException {
    SuiteFolder suite = SuiteFolder.withMinimalTask(root).edit("expense-summary", "\"references\": []",
        "\"references\": [\"references/memo.docx\"]");
    Path docx = TestDocuments.docx(referencesOf(suite));
    assertThat(remembering().validate(root).problems()).isEmpty();

    Files.write(docx, Arrays.copyOf(Files.readAllBytes(docx), 300));

    for (int command = 0; command < 2; command++) {
      assertThat(remembering().validate(root).problems()).extracting(Problem::message)
          .singleElement().asString().startsWith("\"references/memo.docx\" does not open as docx: ");
    }
  }
}
