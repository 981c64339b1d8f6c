package dev.parity.graders.pages;

import java.util.List;
import java.util.Objects;

/**
 * The state of one render.
 *
 * @param key what is drawn
 * @param status where it is
 * @param reason why it failed, for a grader to read; null unless {@link RenderStatus#FAILED}
 * @param pageCount how many pages the document has, drawn or not; 0 until done
 * @param pages the pages drawn, in order; empty until done
 */
public record PageRender(RenderKey key, RenderStatus status, String reason, int pageCount, List<PageRef> pages) {
  public PageRender {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    pages = List.copyOf(pages);
  }

  static PageRender of(RenderKey key, RenderStatus status) {
    return new PageRender(key, status, null, 0, List.of());
  }

  /** Whether the document has pages beyond those drawn (the page budget cut it). */
  public boolean truncated() {
    return pageCount > pages.size();
  }
}
