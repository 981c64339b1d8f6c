package dev.parity.graders.blinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.HostileFiles;
import dev.parity.documents.testing.IdentifyingFiles;
import dev.parity.graders.testing.TestFiles;
import dev.parity.harness.deliverable.DeliveredFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlindingTest {

  private static List<Tell> metadata(String name, byte[] bytes) {
    return BlindCheck.check(name, bytes).stream().filter(t -> t.kind() == Tell.Kind.METADATA).toList();
  }

  private static String everything(List<Tell> tells) {
    return String.join("\n", tells.stream().map(Tell::toString).toList());
  }

  @Test
  void aCheckNamesTheFileAndThePlaceOfEachMetadataTellUntilTheFileIsStripped() throws IOException {
    byte[] docx = IdentifyingFiles.docx();

    assertThat(metadata("memo.docx", docx))
        .contains(new Tell("memo.docx", Tell.Kind.METADATA, "docProps/core.xml dc:creator", "Jane Doe"));
    assertThat(metadata("memo.docx", Blinder.strip(FileFormat.DOCX, docx))).isEmpty();
  }

  @Test
  void aCheckListsActiveContentUntilTheFileIsStripped() throws IOException {
    byte[] pdf = HostileFiles.pdf();

    assertThat(BlindCheck.check("memo.pdf", pdf)).contains(new Tell("memo.pdf", Tell.Kind.ACTIVE_CONTENT,
        "page 1 link action", "URI https://" + HostileFiles.HOST + "/clicked"));
    assertThat(BlindCheck.check("memo.pdf", Blinder.strip(FileFormat.PDF, pdf))).isEmpty();
  }

  @Test
  void filesParityBuiltNameTheirToolsUntilStripped() {
    DeliveredFile docx = TestFiles.built(FileFormat.DOCX, "markdown", "# Memo");
    DeliveredFile pdf = TestFiles.built(FileFormat.PDF, "markdown", "# Memo");

    assertThat(everything(metadata(docx.name(), docx.bytes()))).contains("Application: Parity");
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
}
