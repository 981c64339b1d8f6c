package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A file handed over with the request that the model is not shown: its format is one Parity
 * cannot pass to a model (audio, video, archives, CAD), or the file is not in the suite. The
 * request lists it by name as "not shown", so that the model knows it exists; graders and reports
 * can tell the task was not run as its author meant.
 *
 * @param file the path relative to the task folder, e.g. {@code references/interview.wav}
 * @param description what the file is; may be null
 * @param reason why it is not shown
 * @param url where to get a missing file; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnshownReference(String file, String description, Reason reason, String url) {
  public UnshownReference {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** Why a reference is not shown to the model. */
  public enum Reason {
    /** Its format is one Parity cannot show a model. */
    UNSUPPORTED_FORMAT,
    /** The file is not in the suite (not downloaded, or absent from the source). */
    MISSING;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The file's name without its folders. */
  public String fileName() {
    return file.substring(file.lastIndexOf('/') + 1);
  }
}
