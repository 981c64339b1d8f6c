package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.parity.documents.FileFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the request asks to be delivered.
 *
 * @param formats the formats the deliverable must come in, at least one
 * @param description what the deliverable is, e.g. {@code A one-page summary}; may be null
 * @param formatsFrom how the formats were found; {@link FormatsFrom#STATED} for a hand-written task
 * @param unsupported why Parity cannot take the deliverable the request asks for (say, a video);
 *     null when it can
 */
public record DeliverableSpec(List<FileFormat> formats, String description, FormatsFrom formatsFrom, String unsupported) {
  public DeliverableSpec {
    formats = List.copyOf(formats);
    formatsFrom = Objects.requireNonNullElse(formatsFrom, FormatsFrom.STATED);
  }

  /** Formats stated by the task's author, with nothing unsupported. */
  public DeliverableSpec(List<FileFormat> formats, String description) {
    this(formats, description, FormatsFrom.STATED, null);
  }

  /** How a task's deliverable formats were found. */
  public enum FormatsFrom {
    /** Stated by the task's author. */
    STATED,
    /** The extensions of the professional's deliverable files. */
    BASELINE_FILES,
    /** Words of the request, by the importer's documented keyword table: a guess. */
    INFERRED_FROM_REQUEST,
    /** Nothing said: a default format was assumed. */
    DEFAULTED;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
