package dev.parity.cli;

import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderers;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.store.Database;
import java.time.Clock;

/**
 * Page images for the grading app and packets: one size for both (what a judge model is sent, so
 * graders see what judges see), drawn by the renderer this machine offers.
 */
final class PageImages {
  static final PageOptions OPTIONS = PageOptions.DEFAULT;

  private PageImages() {}

  /** A queue drawing the stripped copies of files in {@code database}'s blobs on {@code threads} threads. */
  static RenderQueue queue(Database database, PageRenderers.Opened renderer, int threads) {
    return new RenderQueue(new PageCache(database, Clock.systemUTC()), database.blobs(), new RenderedView(),
        renderer.renderer(), OPTIONS, threads);
  }

  /** One line saying what draws the pages, and what is shown as HTML only when LibreOffice is missing. */
  static String describe(PageRenderers.Opened renderer) {
    return "Pages drawn by " + renderer.renderer().version() + renderer.officeMissing()
        .map(why -> "; DOCX, XLSX and PPTX are shown as HTML only: " + why).orElse("");
  }
}
