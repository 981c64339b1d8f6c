package dev.parity.graders.pages;

import dev.parity.documents.FileFormat;
import dev.parity.graders.campaign.BlindFile;
import dev.parity.graders.campaign.PacketPages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;

/**
 * Page images in offline packets, drawn by a {@link RenderQueue} (from its cache when they are
 * there): each drawn file's pages as {@code pages/<name>/page-01.png}, … and, for the two
 * deliverables, {@code side-by-side.html}, a page without script that shows A and B page by page,
 * so that scrolling keeps them at the same page. A file that could not be drawn is named, with the
 * reason, in the notes for request.md and in the side-by-side page.
 */
public final class PacketPageImages implements PacketPages {
  private final RenderQueue queue;

  public PacketPageImages(RenderQueue queue) {
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  public List<String> write(Path item, List<BlindFile> a, List<BlindFile> b, List<BlindFile> references)
      throws IOException {
    Map<BlindFile, CompletableFuture<PageRender>> renders = new LinkedHashMap<>();
    Stream.of(a, b, references).flatMap(List::stream).forEach(file -> format(file)
        .ifPresent(format -> renders.put(file, queue.render(file.file().sha256(), format))));
    List<String> notes = new ArrayList<>();
    Map<BlindFile, PageRender> drawn = new LinkedHashMap<>();
    for (Map.Entry<BlindFile, CompletableFuture<PageRender>> entry : renders.entrySet()) {
      BlindFile file = entry.getKey();
      PageRender render = entry.getValue().join();
      drawn.put(file, render);
      if (render.status() == RenderStatus.FAILED) {
        notes.add(file.name() + " could not be drawn as pages: " + render.reason());
        continue;
      }
      Path folder = Files.createDirectories(item.resolve("pages").resolve(stem(file)));
      for (PageRef page : render.pages()) {
        Files.write(folder.resolve(pageFile(page.number())), queue.png(page));
      }
      if (render.truncated()) {
        notes.add(file.name() + ": pages 1 to " + render.pages().size() + " of " + render.pageCount()
            + " are in pages/; open the file for the rest");
      }
    }
    if (!drawn.isEmpty()) {
      notes.add(0, "pages/ holds the documents' pages as pictures"
          + (a.stream().anyMatch(drawn::containsKey) || b.stream().anyMatch(drawn::containsKey)
              ? "; side-by-side.html shows A and B page by page" : ""));
    }
    if (a.stream().anyMatch(drawn::containsKey) || b.stream().anyMatch(drawn::containsKey)) {
      Files.writeString(item.resolve("side-by-side.html"), sideBySide(a, b, drawn), StandardCharsets.UTF_8);
    }
    return notes;
  }

  private Optional<FileFormat> format(BlindFile file) {
    return FileFormat.ofFileName(file.name()).filter(queue::draws);
  }

  private static String sideBySide(List<BlindFile> a, List<BlindFile> b, Map<BlindFile, PageRender> drawn) {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Deliverables A and B, page by page</title>
        <style>
        body { font: 15px/1.5 system-ui, sans-serif; margin: 1rem; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        th, td { vertical-align: top; padding: 0.4rem; border-bottom: 1px solid #d8dce4; text-align: left; }
        th.page { width: 4rem; }
        img { width: 100%; height: auto; border: 1px solid #d8dce4; }
        .failed { color: #b3261e; }
        </style></head><body>
        <h1>Deliverables A and B, page by page</h1>
        """);
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BlindFile left = i < a.size() ? a.get(i) : null;
      BlindFile right = i < b.size() ? b.get(i) : null;
      html.append("<table>\n<tr><th class=\"page\">Page</th><th>").append(name(left)).append("</th><th>")
          .append(name(right)).append("</th></tr>\n");
      int pages = Math.max(count(drawn.get(left)), count(drawn.get(right)));
      if (pages == 0) {
        html.append("<tr><td></td><td>").append(cell(left, drawn.get(left), 1)).append("</td><td>")
            .append(cell(right, drawn.get(right), 1)).append("</td></tr>\n");
      }
      for (int n = 1; n <= pages; n++) {
        html.append("<tr><th class=\"page\">").append(n).append("</th><td>").append(cell(left, drawn.get(left), n))
            .append("</td><td>").append(cell(right, drawn.get(right), n)).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String cell(BlindFile file, PageRender render, int n) {
    if (file == null) {
      return "";
    }
    if (render == null) {
      return "<p>Not drawn as pages: open " + Entities.escape(file.name()) + ".</p>";
    }
    if (render.status() == RenderStatus.FAILED) {
      return n == 1 ? "<p class=\"failed\">Could not be drawn: " + Entities.escape(render.reason()) + "</p>" : "";
    }
    return n <= render.pages().size() ? "<img src=\"pages/" + stem(file) + "/" + pageFile(n) + "\" alt=\"page " + n
        + " of " + Entities.escape(file.name()) + "\">" : "";
  }

  private static int count(PageRender render) {
    return render == null ? 0 : render.pages().size();
  }

  private static String name(BlindFile file) {
    return file == null ? "" : Entities.escape(file.name());
  }

  private static String stem(BlindFile file) {
    int dot = file.name().lastIndexOf('.');
    return dot < 0 ? file.name() : file.name().substring(0, dot);
  }

  private static String pageFile(int number) {
    return String.format(Locale.ROOT, "page-%02d.png", number);
  }
}
