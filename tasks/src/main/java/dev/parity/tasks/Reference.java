package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.parity.core.ParityException;
import dev.parity.documents.FileFormat;
import java.util.Objects;

/**
 * A file handed over with the request.
 *
 * <p>In {@code task.json} a reference is either a path string or an object with {@code file}
 * and an optional {@code description}.
 *
 * @param file the path relative to the task folder, e.g. {@code references/q3-actuals.xlsx}
 * @param description what the file is, as the requester would describe it; may be null
 */
public record Reference(String file, String description) {
  public Reference {
    Objects.requireNonNull(file, "file");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Reference ofPath(String file) {
    return new Reference(file, null);
  }

  /** The file's format, from its extension. */
  public FileFormat format() {
    return FileFormat.ofFileName(file)
        .orElseThrow(() -> new ParityException("reference " + file + " has no known format"));
  }
}
