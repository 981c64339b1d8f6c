package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.TestDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formula cells without a saved result (workbooks from openpyxl or pandas) never read as 0. */
class FormulaResultsTest {
  @TempDir Path folder;

  @Test
  void theTextShowsFormulasWithoutASavedResultComputedAndOnesPoiCannotComputeAsTheirFormula() throws IOException {
    String text = Documents.text(workbook(), FileFormat.XLSX);

    assertThat(text).contains("Total,5000.5\n", "Double,10001\n", "Label,Travel total\n", "Saved,1.5\n",
        "Kurtosis,=KURT(B2:B3) (not computed: ");
    assertThat(text).doesNotContain(",0\n");
  }

  @Test
  void theGradersViewShowsTheSameValuesAsTheText() throws IOException {
    String html = Documents.render(FileFormat.XLSX, TestDocuments.xlsxWithoutSavedResults()).fragment();

    assertThat(html).contains(">5000.5<", ">10001<", ">Travel total<", ">1.5<", "=KURT(B2:B3) (not computed: ");
    assertThat(html).doesNotContain(">0<");
  }

  @Test
  void aCellIsComputedOrSaysItCannotBeNeverZero() throws IOException {
    Path workbook = workbook();

    assertThat(Documents.cell(workbook, "B4")).isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, 5000.5, "5000.5"));
    assertThat(Documents.cell(workbook, "Budget!B5").number()).isEqualTo(10001);
    assertThat(Documents.cell(workbook, "B6")).isEqualTo(new SheetCell(SheetCell.Kind.TEXT, 0, "Travel total"));
    assertThat(Documents.cell(workbook, "B8")).as("the saved result where POI cannot compute it")
        .isEqualTo(new SheetCell(SheetCell.Kind.NUMBER, 1.5, "1.5"));
    SheetCell uncomputed = Documents.cell(workbook, "B7");
    assertThat(uncomputed.kind()).isEqualTo(SheetCell.Kind.UNCOMPUTED);
    assertThat(uncomputed.text()).startsWith("=KURT(B2:B3) (not computed: ");
  }

  @Test
  void aComputedTextResultIsAPieceOfTextForTheBlindCheck() throws IOException {
    assertThat(Documents.pieces(FileFormat.XLSX, TestDocuments.xlsxWithoutSavedResults()))
        .contains(new TextPiece("Budget!B6", "Travel total"));
  }

  private Path workbook() throws IOException {
    return Files.write(folder.resolve("budget.xlsx"), TestDocuments.xlsxWithoutSavedResults());
  }
}
