package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.TestDocuments;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractionTest {
  @TempDir Path folder;

  @Test
  void wordDocumentsKeepHeadingsParagraphsAndTableRows() throws IOException {
    String text = Documents.text(TestDocuments.docx(folder), FileFormat.DOCX);

    assertThat(text).isEqualTo("""
        # Q3 budget memo

        Travel spend rose 12% against plan.

        | Item | Amount |
        | Travel | 4,200 |""");
  }

  @Test
  void workbooksListEverySheetAsCsvWithCellPositionsAndFormulas() throws IOException {
    String text = Documents.text(TestDocuments.xlsx(folder), FileFormat.XLSX);

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
    String text = Documents.text(TestDocuments.pptx(folder), FileFormat.PPTX);

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
    String text = Documents.text(TestDocuments.pdf(folder), FileFormat.PDF);

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

    assertThat(Documents.text(csv, FileFormat.CSV)).isEqualTo("city,rate\nZürich,1.2\n");
  }

  @Test
  void imagesHaveNoTextToExtract() throws IOException {
    Path png = folder.resolve("pixel.png");
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png.toFile());

    assertThat(Documents.hasText(FileFormat.PNG)).isFalse();
    assertThat(Documents.pieces(FileFormat.PNG, Files.readAllBytes(png))).isEmpty();
    assertThatThrownBy(() -> Documents.text(png, FileFormat.PNG))
        .isInstanceOf(UnableToExtractTextException.class)
        .hasMessageContaining("pixel.png")
        .hasMessageContaining("image holds no text");
  }

  @Test
  void aFileThatIsNotItsFormatIsReportedWithItsName() throws IOException {
    Path fake = folder.resolve("fake.docx");
    Files.writeString(fake, "not a zip");

    assertThatThrownBy(() -> Documents.text(fake, FileFormat.DOCX))
        .isInstanceOf(UnableToExtractTextException.class)
        .hasMessageStartingWith(fake + ": cannot read it as docx");
    assertThatThrownBy(() -> Documents.pieces(FileFormat.DOCX, Files.readAllBytes(fake)))
        .isInstanceOf(UnableToExtractTextException.class)
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void piecesOfAWordDocumentNameTheirParagraphsAndTableCells() throws IOException {
    assertThat(Documents.pieces(FileFormat.DOCX, Files.readAllBytes(TestDocuments.docx(folder)))).containsExactly(
        new TextPiece("paragraph 1", "Q3 budget memo"),
        new TextPiece("paragraph 2", "Travel spend rose 12% against plan."),
        new TextPiece("table 1 row 1 cell 1", "Item"),
        new TextPiece("table 1 row 1 cell 2", "Amount"),
        new TextPiece("table 1 row 2 cell 1", "Travel"),
        new TextPiece("table 1 row 2 cell 2", "4,200"));
  }

  @Test
  void piecesOfAWorkbookNameTheirSheetsAndCells() throws IOException {
    assertThat(Documents.pieces(FileFormat.XLSX, Files.readAllBytes(TestDocuments.xlsx(folder))))
        .contains(new TextPiece("sheet name", "Actuals"), new TextPiece("Actuals!A2", "Travel, domestic"),
            new TextPiece("sheet name", "Notes"), new TextPiece("Notes!A1", "internal only"))
        .noneMatch(piece -> piece.text().equals("4200"));
  }

  @Test
  void piecesOfADeckNameTheirSlidesAndNotes() throws IOException {
    assertThat(Documents.pieces(FileFormat.PPTX, Files.readAllBytes(TestDocuments.pptx(folder))))
        .contains(new TextPiece("slide 1", "Q3 review"), new TextPiece("slide 1", "Finance team"),
            new TextPiece("slide 1 notes", "Open with the travel overrun."));
  }

  @Test
  void piecesOfAPdfArePagesAndPiecesOfTextFilesAreTheirNonBlankLines() throws IOException {
    assertThat(Documents.pieces(FileFormat.PDF, Files.readAllBytes(TestDocuments.pdf(folder))))
        .extracting(TextPiece::where).containsExactly("page 1", "page 2");
    assertThat(Documents.pieces(FileFormat.MD, "# Memo\n\nSecond line\n".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new TextPiece("line 1", "# Memo"), new TextPiece("line 3", "Second line"));
  }
}
