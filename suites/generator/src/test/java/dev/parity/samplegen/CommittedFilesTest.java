package dev.parity.samplegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.sl.extractor.SlideShowExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the committed suite opens with the library its format needs and holds real content. */
class CommittedFilesTest {
  /** A text cell that looks like a number: numbers must be stored as numbers. */
  private static final Pattern NUMBER_AS_TEXT = Pattern.compile("^-?\\$?[0-9][0-9,]*(\\.[0-9]+)?%?$");

  static Stream<Path> files(String extension) throws IOException {
    try (Stream<Path> walk = Files.walk(CommittedSuite.root().resolve("tasks"))) {
      List<Path> files = walk.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
      assertThat(files).as("." + extension + " files in the sample suite").isNotEmpty();
      return files.stream();
    }
  }

  static Stream<Path> docx() throws IOException {
    return files("docx");
  }

  static Stream<Path> xlsx() throws IOException {
    return files("xlsx");
  }

  static Stream<Path> pptx() throws IOException {
    return files("pptx");
  }

  static Stream<Path> pdf() throws IOException {
    return files("pdf");
  }

  static Stream<Path> csv() throws IOException {
    return files("csv");
  }

  static Stream<Path> md() throws IOException {
    return files("md");
  }

  @ParameterizedTest
  @MethodSource("docx")
  void wordDocumentOpensWithRealText(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XWPFDocument document = new XWPFDocument(in);
        XWPFWordExtractor text = new XWPFWordExtractor(document)) {
      assertThat(words(text.getText())).as(file.toString()).isGreaterThan(150);
      assertThat(document.getProperties().getCoreProperties().getTitle()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("pptx")
  void deckOpensWithTitledSlidesAndRealText(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XMLSlideShow show = new XMLSlideShow(in);
        SlideShowExtractor<?, ?> text = new SlideShowExtractor<>(show)) {
      assertThat(show.getSlides()).hasSizeGreaterThanOrEqualTo(5);
      // The first slide is the title slide (a centred title); every other slide has a title placeholder.
      assertThat(text.getText()).startsWith(show.getProperties().getCoreProperties().getTitle());
      show.getSlides().stream().skip(1)
          .forEach(s -> assertThat(s.getTitle()).as(file + " slide " + s.getSlideNumber()).isNotBlank());
      assertThat(words(text.getText())).as(file.toString()).isGreaterThan(150);
    }
  }

  @ParameterizedTest
  @MethodSource("pdf")
  void pdfOpensWithRealText(Path file) throws IOException {
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      assertThat(words(new PDFTextStripper().getText(document))).as(file.toString()).isGreaterThan(100);
      assertThat(document.getDocumentInformation().getTitle()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("xlsx")
  void workbookOpensWithNumbersAsNumbersAndFormulasThatEvaluate(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      int numbers = 0;
      List<String> problems = new ArrayList<>();
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            String at = sheet.getSheetName() + "!" + cell.getAddress();
            if (cell.getCellType() == CellType.FORMULA) {
              CellType result = evaluator.evaluate(cell).getCellType();
              if (result == CellType.ERROR) {
                problems.add(at + " = " + cell.getCellFormula() + " evaluates to an error");
              }
              if (cell.getCachedFormulaResultType() == CellType.ERROR) {
                problems.add(at + " has an error as its stored value");
              }
            } else if (cell.getCellType() == CellType.NUMERIC) {
              numbers++;
            } else if (cell.getCellType() == CellType.STRING
                && NUMBER_AS_TEXT.matcher(cell.getStringCellValue().trim()).matches()
                && row.getRowNum() > 0) {
              problems.add(at + " holds the number " + cell.getStringCellValue() + " as text");
            }
          }
        }
      }
      assertThat(problems).as(file.toString()).isEmpty();
      assertThat(numbers).as(file + ": numeric cells").isGreaterThan(10);
    }
  }

  @ParameterizedTest
  @MethodSource("csv")
  void csvHasAHeaderAndRowsOfTheSameWidth(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(5);
    int columns = fields(lines.get(0));
    assertThat(lines).allSatisfy(line -> assertThat(fields(line)).as(line).isEqualTo(columns));
    assertThat(lines.get(0)).matches("[a-z0-9_,]+");
  }

  @ParameterizedTest
  @MethodSource("md")
  void markdownHasATitleAndRealText(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith("# ").endsWith("\n");
    assertThat(words(text)).isGreaterThan(150);
  }

  private static int words(String text) {
    return text.trim().split("\\s+").length;
  }

  /** Counts the fields of one CSV line, honouring quotes (no field in the suite spans lines). */
  private static int fields(String line) {
    int count = 1;
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        count++;
      }
    }
    return count;
  }
}
