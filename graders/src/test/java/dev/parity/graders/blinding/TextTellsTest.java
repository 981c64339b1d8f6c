package dev.parity.graders.blinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.graders.testing.TestFiles;
import dev.parity.harness.deliverable.DeliveredFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTellsTest {

  private static List<Tell> textTells(String name, byte[] bytes) {
    return BlindCheck.check(name, bytes).stream().filter(t -> t.kind() == Tell.Kind.TEXT).toList();
  }

  @Test
  void aiSelfReferencesModelAndProviderNamesAreFoundWithTheirLines() {
    String memo = """
        # Market summary
        As an AI language model, I cannot predict prices.
        This analysis was produced with GPT-4o by OpenAI.
        Figures come from claude-3-opus and Gemini.
        As requested by the user, the table follows.
        I hope this helps!
        """;
    List<Tell> tells = textTells("summary.md", memo.getBytes(StandardCharsets.UTF_8));

    assertThat(tells).extracting(Tell::where, Tell::what).contains(
        org.assertj.core.groups.Tuple.tuple("line 2", "\"As an AI language model, I cannot predict prices.\" (AI self-reference)"),
        org.assertj.core.groups.Tuple.tuple("line 3", "\"This analysis was produced with GPT-4o by OpenAI.\" (model name)"),
        org.assertj.core.groups.Tuple.tuple("line 3", "\"This analysis was produced with GPT-4o by OpenAI.\" (AI provider name)"),
        org.assertj.core.groups.Tuple.tuple("line 6", "\"I hope this helps!\" (chat-assistant phrase)"));
    assertThat(tells).filteredOn(t -> t.where().equals("line 4")).hasSize(2);
    assertThat(tells).filteredOn(t -> t.where().equals("line 5")).singleElement()
        .satisfies(t -> assertThat(t.what()).endsWith("(talks about \"the user\")"));
  }

  @Test
  void tellsInsideOfficeFilesAndPdfsAreLocatedByParagraphCellSlideAndPage() {
    DeliveredFile docx = TestFiles.built(FileFormat.DOCX, "markdown", "# Memo\n\nPlain opening.\n\nI'm an AI, so check the numbers.");
    DeliveredFile xlsx = TestFiles.built(FileFormat.XLSX, "csv", "Item,Note\nRent,Drafted by ChatGPT");
    DeliveredFile pptx = TestFiles.built(FileFormat.PPTX, "outline", "## Plan\n- Grow\n\nNotes: Claude suggested this.");
    DeliveredFile pdf = TestFiles.built(FileFormat.PDF, "markdown", "# Report\n\nAs a large language model I summarised it.");

    assertThat(textTells(docx.name(), docx.bytes())).extracting(Tell::where).containsExactly("paragraph 3");
    assertThat(textTells(xlsx.name(), xlsx.bytes())).extracting(Tell::where).containsExactly("Sheet1!B2");
    assertThat(textTells(pptx.name(), pptx.bytes())).extracting(Tell::where).containsExactly("slide 1 notes");
    assertThat(textTells(pdf.name(), pdf.bytes())).extracting(Tell::where).containsExactly("page 1");
  }

  @Test
  void ordinaryProfessionalWritingHasNoTells() {
    String memo = """
        # Vendor review
        We compared three vendors on cost and support; Acme is cheapest.
        The user interface of the Globex portal is dated. A llama farm in Peru supplies the wool.
        Claude Monet's prints hang in the lobby of the Gemini building.
        """;
    List<Tell> tells = textTells("memo.md", memo.getBytes(StandardCharsets.UTF_8));

    // Names that are also ordinary words are reported for a person to judge; nothing else is.
    assertThat(tells).extracting(Tell::where).containsOnly("line 4");
    assertThat(tells).extracting(Tell::what).allMatch(w -> w.endsWith("(model name)"));
  }
}
