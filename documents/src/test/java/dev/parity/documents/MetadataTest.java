package dev.parity.documents;

import static dev.parity.documents.testing.IdentifyingFiles.AUTHOR;
import static dev.parity.documents.testing.IdentifyingFiles.COMPANY;
import static dev.parity.documents.testing.IdentifyingFiles.CONTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.IdentifyingFiles;
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

class MetadataTest {

  private static List<MetadataEntry> metadata(FileFormat format, byte[] bytes) {
    return Documents.metadata(format, bytes);
  }

  private static String everything(List<MetadataEntry> entries) {
    return String.join("\n", entries.stream().map(MetadataEntry::toString).toList());
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

    String found = everything(metadata(FileFormat.DOCX, original));
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

    byte[] stripped = Documents.strip(FileFormat.DOCX, original);

    assertThat(metadata(FileFormat.DOCX, stripped)).isEmpty();
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

    String found = everything(metadata(FileFormat.XLSX, original));
    assertThat(found).contains("docProps/core.xml dc:creator: Jane Doe", "docProps/app.xml Company: Initech LLC",
        "xl/comments1.xml author: Jane Doe", "xl/workbook.xml x15ac:absPath: url=C:\\Users\\jdoe\\Initech\\");

    byte[] stripped = Documents.strip(FileFormat.XLSX, original);

    assertThat(metadata(FileFormat.XLSX, stripped)).isEmpty();
    assertThat(unzipped(stripped)).doesNotContain(AUTHOR, COMPANY, "jdoe");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(stripped))) {
      assertThat(workbook.getSheet("Sheet1").getRow(0).getCell(0).getStringCellValue()).isEqualTo(CONTENT);
      assertThat(workbook.getSheet("Sheet1").getRow(0).getCell(0).getCellComment().getString().getString()).isEqualTo("Looks right");
    }
  }

  @Test
  void pptxPropertiesAreFoundThenStripped() throws IOException {
    byte[] original = IdentifyingFiles.pptx();

    assertThat(everything(metadata(FileFormat.PPTX, original))).contains("dc:creator: Jane Doe", "Company: Initech LLC",
        "Application: Microsoft Office Word", "ppt/commentAuthors.xml p:cmAuthor/@name: Jane Doe",
        "ppt/commentAuthors.xml p:cmAuthor/@initials: JD");

    byte[] stripped = Documents.strip(FileFormat.PPTX, original);

    assertThat(metadata(FileFormat.PPTX, stripped)).isEmpty();
    assertThat(unzipped(stripped)).doesNotContain(AUTHOR, COMPANY);
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(stripped))) {
      assertThat(((XSLFTextShape) deck.getSlides().get(0).getShapes().get(0)).getText()).isEqualTo(CONTENT);
    }
  }

  @Test
  void pdfInfoDictionaryAndXmpAreFoundThenStripped() throws IOException {
    byte[] original = IdentifyingFiles.pdf();

    assertThat(everything(metadata(FileFormat.PDF, original))).contains("Info dictionary /Author: Jane Doe",
        "Info dictionary /Creator: Microsoft Word", "Info dictionary /Company: Initech LLC",
        "Info dictionary /CreationDate", "XMP metadata of the document: dc:creator = Jane Doe; xmp:CreatorTool = Microsoft Word");

    byte[] stripped = Documents.strip(FileFormat.PDF, original);

    assertThat(metadata(FileFormat.PDF, stripped)).isEmpty();
    assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain(AUTHOR, COMPANY, "Microsoft");
    try (PDDocument pdf = Loader.loadPDF(stripped)) {
      assertThat(new PDFTextStripper().getText(pdf)).contains(CONTENT);
    }
  }

  @Test
  void jpegExifAndCommentAreFoundThenStrippedLeavingThePixels() throws IOException {
    byte[] original = IdentifyingFiles.jpeg();

    assertThat(everything(metadata(FileFormat.JPG, original)))
        .contains("APP1 segment: EXIF metadata", "Canon", "Adobe Photoshop 25.0", AUTHOR, "comment segment: comment \"Edited for Initech LLC\"");

    byte[] stripped = Documents.strip(FileFormat.JPG, original);

    assertThat(metadata(FileFormat.JPG, stripped)).isEmpty();
    assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain(AUTHOR, "Canon", COMPANY);
    assertSamePixels(original, stripped);
  }

  @Test
  void pngTextChunksAreFoundThenStrippedLeavingThePixels() throws IOException {
    byte[] original = IdentifyingFiles.png();

    assertThat(everything(metadata(FileFormat.PNG, original)))
        .contains("tEXt chunk: Author = Jane Doe", "tEXt chunk: Software = Adobe ImageReady");

    byte[] stripped = Documents.strip(FileFormat.PNG, original);

    assertThat(metadata(FileFormat.PNG, stripped)).isEmpty();
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

    assertThat(everything(metadata(FileFormat.DOCX, docx))).contains("word/media/image1.jpeg APP1 segment: EXIF metadata");
    assertThat(metadata(FileFormat.DOCX, Documents.strip(FileFormat.DOCX, docx))).isEmpty();
  }

  @Test
  void textFilesHaveNoMetadataAndAreCopiedAsTheyAre() {
    byte[] text = "Jane Doe wrote this".getBytes(StandardCharsets.UTF_8);

    assertThat(metadata(FileFormat.MD, text)).isEmpty();
    assertThat(Documents.strip(FileFormat.MD, text)).isEqualTo(text).isNotSameAs(text);
  }

  @Test
  void aFileThatDoesNotOpenAsItsFormatCannotBeListedNorStripped() {
    byte[] junk = "not a document".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Documents.strip(FileFormat.DOCX, junk)).isInstanceOf(UnableToStripMetadataException.class);
    assertThatThrownBy(() -> metadata(FileFormat.PDF, junk)).isInstanceOf(UnableToStripMetadataException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> Documents.strip(FileFormat.JPG, junk)).isInstanceOf(UnableToStripMetadataException.class);
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
