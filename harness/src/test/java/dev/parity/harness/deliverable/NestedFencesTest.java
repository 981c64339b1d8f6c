package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** A file fenced inside a fenced answer is delivered as its content, not as a code block. */
class NestedFencesTest {
  private static final String BT = "```";

  private static String text(DeliveryResult result, String name) {
    return result.files().stream().filter(f -> f.name().equals(name)).findFirst()
        .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static List<String> styles(DeliveryResult result, String name) throws IOException {
    byte[] bytes = result.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().bytes();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      return doc.getParagraphs().stream().map(XWPFParagraph::getStyle).toList();
    }
  }

  @Test
  void aFencedFileInAFencedEnvelopeWithoutEndMarkerLosesBothFences() throws IOException {
    String answer = BT + "\n<<<FILE name=\"memo.docx\">>>\n" + BT + "markdown\n# Memo\n\nBody text.\n" + BT + "\n" + BT + "\n";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX));

    assertThat(result.findings()).isEmpty();
    assertThat(styles(result, "memo.docx")).containsExactly("Heading1", null).doesNotContain("SourceCode");
  }

  @Test
  void aFileFencedTwiceIsUnwrappedTwice() {
    String answer = "<<<FILE name=\"memo.md\">>>\n````markdown\n" + BT + "markdown\n# Memo\n" + BT + "\n````\n<<<END FILE>>>";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(text(result, "memo.md")).isEqualTo("# Memo");
  }

  @Test
  void anAnswerThatIsOneFencedMarkdownFileIsDeliveredAsTheMarkdown() throws IOException {
    String answer = "Here is the memo.\n\n" + BT + "markdown\n# Memo\n\nBody text.\n\n" + BT + "python\nprint(1)\n" + BT
        + "\n" + BT + "\n";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX));

    assertThat(result.extraction()).isEqualTo(Extraction.FALLBACK);
    assertThat(text(result, "deliverable.md")).isEqualTo("# Memo\n\nBody text.\n\n" + BT + "python\nprint(1)\n" + BT);
    // The code block inside the file stays a code block; the file itself is no longer one.
    assertThat(styles(result, "deliverable.docx")).containsExactly("Heading1", null, "SourceCode");
    assertThat(result.notes()).anyMatch(n -> n.contains("code fence") && n.contains("17 characters"));
  }

  @Test
  void anAnswerInAFourBacktickFenceHoldingAFencedFileIsUnwrappedToTheFile() {
    String answer = "````\n" + BT + "md\n# Memo\nBody\n" + BT + "\n````";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(text(result, "deliverable.md")).isEqualTo("# Memo\nBody");
  }

  @Test
  void anAnswerWithCodeAmongMuchProseKeepsItsCodeBlock() {
    String prose = "This memo explains the change in detail. ".repeat(10);
    String answer = prose + "\n\n" + BT + "python\nprint(1)\n" + BT + "\n";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(text(result, "deliverable.md")).contains(BT + "python\nprint(1)\n" + BT);
  }
}
