package dev.parity.documents;

import static dev.parity.documents.testing.HostileFiles.FIELD_RESULT;
import static dev.parity.documents.testing.HostileFiles.HOST;
import static dev.parity.documents.testing.HostileFiles.LINK_TEXT;
import static dev.parity.documents.testing.HostileFiles.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.HostileFiles;
import dev.parity.documents.testing.IdentifyingFiles;
import dev.parity.documents.testing.TestBytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveContentTest {
  @TempDir Path folder;

  private static String everything(List<MetadataEntry> entries) {
    return String.join("\n", entries.stream().map(MetadataEntry::toString).toList());
  }

  @Test
  void pdfScriptsActionsEmbeddedFilesAndOutwardLinksAreFoundThenRemovedLeavingTheText() throws IOException {
    byte[] hostile = HostileFiles.pdf();
    assertThat(HostileFiles.activeParts(hostile)).isNotEmpty();
    assertThat(everything(Documents.activeContent(FileFormat.PDF, hostile))).contains(
        "document open action: JavaScript app.launchURL('https://evil.example/opened')",
        "document JavaScript", "embedded files", "XFA form", "page 1 additional actions",
        "page 1 link action: URI https://evil.example/clicked", "page 1 link action: Launch");

    byte[] stripped = Documents.strip(FileFormat.PDF, hostile);

    assertThat(HostileFiles.activeParts(stripped)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.PDF, stripped)).isEmpty();
    assertThat(HostileFiles.pdfKeepsItsInternalJump(stripped)).isTrue();
    try (PDDocument pdf = Loader.loadPDF(stripped)) {
      assertThat(pdf.getPage(0).getAnnotations()).as("links keep their place without their action").hasSize(3);
      assertThat(new PDFTextStripper().getText(pdf)).contains(TEXT, LINK_TEXT);
    }
  }

  @Test
  void docxExternalPicturesOutwardFieldsScriptLinksAndMacrosAreFoundThenMadeInertLeavingTheText() throws Exception {
    byte[] hostile = HostileFiles.docx();
    assertThat(HostileFiles.activeParts(hostile)).isNotEmpty();
    assertThat(everything(Documents.activeContent(FileFormat.DOCX, hostile))).contains(
        "external image: https://" + HOST + "/pixel.png", "external hyperlink: javascript:fetch(",
        "word/document.xml field: INCLUDEPICTURE \"http://" + HOST + "/tracker.png\" \\d",
        "word/document.xml field: HYPERLINK \"https://" + HOST + "/\"",
        "word/vbaProject.bin: macros (VBA project)");

    byte[] stripped = Documents.strip(FileFormat.DOCX, hostile);

    assertThat(HostileFiles.activeParts(stripped)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.DOCX, stripped)).isEmpty();
    assertThat(Documents.metadata(FileFormat.DOCX, stripped)).isEmpty();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(stripped));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      assertThat(extractor.getText()).contains(TEXT, FIELD_RESULT, LINK_TEXT);
      for (PackageRelationship relationship : doc.getPackagePart().getRelationships()) {
        if (relationship.getTargetMode() == TargetMode.EXTERNAL) {
          assertThat(relationship.getTargetURI()).hasToString("about:blank");
        }
      }
    }
  }

  @Test
  void aHyperlinkFieldToABookmarkInTheDocumentIsKept() {
    assertThat(OoxmlActiveContent.outward(" HYPERLINK \\l \"figures\" ")).isFalse();
    assertThat(OoxmlActiveContent.outward("hyperlink \"https://" + HOST + "\"")).isTrue();
    assertThat(OoxmlActiveContent.outward("DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\"")).isTrue();
    assertThat(OoxmlActiveContent.outward(" PAGE ")).isFalse();
  }

  @Test
  void ordinaryFilesHaveNoActiveContentButATemplateAttachedFromOutsideIsNeutralisedToo() throws IOException {
    byte[] docx = IdentifyingFiles.docx();
    assertThat(everything(Documents.activeContent(FileFormat.DOCX, docx)))
        .isEqualTo("word/_rels/settings.xml.rels external attachedTemplate: "
            + "file:///C:/Users/jdoe/AppData/Roaming/Microsoft/Templates/Initech.dotm");
    byte[] stripped = Documents.strip(FileFormat.DOCX, docx);
    assertThat(Documents.activeContent(FileFormat.DOCX, stripped)).isEmpty();
    assertThat(Documents.metadata(FileFormat.DOCX, stripped)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.XLSX, IdentifyingFiles.xlsx())).isEmpty();
    assertThat(Documents.activeContent(FileFormat.PPTX, IdentifyingFiles.pptx())).isEmpty();
    assertThat(Documents.activeContent(FileFormat.PDF, IdentifyingFiles.pdf())).isEmpty();
  }

  @Test
  void aMacroEnabledWordFileIsDeclaredAsAPlainOneOnceItsMacrosAreGone() throws Exception {
    byte[] macroEnabled = TestBytes.rewriteEntry(HostileFiles.docx(), "[Content_Types].xml", types -> types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml"));

    byte[] stripped = Documents.strip(FileFormat.DOCX, macroEnabled);

    String types = entry(stripped, "[Content_Types].xml");
    assertThat(types).contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        .doesNotContain("macroEnabled", "vbaProject");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(stripped));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      assertThat(extractor.getText()).contains(TEXT);
    }
  }

  @Test
  void workbookAndDeckLinksOutOfTheFilePointNowhereAndTheirTextStays() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFCell cell = workbook.createSheet("Links").createRow(0).createCell(0);
      cell.setCellValue(LINK_TEXT);
      XSSFHyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
      link.setAddress("https://" + HOST + "/sheet");
      cell.setHyperlink(link);
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    byte[] pptx;
    try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSLFTextRun run = deck.createSlide().createTextBox().addNewTextParagraph().addNewTextRun();
      run.setText(LINK_TEXT);
      run.createHyperlink().setAddress("https://" + HOST + "/slide");
      deck.write(out);
      pptx = out.toByteArray();
    }
    assertThat(everything(Documents.activeContent(FileFormat.XLSX, xlsx))).contains("external hyperlink: https://" + HOST);
    assertThat(everything(Documents.activeContent(FileFormat.PPTX, pptx))).contains("external hyperlink: https://" + HOST);

    byte[] workbook = Documents.strip(FileFormat.XLSX, xlsx);
    byte[] deck = Documents.strip(FileFormat.PPTX, pptx);

    assertThat(HostileFiles.activeParts(workbook)).isEmpty();
    try (XSSFWorkbook reopened = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      XSSFCell cell = reopened.getSheet("Links").getRow(0).getCell(0);
      assertThat(cell.getStringCellValue()).isEqualTo(LINK_TEXT);
      assertThat(cell.getHyperlink().getAddress()).isEqualTo("about:blank");
    }
    try (XMLSlideShow reopened = new XMLSlideShow(new ByteArrayInputStream(deck))) {
      XSLFTextShape box = (XSLFTextShape) reopened.getSlides().get(0).getShapes().get(0);
      assertThat(box.getText()).isEqualTo(LINK_TEXT);
      // POI writes the address as the link's tooltip too: words shown on hover, which stay.
      List<String> external = new ArrayList<>();
      for (PackageRelationship relationship : reopened.getSlides().get(0).getPackagePart().getRelationships()) {
        if (relationship.getTargetMode() == TargetMode.EXTERNAL) {
          external.add(relationship.getTargetURI().toString());
        }
      }
      assertThat(external).containsExactly("about:blank");
    }
  }

  @Test
  void docxEmbeddedObjectsAndActiveXControlsAreFoundThenRemovedWithTheDocumentStillOpening() throws Exception {
    byte[] hostile = HostileFiles.docxWithObjects();
    assertThat(HostileFiles.activeParts(hostile)).isNotEmpty();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(hostile))) {
      assertThat(doc.getParagraphs()).as("the hostile file opens before stripping").hasSize(2);
    }
    assertThat(everything(Documents.activeContent(FileFormat.DOCX, hostile))).contains(
        "word/embeddings/oleObject1.bin: embedded object (OLE)", "word/activeX/activeX1.xml: ActiveX control",
        "word/activeX/activeX1.bin: ActiveX control");

    byte[] stripped = Documents.strip(FileFormat.DOCX, hostile);

    assertThat(HostileFiles.activeParts(stripped)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.DOCX, stripped)).isEmpty();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(stripped));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      assertThat(extractor.getText()).contains(TEXT);
      assertThat(entry(stripped, "word/document.xml")).as("the objects' preview shapes stay")
          .contains("_x0000_i1025", "_x0000_i1026");
    }
  }

  @Test
  void workbookObjectsConnectionsQueryTablesAndDdeAndOleLinksAreFoundThenRemovedWithTheWorkbookStillOpening()
      throws Exception {
    byte[] hostile = HostileFiles.xlsxWithObjects();
    assertThat(HostileFiles.activeParts(hostile)).isNotEmpty();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(hostile))) {
      assertThat(workbook.getExternalLinksTable()).as("the hostile file opens before stripping").hasSize(2);
    }
    assertThat(everything(Documents.activeContent(FileFormat.XLSX, hostile))).contains(
        "xl/embeddings/oleObject1.bin: embedded object (OLE)",
        "xl/connections.xml: data connections: Rates (https://" + HOST + "/rates)",
        "xl/queryTables/queryTable1.xml: query table (data fetched on refresh)",
        "xl/externalLinks/externalLink1.xml DDE link: " + HostileFiles.DDE_SERVICE + "|" + HostileFiles.DDE_TOPIC,
        "xl/externalLinks/externalLink2.xml OLE link: Package",
        "xl/externalLinks/_rels/externalLink2.xml.rels external oleObject: file:///C:/payload.exe");

    byte[] stripped = Documents.strip(FileFormat.XLSX, hostile);

    assertThat(HostileFiles.activeParts(stripped)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.XLSX, stripped)).isEmpty();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(stripped))) {
      assertThat(workbook.getSheet("Data").getRow(0).getCell(0).getStringCellValue()).isEqualTo(TEXT);
      assertThat(workbook.getSheet("Data").getTables()).singleElement().satisfies(table -> {
        assertThat(table.getName()).isEqualTo("Rates");
        assertThat(table.getCTTable().isSetTableType()).as("a plain table now").isFalse();
        assertThat(table.getCTTable().isSetConnectionId()).isFalse();
      });
      assertThat(workbook.getExternalLinksTable()).as("links keep their place, so formulas count them alike").hasSize(2);
    }
    assertThat(Documents.text(write(stripped, "stripped.xlsx"), FileFormat.XLSX)).contains(TEXT, "Rate");
  }

  @Test
  void aSlidesOleObjectBecomesItsPreviewPicture() throws Exception {
    byte[] hostile = HostileFiles.pptxWithObjects();
    assertThat(HostileFiles.activeParts(hostile)).isNotEmpty();
    assertThat(everything(Documents.activeContent(FileFormat.PPTX, hostile))).containsPattern(
        "ppt/embeddings/[^:]+: embedded object \\(OLE\\)");

    byte[] stripped = Documents.strip(FileFormat.PPTX, hostile);

    assertThat(HostileFiles.activeParts(stripped)).isEmpty();
    assertThat(Documents.activeContent(FileFormat.PPTX, stripped)).isEmpty();
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(stripped))) {
      List<XSLFShape> shapes = deck.getSlides().get(0).getShapes();
      assertThat(shapes).hasSize(2);
      assertThat(((XSLFTextShape) shapes.get(0)).getText()).isEqualTo(TEXT);
      assertThat(shapes.get(1)).isInstanceOf(XSLFPictureShape.class);
      assertThat(((XSLFPictureShape) shapes.get(1)).getPictureData().getData()).isNotEmpty();
    }
  }

  @Test
  void relationshipTargetsAreResolvedFromTheirPartsFolder() {
    assertThat(OoxmlObjects.resolve("word/_rels/document.xml.rels", "embeddings/oleObject1.bin"))
        .isEqualTo("word/embeddings/oleObject1.bin");
    assertThat(OoxmlObjects.resolve("word/charts/_rels/chart1.xml.rels", "../embeddings/Book1.xlsx"))
        .isEqualTo("word/embeddings/Book1.xlsx");
    assertThat(OoxmlObjects.resolve("_rels/.rels", "/xl/workbook.xml")).isEqualTo("xl/workbook.xml");
  }

  private Path write(byte[] bytes, String name) throws IOException {
    return Files.write(folder.resolve(name), bytes);
  }

  private static String entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(name + " is not in the package");
  }
}
