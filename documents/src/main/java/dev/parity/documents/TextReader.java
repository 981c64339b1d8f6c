package dev.parity.documents;

import java.io.IOException;
import java.util.List;

/**
 * The reader of the text formats, read as UTF-8 ({@link PlainText}): TXT and Markdown line by line
 * (a PEM block as one surface), CSV cell by cell under its column's header, JSON value by value,
 * decoded ({@link JsonText}). Their text is the file as it is; they have no metadata.
 */
final class TextReader implements FormatReader {
  private final FileFormat format;

  TextReader(FileFormat format) {
    this.format = format;
  }

  @Override
  public String text(byte[] bytes) {
    return PlainText.text(bytes);
  }

  @Override
  public List<TextPiece> pieces(byte[] bytes) {
    return PlainText.pieces(bytes);
  }

  @Override
  public List<Surface> surfaces(byte[] bytes) throws IOException {
    return switch (format) {
      case CSV -> PlainText.csvSurfaces(bytes);
      case JSON -> JsonText.surfaces(bytes);
      default -> PlainText.surfaces(bytes);
    };
  }

  @Override
  public DocumentFeatures features(byte[] bytes) throws IOException {
    return switch (format) {
      case MD -> TextRenderers.markdownFeatures(PlainText.text(bytes));
      case CSV -> TextRenderers.csvFeatures(PlainText.text(bytes));
      default -> new DocumentFeatures(DocumentFeatures.words(PlainText.text(bytes)),
          DocumentFeatures.LengthUnit.WORDS, 0, 0, 0, 0);
    };
  }
}
