package dev.parity.harness.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.testing.Fixtures;
import dev.parity.harness.client.testing.TestDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {
  @TempDir Path folder;

  @Test
  void wordDocumentsKeepHeadingsParagraphsAndTableRows() throws IOException {
    String text = TextExtractor.extract(TestDocuments.docx(folder), FileFormat.DOCX);

    assertThat(text).isEqualTo("""
        # Q3 budget memo

        Travel spend rose 12% against plan.

        | Item | Amount |
        | Travel | 4,200 |""");
  }

  @Test
  void workbooksListEverySheetAsCsvWithCellPositionsAndFormulas() throws IOException {
    String text = TextExtractor.extract(TestDocuments.xlsx(folder), FileFormat.XLSX);

    assertThat(text).isEqualTo("""
        --- sheet 1: Actuals ---
        Item,Amount
        "Travel, domestic",4200
        Meals,800.5
        Total,5000.5

        Closed,2025-09-30
        formulas:
        B4: =SUM(B2:B3)

        --- sheet 2: Notes (hidden) ---
        internal only""");
  }

  @Test
  void decksGiveEachSlideItsTitleTextTablesAndNotes() throws IOException {
    String text = TextExtractor.extract(TestDocuments.pptx(folder), FileFormat.PPTX);

    assertThat(text).isEqualTo("""
        --- slide 1: Q3 review ---
        Finance team
        notes: Open with the travel overrun.

        --- slide 2 ---
        | Region | Spend |
        | EMEA | 1.2m |""");
  }

  @Test
  void pdfsAreReadPageByPage() throws IOException {
    String text = TextExtractor.extract(TestDocuments.pdf(folder), FileFormat.PDF);

    assertThat(text).isEqualTo("""
        --- page 1 ---
        Page one text

        --- page 2 ---
        Page two text""");
  }

  @Test
  void textFormatsAreReadAsUtf8WithoutTheByteOrderMark() throws IOException {
    Path csv = folder.resolve("rates.csv");
    Files.write(csv, "\uFEFFcity,rate\nZürich,1.2\n".getBytes(StandardCharsets.UTF_8));

    assertThat(TextExtractor.extract(csv, FileFormat.CSV)).isEqualTo("city,rate\nZürich,1.2\n");
  }

  @Test
  void imagesHaveNoTextToExtract() {
    Path png = Fixtures.file("pixel.png");

    assertThat(TextExtractor.canExtract(FileFormat.PNG)).isFalse();
    assertThatThrownBy(() -> TextExtractor.extract(png, FileFormat.PNG))
        .isInstanceOf(UnableToExtractTextException.class)
        .hasMessageContaining("pixel.png")
        .hasMessageContaining("image holds no text");
  }

  @Test
  void aFileThatIsNotItsFormatIsReportedWithItsName() throws IOException {
    Path fake = folder.resolve("fake.docx");
    Files.writeString(fake, "not a zip");

    assertThatThrownBy(() -> TextExtractor.extract(fake, FileFormat.DOCX))
        .isInstanceOf(UnableToExtractTextException.class)
        .hasMessageStartingWith(fake + ": cannot read it as docx");
  }
}
