package dev.parity.documents;

/**
 * Draws a document's pages as images, as the person who receives the file would see them. The
 * bytes given should already be {@linkplain Documents#strip stripped}, so that nothing in them
 * points outside the file while it is opened.
 *
 * <p>Implementations are safe to call from many threads.
 */
public interface PageRenderer {
  /** Whether this renderer can draw files of {@code format}. */
  boolean handles(FileFormat format);

  /**
   * The pages of a file of {@code format}.
   *
   * @throws UnableToRenderException when the format is not {@linkplain #handles handled}, the
   *     bytes do not open, or drawing failed (a converter that timed out or crashed); the
   *     message says which, for a grader to read
   */
  Pages render(FileFormat format, byte[] bytes, PageOptions options);

  /**
   * What draws the pages, with versions ({@code PDFBox 3.0.8}, {@code LibreOffice 7.4.7.2 +
   * PDFBox 3.0.8}): a page drawn by another version may differ, so caches key on it.
   */
  String version();
}
