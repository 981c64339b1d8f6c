package dev.parity.tasks.gdpval;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where the dataset's files are served: {@code <mirror>/<revision>/<path>}, every path segment
 * percent-encoded. The dataset's own URL columns are never used: in the launch data they are not
 * encoded (names have spaces and parentheses) and they point at {@code main}, not at a revision.
 */
final class DatasetUrls {
  /** Hugging Face's file endpoint for the dataset. */
  static final URI HUGGING_FACE = URI.create("https://huggingface.co/datasets/openai/gdpval/resolve/");

  /** The revision named in URLs when none is pinned. */
  static final String UNPINNED = "main";

  private final String base;
  private final String revision;

  DatasetUrls(URI mirror, String revision) {
    String text = mirror.toString();
    this.base = text.endsWith("/") ? text : text + "/";
    this.revision = revision == null ? UNPINNED : revision;
  }

  /** The URL of the dataset file at {@code path}, e.g. {@code reference_files/ab12/Population (4).xlsx}. */
  URI of(String path) {
    StringBuilder url = new StringBuilder(base).append(encode(revision));
    for (String segment : path.split("/")) {
      url.append('/').append(encode(segment));
    }
    return URI.create(url.toString());
  }

  /** RFC 3986 percent-encoding of one path segment: only unreserved characters stay as they are. */
  static String encode(String segment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '~') {
        out.write(c);
      } else {
        out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
