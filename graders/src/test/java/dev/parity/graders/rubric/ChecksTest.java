package dev.parity.graders.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {
  @TempDir Path folder;

  private final List<DeliverableContent.File> files = new ArrayList<>();

  /** Plain-text formats read as UTF-8; the office formats' text is not needed by these tests. */
  private static final DeliverableContent.TextSource TEXT = (path, format) ->
      format.isBinary() ? "" : Files.readString(path);

  private CheckResult check(String json) throws IOException {
    JsonNode node = new ObjectMapper().readTree(json);
    return Checks.parse(node).evaluate(new DeliverableContent(files, TEXT));
  }

  private Path add(String name, String content) throws IOException {
    Path file = Files.writeString(folder.resolve(name), content);
    files.add(new DeliverableContent.File(name, FileFormat.ofFileName(name).orElseThrow(), file));
    return file;
  }

  private void addFile(String name, Path file) {
    files.add(new DeliverableContent.File(name, FileFormat.ofFileName(name).orElseThrow(), file));
  }

  @Test
  void filePresentLooksForTheFormat() throws IOException {
    add("memo.md", "# Memo");

    assertThat(check("{\"type\": \"file_present\", \"format\": \"md\"}").met()).isTrue();
    CheckResult missing = check("{\"type\": \"file_present\", \"format\": \"xlsx\"}");
    assertThat(missing.met()).isFalse();
    assertThat(missing.evidence()).isEqualTo("no xlsx file delivered (files: [memo.md])");
  }

  @Test
  void containsIgnoresCaseAndLineBreaksUnlessAskedAndSaysWhereItFoundIt() throws IOException {
    add("memo.md", "The quarter's total\ntravel spend was $48,210.");

    CheckResult found = check("{\"type\": \"contains\", \"text\": \"TOTAL TRAVEL SPEND\"}");
    assertThat(found.met()).isTrue();
    assertThat(found.evidence()).contains("the quarter's total travel spend was");
    assertThat(check("{\"type\": \"contains\", \"text\": \"TOTAL\", \"case_sensitive\": true}").met()).isFalse();
    assertThat(check("{\"type\": \"not_contains\", \"text\": \"as an AI\"}").met()).isTrue();
    assertThat(check("{\"type\": \"not_contains\", \"text\": \"travel\"}").met()).isFalse();
  }

  @Test
  void textChecksCanBeLimitedToOneFormat() throws IOException {
    add("memo.md", "Recommendation: approve");
    add("data.csv", "region,total\nNorth,10\n");

    assertThat(check("{\"type\": \"contains\", \"text\": \"approve\", \"in\": \"csv\"}").met()).isFalse();
    assertThat(check("{\"type\": \"contains\", \"text\": \"approve\", \"in\": \"md\"}").met()).isTrue();
  }

  @Test
  void matchesUsesARegularExpression() throws IOException {
    add("memo.md", "Variance: -4.2% against budget");

    CheckResult result = check("{\"type\": \"matches\", \"pattern\": \"-?\\\\d+(\\\\.\\\\d+)?%\"}");
    assertThat(result.met()).isTrue();
    assertThat(result.evidence()).contains("\"-4.2%\"");
    assertThat(check("{\"type\": \"not_matches\", \"pattern\": \"\\\\bTODO\\\\b\"}").met()).isTrue();
  }

  @Test
  void wordCountIsWithinTheRange() throws IOException {
    add("memo.md", "one two three four five");

    assertThat(check("{\"type\": \"word_count\", \"min\": 5, \"max\": 10}").met()).isTrue();
    CheckResult tooShort = check("{\"type\": \"word_count\", \"min\": 6}");
    assertThat(tooShort.met()).isFalse();
    assertThat(tooShort.evidence()).isEqualTo("word count 5 is outside at least 6");
  }

  @Test
  void numberNearFindsFormattedNumbersInText() throws IOException {
    add("memo.md", "Total spend: $182,399.50; unfavourable variance (12,400).");

    assertThat(check("{\"type\": \"number_near\", \"value\": 182400, \"tolerance\": 1}").met()).isTrue();
    assertThat(check("{\"type\": \"number_near\", \"value\": -12400}").met()).isTrue();
    CheckResult far = check("{\"type\": \"number_near\", \"value\": 190000, \"tolerance_pct\": 1}");
    assertThat(far.met()).isFalse();
    assertThat(far.evidence()).isEqualTo("closest number found: 182,399.5 is not within 1,900 of 190,000");
  }

  @Test
  void numberNearReadsAnEvaluatedSpreadsheetCell() throws IOException {
    Path workbook = folder.resolve("variance.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
      XSSFSheet sheet = book.createSheet("Summary");
      XSSFRow row = sheet.createRow(3);
      row.createCell(0).setCellValue(100_000);
      row.createCell(1).setCellValue(82_400);
      row.createCell(2).setCellFormula("A4+B4");
      row.createCell(3).setCellValue("n/a");
      book.write(out);
    }
    addFile("variance.xlsx", workbook);

    assertThat(check("{\"type\": \"number_near\", \"value\": 182400, \"cell\": \"Summary!C4\"}").met()).isTrue();
    assertThat(check("{\"type\": \"number_near\", \"value\": 182400, \"cell\": \"C4\"}").met()).isTrue();
    assertThat(check("{\"type\": \"number_near\", \"value\": 1, \"cell\": \"Summary!D4\"}").evidence())
        .isEqualTo("Summary!D4: holds text \"n/a\", not a number");
    assertThat(check("{\"type\": \"number_near\", \"value\": 1, \"cell\": \"Other!A1\"}").evidence())
        .isEqualTo("Other!A1: no sheet named \"Other\" in variance.xlsx");
  }

  @Test
  void csvColumnsAndJsonKeysParseTheFiles() throws IOException {
    add("regions.csv", "Region, Revenue ,Margin\nNorth,10,0.2\n");
    add("summary.json", "{\"total\": 3, \"items\": [{\"amount\": 1}, {\"amount\": 2}]}");

    assertThat(check("{\"type\": \"csv_columns\", \"columns\": [\"revenue\", \"region\"]}").met()).isTrue();
    assertThat(check("{\"type\": \"csv_columns\", \"columns\": [\"cost\"]}").evidence())
        .isEqualTo("regions.csv lacks columns [cost] (header: [region, revenue, margin])");
    assertThat(check("{\"type\": \"json_keys\", \"keys\": [\"total\", \"items.amount\"]}").met()).isTrue();
    assertThat(check("{\"type\": \"json_keys\", \"keys\": [\"items.currency\"]}").met()).isFalse();
  }

  @Test
  void aJsonFileThatDoesNotParseFailsTheCheckWithTheReason() throws IOException {
    add("summary.json", "{\"total\": ");

    CheckResult result = check("{\"type\": \"json_keys\", \"keys\": [\"total\"]}");

    assertThat(result.met()).isFalse();
    assertThat(result.evidence()).startsWith("summary.json does not parse as JSON");
  }

  @Test
  void headingsComeFromMarkdownDocxStylesAndSlideTitles() throws IOException {
    add("memo.md", "# Summary\ntext\n## Next steps ##\n");
    Path docx = folder.resolve("report.docx");
    try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
      XWPFParagraph heading = document.createParagraph();
      heading.setStyle("Heading1");
      heading.createRun().setText("Risks");
      document.createParagraph().createRun().setText("Body text that is not a heading");
      document.write(out);
    }
    addFile("report.docx", docx);
    Path pptx = folder.resolve("plan.pptx");
    try (XMLSlideShow deck = new XMLSlideShow(); OutputStream out = Files.newOutputStream(pptx)) {
      XSLFSlide slide = deck.createSlide(deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY));
      ((XSLFTextShape) slide.getPlaceholder(0)).setText("Territory Plan");
      deck.write(out);
    }
    addFile("plan.pptx", pptx);

    assertThat(check("{\"type\": \"headings\", \"headings\": [\"summary\", \"Next Steps\", \"risks\", \"territory plan\"]}").met())
        .isTrue();
    assertThat(check("{\"type\": \"headings\", \"headings\": [\"Body text\"]}").evidence())
        .startsWith("missing headings: [Body text]");
  }

  @Test
  void pageCountCountsPdfPagesAndSlides() throws IOException {
    Path pdf = folder.resolve("memo.pdf");
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.addPage(new PDPage());
      document.save(pdf.toFile());
    }
    addFile("memo.pdf", pdf);

    assertThat(check("{\"type\": \"page_count\", \"max\": 2}").met()).isTrue();
    assertThat(check("{\"type\": \"page_count\", \"max\": 1, \"in\": \"pdf\"}").evidence())
        .isEqualTo("page count 2 is outside at most 1");
  }

  @Test
  void aBrokenFileFailsItsChecksAndIsReportedAsUnreadable() throws IOException {
    Path broken = Files.writeString(folder.resolve("plan.pptx"), "not a zip");
    addFile("plan.pptx", broken);
    DeliverableContent content = new DeliverableContent(files, TEXT);

    CheckResult result = Checks.parse(new ObjectMapper().readTree("{\"type\": \"page_count\", \"min\": 1}"))
        .evaluate(content);

    assertThat(result.met()).isFalse();
    assertThat(content.unreadable()).containsKey("plan.pptx");
  }

  @Test
  void allAndAnyCombineChecks() throws IOException {
    add("memo.md", "# Summary\nTotal 10");

    assertThat(check("{\"type\": \"all\", \"checks\": [{\"type\": \"contains\", \"text\": \"total\"},"
        + " {\"type\": \"headings\", \"headings\": [\"Summary\"]}]}").met()).isTrue();
    assertThat(check("{\"type\": \"all\", \"checks\": [{\"type\": \"contains\", \"text\": \"total\"},"
        + " {\"type\": \"contains\", \"text\": \"budget\"}]}").met()).isFalse();
    assertThat(check("{\"type\": \"any\", \"checks\": [{\"type\": \"contains\", \"text\": \"budget\"},"
        + " {\"type\": \"contains\", \"text\": \"total\"}]}").met()).isTrue();
  }

  @Test
  void invalidChecksAreRejectedWithWhatIsWrong() {
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"contain\", \"text\": \"x\"}")))
        .isInstanceOf(InvalidCheckException.class)
        .hasMessageStartingWith("unknown check type \"contain\"; did you mean \"contains\"?; known: all, any, contains");
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"contains\", \"txt\": \"x\"}")))
        .hasMessageStartingWith("unknown field \"txt\" in a contains check; did you mean \"text\"?");
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"contains\"}")))
        .hasMessage("a contains check needs \"text\": a non-empty string");
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"matches\", \"pattern\": \"(unclosed\"}")))
        .hasMessageStartingWith("\"pattern\" is not a valid regular expression");
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"word_count\"}")))
        .hasMessage("a word_count check needs \"min\", \"max\" or both");
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"file_present\", \"format\": \"odt\"}")))
        .hasMessageStartingWith("\"format\" must be a file format (md, txt");
    assertThatThrownBy(() -> Checks.parse(json("{\"type\": \"number_near\", \"value\": 1, \"cell\": \"the total\"}")))
        .hasMessage("\"cell\" must be a cell such as C4 or Summary!C4, not \"the total\"");
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }
}
