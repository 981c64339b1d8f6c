package dev.parity.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The reader of JPEG and PNG pictures: no text (the pixels are not read), their metadata — EXIF
 * with the GPS position, XMP, comments, text chunks — as surfaces and as metadata
 * ({@link ImageMetadata}), and one picture as their length.
 */
final class ImageReader implements FormatReader {
  private final FileFormat format;

  ImageReader(FileFormat format) {
    this.format = format;
  }

  @Override
  public String text(byte[] bytes) throws IOException {
    throw new IOException("a " + format.id() + " image holds no text to extract");
  }

  @Override
  public List<TextPiece> pieces(byte[] bytes) {
    return List.of();
  }

  @Override
  public List<Surface> surfaces(byte[] bytes) throws IOException {
    return ImageMetadata.surfaces(bytes);
  }

  @Override
  public DocumentFeatures features(byte[] bytes) throws IOException {
    decode(bytes);
    return new DocumentFeatures(1, DocumentFeatures.LengthUnit.IMAGES, 0, 0, 0, 1);
  }

  @Override
  public Found metadata(byte[] bytes) throws IOException {
    return ImageMetadata.inspect(bytes);
  }

  /** Decodes the picture, to tell one that opens from one that does not. */
  void decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("not a " + format.id() + " image");
    }
  }
}
