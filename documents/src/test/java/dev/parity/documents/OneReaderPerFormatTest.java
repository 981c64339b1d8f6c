package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.testing.TestDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a format's one reader gives to the different uses agrees: every word of the pieces (what
 * blind-check and an agent's read tool see) is among the surfaces vetting reads, so that vetting
 * never reads less of a file than they do.
 */
class OneReaderPerFormatTest {
  @TempDir Path folder;

  @Test
  void vettingReadsEveryLineTheOtherUsesSeeInEachFormat() throws IOException {
    check(FileFormat.DOCX, Files.readAllBytes(TestDocuments.docx(folder)));
    check(FileFormat.XLSX, Files.readAllBytes(TestDocuments.xlsx(folder)));
    check(FileFormat.PPTX, Files.readAllBytes(TestDocuments.pptx(folder)));
    check(FileFormat.PDF, Files.readAllBytes(TestDocuments.pdf(folder)));
    check(FileFormat.DOCX, corpus("client-memo.docx"));
    check(FileFormat.PPTX, corpus("board-update.pptx"));
    check(FileFormat.PDF, corpus("signed-engagement.pdf"));
    check(FileFormat.MD, corpus("handover.md"));
  }

  @Test
  void aWordParagraphAfterATableAndAnEmptyParagraphHasOneNumberForBlindCheckAndVetting() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("Settlement memo");
      document.createParagraph();
      document.createTable(2, 2).getRow(0).getCell(0).setText("Item");
      document.createParagraph().createRun().setText("Write to jane.doe@harbor-legal.test");
      document.write(out);
    }
    byte[] bytes = out.toByteArray();

    String piece = Documents.pieces(FileFormat.DOCX, bytes).stream().filter(p -> p.text().contains("jane.doe"))
        .map(TextPiece::where).findFirst().orElseThrow();
    String surface = Documents.surfaces(FileFormat.DOCX, bytes).stream().filter(s -> s.text().contains("jane.doe"))
        .map(Surface::where).findFirst().orElseThrow();

    assertThat(surface).isEqualTo(piece).isEqualTo("paragraph 2");
  }

  /**
   * Word by word, punctuation aside: a paragraph's pieces show a tracked insertion or a hidden run
   * inline, where vetting reads it as a place of its own ({@code tracked insertion in paragraph
   * 8}), so a line of one need not be a line of the other.
   */
  private static void check(FileFormat format, byte[] bytes) throws IOException {
    Set<String> read = new HashSet<>();
    Documents.surfaces(format, bytes).forEach(surface -> read.addAll(words(surface.text())));
    for (TextPiece piece : Documents.pieces(format, bytes)) {
      // POI writes a note's reference mark into the paragraph as [footnoteRef:1]: not the file's text.
      String text = piece.text().replaceAll("\\[(?:foot|end)noteRef:\\d+]", " ");
      assertThat(read).as("%s piece at %s", format.id(), piece.where()).containsAll(words(text));
    }
  }

  private static List<String> words(String text) {
    return List.of(text.split("[^\\p{L}\\p{N}]+"));
  }

  private static byte[] corpus(String name) throws IOException {
    try (InputStream in = OneReaderPerFormatTest.class.getResourceAsStream("/vetting-corpus/" + name)) {
      assertThat(in).as("corpus file " + name).isNotNull();
      return in.readAllBytes();
    }
  }
}
