package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built format opened by the programs people and other tools open them with: LibreOffice
 * (converting each to PDF, in a profile of its own), Apache POI, and for DOCX and XLSX Debian's
 * python-docx and openpyxl (warnings as errors). CI installs LibreOffice and the Python readers
 * (.ci/run); {@code /usr/bin/python3} is Debian's Python, which has them, whatever else is on PATH.
 */
class BuiltFilesRoundTripTest {
  private static final String PYTHON = "/usr/bin/python3";
  /** Not a limit the test races: a cap so that a hung converter fails the build instead of stalling it. */
  private static final long PROCESS_CAP_MINUTES = 10;

  private static final String MEMO = """
      # Vendor review

      We compared **three vendors** on *cost*. Sign-off → Friday ✓.

      | Vendor | Cost | Owner |
      |--------|-----:|-------|
      | Acme | 1,200 | Legal |
      | Globex | 1,450 | 法务部 |

      1. Shortlist Acme
      2. Ask Globex for a discount
      """;
  private static final String DECK = """
      # Vendor review
      Board meeting

      ## Recommendation
      - Shortlist **Acme** on cost ✓
        - target a 10% discount
      Notes: Lead with the cost gap.
      """;
  private static final String SHEET = """
      Vendor,Cost,Due
      Acme,1200,2025-03-31
      Globex,1450,2025-04-30
      Total,=SUM(B2:B3),
      """;

  @TempDir static Path folder;
  private static final Map<FileFormat, Path> FILES = new LinkedHashMap<>();

  @BeforeAll
  static void build() throws IOException {
    FILES.put(FileFormat.DOCX, write("memo.docx", MEMO, FileFormat.DOCX));
    FILES.put(FileFormat.PDF, write("memo.pdf", MEMO, FileFormat.PDF));
    FILES.put(FileFormat.PPTX, write("deck.pptx", DECK, FileFormat.PPTX));
    FILES.put(FileFormat.XLSX, write("costs.xlsx", SHEET, FileFormat.XLSX));
  }

  private static Path write(String name, String content, FileFormat format) throws IOException {
    Path path = folder.resolve(name);
    Files.write(path, BuiltFilesTest.build(name, content, format).bytes());
    return path;
  }

  @Test
  void libreOfficeOpensEveryBuiltFormatAndConvertsItToPdf() throws Exception {
    Path out = Files.createDirectories(folder.resolve("converted"));
    List<String> command = new ArrayList<>(List.of("soffice",
        "-env:UserInstallation=" + folder.resolve("office-profile").toUri(), "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", out.toString()));
    // The built PDF goes in under another name: LibreOffice would write its conversion over it.
    Path pdfCopy = Files.copy(FILES.get(FileFormat.PDF), folder.resolve("memo-built-pdf.pdf"));
    for (FileFormat format : List.of(FileFormat.DOCX, FileFormat.PPTX, FileFormat.XLSX)) {
      command.add(FILES.get(format).toString());
    }
    command.add(pdfCopy.toString());
    run(command);

    assertThat(text(out.resolve("memo.pdf"))).contains("Vendor review", "three vendors", "Globex", "1,450",
        "Shortlist Acme");
    assertThat(text(out.resolve("costs.pdf"))).contains("Vendor", "Globex", "2650");
    assertThat(text(out.resolve("deck.pdf"))).contains("Vendor review", "Recommendation", "target a 10% discount");
    try (PDDocument deck = Loader.loadPDF(out.resolve("deck.pdf").toFile())) {
      PDRectangle page = deck.getPage(0).getMediaBox();
      assertThat(page.getWidth() / page.getHeight()).isCloseTo(16.0f / 9.0f, org.assertj.core.data.Offset.offset(0.01f));
    }
    assertThat(text(out.resolve("memo-built-pdf.pdf"))).contains("Vendor review");
  }

  @Test
  void apachePoiAndPdfBoxOpenEveryBuiltFormat() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(FILES.get(FileFormat.DOCX))))) {
      assertThat(doc.getTables().get(0).getRow(2).getCell(2).getText()).isEqualTo("法务部");
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(FILES.get(FileFormat.XLSX)))) {
      assertThat(workbook.getSheetAt(0).getRow(3).getCell(1).getCellFormula()).isEqualTo("SUM(B2:B3)");
      assertThat(workbook.getSheetAt(0).getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2650);
    }
    try (XMLSlideShow deck = new XMLSlideShow(Files.newInputStream(FILES.get(FileFormat.PPTX)))) {
      assertThat(deck.getSlides()).hasSize(2);
      assertThat(deck.getSlides().get(1).getTitle()).isEqualTo("Recommendation");
    }
    assertThat(text(FILES.get(FileFormat.PDF))).contains("法务部", "✓");
  }

  @Test
  void pythonDocxAndOpenpyxlReadTheTablesAndCells() throws Exception {
    String script = """
        import json, sys, docx, openpyxl
        document = docx.Document(sys.argv[1])
        table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
        headings = [p.text for p in document.paragraphs if p.style.name.startswith('Heading')]
        workbook = openpyxl.load_workbook(sys.argv[2])
        sheet = workbook.active
        cells = [[None if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()]
        print(json.dumps({'table': table, 'headings': headings, 'sheet': sheet.title, 'cells': cells}))
        """;
    String output = run(List.of(PYTHON, "-W", "error", "-c", script, FILES.get(FileFormat.DOCX).toString(),
        FILES.get(FileFormat.XLSX).toString()));

    JsonNode read = new ObjectMapper().readTree(output);
    assertThat(read.get("table").toString()).isEqualTo(
        "[[\"Vendor\",\"Cost\",\"Owner\"],[\"Acme\",\"1,200\",\"Legal\"],[\"Globex\",\"1,450\",\"法务部\"]]");
    assertThat(read.get("headings").toString()).isEqualTo("[\"Vendor review\"]");
    assertThat(read.get("sheet").asText()).isEqualTo("Sheet1");
    assertThat(read.get("cells").toString()).isEqualTo("[[\"Vendor\",\"Cost\",\"Due\"],"
        + "[\"Acme\",\"1200.0\",\"2025-03-31 00:00:00\"],[\"Globex\",\"1450.0\",\"2025-04-30 00:00:00\"],"
        + "[\"Total\",\"=SUM(B2:B3)\",null]]");
  }

  private static String text(Path pdf) throws IOException {
    assertThat(pdf).exists();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isPositive();
      return new PDFTextStripper().getText(document);
    }
  }

  /** Runs {@code command} to its end; its standard output, or a failure with everything it printed. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(folder, "process", ".log");
    Path errors = Files.createTempFile(folder, "process", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectError(errors.toFile()).start();
    boolean ended = process.waitFor(PROCESS_CAP_MINUTES, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    String err = Files.readString(errors, StandardCharsets.UTF_8);
    assertThat(ended).as("%s still running after %d minutes", command.get(0), PROCESS_CAP_MINUTES).isTrue();
    assertThat(process.exitValue()).as("%s failed:%n%s%n%s", command, out, err).isZero();
    return out;
  }
}
