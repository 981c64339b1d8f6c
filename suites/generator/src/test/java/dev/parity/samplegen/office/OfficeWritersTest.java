package dev.parity.samplegen.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class OfficeWritersTest {
  private static final LocalDate DATE = LocalDate.of(2026, 5, 4);

  private static Doc sample() {
    return Doc.titled("Quarterly note", "A. Author", DATE)
        .h1("Figures")
        .p("The **total** is below.")
        .numbered("First", "Second")
        .table(Tables.header("Item", "Amount").numeric(1).row("Rent", "$1,200").total("Total", "$1,200").build())
        .build();
  }

  @Test
  void sameDocumentGivesTheSameBytesEveryTime() {
    assertThat(DocxWriter.write(sample())).isEqualTo(DocxWriter.write(sample()));
    assertThat(PdfWriter.write(sample())).isEqualTo(PdfWriter.write(sample()));
    Deck deck = Deck.titled("Deck", "Sub", "A. Author", DATE).slide("One").bullets("Point").notes("Say it").build();
    assertThat(PptxWriter.write(deck)).isEqualTo(PptxWriter.write(deck));
  }

  @Test
  void wordDocumentHasHeadingStylesListsTablesAndFixedProperties() throws IOException {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(sample())))) {
      assertThat(document.getParagraphs()).anyMatch(p -> "Heading1".equals(p.getStyle()) && p.getText().equals("Figures"));
      assertThat(document.getStyles().getStyle("Heading1")).isNotNull();
      assertThat(document.getParagraphs()).filteredOn(p -> p.getNumID() != null).hasSize(2);
      XWPFTable table = document.getTables().get(0);
      assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("$1,200");
      assertThat(table.getRow(0).isRepeatHeader()).isTrue();
      assertThat(document.getProperties().getCoreProperties().getCreator()).isEqualTo("A. Author");
      assertThat(document.getProperties().getCoreProperties().getCreated()).isEqualTo(
          java.util.Date.from(DATE.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
    }
  }

  @Test
  void pdfWrapsLongTextAndBreaksLongTablesAcrossPages() throws IOException {
    Tables rows = Tables.header("Row", "Text");
    for (int i = 0; i < 80; i++) {
      rows.row(Integer.toString(i), "A cell with enough words to need a little room " + i);
    }
    Doc doc = Doc.titled("Long", "A. Author", DATE).p("word ".repeat(400).trim()).table(rows.build()).build();
    try (PDDocument pdf = Loader.loadPDF(PdfWriter.write(doc))) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
      String last = text(pdf, pdf.getNumberOfPages());
      assertThat(last).contains("Row", "Text", "79").contains("Page " + pdf.getNumberOfPages() + " of");
    }
  }

  @Test
  void pdfRefusesCharactersItsFontCannotSetAndSaysWhich() {
    Doc doc = Doc.titled("Arrows", "A. Author", DATE).p("Go \u2192 there").build();
    assertThatThrownBy(() -> PdfWriter.write(doc)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Go \u2192");
  }

  @Test
  void unbalancedBoldMarkupIsRefused() {
    Doc doc = Doc.titled("Bold", "A. Author", DATE).p("**half bold").build();
    assertThatThrownBy(() -> DocxWriter.write(doc)).hasMessageContaining("unbalanced **");
  }

  @Test
  void tableRowsMustMatchTheHeader() {
    assertThatThrownBy(() -> Tables.header("A", "B").row("only one").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 cells; the header has 2");
  }

  @Test
  void markdownRendersHeadingsListsAndAlignedTables() {
    String markdown = MarkdownWriter.write(sample());
    assertThat(markdown).startsWith("# Quarterly note\n")
        .contains("## Figures\n", "1. First\n2. Second\n", "| Item | Amount |\n| --- | ---: |\n",
            "| **Total** | **$1,200** |\n");
  }

  @Test
  void workbookKeepsNumbersAsNumbersAndStoresFormulaValues() throws IOException {
    Xlsx book = Xlsx.create("Book", "A. Author", DATE);
    book.sheet("Data").header("Item", "Amount").row("Rent", Xlsx.money(1200)).row("Power", Xlsx.cents(310.5))
        .total("Total", Xlsx.formula("SUM(B2:B3)", Xlsx.Format.MONEY));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book.toBytes()))) {
      XSSFSheet sheet = workbook.getSheet("Data");
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(3).getCell(1).getCellFormula()).isEqualTo("SUM(B2:B3)");
      assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1510.5);
    }
  }

  @Test
  void workbookWithAFormulaThatFailsIsRefusedNamingTheCell() {
    Xlsx book = Xlsx.create("Book", "A. Author", DATE);
    book.sheet("Data").row(1, 0).row(Xlsx.formula("A1/B1", Xlsx.Format.DECIMAL));
    assertThatThrownBy(book::toBytes).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Data!A2 = A1/B1 evaluates to an error");
  }

  @Test
  void csvQuotesOnlyWhatNeedsQuoting() {
    assertThat(Csv.write(List.of("a", "b"), List.of(List.of("plain", "with, comma"), List.of("say \"hi\"", ""))))
        .isEqualTo("a,b\nplain,\"with, comma\"\n\"say \"\"hi\"\"\",\n");
  }

  @Test
  void columnsKeepRoomForTheirLongestWordWhenSpaceIsShort() {
    Doc.Table table = Tables.header("Status", "Description")
        .row("Confirmed", "a long description ".repeat(20)).build();
    double[] shares = ColumnWidths.of(table, 60);
    assertThat(shares[0] * 60).isGreaterThanOrEqualTo("Confirmed".length());
    assertThat(shares[0] + shares[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static String text(PDDocument pdf, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(pdf);
  }
}
