package dev.parity.documents.vetting;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds personal data, secrets, confidentiality markers and identity in a file, in every place
 * its format has ({@link Documents#surfaces}): comments, tracked changes, hidden sheets, speaker
 * notes, properties, PDF annotations, EXIF and the rest. Stateless and thread-safe.
 *
 * <p>A file that cannot be read is not an error: it gives one finding of kind
 * {@link Kinds#UNREADABLE} saying why, so that vetting a suite carries on with the other files.
 */
public final class Vetter {
  private static final List<Detector> DETECTORS =
      List.of(new Secrets(), new NationalNumbers(), new BankNumbers(), new Contacts(), new Markers(), new Identity());
  /**
   * Which of two overlapping hits is kept: the more specific shape first (a key in a
   * {@code SECRET_KEY=} line is an API key, not a password; a card number is not a phone; the
   * {@code pass@host} of {@code user:pass@host} is a password, not an e-mail address).
   */
  private static final List<String> PRIORITY = List.of(Kinds.PRIVATE_KEY, Kinds.JWT, Kinds.API_KEY, Kinds.IBAN,
      Kinds.PAYMENT_CARD, Kinds.US_SSN, Kinds.US_ITIN, Kinds.UK_NINO, Kinds.PASSWORD, Kinds.EMAIL, Kinds.FILE_PATH,
      Kinds.DATE_OF_BIRTH, Kinds.STREET_ADDRESS, Kinds.PHONE, Kinds.CONFIDENTIALITY_MARKER);

  private Vetter() {}

  /**
   * The findings in {@code file}, in the order its places are read, each once per place.
   *
   * @param relativeName the name to report, e.g. the file's path relative to the suite; its
   *     extension gives the format
   */
  public static List<Finding> vet(Path file, String relativeName) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return List.of(unreadable(relativeName, "cannot be read: " + e));
    }
    return vet(relativeName, bytes);
  }

  /** The findings in a file's bytes; {@code name}'s extension gives the format (unknown ones are read as text). */
  public static List<Finding> vet(String name, byte[] bytes) {
    Optional<FileFormat> format = FileFormat.ofFileName(name);
    List<Surface> surfaces;
    try {
      surfaces = Documents.surfaces(format.orElse(FileFormat.TXT), bytes);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return List.of(unreadable(name, "not readable as " + format.map(FileFormat::id).orElse("text") + ": " + why));
    }
    Set<Finding> findings = new LinkedHashSet<>();
    for (Surface surface : surfaces) {
      for (Hit hit : hits(surface)) {
        String match = surface.text().substring(hit.start(), hit.end());
        findings.add(new Finding(name, surface.where(), Kinds.category(hit.kind()), hit.kind(),
            Kinds.severity(hit.kind()), match, Masks.mask(hit.kind(), match)));
      }
    }
    return List.copyOf(findings);
  }

  /** Every detector's hits in one surface; of overlapping ones, the one first in {@link #PRIORITY}. */
  static List<Hit> hits(Surface surface) {
    List<Hit> all = new ArrayList<>();
    for (Detector detector : DETECTORS) {
      detector.find(surface.text(), surface.label(), all);
    }
    if (surface.label().equals(Documents.GPS_LABEL)) {
      all.add(new Hit(Kinds.GPS_LOCATION, 0, surface.text().length()));
    }
    List<Hit> kept = new ArrayList<>();
    all.stream()
        .sorted(Comparator.comparingInt((Hit h) -> rank(h.kind())).thenComparingInt(h -> h.start() - h.end()))
        .forEach(hit -> {
          boolean exclusive = PRIORITY.contains(hit.kind());
          if (!exclusive || kept.stream().noneMatch(k -> PRIORITY.contains(k.kind()) && k.overlaps(hit))) {
            kept.add(hit);
          }
        });
    kept.sort(Comparator.comparingInt(Hit::start));
    return kept;
  }

  private static int rank(String kind) {
    int rank = PRIORITY.indexOf(kind);
    return rank < 0 ? PRIORITY.size() : rank;
  }

  private static Finding unreadable(String name, String why) {
    return new Finding(name, "whole file", Category.UNREAD, Kinds.UNREADABLE, Severity.HIGH, "", why);
  }
}
