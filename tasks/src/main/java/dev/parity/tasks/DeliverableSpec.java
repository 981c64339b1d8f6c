package dev.parity.tasks;

import dev.parity.documents.FileFormat;
import java.util.List;

/**
 * What the request asks to be delivered.
 *
 * @param formats the formats the deliverable must come in, at least one
 * @param description what the deliverable is, e.g. {@code A one-page summary}; may be null
 */
public record DeliverableSpec(List<FileFormat> formats, String description) {
  public DeliverableSpec {
    formats = List.copyOf(formats);
  }
}
