package dev.parity.tasks.gdpval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads the dataset's files into a local folder with the dataset's layout, only when asked
 * ({@code parity import gdpval --download --revision REV}). Each file comes from
 * {@code <mirror>/<revision>/<percent-encoded path>}; its size is checked against what the server
 * announces; an interrupted download is kept as {@code <file>.part} and resumed with a range
 * request next time; a file already there is not fetched again.
 *
 * <p>A file that fails is reported and left missing: the import flags its task instead of failing.
 * Not thread-safe; one download at a time.
 */
public final class GdpvalDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  private final HttpClient client;
  private final DatasetUrls urls;

  /**
   * @param client the HTTP client (its timeouts and proxy apply)
   * @param mirror where the files are served; null for Hugging Face
   * @param revision the dataset's revision to fetch; must be pinned
   */
  public GdpvalDownload(HttpClient client, URI mirror, String revision) {
    if (revision == null || revision.isBlank()) {
      throw new IllegalArgumentException("a download needs a pinned revision (--revision COMMIT)");
    }
    this.client = client;
    this.urls = new DatasetUrls(mirror == null ? DatasetUrls.HUGGING_FACE : mirror, revision);
  }

  /**
   * What a download did.
   *
   * @param downloaded files fetched now (whole or resumed)
   * @param present files that were already there
   * @param failed one line per file that could not be fetched: its path and why
   * @param bytes bytes received
   */
  public record Outcome(int downloaded, int present, List<String> failed, long bytes) {
    public Outcome {
      failed = List.copyOf(failed);
    }
  }

  /**
   * Fetches every file of {@code paths} missing under {@code root}.
   *
   * @param progress told of each file as it is done, e.g. {@code reference_files/…/a.xlsx (12 KB)}
   * @throws InterruptedException if interrupted; what was received so far is kept as {@code .part}
   */
  public Outcome fetch(List<String> paths, Path root, Consumer<String> progress) throws InterruptedException {
    int downloaded = 0;
    int present = 0;
    long bytes = 0;
    List<String> failed = new ArrayList<>();
    Path base = root.toAbsolutePath().normalize();
    for (String path : paths) {
      Path target = base.resolve(path).normalize();
      if (!target.startsWith(base)) {
        failed.add(path + ": leaves the asset folder");
        continue;
      }
      if (Files.isRegularFile(target)) {
        present++;
        continue;
      }
      try {
        long received = fetch(path, target);
        bytes += received;
        downloaded++;
        progress.accept(path + " (" + received + " bytes)");
      } catch (IOException e) {
        failed.add(path + ": " + e.getMessage());
        progress.accept(path + " failed: " + e.getMessage());
      }
    }
    return new Outcome(downloaded, present, failed, bytes);
  }

  /** Fetches one file into {@code target} through {@code target.part}; returns the bytes received. */
  private long fetch(String path, Path target) throws IOException, InterruptedException {
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    HttpRequest.Builder request = HttpRequest.newBuilder(urls.of(path)).GET();
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    long expected;
    boolean append;
    try (InputStream body = response.body()) {
      switch (response.statusCode()) {
        case 200 -> {
          append = false;
          OptionalLong length = response.headers().firstValueAsLong("content-length");
          expected = length.isPresent() ? length.getAsLong() : -1;
        }
        case 206 -> {
          Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("content-range").orElse(""));
          if (!range.matches() || Long.parseLong(range.group(1)) != have) {
            Files.deleteIfExists(part);
            throw new DownloadFailedException("the server resumed at another offset ("
                + response.headers().firstValue("content-range").orElse("no Content-Range") + "); run again to start over");
          }
          append = true;
          expected = Long.parseLong(range.group(3));
        }
        case 416 -> {
          Files.deleteIfExists(part);
          throw new DownloadFailedException("the server refused to resume (416); run again to start over");
        }
        default -> throw new DownloadFailedException("HTTP " + response.statusCode() + " from " + urls.of(path));
      }
      long received = copy(body, part, append);
      long size = Files.size(part);
      if (expected >= 0 && size != expected) {
        if (size > expected) {
          Files.delete(part);
        }
        throw new DownloadFailedException("got " + size + " bytes, the server announced " + expected
            + (size < expected ? "; run again to resume" : ""));
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return received;
    }
  }

  private static long copy(InputStream body, Path part, boolean append) throws IOException {
    try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      return body.transferTo(out);
    } catch (IOException e) {
      // What arrived stays in the .part file, to resume from.
      throw new DownloadFailedException("the connection broke (" + e.getMessage() + "); run again to resume");
    }
  }

  /** One file's download failed; it is reported and the others go on. */
  private static final class DownloadFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    DownloadFailedException(String message) {
      super(message);
    }
  }
}
