package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class ValidationTest {

  @Test
  void aFormulaThatEvaluatesToAnErrorIsReportedWithItsSheetAndCell() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Sheet1");
      for (int r = 0; r < 4; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(r);
        row.createCell(1).setCellValue(0);
      }
      sheet.getRow(1).createCell(2).setCellFormula("A2+B2");
      sheet.getRow(3).createCell(2).setCellFormula("A4/B4");
      workbook.write(out);
      xlsx = out.toByteArray();
    }

    List<Finding> findings = Deliverables.validate(new DeliveredFile("model.xlsx", FileFormat.XLSX, xlsx));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.BROKEN_FORMULA);
      assertThat(f.file()).isEqualTo("model.xlsx");
      assertThat(f.where()).isEqualTo("Sheet1!C4");
      assertThat(f.message()).isEqualTo("xlsx with broken formula in Sheet1!C4: =A4/B4 gives #DIV/0!");
    });
  }

  @Test
  void manyBrokenFormulasAreCappedAndTheRestCounted() {
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 0; i < FileValidator.MAX_FORMULA_FINDINGS + 5; i++) {
      csv.append("0,=1/A").append(i + 2).append('\n');
    }
    DeliveryResult result = Deliverables.fromAnswer(
        "<<<FILE name=\"t.xlsx\" content=\"csv\">>>\n" + csv + "<<<END FILE>>>", List.of(FileFormat.XLSX));

    assertThat(result.findings()).hasSize(FileValidator.MAX_FORMULA_FINDINGS + 1);
    assertThat(result.findings().get(FileValidator.MAX_FORMULA_FINDINGS).message()).isEqualTo("xlsx with 5 more broken formulas in t.xlsx");
  }

  @Test
  void bytesThatAreNotTheNamedFormatAreUnreadable() {
    byte[] junk = "this is not a zip".getBytes(StandardCharsets.UTF_8);
    for (FileFormat format : List.of(FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX, FileFormat.PDF, FileFormat.PNG)) {
      List<Finding> findings = Deliverables.validate(new DeliveredFile("x." + format.id(), format, junk));

      assertThat(findings).as(format.id()).singleElement()
          .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.UNREADABLE));
    }
  }

  @Test
  void filesThatOpenButHoldNothingAreEmpty() throws IOException {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph();
      doc.write(docx);
    }
    ByteArrayOutputStream pptx = new ByteArrayOutputStream();
    try (XMLSlideShow deck = new XMLSlideShow()) {
      deck.write(pptx);
    }
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.createSheet("Empty");
      workbook.write(xlsx);
    }
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      doc.save(pdf);
    }

    assertThat(Deliverables.validate(new DeliveredFile("a.docx", FileFormat.DOCX, docx.toByteArray())))
        .extracting(Finding::message).containsExactly("docx file a.docx is empty: it holds no text");
    assertThat(Deliverables.validate(new DeliveredFile("a.pptx", FileFormat.PPTX, pptx.toByteArray())))
        .extracting(Finding::message).containsExactly("pptx file a.pptx is empty: it holds no slide");
    assertThat(Deliverables.validate(new DeliveredFile("a.xlsx", FileFormat.XLSX, xlsx.toByteArray())))
        .extracting(Finding::message).containsExactly("xlsx file a.xlsx is empty: it holds no cell");
    assertThat(Deliverables.validate(new DeliveredFile("a.pdf", FileFormat.PDF, pdf.toByteArray())))
        .extracting(Finding::message).containsExactly("pdf file a.pdf is empty: it has no page");
    assertThat(Deliverables.validate(new DeliveredFile("a.md", FileFormat.MD, new byte[0])))
        .extracting(Finding::message).containsExactly("md file a.md is empty (0 bytes)");
  }

  @Test
  void textThatIsNotUtf8AndJsonThatDoesNotParseAreUnreadable() {
    assertThat(Deliverables.validate(new DeliveredFile("a.txt", FileFormat.TXT, new byte[] {(byte) 0xC3, (byte) 0x28})))
        .extracting(Finding::message).containsExactly("txt file a.txt is not UTF-8 text");
    assertThat(Deliverables.validate(DeliveredFile.ofText("a.json", FileFormat.JSON, "{\"a\": ")))
        .singleElement().satisfies(f -> assertThat(f.message()).startsWith("json file a.json does not open: "));
  }

  @Test
  void filesDeliveredAsFilesAreValidatedAndMissingFormatsReported() {
    DeliveryResult result = Deliverables.fromFiles(
        List.of(DeliveredFile.ofText("notes.md", FileFormat.MD, "# Notes")), List.of(FileFormat.MD, FileFormat.DOCX));

    assertThat(result.extraction()).isEqualTo(Extraction.FILES);
    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("notes.md");
    assertThat(result.findings()).extracting(Finding::message).containsExactly("promised docx, delivered none"
        + " (notes.md was delivered instead; with format conversion, as parity run --convert-formats asks, docx is"
        + " built from it)");
  }

  @Test
  void aDeliveredFileCannotBeChangedThroughItsBytes() {
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    DeliveredFile file = new DeliveredFile("a.txt", FileFormat.TXT, bytes);
    bytes[0] = 'z';
    file.bytes()[1] = 'z';

    assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    assertThat(file).isEqualTo(DeliveredFile.ofText("a.txt", FileFormat.TXT, "abc"));
  }
}
