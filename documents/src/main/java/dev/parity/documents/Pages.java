package dev.parity.documents;

import java.util.List;
import java.util.Objects;

/**
 * A document's pages as images.
 *
 * @param images the pages drawn, in order, at most {@link PageOptions#maxPages()}
 * @param pageCount how many pages the document has, drawn or not
 * @param renderer what drew them, with versions ({@code PDFBox 3.0.8}); part of any cache key
 */
public record Pages(List<PageImage> images, int pageCount, String renderer) {
  public Pages {
    images = List.copyOf(images);
    Objects.requireNonNull(renderer, "renderer");
    if (pageCount < images.size()) {
      throw new IllegalArgumentException(
          "a document of " + pageCount + " pages cannot have " + images.size() + " drawn");
    }
  }

  /** Whether the document has pages beyond those drawn. */
  public boolean truncated() {
    return pageCount > images.size();
  }
}
