package dev.parity.graders.web;

import dev.parity.graders.baseline.WorkFiles;
import java.util.Optional;

/**
 * What to answer when the server could not read an upload: the multipart parser stops at its size
 * limits wherever the form is first read (the CSRF check reads a browser form's token from it, the
 * upload route its files), and says so only in an exception's message, several causes deep.
 */
final class UploadRefusal {
  private UploadRefusal() {}

  /** The answer for {@code failure}, when it is the multipart parser's; empty for any other failure. */
  static Optional<HttpError> of(Throwable failure) {
    boolean multipart = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof IllegalStateException && (message.startsWith("max file size exceeded")
          || message.startsWith("max request size exceeded"))) {
        return Optional.of(new HttpError(413, "A file is larger than the " + WorkFiles.MAX_FILE_BYTES / (1024 * 1024)
            + " MB a file may have, or the upload is larger than the " + WorkFiles.MAX_UPLOAD_BYTES / (1024 * 1024)
            + " MB an upload may have; nothing of this upload was kept."));
      }
      multipart |= message.contains("bad multipart");
    }
    return multipart ? Optional.of(new HttpError(400, "The upload could not be read (was it cut off?); nothing of "
        + "it was kept. Try again.")) : Optional.empty();
  }
}
