package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.TestDocuments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageRendererTest {
  private final PdfPageRenderer renderer = new PdfPageRenderer();

  @Test
  void drawsEachPdfPageWithItsLongerSideAtTheWantedLength(@TempDir Path dir) throws IOException {
    byte[] pdf = Files.readAllBytes(TestDocuments.pdf(dir));

    Pages pages = renderer.render(FileFormat.PDF, pdf, new PageOptions(20, 800));

    assertThat(pages.pageCount()).isEqualTo(2);
    assertThat(pages.truncated()).isFalse();
    assertThat(pages.images()).extracting(PageImage::number).containsExactly(1, 2);
    PageImage first = pages.images().get(0);
    assertThat(Math.max(first.width(), first.height())).isBetween(799, 801);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(first.png()));
    assertThat(decoded.getWidth()).isEqualTo(first.width());
    assertThat(OfficePageRendererTest.inkRows(first)).as("rows of the page with the text's ink").isPositive();
    assertThat(pages.renderer()).startsWith("PDFBox ").doesNotContain("unknown");
  }

  @Test
  void drawsNoMorePagesThanTheBudgetAndSaysTheDocumentIsLonger(@TempDir Path dir) throws IOException {
    byte[] pdf = Files.readAllBytes(TestDocuments.pdf(dir));

    Pages pages = renderer.render(FileFormat.PDF, pdf, new PageOptions(1, 300));

    assertThat(pages.images()).hasSize(1);
    assertThat(pages.pageCount()).isEqualTo(2);
    assertThat(pages.truncated()).isTrue();
  }

  @Test
  void shrinksALargeImageButNeverEnlargesASmallOne() throws IOException {
    Pages large = renderer.render(FileFormat.PNG, png(2000, 1000), new PageOptions(5, 500));
    Pages small = renderer.render(FileFormat.PNG, png(40, 30), new PageOptions(5, 500));

    assertThat(large.images().get(0).width()).isEqualTo(500);
    assertThat(large.images().get(0).height()).isEqualTo(250);
    assertThat(small.images().get(0).width()).isEqualTo(40);
    assertThat(small.pageCount()).isEqualTo(1);
  }

  @Test
  void refusesOfficeFormatsAndBrokenFilesWithAReasonAGraderCanRead() {
    assertThat(renderer.handles(FileFormat.DOCX)).isFalse();
    assertThatThrownBy(() -> renderer.render(FileFormat.DOCX, new byte[] {1}, PageOptions.DEFAULT))
        .isInstanceOf(UnableToRenderException.class)
        .hasMessageContaining("docx file cannot be drawn as pages without an office converter");
    assertThatThrownBy(() -> renderer.render(FileFormat.PDF, "not a pdf".getBytes(), PageOptions.DEFAULT))
        .isInstanceOf(UnableToRenderException.class)
        .hasMessageStartingWith("this pdf file cannot be drawn as pages: ");
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
