package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A Markdown or CSV file delivered where DOCX, PDF, PPTX or XLSX was asked: a miss, or converted on request. */
class FormatConversionTest {
  private static final String MEMO_MD = "<<<FILE name=\"memo.md\">>>\n# Memo\n\nQ3 was good.\n<<<END FILE>>>";
  private static final String FIGURES_CSV = "<<<FILE name=\"figures.csv\">>>\nquarter,revenue\nQ3,120\n<<<END FILE>>>";

  @Test
  void byDefaultAMarkdownFileForARequestedDocxIsAMissNamingWhatCouldBeConverted() {
    DeliveryResult result = Deliverables.fromAnswer(MEMO_MD, List.of(FileFormat.DOCX));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("memo.md");
    assertThat(result.conversions()).isEmpty();
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.MISSING);
      assertThat(f.message()).isEqualTo("promised docx, delivered none (memo.md was delivered instead; with format"
          + " conversion, as parity run --convert-formats asks, docx is built from it)");
    });
  }

  @Test
  void convertingBuildsTheRequestedDocxFromTheMarkdownAndKeepsBoth() throws IOException {
    DeliveryResult result = Deliverables.fromAnswer(MEMO_MD, List.of(FileFormat.DOCX), FormatConversion.CONVERT);

    assertThat(result.findings()).isEmpty();
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("memo.md", "memo.docx");
    assertThat(result.conversions()).containsExactly(new Conversion("memo.md", "memo.docx", FileFormat.DOCX));
    assertThat(result.conversions().get(0).toString())
        .isEqualTo("memo.docx was built from memo.md: docx was requested, the model delivered md");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(result.files().get(1).bytes()))) {
      assertThat(doc.getParagraphs().get(0).getStyle()).isEqualTo("Heading1");
      assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("Q3 was good.");
    }
  }

  @Test
  void aCsvFileBecomesTheRequestedWorkbookAndMarkdownTheOtherFormats() throws IOException {
    DeliveryResult result = Deliverables.fromAnswer(MEMO_MD + "\n" + FIGURES_CSV,
        List.of(FileFormat.XLSX, FileFormat.PDF, FileFormat.PPTX), FormatConversion.CONVERT);

    assertThat(result.findings()).isEmpty();
    assertThat(result.conversions()).extracting(Conversion::from, Conversion::to).containsExactly(
        org.assertj.core.groups.Tuple.tuple("figures.csv", "figures.xlsx"),
        org.assertj.core.groups.Tuple.tuple("memo.md", "memo.pdf"),
        org.assertj.core.groups.Tuple.tuple("memo.md", "memo.pptx"));
    byte[] xlsx = result.files().stream().filter(f -> f.name().equals("figures.xlsx")).findFirst().orElseThrow().bytes();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(120);
    }
  }

  @Test
  void aFormatTheTextCannotBecomeStaysMissingWithTheReason() {
    DeliveryResult result = Deliverables.fromAnswer(MEMO_MD, List.of(FileFormat.XLSX), FormatConversion.CONVERT);

    assertThat(result.conversions()).isEmpty();
    assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message())
        .isEqualTo("promised xlsx, delivered none (could not build it: the Markdown holds no table to put in a spreadsheet)"));
  }

  @Test
  void filesDeliveredAsFilesAreConvertedToo() {
    DeliveredFile memo = DeliveredFile.ofText("report.md", FileFormat.MD, "# Report\n\nDone.");

    DeliveryResult result = Deliverables.fromFiles(List.of(memo), List.of(FileFormat.DOCX), FormatConversion.CONVERT);

    assertThat(result.extraction()).isEqualTo(Extraction.FILES);
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("report.md", "report.docx");
    assertThat(new String(result.files().get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("# Report\n\nDone.");
    assertThat(result.isClean()).isTrue();
  }

  @Test
  void aRequestedFormatThatWasDeliveredIsNeverRebuilt() {
    String answer = MEMO_MD + "\n<<<FILE name=\"final.docx\">>>\n# Final\n<<<END FILE>>>";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.DOCX), FormatConversion.CONVERT);

    assertThat(result.conversions()).isEmpty();
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("memo.md", "final.docx");
  }
}
