package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileFormatTest {
  @Test
  void aFileNameGivesItsFormatByItsLastExtensionWhateverItsCase() {
    assertThat(FileFormat.ofFileName("memo.md")).contains(FileFormat.MD);
    assertThat(FileFormat.ofFileName("notes.markdown")).contains(FileFormat.MD);
    assertThat(FileFormat.ofFileName("Budget.XLSX")).contains(FileFormat.XLSX);
    assertThat(FileFormat.ofFileName("photo.JPEG")).contains(FileFormat.JPG);
    assertThat(FileFormat.ofFileName("report.final.pdf")).contains(FileFormat.PDF);
    assertThat(FileFormat.ofFileName("baseline/deck.pptx")).contains(FileFormat.PPTX);
  }

  @Test
  void aNameWithoutAKnownExtensionHasNoFormat() {
    assertThat(FileFormat.ofFileName("README")).isEmpty();
    assertThat(FileFormat.ofFileName("archive.zip")).isEmpty();
    assertThat(FileFormat.ofFileName("trailing.")).isEmpty();
    assertThat(FileFormat.ofFileName("pdf")).isEmpty();
  }

  @Test
  void anIdNamesItsFormatCaseInsensitivelyButAnAliasIsNotAnId() {
    assertThat(FileFormat.fromId("DOCX")).contains(FileFormat.DOCX);
    assertThat(FileFormat.fromId("jpg")).contains(FileFormat.JPG);
    assertThat(FileFormat.fromId("jpeg")).isEmpty();
    assertThat(FileFormat.fromId("markdown")).isEmpty();
    assertThatThrownBy(() -> FileFormat.parse("odt")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown format \"odt\"").hasMessageContaining("md, txt, docx");
  }
}
