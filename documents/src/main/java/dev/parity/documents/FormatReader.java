package dev.parity.documents;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One format's reader: everything Parity reads out of a file of that format, in one place. The
 * text a model and a grader are given, the pieces blind-check and an agent's read tool look at,
 * the hidden places vetting reads (comments, tracked changes, hidden sheets, notes, properties,
 * embedded objects …), the length and form a rubric checks, and the metadata blind-check reports
 * all come from the format's one reader, so that what one use sees of a file another does not
 * miss by reading it another way. {@link Documents} is the public face; it picks the reader with
 * {@link #of} and turns what a reader throws into its own exceptions.
 *
 * <p>Implementations are stateless and thread-safe; each method reads the bytes anew.
 */
interface FormatReader {
  /** The reader of {@code format}. */
  static FormatReader of(FileFormat format) {
    return switch (format) {
      case DOCX -> new DocxReader();
      case XLSX -> new XlsxReader();
      case PPTX -> new PptxReader();
      case PDF -> new PdfReader();
      case TXT, MD, CSV, JSON -> new TextReader(format);
      case PNG, JPG -> new ImageReader(format);
    };
  }

  /** The text for a model or a check (see {@link Documents}); images have none and throw. */
  String text(byte[] bytes) throws IOException;

  /** The visible pieces of text with their places (see {@link Documents#pieces}). */
  List<TextPiece> pieces(byte[] bytes) throws IOException;

  /** Every piece of text, the hidden places included, for vetting (see {@link Documents#surfaces}). */
  List<Surface> surfaces(byte[] bytes) throws IOException;

  /** How long the file is and what form it takes (see {@link DocumentFeatures}). */
  DocumentFeatures features(byte[] bytes) throws IOException;

  /** The metadata that says who or what made the file (see {@link Documents#metadata}); none by default. */
  default Found metadata(byte[] bytes) throws IOException {
    return new Found();
  }

  /** The pages the file says it has; empty by default (see {@link Documents#pages}). */
  default OptionalInt pages(byte[] bytes) throws IOException {
    return OptionalInt.empty();
  }

  /** The headings the file's structure names; empty by default (see {@link Documents#headings}). */
  default Optional<List<String>> headings(byte[] bytes) throws IOException {
    return Optional.empty();
  }
}
