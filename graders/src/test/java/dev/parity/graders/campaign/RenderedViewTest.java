package dev.parity.graders.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.blinding.BlindCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class RenderedViewTest {
  private final RenderedView view = new RenderedView();

  @Test
  void downloadsAreStrippedOfTheirMakerAndPagesShowTheContent() throws IOException {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getProperties().getCoreProperties().setCreator("Jane Doe");
      document.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("Initech");
      document.createParagraph().createRun().setText("Net variance was favourable by $115,600.");
      document.write(out);
      docx = out.toByteArray();
    }
    assertThat(BlindCheck.check("deliverable-A.docx", docx)).isNotEmpty();

    byte[] stripped = view.strip("deliverable-A.docx", docx);

    assertThat(BlindCheck.check("deliverable-A.docx", stripped)).isEmpty();
    assertThat(view.render("deliverable-A.docx", stripped).html()).contains("Net variance was favourable by $115,600.");
    assertThat(view.stylesheet()).doesNotContain("url(");
  }

  @Test
  void aBrokenBinaryFileIsNeverHandedOverAsItIs() {
    byte[] broken = "PK not really a docx, by Jane Doe".getBytes(StandardCharsets.UTF_8);

    assertThat(view.strip("deliverable-B.docx", broken)).isEmpty();
    assertThat(view.render("deliverable-B.docx", broken).notes()).isNotEmpty();
  }
}
