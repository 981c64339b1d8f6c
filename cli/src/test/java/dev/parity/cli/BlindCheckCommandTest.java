package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.parity.documents.testing.HostileFiles;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlindCheckCommandTest {

  private static Path docxByJane(Path dir) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setCreator("Jane Doe");
      doc.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("Initech LLC");
      doc.createParagraph().createRun().setText("Quarterly numbers rose.");
      doc.write(out);
      return Files.write(dir.resolve("summary.docx"), out.toByteArray());
    }
  }

  @Test
  void listsMetadataAndTextTellsWithTheirPlacesAndExitsWithOne(@TempDir Path dir) throws IOException {
    Path docx = docxByJane(dir);
    Path md = Files.writeString(dir.resolve("notes.md"), "# Notes\n\nAs an AI language model, I summarised this.\n");

    CommandRun run = CommandRun.of("blind-check", docx.toString(), md.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("summary.docx: docProps/core.xml dc:creator: Jane Doe",
        "summary.docx: docProps/app.xml Company: Initech LLC",
        "notes.md: line 3: \"As an AI language model, I summarised this.\" (AI self-reference)",
        "in 2 of 2 files");
  }

  @Test
  void strippedCopiesPassTheCheck(@TempDir Path dir) throws IOException {
    Path docx = docxByJane(dir);
    Path blinded = dir.resolve("blinded");

    CommandRun run = CommandRun.of("blind-check", "--strip-to", blinded.toString(), docx.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("0 tells in 0 of 1 files");
    assertThat(blinded.resolve("summary.docx")).exists();
    assertThat(CommandRun.of("blind-check", docx.toString()).exitCode()).isEqualTo(1);
  }

  @Test
  void printsJsonWithSnakeCaseKindsAndReportsFilesItCannotCheck(@TempDir Path dir) throws IOException {
    Path docx = docxByJane(dir);
    Path junk = Files.writeString(dir.resolve("junk.pdf"), "not a pdf");
    Path unknown = Files.writeString(dir.resolve("tool.exe"), "MZ");

    CommandRun run = CommandRun.of("blind-check", "--json", docx.toString(), junk.toString(), unknown.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"kind\" : \"metadata\"", "\"where\" : \"docProps/core.xml dc:creator\"", "\"what\" : \"Jane Doe\"");
    assertThat(run.err()).contains("junk.pdf does not open as pdf", "tool.exe: not a format Parity checks");
  }

  @Test
  void reportsEmbeddedObjectsControlsConnectionsAndLinksAsActiveContentAndStrippedCopiesHaveNone(@TempDir Path dir)
      throws IOException {
    Path docx = Files.write(dir.resolve("memo.docx"), HostileFiles.docxWithObjects());
    Path xlsx = Files.write(dir.resolve("rates.xlsx"), HostileFiles.xlsxWithObjects());
    Path pptx = Files.write(dir.resolve("deck.pptx"), HostileFiles.pptxWithObjects());

    CommandRun run = CommandRun.of("blind-check", "--json", docx.toString(), xlsx.toString(), pptx.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"kind\" : \"active_content\"", "\"what\" : \"embedded object (OLE)\"",
        "\"what\" : \"ActiveX control\"", "\"where\" : \"xl/connections.xml\"",
        "\"where\" : \"xl/externalLinks/externalLink1.xml DDE link\"", "\"what\" : \"Package\"");
    assertThat(run.out()).contains("\"file\" : \"memo.docx\"", "\"file\" : \"rates.xlsx\"", "\"file\" : \"deck.pptx\"");

    Path blinded = dir.resolve("blinded");
    CommandRun stripped = CommandRun.of("blind-check", "--strip-to", blinded.toString(), docx.toString(), xlsx.toString(),
        pptx.toString());
    assertThat(stripped.out()).doesNotContain("active_content", "embedded object", "ActiveX", "DDE link");
    assertThat(CommandRun.of("blind-check", "--json", blinded.resolve("memo.docx").toString(),
        blinded.resolve("rates.xlsx").toString(), blinded.resolve("deck.pptx").toString()).out())
        .doesNotContain("active_content");
  }
}
