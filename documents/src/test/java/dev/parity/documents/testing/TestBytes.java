package dev.parity.documents.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small pictures and PDF pages made in the test run, and changes to the parts of an Office (zip) file. */
public final class TestBytes {
  private TestBytes() {}

  /** A new last page of {@code pdf} showing {@code lines} in 12-point Helvetica, one under another. */
  public static PDPage textPage(PDDocument pdf, String... lines) throws IOException {
    PDPage page = new PDPage();
    pdf.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.newLineAtOffset(72, 700);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          content.newLineAtOffset(0, -20);
        }
        content.showText(lines[i]);
      }
      content.endText();
    }
    return page;
  }

  /** A small picture: a red square on white. */
  public static byte[] image(String format) {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 16, 16);
    g.setColor(Color.RED);
    g.fillRect(4, 4, 8, 8);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The zip with one more text entry, as Office adds parts POI does not write. */
  public static byte[] withEntry(byte[] zip, String entry, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zipOut.putNextEntry(new ZipEntry(e.getName()));
        zipOut.write(in.readAllBytes());
        zipOut.closeEntry();
      }
      zipOut.putNextEntry(new ZipEntry(entry));
      zipOut.write(content.getBytes(StandardCharsets.UTF_8));
      zipOut.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The zip (an OOXML file) with the named text entry changed; other entries copied as they are. */
  public static byte[] rewriteEntry(byte[] zip, String entry, UnaryOperator<String> change) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean found = false;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (e.getName().equals(entry)) {
          content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
          found = true;
        }
        zipOut.putNextEntry(new ZipEntry(e.getName()));
        zipOut.write(content);
        zipOut.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!found) {
      throw new AssertionError("no entry " + entry);
    }
    return out.toByteArray();
  }
}
