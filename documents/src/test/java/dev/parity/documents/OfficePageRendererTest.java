package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.TestDocuments;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real conversions by the LibreOffice installed here (CI installs it: .ci/run). Each costs a
 * second or two, so there are few: one per office format, one after a crash, and one after
 * LibreOffice was killed mid-way.
 */
class OfficePageRendererTest {
  private static PageRenderers.Opened opened;

  @BeforeAll
  static void openTheOfficeRenderer() {
    opened = PageRenderers.open(PageRenderers.findSoffice(), settings -> settings.withMaxConcurrent(1));
    assertThat(opened.officeMissing()).as("LibreOffice is installed (.ci/run installs it)").isEmpty();
  }

  @AfterAll
  static void close() {
    opened.close();
  }

  @Test
  void drawsADocxWithATableAsPagesWithInkAndSaysWhichLibreOfficeDrewThem(@TempDir Path dir) throws IOException {
    Pages pages = render(FileFormat.DOCX, TestDocuments.docx(dir));

    assertThat(pages.pageCount()).isEqualTo(1);
    assertThat(pages.renderer()).matches("LibreOffice \\d+\\.\\d+\\S* \\+ PDFBox \\S+").isEqualTo(opened.renderer().version());
    PageImage page = pages.images().get(0);
    assertThat(page.height()).as("portrait page, long edge 800").isBetween(799, 801);
    assertThat(page.width()).isLessThan(page.height());
    assertThat(inkRows(page)).as("rows of the page with ink: the heading, the paragraphs, the table").isGreaterThan(30);
  }

  @Test
  void drawsAWorkbookAndADeckAsPagesWithInk(@TempDir Path dir) throws IOException {
    Pages workbook = render(FileFormat.XLSX, TestDocuments.xlsx(dir));
    Pages deck = render(FileFormat.PPTX, TestDocuments.pptx(dir));

    assertThat(workbook.pageCount()).isGreaterThanOrEqualTo(1);
    assertThat(inkRows(workbook.images().get(0))).isGreaterThan(10);
    assertThat(deck.pageCount()).as("one page per slide").isEqualTo(2);
    PageImage slide = deck.images().get(0);
    assertThat(slide.width()).as("slides are landscape").isGreaterThan(slide.height());
    assertThat(inkRows(deck.images().get(1))).isGreaterThan(10);
  }

  @Test
  void aDocumentThatCrashesTheConverterCouldNotBeRenderedAndTheNextOneIs(@TempDir Path dir) throws IOException {
    FakeSoffice fake = FakeSoffice.runningReal(Files.createDirectories(dir.resolve("office")));
    fake.crashOnCall(1);
    byte[] docx = Documents.strip(FileFormat.DOCX, Files.readAllBytes(TestDocuments.docx(dir)));
    try (OfficePageRenderer renderer = new OfficePageRenderer(OfficeSettings.defaults(fake.program).withMaxConcurrent(1))) {
      assertThatThrownBy(() -> renderer.render(FileFormat.DOCX, docx, PageOptions.DEFAULT))
          .isInstanceOf(UnableToRenderException.class)
          .hasMessageStartingWith("could not be rendered: LibreOffice crashed");

      Pages next = renderer.render(FileFormat.DOCX, docx, PageOptions.DEFAULT);

      assertThat(next.pageCount()).isEqualTo(1);
      assertThat(inkRows(next.images().get(0))).isGreaterThan(30);
    }
  }

  @Test
  void aLibreOfficeKilledMidConversionLeavesNoProcessBehindAndTheNextConversionSucceeds(@TempDir Path dir) throws IOException {
    byte[] docx = Documents.strip(FileFormat.DOCX, Files.readAllBytes(TestDocuments.docx(dir)));
    List<ProcessHandle> office = new CopyOnWriteArrayList<>();
    AtomicBoolean killed = new AtomicBoolean();
    // The first conversion "times out" as soon as LibreOffice's own process (soffice.bin) is
    // running: a real office process tree, stopped mid-way; later ones run to the end.
    OfficeConverter.ProcessWatch watch = (process, timeout) -> {
      if (killed.get()) {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
        List<ProcessHandle> running = process.descendants()
            .filter(child -> child.info().command().orElse("").endsWith("soffice.bin")).toList();
        if (!running.isEmpty()) {
          office.addAll(running);
          killed.set(true);
          return false;
        }
      }
      return true;
    };
    Path soffice = PageRenderers.findSoffice().orElseThrow();
    try (OfficePageRenderer renderer = new OfficePageRenderer(
        new OfficeConverter(OfficeSettings.defaults(soffice).withMaxConcurrent(1), watch))) {
      assertThatThrownBy(() -> renderer.render(FileFormat.DOCX, docx, PageOptions.DEFAULT))
          .hasMessageStartingWith("could not be rendered: LibreOffice did not finish within");
      assertThat(office).isNotEmpty().noneMatch(ProcessHandle::isAlive);

      Pages next = renderer.render(FileFormat.DOCX, docx, PageOptions.DEFAULT);

      assertThat(inkRows(next.images().get(0))).isGreaterThan(30);
    }
  }

  @Test
  void pdfAndImagesNeedNoConversionAndTextFormatsAreNotPages(@TempDir Path dir) throws IOException {
    Pages pdf = opened.renderer().render(FileFormat.PDF, Files.readAllBytes(TestDocuments.pdf(dir)), PageOptions.DEFAULT);

    assertThat(pdf.renderer()).startsWith("PDFBox ");
    assertThatThrownBy(() -> ((OfficePageRenderer) opened.renderer()).pdf(FileFormat.PDF, new byte[] {1}))
        .isInstanceOf(UnableToRenderException.class).hasMessageContaining("only docx, xlsx and pptx are");
    assertThat(opened.renderer().handles(FileFormat.MD)).isFalse();
    assertThat(opened.renderer().handles(FileFormat.CSV)).isFalse();
  }

  @Test
  void withoutLibreOfficeTheFactoryOffersThePdfRendererAndSaysWhy() {
    try (PageRenderers.Opened none = PageRenderers.open(Optional.empty(), UnaryOperator.identity());
         PageRenderers.Opened notOffice = PageRenderers.open(Optional.of(Path.of("/bin/true")), UnaryOperator.identity())) {
      assertThat(none.office()).isFalse();
      assertThat(none.renderer()).isInstanceOf(PdfPageRenderer.class);
      assertThat(none.officeMissing()).get().asString()
          .startsWith("LibreOffice not found").contains("libreoffice-writer-nogui");
      assertThat(notOffice.officeMissing()).get().asString().startsWith("LibreOffice does not run: /bin/true");
    }
  }

  private static Pages render(FileFormat format, Path file) throws IOException {
    byte[] stripped = Documents.strip(format, Files.readAllBytes(file));
    return opened.renderer().render(format, stripped, new PageOptions(20, 800));
  }

  /** How many pixel rows of the page have something dark on them. */
  static int inkRows(PageImage page) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(page.png()));
    int rows = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
          rows++;
          break;
        }
      }
    }
    return rows;
  }

}
