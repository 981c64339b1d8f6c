package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.DocumentFeatures.LengthUnit;
import dev.parity.documents.testing.IdentifyingFiles;
import dev.parity.documents.testing.TestDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesTest {
  @TempDir Path folder;

  private static DocumentFeatures features(FileFormat format, String text) {
    return Documents.features(format, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aWordDocumentCountsTheWordsOfItsParagraphsAndTablesItsTablesHeadingsAndPictures() throws IOException {
    // "Q3 budget memo" (3) + "Travel spend rose 12% against plan." (6) + Item Amount Travel 4,200 (4).
    assertThat(Documents.features(FileFormat.DOCX, Files.readAllBytes(TestDocuments.docx(folder))))
        .isEqualTo(new DocumentFeatures(13, LengthUnit.WORDS, 1, 1, 0, 0));
    assertThat(Documents.features(FileFormat.DOCX, docxWithPicture()).images()).isEqualTo(1);
  }

  private static byte[] docxWithPicture() throws IOException {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph paragraph = document.createParagraph();
      try (var png = new java.io.ByteArrayInputStream(IdentifyingFiles.png())) {
        paragraph.createRun().addPicture(png, Document.PICTURE_TYPE_PNG, "chart.png", 100_000, 100_000);
      } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
        throw new IOException(e);
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void aWorkbookCountsItsNonEmptyCellsAndItsSheetsWithDataAsTables() throws IOException {
    // Actuals: 2 header cells, 3 rows of 2, the date row of 2; Notes: 1 cell.
    assertThat(Documents.features(FileFormat.XLSX, Files.readAllBytes(TestDocuments.xlsx(folder))))
        .isEqualTo(new DocumentFeatures(11, LengthUnit.CELLS, 2, 0, 0, 0));
  }

  @Test
  void aDeckCountsItsSlidesAsItsLengthAndPagesWithItsTablesAndTitles() throws IOException {
    assertThat(Documents.features(FileFormat.PPTX, Files.readAllBytes(TestDocuments.pptx(folder))))
        .isEqualTo(new DocumentFeatures(2, LengthUnit.SLIDES, 1, 1, 2, 0));
  }

  @Test
  void aPdfCountsTheWordsOfItsPagesAndItsPages() throws IOException {
    assertThat(Documents.features(FileFormat.PDF, Files.readAllBytes(TestDocuments.pdf(folder))))
        .isEqualTo(new DocumentFeatures(6, LengthUnit.WORDS, 0, 0, 2, 0));
  }

  @Test
  void markdownCountsWordsOfItsTextNotItsMarkupOrLinkTargets() {
    String memo = """
        # Budget memo

        Travel **rose** 12% — see [the plan](https://example.com/plan/q3).

        ## Figures

        | item | amount |
        | --- | --- |
        | travel | 4,200 |

        ![chart](chart.png)
        """;
    // Budget memo (2) + Travel rose 12% see the plan (6) + Figures (1) + item amount travel 4,200 (4) + chart (1).
    assertThat(features(FileFormat.MD, memo)).isEqualTo(new DocumentFeatures(14, LengthUnit.WORDS, 1, 2, 0, 1));
  }

  @Test
  void plainTextAndJsonCountWordsAndNothingElse() {
    assertThat(features(FileFormat.TXT, "  Dear team,\n- the numbers are in | 3 files\n"))
        .isEqualTo(new DocumentFeatures(8, LengthUnit.WORDS, 0, 0, 0, 0));
    // Tokens between white space: {"total":, 4200, and "items": hold letters or digits; []} does not.
    assertThat(features(FileFormat.JSON, "{\"total\": 4200, \"items\": []}").length()).isEqualTo(3);
  }

  @Test
  void aCsvFileCountsItsNonEmptyCellsAsOneTable() {
    assertThat(features(FileFormat.CSV, "item,amount\ntravel,4200\nmeals,\n"))
        .isEqualTo(new DocumentFeatures(5, LengthUnit.CELLS, 1, 0, 0, 0));
    assertThat(features(FileFormat.CSV, "")).isEqualTo(new DocumentFeatures(0, LengthUnit.CELLS, 0, 0, 0, 0));
  }

  @Test
  void anImageCountsAsOneImage() {
    assertThat(Documents.features(FileFormat.PNG, IdentifyingFiles.png()))
        .isEqualTo(new DocumentFeatures(1, LengthUnit.IMAGES, 0, 0, 0, 1));
  }

  @Test
  void aFileThatDoesNotOpenAsItsFormatSaysWhy() {
    assertThatThrownBy(() -> features(FileFormat.DOCX, "not a zip"))
        .isInstanceOf(UnableToExtractTextException.class);
    assertThatThrownBy(() -> features(FileFormat.PNG, "not a picture"))
        .isInstanceOf(UnableToExtractTextException.class).hasMessageContaining("not a png image");
  }
}
