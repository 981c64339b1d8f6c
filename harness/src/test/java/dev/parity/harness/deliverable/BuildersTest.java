package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** Builds each format from model-style text and reads it back with POI and PDFBox. */
class BuildersTest {
  private static final String MEMO = """
      # Vendor review

      We compared **three vendors** on *cost* and support. See [the tender](https://example.org/tender).

      ## Findings

      - Acme is cheapest
      - Globex has the best support
        - 24/7 phone line
      - Initech is unproven

      1. Shortlist Acme
      2. Ask Globex for a discount

      | Vendor | Cost | Rating |
      |--------|-----:|--------|
      | Acme   | 1,200 | 4 |
      | Globex | 1,450 | 5 |

      Ask a [script](javascript:alert(1)) — Ελληνικά, → arrows.
      """;

  private static DeliveredFile only(DeliveryResult result, FileFormat format) {
    assertThat(result.findings()).isEmpty();
    return result.files().stream().filter(f -> f.format() == format).findFirst().orElseThrow();
  }

  private static DeliveredFile build(String name, String kind, String content, FileFormat format) {
    String answer = "<<<FILE name=\"" + name + "\" content=\"" + kind + "\">>>\n" + content + "\n<<<END FILE>>>";
    return only(Deliverables.fromAnswer(answer, List.of(format)), format);
  }

  @Test
  void markdownBecomesADocxWithHeadingsStylesListsTablesAndLinks() throws IOException {
    DeliveredFile file = build("review.docx", "markdown", MEMO, FileFormat.DOCX);

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.bytes()))) {
      List<XWPFParagraph> paragraphs = doc.getParagraphs();
      assertThat(paragraphs).filteredOn(p -> "Heading1".equals(p.getStyle()))
          .extracting(XWPFParagraph::getText).containsExactly("Vendor review");
      assertThat(paragraphs).filteredOn(p -> "Heading2".equals(p.getStyle()))
          .extracting(XWPFParagraph::getText).containsExactly("Findings");
      assertThat(doc.getStyles().styleExist("Heading1")).isTrue();

      XWPFParagraph intro = paragraphs.stream().filter(p -> p.getText().startsWith("We compared")).findFirst().orElseThrow();
      assertThat(intro.getRuns()).filteredOn(XWPFRun::isBold).extracting(XWPFRun::text).containsExactly("three vendors");
      assertThat(intro.getRuns()).filteredOn(XWPFRun::isItalic).extracting(XWPFRun::text).containsExactly("cost");
      assertThat(intro.getRuns()).filteredOn(r -> r instanceof XWPFHyperlinkRun)
          .singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("the tender");
            assertThat(((XWPFHyperlinkRun) r).getHyperlink(doc).getURL()).isEqualTo("https://example.org/tender");
          });

      List<XWPFParagraph> items = paragraphs.stream().filter(p -> p.getNumID() != null).toList();
      assertThat(items).extracting(XWPFParagraph::getText).containsExactly(
          "Acme is cheapest", "Globex has the best support", "24/7 phone line", "Initech is unproven",
          "Shortlist Acme", "Ask Globex for a discount");
      assertThat(items.get(2).getNumIlvl()).hasToString("1");
      assertThat(items.get(0).getNumFmt()).isEqualTo("bullet");
      assertThat(items.get(4).getNumFmt()).isEqualTo("decimal");

      XWPFTable table = doc.getTables().get(0);
      assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Vendor");
      assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("1,450");
      assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();

      String all = paragraphs.stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
      assertThat(all).contains("Ask a script — Ελληνικά, → arrows.");
      assertThat(doc.getHyperlinks()).extracting(h -> h.getURL()).doesNotContain("javascript:alert(1)");
    }
  }

  @Test
  void markdownBecomesAPdfWhoseTextHoldsHeadingsListsAndTableCells() throws IOException {
    DeliveredFile file = build("review.pdf", "markdown", MEMO, FileFormat.PDF);

    try (PDDocument pdf = Loader.loadPDF(file.bytes())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Vendor review", "Findings", "Acme is cheapest", "24/7 phone line",
          "Shortlist Acme", "Globex", "1,450", "three vendors", "Ελληνικά");
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
    }
  }

  @Test
  void aPdfNeverLoadsAnImageFromOutsideAndShowsItsAltTextInstead() throws IOException {
    DeliveredFile file = build("chart.pdf", "markdown",
        "# Chart\n\n![Sales by region](http://127.0.0.1:9/chart.png)\n\n<img src=\"http://127.0.0.1:9/x.png\">",
        FileFormat.PDF);

    try (PDDocument pdf = Loader.loadPDF(file.bytes())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("[image: Sales by region]", "<img src=");
    }
  }

  @Test
  void csvBecomesAWorkbookWithNumbersDatesBooleansAndFormulas() throws IOException {
    String csv = """
        Item,Amount,Share,Due,Paid,Code,Total
        Rent,"$1,200.50",12.5%,2025-03-31,TRUE,007,=B2*2
        Power,(300),3%,2025-04-01 09:30,false,12,=SUM(B2:B3)
        """;
    DeliveredFile file = build("budget.xlsx", "csv", csv, FileFormat.XLSX);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
      Sheet sheet = workbook.getSheet("Sheet1");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Item");
      assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      var amount = sheet.getRow(1).getCell(1);
      assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(amount.getNumericCellValue()).isEqualTo(1200.50);
      assertThat(amount.getCellStyle().getDataFormatString()).contains("$").contains("#,##0.00");
      assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-300);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.125);
      var due = sheet.getRow(1).getCell(3);
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      assertThat(due.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 31, 0, 0));
      assertThat(sheet.getRow(2).getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 4, 1, 9, 30));
      assertThat(sheet.getRow(1).getCell(4).getBooleanCellValue()).isTrue();
      assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("007");
      var total = sheet.getRow(2).getCell(6);
      assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
      assertThat(total.getCellFormula()).isEqualTo("SUM(B2:B3)");
      assertThat(total.getNumericCellValue()).isEqualTo(900.5);
    }
  }

  @Test
  void markdownTablesBecomeOneSheetEachNamedByTheirHeadings() throws IOException {
    String markdown = """
        ## Revenue
        | Month | Amount |
        |---|---|
        | Jan | 10 |
        | Feb | 20 |

        ## Costs
        | Month | Amount |
        |---|---|
        | Jan | 4 |
        | Total | =SUM(B2:B2)+Revenue!B3 |
        """;
    DeliveredFile file = build("plan.xlsx", "markdown", markdown, FileFormat.XLSX);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
      assertThat(workbook.getSheetName(0)).isEqualTo("Revenue");
      assertThat(workbook.getSheetName(1)).isEqualTo("Costs");
      assertThat(workbook.getSheet("Revenue").getRow(2).getCell(1).getNumericCellValue()).isEqualTo(20);
      assertThat(workbook.getSheet("Costs").getRow(2).getCell(1).getNumericCellValue()).isEqualTo(24);
    }
  }

  @Test
  void aFormulaThatDoesNotParseIsKeptAsTextAndReportedWithItsCell() {
    String answer = "<<<FILE name=\"bad.xlsx\" content=\"csv\">>>\na,b,c\n1,2,\"=SUM(A2:B2\"\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.XLSX));

    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.BROKEN_FORMULA);
      assertThat(f.where()).isEqualTo("Sheet1!C2");
      assertThat(f.message()).startsWith("xlsx with broken formula in Sheet1!C2");
    });
  }

  @Test
  void aSlideOutlineBecomesADeckWithTitlesBulletsAndSpeakerNotes() throws IOException {
    String outline = """
        # Vendor review
        Board meeting, March

        ## Why we looked
        - Contract ends in **June**
        - Costs rose
          - 12% last year
        Notes: Mention the June deadline first.

        ## Recommendation
        1. Shortlist Acme
        2. Negotiate with Globex
        """;
    DeliveredFile file = build("deck.pptx", "outline", outline, FileFormat.PPTX);

    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(file.bytes()))) {
      List<XSLFSlide> slides = deck.getSlides();
      // A title slide's title is a centred-title placeholder, which getTitle() does not look at.
      assertThat(slides).extracting(s -> ((XSLFTextShape) s.getPlaceholder(0)).getText())
          .containsExactly("Vendor review", "Why we looked", "Recommendation");
      assertThat(texts(slides.get(0))).contains("Board meeting, March");
      XSLFTextShape body = (XSLFTextShape) slides.get(1).getPlaceholder(1);
      List<XSLFTextParagraph> bullets = body.getTextParagraphs();
      assertThat(bullets).extracting(XSLFTextParagraph::getText).containsExactly("Contract ends in June", "Costs rose", "12% last year");
      assertThat(bullets.get(2).getIndentLevel()).isEqualTo(1);
      assertThat(bullets.get(0).getTextRuns().get(1).isBold()).isTrue();
      XSLFNotes notes = slides.get(1).getNotes();
      assertThat(notes).isNotNull();
      assertThat(texts(notes.getShapes())).contains("Mention the June deadline first.");
      assertThat(slides.get(2).getNotes()).isNull();
      assertThat(texts(slides.get(2))).contains("Shortlist Acme", "Negotiate with Globex");
    }
  }

  private static String texts(XSLFSlide slide) {
    return texts(slide.getShapes());
  }

  private static String texts(List<? extends org.apache.poi.xslf.usermodel.XSLFShape> shapes) {
    return shapes.stream().filter(s -> s instanceof XSLFTextShape).map(s -> ((XSLFTextShape) s).getText())
        .collect(Collectors.joining("\n"));
  }
}
