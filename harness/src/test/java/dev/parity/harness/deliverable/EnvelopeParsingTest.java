package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeParsingTest {

  private static String text(DeliveryResult result, String name) {
    return result.files().stream().filter(f -> f.name().equals(name)).findFirst()
        .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError("no " + name + " in " + result.files()));
  }

  @Test
  void aWellFormedEnvelopeDeliversEachFileUnderItsName() {
    String answer = """
        Here are the files you asked for.

        <<<FILE name="notes.md" content="markdown">>>
        # Notes
        Line one.
        <<<END FILE>>>
        <<<FILE name="data.csv" content="csv">>>
        a,b
        1,2
        <<<END FILE>>>
        """;
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD, FileFormat.CSV));

    assertThat(result.extraction()).isEqualTo(Extraction.ENVELOPE);
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("notes.md", "data.csv");
    assertThat(text(result, "notes.md")).isEqualTo("# Notes\nLine one.");
    assertThat(text(result, "data.csv")).isEqualTo("a,b\n1,2");
    assertThat(result.isClean()).isTrue();
    assertThat(result.notes()).anyMatch(n -> n.contains("outside the envelope were not delivered"));
  }

  @Test
  void aMissingEndMarkerEndsTheFileAtTheNextFileOrTheEndOfTheAnswer() {
    String answer = """
        <<<FILE name="a.md">>>
        first
        <<<FILE name="b.md">>>
        second
        """;
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(result.extraction()).isEqualTo(Extraction.ENVELOPE);
    assertThat(text(result, "a.md")).isEqualTo("first");
    assertThat(text(result, "b.md")).isEqualTo("second");
    assertThat(result.notes()).filteredOn(n -> n.contains("no end marker")).hasSize(2);
  }

  @Test
  void codeFencesAroundTheEnvelopeAndAroundContentAreRemoved() {
    String answer = """
        ```text
        <<<FILE name="report.md" content="markdown">>>
        ```markdown
        # Report
        ```
        <<<END FILE>>>
        ```
        """;
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(text(result, "report.md")).isEqualTo("# Report");
    assertThat(result.notes()).anyMatch(n -> n.contains("code fence"));
  }

  @Test
  void aFenceAroundTheWholeEnvelopeWithNoEndMarkerDoesNotEndUpInTheFile() {
    String answer = "```\n<<<FILE name=\"report.md\">>>\n# Report\nText.\n```\n";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(text(result, "report.md")).isEqualTo("# Report\nText.");
  }

  @Test
  void markersInAnotherCaseWithStraySpacesAndOtherQuotesAreRead() {
    String answer = "  <<< file Name = 'Summary.MD'  Content=Markdown >>>  \n\n  Hello  \n\n<<<  end_file >>>\n"
        + "<<FILE table.csv>>\nx,y\n<</FILE>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD, FileFormat.CSV));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("Summary.MD", "table.csv");
    assertThat(text(result, "Summary.MD")).isEqualTo("  Hello  ");
    assertThat(result.files().get(0).format()).isEqualTo(FileFormat.MD);
  }

  @Test
  void anUnquotedAttributeRightBeforeTheClosingBracketsIsReadWithoutThem() {
    String answer = "<<<file name='costs.xlsx' content=markdown>>>\n| Item | Cost |\n|---|---|\n| Rent | 1,200 |\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.XLSX));

    assertThat(result.isClean()).isTrue();
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("costs.xlsx");
    assertThat(EnvelopeParser.parse(answer).blocks().get(0).contentKind()).isEqualTo("markdown");
  }

  @Test
  void theSameNameTwiceKeepsBothFilesUnderDifferentNames() {
    String answer = """
        <<<FILE name="draft.md">>>
        one
        <<<END FILE>>>
        <<<FILE name="DRAFT.md">>>
        two
        <<<END FILE>>>
        """;
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("draft.md", "DRAFT-2.md");
    assertThat(result.notes()).anyMatch(n -> n.contains("given twice"));
  }

  @Test
  void namesWithFoldersAreReducedToTheFileName() {
    String answer = "<<<FILE name=\"../../etc/passwd.md\">>>\nx\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.MD));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("passwd.md");
    assertThat(result.notes()).anyMatch(n -> n.contains("cleaned to passwd.md"));
  }

  @Test
  void aFileWithoutNameTakesTheOneRequestedFormat() {
    String answer = "<<<FILE content=\"markdown\">>>\n# Memo\n\nBody.\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("deliverable.docx");
    assertThat(result.isClean()).isTrue();
  }

  @Test
  void base64ContentIsDecodedToTheFileBytes() {
    byte[] csv = "q,r\n3,4\n".getBytes(StandardCharsets.UTF_8);
    String answer = "<<<FILE name=\"raw.csv\" content=\"base64\">>>\n" + Base64.getMimeEncoder().encodeToString(csv)
        + "\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.CSV));

    assertThat(result.files().get(0).bytes()).isEqualTo(csv);
  }

  @Test
  void base64ThatDoesNotDecodeIsABuildFailureAndTheFormatIsMissing() {
    String answer = "<<<FILE name=\"chart.png\" content=\"base64\">>>\nnot base64 at all!!\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.PNG));

    assertThat(result.extraction()).isEqualTo(Extraction.FALLBACK);
    assertThat(result.buildFailures()).anyMatch(f -> f.name().equals("chart.png") && f.reason().contains("base64"));
    assertThat(result.findings()).anyMatch(f -> f.kind() == Finding.Kind.MISSING && f.message().startsWith("promised png, delivered none"));
  }

  @Test
  void anAnswerWithoutEnvelopeIsDeliveredWholeAndTheRequestedFormatsAreBuiltFromIt() {
    String answer = "# Quarterly summary\n\nRevenue grew.\n\n| Region | Sales |\n|---|---|\n| North | 1,200 |\n";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX, FileFormat.XLSX));

    assertThat(result.extraction()).isEqualTo(Extraction.FALLBACK);
    assertThat(result.files()).extracting(DeliveredFile::name)
        .containsExactly("deliverable.md", "deliverable.docx", "deliverable.xlsx");
    assertThat(text(result, "deliverable.md")).isEqualTo(answer.strip());
    assertThat(result.isClean()).isTrue();
    assertThat(result.notes()).anyMatch(n -> n.contains("holds no envelope"));
  }

  @Test
  void anOpeningMarkerThatNeverClosesIsABrokenEnvelopeAndFallsBack() {
    String answer = "<<<FILE name=\"summary.docx\"\n# Summary\nText";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX));

    assertThat(result.extraction()).isEqualTo(Extraction.FALLBACK);
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("deliverable.md", "deliverable.docx");
  }

  @Test
  void anEnvelopeWhoseFilesAreAllEmptyFallsBackAndRecordsWhy() {
    String answer = "Sorry, here it is:\n<<<FILE name=\"summary.docx\">>>\n\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX));

    assertThat(result.extraction()).isEqualTo(Extraction.FALLBACK);
    assertThat(text(result, "deliverable.md")).isEqualTo("Sorry, here it is:");
    assertThat(result.buildFailures()).anyMatch(f -> f.name().equals("summary.docx") && f.reason().contains("nothing"));
    assertThat(result.notes()).anyMatch(n -> n.contains("held no usable file"));
  }

  @Test
  void fallbackThatCannotMakeASpreadsheetRecordsTheMissingFormatWithTheReason() {
    DeliveryResult result = Deliverables.fromAnswer("Just prose, no table.", List.of(FileFormat.XLSX));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("deliverable.md");
    assertThat(result.buildFailures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("no table"));
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.MISSING);
      assertThat(f.message()).startsWith("promised xlsx, delivered none").contains("no table");
    });
  }

  @Test
  void anEmptyAnswerDeliversNothingAndEveryFormatIsMissing() {
    DeliveryResult result = Deliverables.fromAnswer("   \n", List.of(FileFormat.DOCX, FileFormat.PDF));

    assertThat(result.files()).isEmpty();
    assertThat(result.findings()).extracting(Finding::message)
        .containsExactly("promised docx, delivered none", "promised pdf, delivered none");
  }

  @Test
  void aRequestedFormatLeftOutOfTheEnvelopeIsRecordedAsMissing() {
    String answer = "<<<FILE name=\"memo.docx\">>>\n# Memo\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX, FileFormat.XLSX));

    assertThat(result.extraction()).isEqualTo(Extraction.ENVELOPE);
    assertThat(result.findings()).extracting(Finding::message).containsExactly("promised xlsx, delivered none");
  }

  @Test
  void anUnknownExtensionIsKeptUnderANameThatSaysWhatTheFileIs() {
    String answer = "<<<FILE name=\"page.html\" content=\"text\">>>\n<p>hi</p>\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.TXT));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("page.html.txt");
  }
}
