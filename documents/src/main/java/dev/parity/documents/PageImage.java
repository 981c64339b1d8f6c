package dev.parity.documents;

import java.util.Objects;

/**
 * One page of a document drawn as a PNG image.
 *
 * @param number the page's number in the document, from 1
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param png the image, PNG-encoded
 */
public record PageImage(int number, int width, int height, byte[] png) {
  public PageImage {
    if (number < 1) {
      throw new IllegalArgumentException("page numbers start at 1, got " + number);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a page image needs a size, got " + width + "x" + height);
    }
    Objects.requireNonNull(png, "png");
  }
}
