package dev.parity.harness.extract;

import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a document into plain text a model (or a rubric check) can read: DOCX, XLSX, PPTX and PDF
 * through Apache POI and PDFBox, and the text formats (TXT, MD, CSV, JSON) as they are.
 *
 * <p>Parts of a document are marked with delimiter lines so that a reader knows where each part
 * starts: {@code --- sheet 1: Q3 actuals ---} before each worksheet, {@code --- slide 2: Title ---}
 * before each slide, {@code --- page 3 ---} before each PDF page. Within a worksheet each row is one
 * CSV line holding the cells' displayed values (formula cells show their last computed value) and
 * the sheet's formulas follow under {@code formulas:} as {@code B7: =SUM(B2:B6)}. Within a Word
 * document, headings become Markdown headings, list items start with {@code - } and table rows are
 * written as {@code | a | b |}.
 *
 * <p>Stateless and safe to call from many threads.
 */
public final class TextExtractor {
  private TextExtractor() {}

  /** Whether files of {@code format} have text to extract (images have none). */
  public static boolean canExtract(FileFormat format) {
    return !format.isImage();
  }

  /**
   * The text of {@code file}, read as {@code format}.
   *
   * @throws UnableToExtractTextException when the format holds no text (PNG, JPG), or the file
   *     cannot be read or parsed as that format; the message names the file
   */
  public static String extract(Path file, FileFormat format) {
    if (!canExtract(format)) {
      throw new UnableToExtractTextException(
          file + ": a " + format.id() + " image holds no text to extract", null);
    }
    try {
      return switch (format) {
        case DOCX -> DocxText.extract(file);
        case XLSX -> XlsxText.extract(file);
        case PPTX -> PptxText.extract(file);
        case PDF -> PdfText.extract(file);
        case TXT, MD, CSV, JSON -> plainText(file);
        case PNG, JPG -> throw new IllegalStateException("unreachable: images are rejected above");
      };
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnableToExtractTextException unable) {
        throw unable;
      }
      throw new UnableToExtractTextException(
          file + ": cannot read it as " + format.id() + ": " + describe(e), e);
    }
  }

  /** UTF-8 text with a leading byte order mark removed; malformed bytes become U+FFFD. */
  private static String plainText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
