package dev.parity.graders.web;

import dev.parity.graders.campaign.BlindFile;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.store.BlobStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Files as the assignment page shows them: neutral name, download link, sanitised rendering.
 * Renderings are cached by content and neutral name, since every grader of a pair sees the same
 * files and rendering a document is the slow part of a page. Thread-safe.
 */
final class FileViews {
  private static final int CACHE_SIZE = 512;
  private final BlobStore blobs;
  private final DeliverableView view;
  private final Map<String, DeliverableView.Shown> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliverableView.Shown> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  FileViews(BlobStore blobs, DeliverableView view) {
    this.blobs = blobs;
    this.view = view;
  }

  /** One file on the page. */
  record FileView(String name, String url, String html, List<String> notes, String size, String description) {}

  /** The files of one side (or the references, {@code side} R), linked for download under {@code base}. */
  List<FileView> of(String base, String side, List<BlindFile> files) {
    List<FileView> views = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      BlindFile file = files.get(i);
      DeliverableView.Shown shown = shown(file);
      views.add(new FileView(file.name(), base + "/files/" + side + "/" + (i + 1), shown.html(), shown.notes(),
          size(file.file().sizeBytes()), file.file().description()));
    }
    return views;
  }

  /** The bytes a download sends: stripped of identifying metadata. */
  byte[] download(BlindFile file) {
    return view.strip(file.name(), blobs.get(file.file().sha256()));
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
