package dev.parity.graders.pages;

import java.util.Objects;

/**
 * One drawn page in the cache: its image is a PNG blob.
 *
 * @param number the page's number, from 1
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param pngSha256 the blob holding the PNG
 */
public record PageRef(int number, int width, int height, String pngSha256) {
  public PageRef {
    Objects.requireNonNull(pngSha256, "pngSha256");
  }
}
