package dev.parity.documents.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.Surface;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole PEM private key block, planted in a text file, a Word document and a PDF, found as one
 * finding and redacted whole: no line of it is left in the copy, read again.
 */
class PrivateKeyRedactionTest {
  private static final float FONT_SIZE = 8;
  private static final float LEFT = 72;
  private static final float TOP = 720;
  private static final float LEADING = 11;
  private static List<String> keyLines;

  @TempDir Path folder;

  @BeforeAll
  static void makeAKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    byte[] key = generator.generateKeyPair().getPrivate().getEncoded();
    keyLines = new ArrayList<>();
    keyLines.add("-----BEGIN PRIVATE KEY-----");
    keyLines.addAll(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key).lines().toList());
    keyLines.add("-----END PRIVATE KEY-----");
    assertThat(keyLines).hasSizeGreaterThan(10);
  }

  @Test
  void aKeyBlockInATextFileIsReplacedWholeByOnePlaceholder() throws IOException {
    for (String name : List.of("deploy.txt", "handover.md")) {
      Path suite = Files.createDirectories(folder.resolve(name + "-suite"));
      Files.writeString(suite.resolve(name), "# Deploy\n\nThe server's key:\n" + String.join("\n", keyLines)
          + "\nRotate it monthly.\n");

      Path copy = redact(suite, name);

      String redacted = Files.readString(copy.resolve(name));
      assertThat(redacted).isEqualTo("# Deploy\n\nThe server's key:\n[PRIVATE_KEY-1]\nRotate it monthly.\n");
    }
  }

  @Test
  void aKeyBlockInAWordDocumentOneParagraphALineIsFoundWholeAndEveryLineRedacted() throws IOException {
    Path suite = Files.createDirectories(folder.resolve("docx-suite"));
    try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(suite.resolve("memo.docx"))) {
      document.createParagraph().createRun().setText("The server's key:");
      for (String line : keyLines) {
        document.createParagraph().createRun().setText(line);
      }
      document.createParagraph().createRun().setText("Rotate it monthly.");
      document.write(out);
    }

    List<Finding> findings = Vetter.vet(suite.resolve("memo.docx"), "memo.docx");
    assertThat(findings).filteredOn(f -> f.kind().equals(Kinds.PRIVATE_KEY)).singleElement()
        .satisfies(f -> assertThat(f.match().lines().toList()).containsExactlyElementsOf(keyLines));
    Path copy = redact(suite, "memo.docx");

    String text = text(copy.resolve("memo.docx"));
    assertThat(text).contains("The server's key:", "[PRIVATE_KEY-1]", "Rotate it monthly.");
    assertNoKeyLineIn(text);
  }

  @Test
  void aKeyBlockOnAPdfPageIsPaintedOverLineByLineAndThePageLosesItsText() throws IOException {
    Path suite = Files.createDirectories(folder.resolve("pdf-suite"));
    PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(courier, FONT_SIZE);
        content.newLineAtOffset(LEFT, TOP);
        content.showText("The server's key:");
        for (String line : keyLines) {
          content.newLineAtOffset(0, -LEADING);
          content.showText(line);
        }
        content.endText();
      }
      pdf.save(suite.resolve("runbook.pdf").toFile());
    }

    Path copy = redact(suite, "runbook.pdf");

    try (PDDocument redacted = Loader.loadPDF(copy.resolve("runbook.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(redacted)).as("the rasterised page has no text layer").isBlank();
      BufferedImage image = new PDFRenderer(redacted).renderImageWithDPI(0, 72);
      for (int i = 0; i < keyLines.size(); i++) {
        float baseline = TOP - LEADING * (i + 1);
        float width = courier.getStringWidth(keyLines.get(i)) / 1000 * FONT_SIZE;
        assertThat(darkShare(image, LEFT, 792 - baseline - FONT_SIZE * 0.6f, width, FONT_SIZE * 0.6f))
            .as("line %d of the key painted over", i + 1).isGreaterThan(0.97);
      }
      assertThat(darkShare(image, LEFT, 792 - TOP - FONT_SIZE * 0.6f, 60, FONT_SIZE * 0.6f))
          .as("the line before the key is not painted").isLessThan(0.5);
    }
  }

  /** Vets {@code name} in {@code suite}, redacts the suite with its findings and checks the copy vets clean of keys. */
  private Path redact(Path suite, String name) {
    List<Finding> findings = Vetter.vet(suite.resolve(name), name);
    assertThat(findings).filteredOn(f -> f.kind().equals(Kinds.PRIVATE_KEY)).hasSize(1);
    Path copy = folder.resolve(suite.getFileName() + "-copy");
    Redactor.redact(suite, copy, findings);
    assertThat(Vetter.vet(copy.resolve(name), name)).extracting(Finding::kind).doesNotContain(Kinds.PRIVATE_KEY);
    return copy;
  }

  private static String text(Path file) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Surface surface : Documents.surfaces(FileFormat.DOCX, Files.readAllBytes(file))) {
      text.append(surface.text()).append('\n');
    }
    return text.toString();
  }

  private static void assertNoKeyLineIn(String text) {
    for (String line : keyLines) {
      assertThat(text).doesNotContain(line);
    }
  }

  /** The share of pixels darker than mid-grey in a box given in points from the top left, at 72 dpi. */
  private static double darkShare(BufferedImage image, float x, float y, float width, float height) {
    int dark = 0;
    int all = 0;
    for (int px = Math.round(x); px < Math.round(x + width); px++) {
      for (int py = Math.round(y); py < Math.round(y + height); py++) {
        int rgb = image.getRGB(px, py);
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        dark += grey < 128 ? 1 : 0;
        all++;
      }
    }
    return all == 0 ? 0 : dark / (double) all;
  }
}
