package dev.parity.documents;

import static dev.parity.documents.testing.HostileFiles.FIELD_RESULT;
import static dev.parity.documents.testing.HostileFiles.HOST;
import static dev.parity.documents.testing.HostileFiles.LINK_TEXT;
import static dev.parity.documents.testing.HostileFiles.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.HostileFiles;
import dev.parity.documents.testing.IdentifyingFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class ActiveContentTest {

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
}
