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
 * @param consent the contributor's statement that they agree to the task being shared with model
 *     providers and graders (and, when people appear in it, that they could agree to that); may be
 *     null, required for a {@link Origin#CONTRIBUTED contributed} task
 * @param rightsBasis on what right the task may be shared; may be null, required for a contributed
 *     task
 */
public record Provenance(
    Origin origin,
    String contributor,
    String license,
    Boolean attestedNoConfidentialInfo,
    LocalDate date,
    String source,
    String notes,
    DatasetRow dataset,
    String consent,
    RightsBasis rightsBasis) {

  /** Provenance of a task that comes from no dataset and states no consent or rights basis. */
  public Provenance(Origin origin, String contributor, String license, Boolean attestedNoConfidentialInfo,
      LocalDate date, String source, String notes) {
    this(origin, contributor, license, attestedNoConfidentialInfo, date, source, notes, null, null, null);
  }

  /** Provenance of a task imported from a dataset row, which states no consent or rights basis. */
  public Provenance(Origin origin, String contributor, String license, Boolean attestedNoConfidentialInfo,
      LocalDate date, String source, String notes, DatasetRow dataset) {
    this(origin, contributor, license, attestedNoConfidentialInfo, date, source, notes, dataset, null, null);
  }

  /** This provenance with a consent statement and a rights basis. */
  public Provenance withRights(String consent, RightsBasis rightsBasis) {
    return new Provenance(origin, contributor, license, attestedNoConfidentialInfo, date, source, notes, dataset,
        consent, rightsBasis);
  }

  /** On what right a task may be shared with model providers and graders. */
  public enum RightsBasis {
    /** The contributor made it and holds the rights (no employer or client owns it). */
    OWN_WORK,
    /** Whoever owns it (an employer, a client) agreed in writing to its being shared. */
    RIGHTS_HOLDER_PERMISSION,
    /** Its source's licence, named in {@code license}, allows it. */
    LICENSED,
    /** Nobody holds rights in it. */
    PUBLIC_DOMAIN;

    @JsonValue
    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
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
