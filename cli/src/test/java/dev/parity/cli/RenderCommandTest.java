package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
