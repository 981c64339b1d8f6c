package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.HostileFiles;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files made inert still open in LibreOffice, the program graders' pages are drawn with (CI
 * installs it: .ci/run): each hostile Office file, once stripped, is drawn as pages with ink.
 */
class InertFilesRenderTest {
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
  void aWordFileWithoutItsObjectsAndControlsIsDrawn() throws IOException {
    assertDrawn(FileFormat.DOCX, HostileFiles.docxWithObjects());
  }

  @Test
  void aWorkbookWithoutItsObjectConnectionsAndLinksIsDrawn() throws IOException {
    assertDrawn(FileFormat.XLSX, HostileFiles.xlsxWithObjects());
  }

  @Test
  void aDeckWhoseObjectBecameItsPreviewPictureIsDrawn() throws IOException {
    assertDrawn(FileFormat.PPTX, HostileFiles.pptxWithObjects());
  }

  private static void assertDrawn(FileFormat format, byte[] hostile) throws IOException {
    byte[] stripped = Documents.strip(format, hostile);
    assertThat(Documents.activeContent(format, stripped)).isEmpty();

    Pages pages = opened.renderer().render(format, stripped, new PageOptions(5, 600));

    assertThat(pages.pageCount()).isGreaterThanOrEqualTo(1);
    assertThat(OfficePageRendererTest.inkRows(pages.images().get(0))).as("rows with ink on the first page").isGreaterThan(5);
  }
}
