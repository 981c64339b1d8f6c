package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.TestDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureTest {
  @TempDir Path folder;

  @Test
  void pdfsCountTheirPagesAndDecksTheirSlides() throws IOException {
    assertThat(Documents.pages(TestDocuments.pdf(folder), FileFormat.PDF)).hasValue(2);
    assertThat(Documents.pages(TestDocuments.pptx(folder), FileFormat.PPTX)).hasValue(2);
  }

  @Test
  void aWordDocumentWithoutAStoredPageCountAndTextFormatsHaveNone() throws IOException {
    Path notes = Files.writeString(folder.resolve("notes.md"), "# Notes");

    assertThat(Documents.pages(TestDocuments.docx(folder), FileFormat.DOCX)).isEqualTo(OptionalInt.empty());
    assertThat(Documents.pages(notes, FileFormat.MD)).isEqualTo(OptionalInt.empty());
  }

  @Test
  void headingsAreHeadingParagraphsSlideTitlesAndSheetNames() throws IOException {
    assertThat(Documents.headings(TestDocuments.docx(folder), FileFormat.DOCX)).contains(List.of("Q3 budget memo"));
    assertThat(Documents.headings(deckWithTitledSlide(), FileFormat.PPTX)).contains(List.of("Findings"));
    assertThat(Documents.headings(TestDocuments.xlsx(folder), FileFormat.XLSX)).contains(List.of("Actuals", "Notes"));
    assertThat(Documents.headings(folder.resolve("notes.md"), FileFormat.MD)).isEmpty();
  }

  private Path deckWithTitledSlide() throws IOException {
    Path file = folder.resolve("findings.pptx");
    try (XMLSlideShow deck = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
      deck.createSlide(deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY)).getPlaceholder(0).setText("Findings");
      deck.write(out);
    }
    return file;
  }

  @Test
  void cellsAreReadWithTheirFormulasEvaluated() throws IOException {
    Path workbook = TestDocuments.xlsx(folder);

    assertThat(Documents.cell(workbook, "B4")).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, 5000.5, "5000.5"));
    assertThat(Documents.cell(workbook, "Actuals!A2")).isEqualTo(new SheetCell(SheetCell.Kind.TEXT, 0, "Travel, domestic"));
    assertThat(Documents.cell(workbook, "C9").kind()).isEqualTo(SheetCell.Kind.BLANK);
    assertThat(Documents.cell(workbook, "Budget!A1")).isEqualTo(new SheetCell(SheetCell.Kind.NO_SUCH_SHEET, 0, "Budget"));
  }

  @Test
  void aFileThatDoesNotOpenAsItsFormatIsAnError() throws IOException {
    Path fake = Files.writeString(folder.resolve("fake.xlsx"), "not a zip");

    assertThatThrownBy(() -> Documents.cell(fake, "A1")).isInstanceOf(UnableToExtractTextException.class);
    assertThatThrownBy(() -> Documents.headings(fake, FileFormat.XLSX)).isInstanceOf(UnableToExtractTextException.class);
  }
}
