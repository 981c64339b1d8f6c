package dev.parity.graders.pages;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.Row;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Page renders kept in the store (tables {@code grading_page_renders} and {@code
 * grading_page_images}; the PNGs are blobs): what was drawn, its status, and for a failed render
 * the reason. The table is also the durable queue: a render queued by {@code parity campaign
 * create} in one process is drawn by {@code parity serve} in another. Thread-safe; every write is
 * one transaction.
 */
public final class PageCache {
  private static final List<String> COLUMNS =
      List.of("id", "sha256", "format", "renderer", "long_edge", "max_pages", "status", "updated_at");

  private final Database db;
  private final Clock clock;

  public PageCache(Database database, Clock clock) {
    this.db = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The render of {@code key}, if one was ever queued. */
  public Optional<PageRender> find(RenderKey key) {
    return db.read("read the page render of " + key.sha256(), h -> find(h, key));
  }

  /**
   * Queues every key not in the cache yet (a render already done or failed stays as it is).
   *
   * @return the keys still to draw: those queued now and those queued or rendering before
   */
  public List<RenderKey> queue(Collection<RenderKey> keys) {
    return db.transaction("queue " + keys.size() + " page renders", h -> {
      String sql = h.dialect().upsert("grading_page_renders", List.of("id"), COLUMNS, List.of());
      List<RenderKey> waiting = new ArrayList<>();
      String now = clock.instant().toString();
      for (RenderKey key : keys) {
        h.update(sql, key.id(), key.sha256(), key.format().id(), key.renderer(), key.options().longEdge(),
            key.options().maxPages(), RenderStatus.QUEUED.id(), now);
        if (!status(h, key).finished()) {
          waiting.add(key);
        }
      }
      return waiting;
    });
  }

  /** Every render still queued or left rendering (by a process that stopped), oldest first. */
  public List<RenderKey> unfinished() {
    return db.read("list unfinished page renders", h -> h.list("SELECT sha256, format, renderer, max_pages, long_edge"
        + " FROM grading_page_renders WHERE status IN (?, ?) ORDER BY updated_at",
        PageCache::key, RenderStatus.QUEUED.id(), RenderStatus.RENDERING.id())).stream()
        .flatMap(Optional::stream).toList();
  }

  void rendering(RenderKey key) {
    setStatus(key, RenderStatus.RENDERING, null, null);
  }

  /** Records {@code key} as drawn with {@code pages}; the judge's pages are cached here too. */
  public PageRender done(RenderKey key, List<PageRef> pages, int pageCount) {
    db.transaction("record the pages of " + key.sha256(), h -> {
      // The render's row first: a judge draws without queueing, and the pages reference the row.
      update(h, key, RenderStatus.DONE, null, pageCount);
      h.update("DELETE FROM grading_page_images WHERE render_id = ?", key.id());
      List<Object[]> rows = new ArrayList<>();
      pages.forEach(p -> rows.add(new Object[] {key.id(), p.number(), p.width(), p.height(), p.pngSha256()}));
      h.batch("INSERT INTO grading_page_images (render_id, number, width, height, png_sha256) VALUES (?, ?, ?, ?, ?)",
          rows);
      return null;
    });
    return new PageRender(key, RenderStatus.DONE, null, pageCount, pages);
  }

  /** Records {@code key} as not drawable by its renderer version, for {@code reason}. */
  public PageRender failed(RenderKey key, String reason) {
    setStatus(key, RenderStatus.FAILED, reason, null);
    return new PageRender(key, RenderStatus.FAILED, reason, 0, List.of());
  }

  private void setStatus(RenderKey key, RenderStatus status, String reason, Integer pageCount) {
    db.transaction("record page render " + status.id() + " of " + key.sha256(), h -> {
      update(h, key, status, reason, pageCount);
      return null;
    });
  }

  private void update(Handle h, RenderKey key, RenderStatus status, String reason, Integer pageCount)
      throws SQLException {
    String now = clock.instant().toString();
    // A render asked for by a page request may not have been queued by a campaign: make its row first.
    h.update(h.dialect().upsert("grading_page_renders", List.of("id"), COLUMNS, List.of()), key.id(), key.sha256(),
        key.format().id(), key.renderer(), key.options().longEdge(), key.options().maxPages(), status.id(), now);
    h.update("UPDATE grading_page_renders SET status = ?, reason = ?, page_count = ?, updated_at = ? WHERE id = ?",
        status.id(), reason, pageCount, now, key.id());
  }

  private static RenderStatus status(Handle h, RenderKey key) throws SQLException {
    return h.first("SELECT status FROM grading_page_renders WHERE id = ?", r -> RenderStatus.parse(r.text(1)), key.id())
        .flatMap(s -> s).orElse(RenderStatus.QUEUED);
  }

  private static Optional<PageRender> find(Handle h, RenderKey key) throws SQLException {
    Optional<PageRender> render = h.first("SELECT status, reason, page_count FROM grading_page_renders WHERE id = ?",
        r -> new PageRender(key, RenderStatus.parse(r.text(1)).orElse(RenderStatus.QUEUED), r.text(2),
            Optional.ofNullable(r.bigint(3)).orElse(0L).intValue(), List.of()), key.id());
    if (render.isEmpty() || render.get().status() != RenderStatus.DONE) {
      return render;
    }
    List<PageRef> pages = h.list("SELECT number, width, height, png_sha256 FROM grading_page_images"
        + " WHERE render_id = ? ORDER BY number", r -> new PageRef(r.integer(1), r.integer(2), r.integer(3), r.text(4)),
        key.id());
    PageRender done = render.get();
    return Optional.of(new PageRender(key, done.status(), null, done.pageCount(), pages));
  }

  private static Optional<RenderKey> key(Row r) throws SQLException {
    // A format this version does not know (written by a newer one) is not ours to draw.
    String sha256 = r.text(1);
    String renderer = r.text(3);
    PageOptions options = new PageOptions(r.integer(4), r.integer(5));
    return FileFormat.fromId(r.text(2)).map(format -> new RenderKey(sha256, format, renderer, options));
  }
}
