package dev.parity.graders.web;

import dev.parity.documents.FileFormat;
import dev.parity.graders.pages.PageRender;
import dev.parity.graders.pages.RenderStatus;
import java.util.List;
import java.util.Locale;

/**
 * A file's pages as the assignment page shows them: the page images with their thumbnails, or
 * "rendering…" until they are drawn, or why they could not be; beside them a second tab with the
 * rendered HTML (the sheet view for a workbook). A file the server cannot draw (no office
 * converter) has no tabs, only a notice above its HTML view.
 *
 * @param id the element id of the file's views, e.g. {@code pages-A-1}
 * @param status where its render is; null when the file is not drawn
 * @param reason why the render failed; null unless it did
 * @param images the pages drawn
 * @param more what the grader should know about pages left out; null when none were
 * @param textLabel the second tab's name
 * @param notice why the file is shown as HTML only; null when it is drawn
 */
record FilePages(String id, RenderStatus status, String reason, List<PageLink> images, String more,
    String textLabel, String notice) {

  /** One page image: its number, address, size and anchor ({@code pages-A-1-p3}). */
  record PageLink(int number, String url, int width, int height, String anchor) {}

  static FilePages of(String id, String pagesUrl, FileFormat format, PageRender render) {
    String element = "pages-" + id;
    List<PageLink> images = render.pages().stream().map(p -> new PageLink(p.number(), pagesUrl + p.number(),
        p.width(), p.height(), element + "-p" + p.number())).toList();
    String more = render.truncated() ? String.format(Locale.ROOT,
        "Pages 1 to %d of %d are shown: download the file to see the rest.", images.size(), render.pageCount()) : null;
    return new FilePages(element, render.status(), render.reason(), images, more, textLabel(format), null);
  }

  static FilePages notDrawn(FileFormat format) {
    return new FilePages(null, null, null, List.of(), null, textLabel(format),
        "Pages are not drawn for " + format.id().toUpperCase(Locale.ROOT) + " files on this server (it has no office"
            + " converter, LibreOffice): shown converted to HTML, which may differ from the document as made."
            + " Download it to see it as the client would.");
  }

  private static String textLabel(FileFormat format) {
    return format == FileFormat.XLSX ? "Sheet" : "Text";
  }

  /** Whether the file is shown with a Pages tab. */
  public boolean tabs() {
    return status != null;
  }

  public boolean pending() {
    return status != null && !status.finished();
  }

  public boolean failed() {
    return status == RenderStatus.FAILED;
  }

  public boolean done() {
    return status == RenderStatus.DONE;
  }

  /** The status as the page's script reads it: queued, rendering, done or failed. */
  public String statusId() {
    return status == null ? "" : status.id();
  }
}
