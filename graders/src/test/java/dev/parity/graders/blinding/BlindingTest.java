package dev.parity.graders.blinding;

import static dev.parity.graders.testing.IdentifyingFiles.AUTHOR;
import static dev.parity.graders.testing.IdentifyingFiles.COMPANY;
import static dev.parity.graders.testing.IdentifyingFiles.CONTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.graders.testing.IdentifyingFiles;
import dev.parity.graders.testing.TestFiles;
import dev.parity.harness.deliverable.DeliveredFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class BlindingTest {

  private static List<Tell> metadata(String name, byte[] bytes) {
    return BlindCheck.check(name, bytes).stream().filter(t -> t.kind() == Tell.Kind.METADATA).toList();
  }

  private static String everything(List<Tell> tells) {
    return String.join("\n", tells.stream().map(Tell::toString).toList());
  }

  /** Every entry of a zip package, decompressed, as text: identifying words must be in none. */
  private static String unzipped(byte[] zip) throws IOException {
    StringBuilder all = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        assertThat(e.getTimeLocal().getYear()).as("time of %s", e.getName()).isEqualTo(1980);
      }
    }
    return all.toString();
  }

  @Test
  void docxAuthorsCompanyApplicationCommentsAndTrackedChangesAreFoundThenStripped() throws IOException {
    byte[] original = IdentifyingFiles.docx();

    String found = everything(metadata("memo.docx", original));
    assertThat(found).contains("docProps/core.xml dc:creator: Jane Doe", "docProps/core.xml cp:lastModifiedBy: Jane Doe",
        "docProps/core.xml dcterms:created: 2024-03-05", "docProps/core.xml cp:revision: 7",
        "docProps/app.xml Company: Initech LLC", "docProps/app.xml Manager: Bill Lumbergh",
        "docProps/app.xml Application: Microsoft Office Word", "docProps/app.xml AppVersion: 16.0000",
        "docProps/app.xml Template: Normal.dotm", "docProps/app.xml TotalTime: 312",
        "docProps/custom.xml custom property ReviewedBy: Jane Doe",
        "word/document.xml w:ins/@w:author: Jane Doe", "word/document.xml w:ins/@w:date",
        "word/comments.xml w:comment/@w:author: Jane Doe", "word/comments.xml w:comment/@w:initials: JD",
        "word/people.xml w15:person/@w15:author: Jane Doe",
        "word/people.xml w15:presenceInfo/@w15:userId: S::jane.doe@initech.example",
        "word/_rels/settings.xml.rels attached template: file:///C:/Users/jdoe/AppData/Roaming/Microsoft/Templates/Initech.dotm");

    byte[] stripped = Blinder.strip(FileFormat.DOCX, original);

    assertThat(metadata("memo.docx", stripped)).isEmpty();
    assertThat(unzipped(stripped)).doesNotContain(AUTHOR, COMPANY, "Initech", "jdoe", "Lumbergh", "Microsoft", "JD\"");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(stripped));
         XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
      assertThat(text.getText()).contains(CONTENT + " rose 4%");
      assertThat(doc.getDocComments().getComments().get(0).getText()).isEqualTo("Check with finance");
      assertThat(doc.getDocComments().getComments().get(0).getAuthor()).isEqualTo("Author");
      assertThat(doc.getProperties().getCoreProperties().getCreator()).isNull();
    }
  }

  @Test
  void xlsxPropertiesCommentAuthorsAndSavedFromFolderAreFoundThenStripped() throws IOException {
    byte[] original = IdentifyingFiles.xlsx();

    String found = everything(metadata("budget.xlsx", original));
    assertThat(found).contains("docProps/core.xml dc:creator: Jane Doe", "docProps/app.xml Company: Initech LLC",
        "xl/comments1.xml author: Jane Doe", "xl/workbook.xml x15ac:absPath: url=C:\\Users\\jdoe\\Initech\\");

    byte[] stripped = Blinder.strip(FileFormat.XLSX, original);

    assertThat(metadata("budget.xlsx", stripped)).isEmpty();
    assertThat(unzipped(stripped)).doesNotContain(AUTHOR, COMPANY, "jdoe");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(stripped))) {
      assertThat(workbook.getSheet("Sheet1").getRow(0).getCell(0).getStringCellValue()).isEqualTo(CONTENT);
      assertThat(workbook.getSheet("Sheet1").getRow(0).getCell(0).getCellComment().getString().getString()).isEqualTo("Looks right");
    }
  }

  @Test
  void pptxPropertiesAreFoundThenStripped() throws IOException {
    byte[] original = IdentifyingFiles.pptx();

    assertThat(everything(metadata("deck.pptx", original))).contains("dc:creator: Jane Doe", "Company: Initech LLC",
        "Application: Microsoft Office Word", "ppt/commentAuthors.xml p:cmAuthor/@name: Jane Doe",
        "ppt/commentAuthors.xml p:cmAuthor/@initials: JD");

    byte[] stripped = Blinder.strip(FileFormat.PPTX, original);

    assertThat(metadata("deck.pptx", stripped)).isEmpty();
    assertThat(unzipped(stripped)).doesNotContain(AUTHOR, COMPANY);
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(stripped))) {
      assertThat(((XSLFTextShape) deck.getSlides().get(0).getShapes().get(0)).getText()).isEqualTo(CONTENT);
    }
  }

  @Test
  void pdfInfoDictionaryAndXmpAreFoundThenStripped() throws IOException {
    byte[] original = IdentifyingFiles.pdf();

    assertThat(everything(metadata("report.pdf", original))).contains("Info dictionary /Author: Jane Doe",
        "Info dictionary /Creator: Microsoft Word", "Info dictionary /Company: Initech LLC",
        "Info dictionary /CreationDate", "XMP metadata of the document: dc:creator = Jane Doe; xmp:CreatorTool = Microsoft Word");

    byte[] stripped = Blinder.strip(FileFormat.PDF, original);

    assertThat(metadata("report.pdf", stripped)).isEmpty();
    assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain(AUTHOR, COMPANY, "Microsoft");
    try (PDDocument pdf = Loader.loadPDF(stripped)) {
      assertThat(new PDFTextStripper().getText(pdf)).contains(CONTENT);
    }
  }

  @Test
  void jpegExifAndCommentAreFoundThenStrippedLeavingThePixels() throws IOException {
    byte[] original = IdentifyingFiles.jpeg();

    assertThat(everything(metadata("photo.jpg", original)))
        .contains("APP1 segment: EXIF metadata", "Canon", "Adobe Photoshop 25.0", AUTHOR, "comment segment: comment \"Edited for Initech LLC\"");

    byte[] stripped = Blinder.strip(FileFormat.JPG, original);

    assertThat(metadata("photo.jpg", stripped)).isEmpty();
    assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain(AUTHOR, "Canon", COMPANY);
    assertSamePixels(original, stripped);
  }

  @Test
  void pngTextChunksAreFoundThenStrippedLeavingThePixels() throws IOException {
    byte[] original = IdentifyingFiles.png();

    assertThat(everything(metadata("chart.png", original)))
        .contains("tEXt chunk: Author = Jane Doe", "tEXt chunk: Software = Adobe ImageReady");

    byte[] stripped = Blinder.strip(FileFormat.PNG, original);

    assertThat(metadata("chart.png", stripped)).isEmpty();
    assertSamePixels(original, stripped);
  }

  @Test
  void picturesInsideOfficeFilesLoseTheirMetadataToo() throws IOException {
    byte[] docx;
    try (XWPFDocument doc = new XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
      doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(IdentifyingFiles.jpeg()),
          org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_JPEG, "photo.jpg", 100, 100);
      doc.write(out);
      docx = out.toByteArray();
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new AssertionError(e);
    }

    assertThat(everything(metadata("memo.docx", docx))).contains("word/media/image1.jpeg APP1 segment: EXIF metadata");
    assertThat(metadata("memo.docx", Blinder.strip(FileFormat.DOCX, docx))).isEmpty();
  }

  @Test
  void filesParityBuiltNameTheirToolsUntilStripped() {
    DeliveredFile docx = TestFiles.built(FileFormat.DOCX, "markdown", "# Memo");
    DeliveredFile pdf = TestFiles.built(FileFormat.PDF, "markdown", "# Memo");

    assertThat(everything(metadata(docx.name(), docx.bytes()))).contains("Application: Apache POI");
    assertThat(everything(metadata(pdf.name(), pdf.bytes()))).contains("Info dictionary /Producer: openhtmltopdf");
    assertThat(metadata(docx.name(), Blinder.strip(FileFormat.DOCX, docx.bytes()))).isEmpty();
    assertThat(metadata(pdf.name(), Blinder.strip(FileFormat.PDF, pdf.bytes()))).isEmpty();
  }

  @Test
  void blindingADeliverableStripsAndRenamesEachFile() throws IOException {
    List<DeliveredFile> blinded = Blinder.blind("B", List.of(
        new DeliveredFile("Q3 summary - Jane.docx", FileFormat.DOCX, IdentifyingFiles.docx()),
        new DeliveredFile("figures_final_v2.xlsx", FileFormat.XLSX, IdentifyingFiles.xlsx())));

    assertThat(blinded).extracting(DeliveredFile::name).containsExactly("deliverable-B.docx", "deliverable-B.xlsx");
    for (DeliveredFile file : blinded) {
      assertThat(metadata(file.name(), file.bytes())).as(file.name()).isEmpty();
    }
  }

  @Test
  void aFileThatDoesNotOpenAsItsFormatCannotBeBlinded() {
    byte[] junk = "not a document".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Blinder.strip(FileFormat.DOCX, junk)).isInstanceOf(UnableToBlindException.class)
        .hasMessageContaining("docx");
    assertThatThrownBy(() -> BlindCheck.check("x.pdf", junk)).isInstanceOf(UnableToBlindException.class)
        .hasMessageContaining("x.pdf does not open as pdf");
    assertThatThrownBy(() -> Blinder.strip(FileFormat.JPG, junk)).isInstanceOf(UnableToBlindException.class);
  }

  private static void assertSamePixels(byte[] a, byte[] b) throws IOException {
    BufferedImage x = IdentifyingFiles.pixels(a);
    BufferedImage y = IdentifyingFiles.pixels(b);
    assertThat(y.getWidth()).isEqualTo(x.getWidth());
    for (int i = 0; i < x.getWidth(); i++) {
      for (int j = 0; j < x.getHeight(); j++) {
        assertThat(y.getRGB(i, j)).isEqualTo(x.getRGB(i, j));
      }
    }
  }
}
