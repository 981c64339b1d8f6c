package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliverableEnvelopeTest {

  @Test
  void instructionsNameEachRequestedFormatAndShowTheMarkers() {
    String text = DeliverableEnvelope.instructions(List.of(FileFormat.DOCX, FileFormat.XLSX, FileFormat.PPTX));

    assertThat(text).contains("a Word document (.docx), an Excel workbook (.xlsx) and a PowerPoint deck (.pptx)")
        .contains("<<<FILE name=\"NAME.EXT\" content=\"KIND\">>>").contains("<<<END FILE>>>")
        .doesNotContain("{{");
  }

  @Test
  void theExampleInTheInstructionsParsesAsAnEnvelope() {
    String text = DeliverableEnvelope.instructions(List.of(FileFormat.MD));

    assertThat(EnvelopeParser.parse(text).blocks()).singleElement()
        .satisfies(b -> assertThat(b.name()).isEqualTo("NAME.EXT"));
  }

  @Test
  void noRequestedFormatIsRefused() {
    assertThatThrownBy(() -> DeliverableEnvelope.instructions(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no format requested");
  }
}
