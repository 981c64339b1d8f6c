package dev.parity.graders.blinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeutralNamesTest {

  @Test
  void oneFilePerFormatIsNamedAfterTheLabelAlone() {
    assertThat(NeutralNames.assign("A", List.of("Q3 summary (Jane).DOCX", "numbers.xlsx", "photo.jpeg")))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("Q3 summary (Jane).DOCX", "deliverable-A.docx"),
            org.assertj.core.api.Assertions.entry("numbers.xlsx", "deliverable-A.xlsx"),
            org.assertj.core.api.Assertions.entry("photo.jpeg", "deliverable-A.jpg"));
  }

  @Test
  void severalFilesOfOneFormatAreNumberedInTheOrderOfTheirNames() {
    assertThat(NeutralNames.assign("B", List.of("z-appendix.md", "a-main.md", "data.csv")))
        .containsEntry("a-main.md", "deliverable-B-1.md")
        .containsEntry("z-appendix.md", "deliverable-B-2.md")
        .containsEntry("data.csv", "deliverable-B.csv");
  }

  @Test
  void aLabelThatIsNotShortLettersOrDigitsAndRepeatedNamesAreRefused() {
    assertThatThrownBy(() -> NeutralNames.assign("model-gpt", List.of("a.md")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
    assertThatThrownBy(() -> NeutralNames.assign("A", List.of("a.md", "a.md")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat");
  }
}
