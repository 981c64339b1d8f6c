package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;

/**
 * Where a task came from and on what terms.
 *
 * @param origin how the task came about
 * @param contributor who contributed it (a name or pseudonym); may be null
 * @param license the task's licence, e.g. {@code CC-BY-4.0}; may be null
 * @param attestedNoConfidentialInfo whether the contributor attested that it holds no
 *     confidential information; null when not stated
 * @param date when it was written or contributed; may be null
 * @param source where an adapted task was adapted from; may be null
 * @param notes anything else a user of the task should know; may be null
 * @param dataset the dataset row an imported task comes from; may be null
 */
public record Provenance(
    Origin origin,
    String contributor,
    String license,
    Boolean attestedNoConfidentialInfo,
    LocalDate date,
    String source,
    String notes,
    DatasetRow dataset) {

  /** Provenance of a task that comes from no dataset. */
  public Provenance(Origin origin, String contributor, String license, Boolean attestedNoConfidentialInfo,
      LocalDate date, String source, String notes) {
    this(origin, contributor, license, attestedNoConfidentialInfo, date, source, notes, null);
  }

  /** How a task came about. */
  public enum Origin {
    /** Written from real work by the professional who did it. */
    CONTRIBUTED,
    /** Made up to look like real work; no real person's data. */
    FABRICATED,
    /** Taken from another source and changed. */
    ADAPTED;

    @JsonValue
    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
