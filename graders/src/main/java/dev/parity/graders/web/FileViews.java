package dev.parity.graders.web;

import dev.parity.documents.FileFormat;
import dev.parity.graders.campaign.BlindFile;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.store.BlobStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files as the assignment page shows them: neutral name, download link, sanitised rendering, and
 * with a render queue the file's page images ({@link FilePages}). Renderings are cached by content
 * and neutral name, since every grader of a pair sees the same files and rendering a document is
 * the slow part of a page; page images are drawn in the background and only looked up here.
 * Thread-safe.
 */
final class FileViews {
  private static final int CACHE_SIZE = 512;
  private final BlobStore blobs;
  private final DeliverableView view;
  private final RenderQueue pages;
  private final Map<String, DeliverableView.Shown> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliverableView.Shown> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  /** Files rendered by {@code view}, with page images from {@code pages} when it is not null. */
  FileViews(BlobStore blobs, DeliverableView view, RenderQueue pages) {
    this.blobs = blobs;
    this.view = view;
    this.pages = pages;
  }

  /**
   * One file on the page; {@code pages} is null when it is shown as rendered HTML only. A file
   * shown as pages has no {@code html} here: its HTML view is fetched when its tab is opened
   * ({@link #text}), so that a page request only looks pages up and never converts a document.
   */
  record FileView(String name, String url, String html, List<String> notes, String size, String description,
      FilePages pages) {}

  /** The files of one side (or the references, {@code side} R), linked for download under {@code base}. */
  List<FileView> of(String base, String side, List<BlindFile> files) {
    List<FileView> views = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      BlindFile file = files.get(i);
      String url = base + "/files/" + side + "/" + (i + 1);
      FilePages filePages = pages(url, side + "-" + (i + 1), file);
      DeliverableView.Shown shown = filePages != null && filePages.tabs() ? new DeliverableView.Shown("", List.of())
          : shown(file);
      views.add(new FileView(file.name(), url, shown.html(), shown.notes(), size(file.file().sizeBytes()),
          file.file().description(), filePages));
    }
    return views;
  }

  /** A file's HTML view (sanitised) with its notes: the Text tab of a file shown as pages. */
  DeliverableView.Shown text(BlindFile file) {
    return shown(file);
  }

  /** The bytes a download sends: stripped of identifying metadata. */
  byte[] download(BlindFile file) {
    return view.strip(file.name(), blobs.get(file.file().sha256()));
  }

  /** A file's bytes as stored: a professional's own upload, sent back as they gave it. */
  byte[] bytes(CampaignFile file) {
    return blobs.get(file.sha256());
  }

  /** The PNG of page {@code number} of a file, when its pages are drawn. */
  Optional<byte[]> png(BlindFile file, int number) {
    Optional<FileFormat> format = FileFormat.ofFileName(file.name());
    if (pages == null || format.isEmpty() || !pages.draws(format.get())) {
      return Optional.empty();
    }
    return pages.png(file.file().sha256(), format.get(), number);
  }

  /** Whether any of {@code views} is waiting for its pages. */
  static boolean pending(List<FileView> views) {
    return views.stream().anyMatch(v -> v.pages() != null && v.pages().pending());
  }

  private FilePages pages(String url, String id, BlindFile file) {
    Optional<FileFormat> format = FileFormat.ofFileName(file.name());
    if (pages == null || format.isEmpty()) {
      return null;
    }
    if (!pages.draws(format.get())) {
      // Text formats read the same as HTML; a document the server cannot draw says so.
      return format.get().isBinary() ? FilePages.notDrawn(format.get()) : null;
    }
    return FilePages.of(id, url + "/pages/", format.get(), pages.request(file.file().sha256(), format.get()));
  }

  String stylesheet() {
    return view.stylesheet();
  }

  private DeliverableView.Shown shown(BlindFile file) {
    String key = file.file().sha256() + "/" + file.name();
    DeliverableView.Shown shown = cache.get(key);
    if (shown == null) {
      DeliverableView.Shown raw = view.render(file.name(), view.strip(file.name(), blobs.get(file.file().sha256())));
      shown = new DeliverableView.Shown(Sanitizer.clean(raw.html()), raw.notes());
      cache.put(key, shown);
    }
    return shown;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
