package dev.parity.graders.pages;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What one render draws, and so what its cache entry is keyed by: a stored file read as a format,
 * drawn by one renderer version at one size. A new renderer version or size is a new entry, never
 * a stale hit.
 *
 * @param sha256 the stored file's hex sha256 (its stripped copy is what is drawn)
 * @param format the format the file is read as, from its name
 * @param renderer {@link dev.parity.documents.PageRenderer#version()}
 * @param options how many pages and how large
 */
public record RenderKey(String sha256, FileFormat format, String renderer, PageOptions options) {
  public RenderKey {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(renderer, "renderer");
    Objects.requireNonNull(options, "options");
  }

  /** The key as one hex sha256, the cache row's id. */
  public String id() {
    String key = sha256 + "\n" + format.id() + "\n" + renderer + "\n" + options.longEdge() + "\n" + options.maxPages();
    return BlobStore.sha256(key.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The keys of the files among {@code files} that {@code renderer} draws (by the format their
   * names say), at {@code options}: what queueing a campaign's renders records.
   */
  public static List<RenderKey> drawable(Collection<CampaignFile> files, PageRenderer renderer, PageOptions options) {
    List<RenderKey> keys = new ArrayList<>();
    for (CampaignFile file : files) {
      FileFormat.ofFileName(file.name()).filter(renderer::handles)
          .ifPresent(f -> keys.add(new RenderKey(file.sha256(), f, renderer.version(), options)));
    }
    return keys;
  }
}
