package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveredFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  @Test
  void rendersADocxToASelfContainedPageWithoutScripts(@TempDir Path dir) throws IOException {
    DeliveredFile docx = Deliverables.fromAnswer(
        "<<<FILE name=\"memo.docx\">>>\n# Memo\n\n- first point\n\n<script>alert(1)</script>\n<<<END FILE>>>",
        List.of(FileFormat.DOCX)).files().get(0);
    Path file = Files.write(dir.resolve("memo.docx"), docx.bytes());
    Path page = dir.resolve("page.html");

    CommandRun run = CommandRun.of("render", file.toString(), "--out", page.toString(), "--title", "Deliverable A");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("wrote " + page);
    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Deliverable A</title>", "<h1>Memo</h1>", "first point",
        "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script", "memo.docx");
  }

  @Test
  void aPdfRendersWithANoteThatTheOriginalIsAttachedSeparately(@TempDir Path dir) throws IOException {
    DeliveredFile pdf = Deliverables.fromAnswer("<<<FILE name=\"r.pdf\">>>\n# Report\n<<<END FILE>>>",
        List.of(FileFormat.PDF)).files().get(0);
    Path file = Files.write(dir.resolve("r.pdf"), pdf.bytes());

    CommandRun run = CommandRun.of("render", file.toString(), "--fragment");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("Page 1 of 1", "Report").doesNotContain("<html");
    assertThat(run.err()).contains("note: this is the text of the PDF; the original PDF is attached separately");
  }

  @Test
  void aFileThatDoesNotOpenExitsWithOneAndAMissingFileNamesItself(@TempDir Path dir) throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.xlsx"), "not a workbook");

    CommandRun bad = CommandRun.of("render", broken.toString(), "--out", dir.resolve("p.html").toString());
    CommandRun missing = CommandRun.of("render", dir.resolve("gone.md").toString());

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.out()).contains("this xlsx file cannot be shown");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("error: cannot read").contains("gone.md");
  }

  @Test
  void writesADocxsPagesAsPngImagesAndSaysHowManyOfHowMany(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("memo.docx"), memoDocx());
    Path pages = dir.resolve("pages");

    CommandRun run = CommandRun.of("render", file.toString(), "--pages", pages.toString(), "--long-edge", "600");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).contains("wrote 1 of 1 pages to " + pages, "LibreOffice ", "PDFBox ");
    BufferedImage page = ImageIO.read(pages.resolve("page-001.png").toFile());
    assertThat(Math.max(page.getWidth(), page.getHeight())).isBetween(599, 601);
    assertThat(pages.resolve("page-002.png")).doesNotExist();
  }

  @Test
  void pagesOfAPdfAreCutAtMaxPagesWithANote(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("r.pdf"), Deliverables.fromAnswer(
        "<<<FILE name=\"r.pdf\">>>\n# One\n\n" + "text\n\n".repeat(200) + "<<<END FILE>>>", List.of(FileFormat.PDF)).files().get(0).bytes());

    CommandRun run = CommandRun.of("render", file.toString(), "--pages", dir.resolve("p").toString(), "--max-pages", "1");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).containsPattern("wrote 1 of [2-9]\\d* pages").contains("note: the document is cut at 1 pages");
  }

  @Test
  void aFormatThatIsNotDrawnAsPagesOrABudgetOutOfRangeIsRefused(@TempDir Path dir) throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.md"), "# Notes");

    CommandRun markdown = CommandRun.of("render", notes.toString(), "--pages", dir.resolve("p").toString());
    CommandRun tiny = CommandRun.of("render", notes.toString(), "--pages", dir.resolve("p").toString(), "--long-edge", "3");
    CommandRun both = CommandRun.of("render", notes.toString(), "--pages", dir.resolve("p").toString(), "--out", "x.html");

    assertThat(markdown.exitCode()).isEqualTo(1);
    assertThat(markdown.err()).contains("md files are not drawn as pages; their HTML view");
    assertThat(tiny.exitCode()).isEqualTo(2);
    assertThat(tiny.err()).contains("longEdge must be between 16 and 10000 pixels, got 3");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("p")).doesNotExist();
  }

  private static byte[] memoDocx() {
    return Deliverables.fromAnswer("<<<FILE name=\"memo.docx\">>>\n# Memo\n\n| a | b |\n|---|---|\n| 1 | 2 |\n<<<END FILE>>>",
        List.of(FileFormat.DOCX)).files().get(0).bytes();
  }
}
