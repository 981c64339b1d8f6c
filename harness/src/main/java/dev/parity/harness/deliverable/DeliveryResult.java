package dev.parity.harness.deliverable;

import java.util.List;
import java.util.Objects;

/**
 * What a deliverable came to: the files, how they were taken out of the answer, which files
 * could not be built, what validation found, and what the parser had to repair.
 *
 * @param files the delivered files, in the order the answer gave them; names are unique
 * @param extraction the path taken: envelope, fallback, or files delivered as files
 * @param buildFailures files that could not be built, with the reason
 * @param findings problems with the delivered files and missing formats
 * @param notes repairs the parser made (missing end marker, fence removed, name changed, …)
 * @param conversions requested formats built from another format the model delivered, with
 *     {@link FormatConversion#CONVERT}; the built files are among {@code files}
 */
public record DeliveryResult(
    List<DeliveredFile> files,
    Extraction extraction,
    List<BuildFailure> buildFailures,
    List<Finding> findings,
    List<String> notes,
    List<Conversion> conversions) {

  public DeliveryResult {
    files = List.copyOf(files);
    Objects.requireNonNull(extraction, "extraction");
    buildFailures = List.copyOf(buildFailures);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    conversions = List.copyOf(conversions);
  }

  /** Whether every requested format was delivered and every file passed validation. */
  public boolean isClean() {
    return buildFailures.isEmpty() && findings.isEmpty();
  }
}
