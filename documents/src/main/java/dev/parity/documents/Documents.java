package dev.parity.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Parity reads out of a document, with one reader per format (Apache POI for DOCX, XLSX and
 * PPTX, PDFBox for PDF, UTF-8 for the text formats): its text for a model or a check, and its
 * pieces of text with their places.
 *
 * <p>Text: parts of a document are marked with delimiter lines so that a reader knows where each
 * part starts: {@code --- sheet 1: Q3 actuals ---} before each worksheet, {@code --- slide 2: Title ---}
 * before each slide, {@code --- page 3 ---} before each PDF page. Within a worksheet each row is one
 * CSV line holding the cells' displayed values (formula cells show their last computed value) and
 * the sheet's formulas follow under {@code formulas:} as {@code B7: =SUM(B2:B6)}. Within a Word
 * document, headings become Markdown headings, list items start with {@code - } and table rows are
 * written as {@code | a | b |}. The text formats (TXT, MD, CSV, JSON) are read as they are.
 *
 * <p>Stateless and safe to call from many threads.
 */
public final class Documents {
  private Documents() {}

  /** Whether files of {@code format} have text to extract (images have none). */
  public static boolean hasText(FileFormat format) {
    return !format.isImage();
  }

  /**
   * The text of {@code file}, read as {@code format}.
   *
   * @throws UnableToExtractTextException when the format holds no text (PNG, JPG), or the file
   *     cannot be read or parsed as that format; the message names the file
   */
  public static String text(Path file, FileFormat format) {
    if (!hasText(format)) {
      throw new UnableToExtractTextException(
          file + ": a " + format.id() + " image holds no text to extract", null);
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      return switch (format) {
        case DOCX -> DocxText.text(bytes);
        case XLSX -> XlsxText.text(bytes);
        case PPTX -> PptxText.text(bytes);
        case PDF -> PdfText.text(bytes);
        case TXT, MD, CSV, JSON -> PlainText.text(bytes);
        case PNG, JPG -> throw new IllegalStateException("unreachable: images are rejected above");
      };
    } catch (IOException | RuntimeException e) {
      throw new UnableToExtractTextException(
          file + ": cannot read it as " + format.id() + ": " + describe(e), e);
    }
  }

  /**
   * Every piece of text in a file with its place, in document order: the lines of a text file; a
   * Word document's paragraphs, table cells, headers, footers and comments; a workbook's sheet
   * names, text cells and cell comments; each slide's and its notes' text shapes; each PDF page.
   * Images have none.
   *
   * @throws UnableToExtractTextException when the bytes do not open as {@code format}; the
   *     message is what the reader said, its cause the reader's exception
   */
  public static List<TextPiece> pieces(FileFormat format, byte[] bytes) {
    try {
      return switch (format) {
        case MD, TXT, CSV, JSON -> PlainText.pieces(bytes);
        case DOCX -> DocxText.pieces(bytes);
        case XLSX -> XlsxText.pieces(bytes);
        case PPTX -> PptxText.pieces(bytes);
        case PDF -> PdfText.pieces(bytes);
        case PNG, JPG -> List.of();
      };
    } catch (IOException | RuntimeException e) {
      throw new UnableToExtractTextException(e.getMessage(), e);
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
